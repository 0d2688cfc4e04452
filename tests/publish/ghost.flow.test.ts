/**
 * Publishing to a real Ghost through the app's own services (tests/publish/harness.ts): the full
 * review, an edit published again, the server going away mid-publish, a reply lost after Ghost
 * committed the post, and a wrong key.
 */
import { readdirSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { readState } from '../../scripts/blogs/lib.mjs'
import { VerdictError } from '../../src/shared/contract'
import type { PublishRecord } from '../../src/shared/publish'
import { adminAuthorization } from '../../src/main/services/publish/targets/ghost'
import { createPublishHarness, type PublishHarness } from './harness'
import { jsonLdBlocks, page } from './publicPage'
import { faultProxyAround } from './proxy'
import { slow } from '../support/slow'

interface GhostState {
  url: string
  secret: string
  contentDir: string
}

const state = readState<GhostState>('ghost')
const blog = (url = state.url) => ({ name: 'Ghost', kind: 'ghost' as const, url })

async function admin<T>(path: string): Promise<T> {
  const response = await fetch(`${state.url}/ghost/api/admin${path}`, {
    headers: { Authorization: adminAuthorization(state.secret), 'Accept-Version': 'v5.0' },
  })
  expect(response.status, path).toBe(200)
  return (await response.json()) as T
}

/**
 * Posts Ghost holds (drafts and scheduled included) with this review's featured image, or with the
 * tag of one publish id; the other test file publishes other images to the same Ghost meanwhile.
 */
async function postCount(harness: PublishHarness, publishId?: string): Promise<number> {
  const filter = publishId ? `tag:hash-verdict-${publishId}` : `feature_image:~'${basename(harness.images[0], '.png')}'`
  return (await admin<{ meta: { pagination: { total: number } } }>(`/posts/?limit=1&fields=id&filter=${encodeURIComponent(filter)}`)).meta.pagination.total
}

/**
 * Copies of these images Ghost stored, counted in its content folder (the Admin API cannot list
 * images): Ghost keeps the name and adds `-1`, `-2`… for a second upload. Other test files upload
 * other names; the resized copies Ghost makes for themes (under `size/`) are not uploads.
 */
function imageCount(paths: readonly string[]): number {
  const root = join(state.contentDir, 'images')
  const names = paths.map((path) => basename(path, '.png'))
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && !relative(root, entry.parentPath).startsWith('size') && names.some((name) => new RegExp(`^${name}(-\\d+)?\\.png$`).test(entry.name)),
  ).length
}

function publishedRecord(outcome: Awaited<ReturnType<PublishHarness['publish']>>): PublishRecord {
  if (outcome.kind !== 'published') throw new Error(`expected a published outcome, got ${JSON.stringify(outcome)}`)
  return outcome.record
}

describe('publishing a review to Ghost', () => {
  let harness: PublishHarness
  let first: PublishRecord

  beforeAll(async () => {
    harness = await createPublishHarness({ blog: blog(), secret: state.secret })
  })
  afterAll(() => harness.close())

  it('publishes the full review: images, score, credits, spoiler, JSON-LD, featured image', async () => {
    const posts = await postCount(harness)
    const images = imageCount(harness.images)
    first = publishedRecord(await harness.publish())
    expect(first).toMatchObject({ status: 'published', id: expect.any(String), remoteUpdatedAt: expect.any(String) })
    expect(Object.keys(first.media).sort()).toEqual([...harness.images].sort())
    expect(await harness.record()).toEqual(first)
    expect(await postCount(harness)).toBe(posts + 1)
    expect(await postCount(harness, first.publishId)).toBe(1)
    expect(imageCount(harness.images)).toBe(images + 2)

    const shown = await page(first.url)
    expect(shown.status).toBe(200)
    expect(shown.text).toContain('arrives with bruises and a kill count nobody asked for')
    expect(shown.text).toContain('9.5/10')
    expect(shown.text).toContain('Image: Lionsgate')
    expect(shown.text).toContain('Image: A24 Press')
    // A toggle card, which Casper styles and Ghost's card script opens.
    expect(shown.html).toMatch(/<div class="kg-card kg-toggle-card" data-kg-toggle-state="close">\s*<div class="kg-toggle-heading">\s*<h4 class="kg-toggle-heading-text">Spoilers: the finale<\/h4>/)
    expect(jsonLdBlocks(shown.html).find((block) => block['@type'] === 'Review')).toMatchObject({ name: 'Ballerina', url: first.url, reviewRating: { ratingValue: 9.5, bestRating: 10 } })
    for (const image of Object.values(first.media)) expect((await fetch(image.url)).status).toBe(200)

    const [featured] = harness.images
    const { posts: stored } = await admin<{ posts: Array<{ feature_image: string; feature_image_alt: string; feature_image_caption: string }> }>(`/posts/${first.id}/`)
    expect(stored[0]).toMatchObject({
      feature_image: first.media[featured]!.url,
      feature_image_alt: 'A dancer mid-leap',
      feature_image_caption: 'The opening sequence in the Kirov theatre. Image: Lionsgate',
    })
  })

  it('publishes an edit to the same post, without a new post or a second upload of any image', async () => {
    const posts = await postCount(harness)
    const images = imageCount(harness.images)
    await harness.edit('Seen again at the premiere: the flamethrower duel still lands.')
    const again = publishedRecord(await harness.publish())
    expect(again).toMatchObject({ id: first.id, publishId: first.publishId, url: first.url, media: first.media })
    expect(again.remoteUpdatedAt).toBeTruthy()
    expect(await postCount(harness)).toBe(posts)
    expect(imageCount(harness.images)).toBe(images)
    expect((await page(first.url)).text).toContain('Seen again at the premiere: the flamethrower duel still lands.')
  })
})

describe('publishing to Ghost over a failing network', () => {
  const proxy = faultProxyAround(state.url)
  let harness: PublishHarness | undefined

  afterEach(async () => {
    await harness?.close()
    harness = undefined
  })

  it('queues the review when Ghost goes away mid-publish, then sends it once when it is back: exactly one post', async () => {
    // Backoff long enough that the proxy is down before the retry, whatever the jitter.
    harness = await createPublishHarness({ blog: blog(proxy.url), secret: state.secret, retry: { attempts: 2, baseDelayMs: 1500 } })
    const posts = await postCount(harness)
    // Ghost stores the first image, then stops before its reply arrives, and stays stopped.
    proxy.dropReplyOnce((method, path) => method === 'POST' && path.startsWith('/ghost/api/admin/images/upload/'))
    const publishing = harness.publish()
    await vi.waitFor(() => expect(proxy.requests.some((request) => request.outcome === 'dropped')).toBe(true), { timeout: slow(30_000), interval: 10 })
    proxy.setDown(true)

    const outcome = await publishing
    expect(outcome.kind).toBe('queued')
    expect(await harness.outbox()).toHaveLength(1)
    const pending = await harness.record()
    expect(pending).toMatchObject({ id: '', publishId: expect.any(String) })
    expect(await postCount(harness)).toBe(posts)

    proxy.setDown(false)
    await harness.flushOutbox()
    expect(await harness.outbox()).toEqual([])
    const record = await harness.record()
    expect(record).toMatchObject({ publishId: pending!.publishId, status: 'published', id: expect.stringMatching(/\S/) })
    expect(Object.keys(record!.media).sort()).toEqual([...harness.images].sort())
    expect(await postCount(harness)).toBe(posts + 1)
    expect(await postCount(harness, pending!.publishId)).toBe(1)
    expect((await page(record!.url)).status).toBe(200)
  })

  it('finds the post Ghost committed when the reply to its creation is lost: exactly one post', async () => {
    harness = await createPublishHarness({ blog: blog(proxy.url), secret: state.secret })
    const posts = await postCount(harness)
    proxy.dropReplyOnce((method, path) => method === 'POST' && path.startsWith('/ghost/api/admin/posts/'))
    const record = publishedRecord(await harness.publish())
    expect(proxy.requests.filter((request) => request.outcome === 'dropped')).toContainEqual(expect.objectContaining({ method: 'POST', path: '/ghost/api/admin/posts/?source=html' }))
    expect(await postCount(harness)).toBe(posts + 1)
    expect(await postCount(harness, record.publishId)).toBe(1)
    expect(await harness.record()).toEqual(record)
    expect((await page(record.url)).status).toBe(200)
  })
})

describe('publishing to Ghost with a wrong key', () => {
  let harness: PublishHarness
  const [id, secret] = state.secret.split(':') as [string, string]
  const wrongSecret = `${id}:${secret.replace(/./g, (digit) => ((parseInt(digit, 16) + 1) % 16).toString(16))}`

  beforeAll(async () => {
    harness = await createPublishHarness({ blog: blog(), secret: wrongSecret })
  })
  afterAll(() => harness.close())

  it('names the problem before anything is sent, and refuses to publish with a clear message', async () => {
    const posts = await postCount(harness)
    const problems = await harness.preflight()
    expect(problems).toEqual([
      expect.objectContaining({ subject: 'credentials', message: expect.stringMatching(/invalid signature.*Admin API key of a custom integration/is), fix: expect.stringContaining('Admin API key') }),
    ])

    const refused = await harness.publish().then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(VerdictError)
    expect(refused).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/Ghost refused the sign-in: .*invalid signature.*enter the Admin API key again/is) })
    expect(await harness.outbox()).toEqual([])
    expect(await postCount(harness)).toBe(posts)
  })
})
