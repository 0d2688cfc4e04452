/**
 * The steps the flow tests take alike on every blog, through the real services (./harness.ts).
 * Where a step must count the blog's posts, the test file gives its own way: `postsOf(publishId)`,
 * the blog's ids or addresses of the posts that carry the publish id.
 */
import { afterEach, expect } from 'vitest'
import type { BlogConfig, PublishRecord } from '../../src/shared/publish'
import { createPublishHarness, type PublishHarness } from './harness'
import { jsonLdOf, page } from './publicPage'
import { startFaultProxy, type FaultProxy } from './proxy'

type PostsOf = (publishId: string) => Promise<string[]>

/**
 * A harness (and a fault proxy in front of the blog) for each test, closed after it. `blog` gives
 * the blog's settings for an address: the blog's own, or the proxy's.
 */
export function perTest(options: { blog: (url: string) => Omit<BlogConfig, 'id'>; url: string; secret: string }) {
  let harness: PublishHarness | undefined
  let proxy: FaultProxy | undefined

  afterEach(async () => {
    await harness?.close()
    await proxy?.close()
    harness = undefined
    proxy = undefined
  })

  return {
    /** The services, set up to publish to the blog at `url` with `secret`. */
    async open(url = options.url, secret = options.secret): Promise<PublishHarness> {
      harness = await createPublishHarness({ blog: options.blog(url), secret, retry: { attempts: 2, baseDelayMs: 20 } })
      return harness
    },
    async startProxy(): Promise<FaultProxy> {
      proxy = await startFaultProxy(options.url)
      return proxy
    },
  }
}

/** The blog's record in the review's front matter, which must be there. */
export async function published(h: PublishHarness): Promise<PublishRecord> {
  const record = await h.record()
  if (!record) throw new Error('The review has no record for the blog.')
  return record
}

/** Publishes now, which must succeed, and gives the record. */
export async function publishNow(h: PublishHarness): Promise<PublishRecord> {
  expect((await h.publish()).kind).toBe('published')
  return published(h)
}

/** Publishes the whole review after a clean pre-flight; the record holds both its images. */
export async function publishFullReview(h: PublishHarness): Promise<PublishRecord> {
  expect(await h.preflight()).toEqual([])
  const record = await publishNow(h)
  expect(Object.keys(record.media).sort()).toEqual([...h.images].sort())
  return record
}

/**
 * The harness's review on its public page: title, text, score, both credits, the spoiler, the
 * Review JSON-LD (naming the page) first, and both images, shown from and served by the blog.
 */
export async function expectReviewPage(record: PublishRecord, images: readonly string[]): Promise<void> {
  const { status, html, text } = await page(record.url)
  expect(status).toBe(200)
  expect(text).toContain('Ballerina')
  expect(text).toContain('arrives with bruises and a kill count nobody asked for')
  expect(text).toContain('9.5/10')
  expect(text).toContain('Image: Lionsgate')
  expect(text).toContain('Image: A24 Press')
  // Styled inline: the blog's theme knows nothing of Verdict's classes.
  expect(html).toMatch(/<details class="spoiler" style="[^"]+"><summary>Spoilers: the finale<\/summary>/)
  // Named by its own address from the first publish on (the service sends it once the blog has said it).
  expect(jsonLdOf(html)).toMatchObject({ '@type': 'Review', url: record.url, reviewRating: { ratingValue: 9.5, bestRating: 10 } })
  for (const path of images) {
    const src = record.media[path]?.url ?? ''
    expect(html).toContain(`src="${src}"`)
    expect((await fetch(src)).status).toBe(200)
  }
}

/** Adds `paragraph` to the review and publishes again: the same post (publish id, id, address) with the same images. */
export async function publishEdit(h: PublishHarness, first: PublishRecord, paragraph: string): Promise<PublishRecord> {
  await h.edit(paragraph)
  const second = await publishNow(h)
  expect(second).toMatchObject({ publishId: first.publishId, id: first.id, url: first.url, media: first.media })
  return second
}

/**
 * Publishes through `proxy`, which goes down as soon as the first image is on the blog: the publish
 * is queued, its record waits with the publish id and that one image, and the blog has no post.
 * Then the blog is back and the outbox sends it: the record is the same publish, published.
 */
export async function publishThroughOutage(h: PublishHarness, proxy: FaultProxy, postsOf: PostsOf): Promise<{ waiting: PublishRecord; record: PublishRecord }> {
  const stopAfterFirstImage = h.services.events.subscribe((event) => {
    if (event.type === 'publish-progress' && event.entry.step.startsWith('image:') && event.entry.state === 'done') proxy.setDown(true)
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
  return { waiting, record }
}

/**
 * Publishes through `proxy`, which loses the reply to the request that creates the post (the blog
 * has committed it): that is the one reply lost, and the publish still ends published.
 */
export async function publishLosingCreateReply(h: PublishHarness, proxy: FaultProxy, isCreate: (method: string, path: string) => boolean): Promise<PublishRecord> {
  proxy.dropReplyOnce(isCreate)
  const record = await publishNow(h)
  expect(proxy.requests.filter((r) => r.outcome === 'dropped').map((r) => isCreate(r.method, r.path))).toEqual([true])
  expect(record.status).toBe('published')
  return record
}

/**
 * The blog refuses the sign-in: pre-flight names the credentials (`message` matches its words),
 * publishing throws `refusal`, and nothing is recorded or queued.
 */
export async function expectSignInRefused(h: PublishHarness, message: unknown, refusal: RegExp): Promise<void> {
  const problems = await h.preflight()
  expect(problems).toEqual([expect.objectContaining({ subject: 'credentials', message })])
  await expect(h.publish()).rejects.toThrow(refusal)
  expect(await h.record()).toBeUndefined()
  expect(await h.outbox()).toEqual([])
}
