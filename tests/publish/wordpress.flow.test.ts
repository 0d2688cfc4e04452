/**
 * Publishing through the real services (tests/publish/harness.ts) to the real WordPress test site:
 * the whole review, re-publish after an edit, the site gone mid-publish, a lost reply, a schedule,
 * a wrong application password. Posts are counted by the publish id their body carries, images by
 * their content-hash name, so the target tests may share the blog.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readState } from '../../scripts/blogs/lib.mjs'
import type { PublishLogEntry, PublishRecord } from '../../src/shared/publish'
import { createPublishHarness, type PublishHarness } from './harness'
import { startFaultProxy, type FaultProxy } from './proxy'

const state = readState<{ url: string; username: string; secret: string }>('wordpress')
const auth = { authorization: `Basic ${Buffer.from(`${state.username}:${state.secret}`).toString('base64')}` }

let harness: PublishHarness | undefined
let proxy: FaultProxy | undefined

afterEach(async () => {
  await harness?.close()
  await proxy?.close()
  harness = undefined
  proxy = undefined
})

async function open(url = state.url, secret = state.secret): Promise<PublishHarness> {
  harness = await createPublishHarness({ blog: { name: 'Test WordPress', kind: 'wordpress', url, username: state.username }, secret, retry: { attempts: 2, baseDelayMs: 20 } })
  return harness
}

/** The blog's REST API as its admin. */
async function api<T>(route: string, query: Record<string, string>): Promise<T> {
  const url = new URL(`${state.url}/`)
  url.searchParams.set('rest_route', route)
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value)
  const response = await fetch(url, { headers: auth })
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

/** Ids of the posts (any status) whose body carries this publish id. */
async function postsOf(publishId: string): Promise<string[]> {
  const found = await api<Array<{ id: number; content: { raw: string } }>>('/wp/v2/posts', { search: publishId, status: 'any', context: 'edit', per_page: '100' })
  return found.filter((post) => post.content.raw.includes(`verdict:publish-id ${publishId}`)).map((post) => String(post.id))
}

/** How many copies of each image the media library holds (a second copy would be named `<hash>-1`). */
async function copiesOf(images: string[]): Promise<number[]> {
  return Promise.all(
    images.map(async (path) => {
      const stem = path.replace(/^assets\//, '').replace(/\.\w+$/, '')
      return (await api<unknown[]>('/wp/v2/media', { search: stem, per_page: '100' })).length
    }),
  )
}

async function published(h: PublishHarness): Promise<PublishRecord> {
  const record = await h.record()
  if (!record) throw new Error('The review has no record for the blog.')
  return record
}

/** The publish-progress entries of the image steps, as the UI sees them. */
function imageSteps(h: PublishHarness): { entries: PublishLogEntry[]; stop: () => void } {
  const entries: PublishLogEntry[] = []
  const stop = h.services.events.subscribe((event) => {
    if (event.type === 'publish-progress' && event.entry.step.startsWith('image:')) entries.push(event.entry)
  })
  return { entries, stop }
}

describe('publishing a review to WordPress', () => {
  it('publishes the full review: its page shows the text, score, credits, JSON-LD and images', async () => {
    const h = await open()
    expect(await h.preflight()).toEqual([])
    const outcome = await h.publish()
    expect(outcome.kind).toBe('published')
    const record = await published(h)
    expect(record).toMatchObject({ status: 'published', id: expect.stringMatching(/^\d+$/) })
    expect(record.url.startsWith(`${state.url}/`)).toBe(true)
    expect(Object.keys(record.media).sort()).toEqual([...h.images].sort())

    const response = await fetch(record.url)
    expect(response.status).toBe(200)
    const html = await response.text()
    const text = html
      .replace(/<(style|script)\b[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
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
    const post = await api<{ featured_media: number }>(`/wp/v2/posts/${record.id}`, { context: 'edit' })
    expect(String(post.featured_media)).toBe(record.media[h.images[0]]?.id)
    expect(await postsOf(record.publishId)).toEqual([record.id])
    expect(await copiesOf(h.images)).toEqual([1, 1])
  })

  it('updates the same post after an edit, and uploads no image again', async () => {
    const h = await open()
    expect((await h.publish()).kind).toBe('published')
    const first = await published(h)

    await h.edit('A paragraph written after the first publish.')
    const steps = imageSteps(h)
    expect((await h.publish()).kind).toBe('published')
    steps.stop()
    const second = await published(h)
    expect(second).toMatchObject({ publishId: first.publishId, id: first.id, url: first.url, media: first.media })
    expect(steps.entries.map((entry) => entry.state)).toEqual(['skipped', 'skipped'])
    expect(await postsOf(first.publishId)).toEqual([first.id])
    expect(await copiesOf(h.images)).toEqual([1, 1])
    expect(await (await fetch(first.url)).text()).toContain('A paragraph written after the first publish.')
  })

  it('queues the publish when the site stops mid-publish, then sends it once, without re-uploading', async () => {
    proxy = await startFaultProxy(state.url)
    const h = await open(proxy.url)
    // The site goes away as soon as the first image is on it.
    const steps = imageSteps(h)
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
    steps.stop()
    expect(await h.outbox()).toEqual([])
    const record = await published(h)
    expect(record).toMatchObject({ publishId: waiting.publishId, status: 'published' })
    expect(await postsOf(record.publishId)).toEqual([record.id])
    // The image sent before the stop is skipped on the second run.
    expect(steps.entries.filter((entry) => entry.state === 'skipped').map((entry) => entry.step)).toEqual([`image:${Object.keys(waiting.media)[0]}`])
    expect(await copiesOf(h.images)).toEqual([1, 1])
  })

  it('finds the post after the reply to create was lost, so there is exactly one', async () => {
    proxy = await startFaultProxy(state.url)
    const h = await open(proxy.url)
    const isCreate = (method: string, path: string) => method === 'POST' && new URL(path, proxy?.url).searchParams.get('rest_route') === '/wp/v2/posts'
    proxy.dropReplyOnce(isCreate)
    const outcome = await h.publish()
    expect(outcome.kind).toBe('published')
    expect(proxy.requests.filter((r) => r.outcome === 'dropped').map((r) => isCreate(r.method, r.path))).toEqual([true])
    const record = await published(h)
    expect(record.status).toBe('published')
    expect(await postsOf(record.publishId)).toEqual([record.id])
    expect((await fetch(record.url)).status).toBe(200)
  })

  it('schedules the post: WordPress holds it for the chosen instant, and the record keeps the zone', async () => {
    const h = await open()
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2 * 86_400_000).toISOString()
    const schedule = { at, zone: 'America/New_York' }
    const outcome = await h.publish({ status: 'scheduled', schedule })
    expect(outcome.kind).toBe('published')
    const record = await published(h)
    expect(record).toMatchObject({ status: 'scheduled', scheduled: schedule })
    const post = await api<{ status: string; date_gmt: string }>(`/wp/v2/posts/${record.id}`, { context: 'edit' })
    expect(post).toMatchObject({ status: 'future', date_gmt: at.slice(0, 19) })
    expect((await fetch(record.url)).status).toBe(404)
  })

  it('stops at a wrong application password with a clear message, before anything is sent', async () => {
    const h = await open(state.url, 'abcd efgh ijkl mnop qrst uvwx')
    const problems = await h.preflight()
    expect(problems).toEqual([expect.objectContaining({ subject: 'credentials', message: expect.stringContaining(`did not accept the user name “${state.username}” with this application password`) })])
    await expect(h.publish()).rejects.toThrow(/Test WordPress refused the sign-in: .*did not accept the user name .*enter the application password again/)
    expect(await h.record()).toBeUndefined()
    expect(await h.outbox()).toEqual([])
  })
})
