/**
 * Publishing through the real services (tests/publish/harness.ts) to the real Micropub test site:
 * the whole review, re-publish after an edit, the site gone mid-publish, a lost reply, a wrong token.
 */
import { describe, expect, it } from 'vitest'
import { readState } from '../../scripts/blogs/lib.mjs'
import { expectReviewPage, expectSignInRefused, perTest, publishEdit, publishFullReview, publishLosingCreateReply, publishNow, publishThroughOutage } from './flow'
import { page } from './publicPage'
import type { FaultProxy } from './proxy'

const state = readState<{ url: string; secret: string }>('micropub')
const auth = { authorization: `Bearer ${state.secret}` }

const { open, startProxy } = perTest({ blog: (url) => ({ name: 'Test Micropub', kind: 'micropub', url }), url: state.url, secret: state.secret })

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

describe('publishing a review to a Micropub site', () => {
  it('publishes the full review: its page shows the text, score, credits, JSON-LD and images', async () => {
    const h = await open()
    const record = await publishFullReview(h)
    expect(record).toMatchObject({ status: 'published', id: record.url })
    expect(record.url.startsWith(state.url)).toBe(true)
    await expectReviewPage(record, h.images)
    expect(await postsOf(record.publishId)).toEqual([record.url])
  })

  it('updates the same post after an edit, and uploads no image again', async () => {
    const proxy = await startProxy()
    const h = await open(proxy.url)
    const first = await publishNow(h)
    expect(uploads(proxy)).toBe(2)

    await publishEdit(h, first, 'A paragraph written after the first publish.')
    expect(uploads(proxy)).toBe(2)
    // The create, the update that gives the JSON-LD the post's address, and the edit's update.
    expect(proxy.requests.filter((request) => request.method === 'POST' && request.path === '/micropub')).toHaveLength(3)
    expect(await postsOf(first.publishId)).toEqual([first.url])
    expect((await page(first.url)).html).toContain('A paragraph written after the first publish.')
  })

  it('queues the publish when the site stops mid-publish, then sends it once, without re-uploading', async () => {
    const proxy = await startProxy()
    const h = await open(proxy.url)
    const { record } = await publishThroughOutage(h, proxy, postsOf)
    expect(await postsOf(record.publishId)).toEqual([record.url])
    expect(uploads(proxy)).toBe(2)
    expect(new Set(Object.values(record.media).map((image) => image.url)).size).toBe(2)
  })

  it('finds the post after the reply to create was lost, so there is exactly one', async () => {
    const proxy = await startProxy()
    const h = await open(proxy.url)
    const record = await publishLosingCreateReply(h, proxy, (method, path) => method === 'POST' && path === '/micropub')
    expect(await postsOf(record.publishId)).toEqual([record.url])
  })

  it('stops at a wrong token with a clear message, before anything is sent', async () => {
    const h = await open(state.url, 'not-the-token')
    await expectSignInRefused(h, expect.stringMatching(/access token was refused/), /Test Micropub refused the sign-in: .*access token was refused.*enter the access token again/)
  })
})
