/**
 * Publishing through the real services (tests/publish/harness.ts) to the real WordPress test site:
 * the whole review, re-publish after an edit, the site gone mid-publish, a lost reply, a schedule,
 * a wrong application password. Posts are counted by the publish id their body carries, images by
 * their content-hash name, so the target tests may share the blog.
 */
import { describe, expect, it } from 'vitest'
import { readState } from '../../scripts/blogs/lib.mjs'
import type { PublishLogEntry } from '../../src/shared/publish'
import { expectReviewPage, expectSignInRefused, perTest, published, publishEdit, publishFullReview, publishLosingCreateReply, publishNow, publishThroughOutage } from './flow'
import type { PublishHarness } from './harness'
import { page } from './publicPage'

const state = readState<{ url: string; username: string; secret: string }>('wordpress')
const auth = { authorization: `Basic ${Buffer.from(`${state.username}:${state.secret}`).toString('base64')}` }

const { open, startProxy } = perTest({ blog: (url) => ({ name: 'Test WordPress', kind: 'wordpress', url, username: state.username }), url: state.url, secret: state.secret })

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
    const record = await publishFullReview(h)
    expect(record).toMatchObject({ status: 'published', id: expect.stringMatching(/^\d+$/) })
    expect(record.url.startsWith(`${state.url}/`)).toBe(true)
    await expectReviewPage(record, h.images)
    const post = await api<{ featured_media: number }>(`/wp/v2/posts/${record.id}`, { context: 'edit' })
    expect(String(post.featured_media)).toBe(record.media[h.images[0]]?.id)
    expect(await postsOf(record.publishId)).toEqual([record.id])
    expect(await copiesOf(h.images)).toEqual([1, 1])
  })

  it('updates the same post after an edit, and uploads no image again', async () => {
    const h = await open()
    const first = await publishNow(h)

    const steps = imageSteps(h)
    await publishEdit(h, first, 'A paragraph written after the first publish.')
    steps.stop()
    expect(steps.entries.map((entry) => entry.state)).toEqual(['skipped', 'skipped'])
    expect(await postsOf(first.publishId)).toEqual([first.id])
    expect(await copiesOf(h.images)).toEqual([1, 1])
    expect((await page(first.url)).html).toContain('A paragraph written after the first publish.')
  })

  it('queues the publish when the site stops mid-publish, then sends it once, without re-uploading', async () => {
    const proxy = await startProxy()
    const h = await open(proxy.url)
    const steps = imageSteps(h)
    const { waiting, record } = await publishThroughOutage(h, proxy, postsOf)
    steps.stop()
    expect(await postsOf(record.publishId)).toEqual([record.id])
    // The image sent before the stop is skipped on the second run.
    expect(steps.entries.filter((entry) => entry.state === 'skipped').map((entry) => entry.step)).toEqual([`image:${Object.keys(waiting.media)[0]}`])
    expect(await copiesOf(h.images)).toEqual([1, 1])
  })

  it('finds the post after the reply to create was lost, so there is exactly one', async () => {
    const proxy = await startProxy()
    const h = await open(proxy.url)
    const record = await publishLosingCreateReply(h, proxy, (method, path) => method === 'POST' && new URL(path, proxy.url).searchParams.get('rest_route') === '/wp/v2/posts')
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
    await expectSignInRefused(
      h,
      expect.stringContaining(`did not accept the user name “${state.username}” with this application password`),
      /Test WordPress refused the sign-in: .*did not accept the user name .*enter the application password again/,
    )
  })
})
