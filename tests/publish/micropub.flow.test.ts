/**
 * Publishing through the real services (tests/publish/harness.ts) to the real Micropub test site:
 * the whole review, re-publish after an edit, the site gone mid-publish, a lost reply, a wrong token.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readState } from '../../scripts/blogs/lib.mjs'
import type { PublishRecord } from '../../src/shared/publish'
import { createPublishHarness, type PublishHarness } from './harness'
import { startFaultProxy, type FaultProxy } from './proxy'

const state = readState<{ url: string; secret: string }>('micropub')
const auth = { authorization: `Bearer ${state.secret}` }

let harness: PublishHarness | undefined
let proxy: FaultProxy | undefined

afterEach(async () => {
  await harness?.close()
  await proxy?.close()
  harness = undefined
  proxy = undefined
})

async function open(url = state.url, secret = state.secret): Promise<PublishHarness> {
  harness = await createPublishHarness({ blog: { name: 'Test Micropub', kind: 'micropub', url }, secret, retry: { attempts: 2, baseDelayMs: 20 } })
  return harness
}

/**
 * Posts on the site carrying this publish id: the target puts its last twelve characters at the
 * end of the slug. Counted among the newest posts of the site's post list, with the token.
 */
async function postsOf(publishId: string): Promise<string[]> {
  const marker = publishId.toLowerCase().replace(/[^a-z0-9]/g, '').slice(-12)
  const response = await fetch(`${state.url}micropub?q=source&limit=100`, { headers: auth })
  const { items } = (await response.json()) as { items: Array<{ properties: { url: string[] } }> }
  return items.map((item) => item.properties.url[0] ?? '').filter((url) => url.endsWith(`-${marker}`))
}

/**
 * Images the media endpoint accepted through the proxy. Counted there: the endpoint names files
 * by the second and the file's name, so an image uploaded twice within a second leaves one file.
 */
function uploads(via: FaultProxy): number {
  return via.requests.filter((request) => request.method === 'POST' && request.path === '/media' && request.outcome === 201).length
}

async function published(h: PublishHarness): Promise<PublishRecord> {
  const record = await h.record()
  if (!record) throw new Error('The review has no record for the blog.')
  return record
}

describe('publishing a review to a Micropub site', () => {
  it('publishes the full review: its page shows the text, score, credits, JSON-LD and images', async () => {
    const h = await open()
    expect(await h.preflight()).toEqual([])
    const outcome = await h.publish()
    expect(outcome.kind).toBe('published')
    const record = await published(h)
    expect(record).toMatchObject({ status: 'published', id: record.url })
    expect(record.url.startsWith(state.url)).toBe(true)
    expect(Object.keys(record.media).sort()).toEqual([...h.images].sort())

    const response = await fetch(record.url)
    expect(response.status).toBe(200)
    const html = await response.text()
    const text = html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ')
    expect(text).toContain('Ballerina')
    expect(text).toContain('arrives with bruises and a kill count nobody asked for')
    expect(text).toContain('9.5/10')
    expect(text).toContain('Image: Lionsgate')
    expect(text).toContain('Image: A24 Press')
    expect(html).toContain('<details class="spoiler"><summary>Spoilers: the finale</summary>')
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1]
    expect(JSON.parse(jsonLd ?? 'null')).toMatchObject({ '@type': 'Review', reviewRating: { ratingValue: 9.5, bestRating: 10 } })
    for (const path of h.images) {
      const src = record.media[path]?.url ?? ''
      expect(html).toContain(`src="${src}"`)
      expect((await fetch(src)).status).toBe(200)
    }
    expect(await postsOf(record.publishId)).toEqual([record.url])
  })

  it('updates the same post after an edit, and uploads no image again', async () => {
    proxy = await startFaultProxy(state.url)
    const h = await open(proxy.url)
    expect((await h.publish()).kind).toBe('published')
    const first = await published(h)
    expect(uploads(proxy)).toBe(2)

    await h.edit('A paragraph written after the first publish.')
    expect((await h.publish()).kind).toBe('published')
    const second = await published(h)
    expect(second).toMatchObject({ publishId: first.publishId, id: first.id, url: first.url, media: first.media })
    expect(uploads(proxy)).toBe(2)
    expect(proxy.requests.filter((request) => request.method === 'POST' && request.path === '/micropub')).toHaveLength(2)
    expect(await postsOf(first.publishId)).toEqual([first.url])
    expect(await (await fetch(first.url)).text()).toContain('A paragraph written after the first publish.')
  })

  it('queues the publish when the site stops mid-publish, then sends it once, without re-uploading', async () => {
    proxy = await startFaultProxy(state.url)
    const h = await open(proxy.url)
    // The site goes away as soon as the first image is on it.
    const stopAfterFirstImage = h.services.events.subscribe((event) => {
      if (event.type === 'publish-progress' && event.entry.step.startsWith('image:') && event.entry.state === 'done') proxy?.setDown(true)
    })
    const outcome = await h.publish()
    stopAfterFirstImage()
    expect(outcome.kind).toBe('queued')
    expect((await h.outbox()).map((job) => job.request.id)).toEqual([h.reviewId])
    const waiting = await published(h)
    expect(waiting.id).toBe('')
    expect(Object.keys(waiting.media)).toHaveLength(1)
    expect(await postsOf(waiting.publishId)).toEqual([])

    proxy.setDown(false)
    await h.flushOutbox()
    expect(await h.outbox()).toEqual([])
    const record = await published(h)
    expect(record).toMatchObject({ publishId: waiting.publishId, status: 'published' })
    expect(await postsOf(record.publishId)).toEqual([record.url])
    expect(uploads(proxy)).toBe(2)
    expect(new Set(Object.values(record.media).map((image) => image.url)).size).toBe(2)
  })

  it('finds the post after the reply to create was lost, so there is exactly one', async () => {
    proxy = await startFaultProxy(state.url)
    const h = await open(proxy.url)
    proxy.dropReplyOnce((method, path) => method === 'POST' && path === '/micropub')
    const outcome = await h.publish()
    expect(outcome.kind).toBe('published')
    expect(proxy.requests.filter((r) => r.outcome === 'dropped')).toEqual([{ method: 'POST', path: '/micropub', outcome: 'dropped' }])
    const record = await published(h)
    expect(record.status).toBe('published')
    expect(await postsOf(record.publishId)).toEqual([record.url])
  })

  it('stops at a wrong token with a clear message, before anything is sent', async () => {
    const h = await open(state.url, 'not-the-token')
    const problems = await h.preflight()
    expect(problems).toEqual([expect.objectContaining({ subject: 'credentials', message: expect.stringMatching(/access token was refused/) })])
    await expect(h.publish()).rejects.toThrow(/Test Micropub refused the sign-in: .*access token was refused.*enter the access token again/)
    expect(await h.record()).toBeUndefined()
    expect(await h.outbox()).toEqual([])
  })
})
