/**
 * The Ghost target against a real Ghost 5 (scripts/blogs/ghost.mjs): images, a post with everything,
 * its public page, updates and their collisions, draft and scheduled posts, a create whose reply was
 * lost, and wrong keys.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { imageSize } from 'image-size'
import { beforeAll, describe, expect, it } from 'vitest'
import { readState } from '../../scripts/blogs/lib.mjs'
import { parseReview } from '../../src/main/services/format'
import { buildPost, type Post } from '../../src/main/services/pipeline'
import { BLOG_KIND_DESCRIPTORS } from '../../src/shared/blogKinds'
import { isPublishError, type PublishError } from '../../src/main/services/publish/failures'
import { adminAuthorization, createGhostTarget } from '../../src/main/services/publish/targets/ghost'
import type { OutgoingImage, OutgoingPost, RemotePost } from '../../src/main/services/publish/publishTarget'
import type { BlogConfig, PublishStatus } from '../../src/shared/publish'
import { jsonLdBlocks, page } from './publicPage'
import { faultProxyAround } from './proxy'
import { outgoing as outgoingPost, recordOf, type Media } from './publishedReview'

interface GhostState {
  url: string
  secret: string
}

const ASSETS = join(import.meta.dirname, '..', 'unit', 'pipeline', 'fixtures', 'ballerina', 'assets')
const STILL = 'assets/10226545b9b4e8c3.png'
const COVER = 'assets/c17fca0d1f85cbb4.png'

const REVIEW = `---
title: Ballerina
author: Ana Critic
date: 2026-11-25
tags: [action, john wick]
excerpt: A stylish, bruising spin-off from the world of John Wick.
spoilers: true
featuredImage: ${COVER}
subject: { kind: film, title: Ballerina, year: 2025, creators: [Len Wiseman] }
---

Ballerina arrives with the weight of a franchise behind it and the lightness of a dancer in front.

:::figure{credit="Lionsgate" width="wide"}
![Eve on a frozen lake at dusk](${STILL})

The winter village where the final act unfolds.
:::

:::figure{credit="Photo: Larry Horricks"}
![Eve in the music-box nightclub](${COVER})

The nightclub fight.
:::

:::spoiler[Spoilers: the ending]
The finale is a flamethrower duel.
:::

:::score[Overall Score]{value="9.5" scale="10" overall}
Verdict: A stylish, bruising spin-off that earns its place.
:::
`

const state = readState<GhostState>('ghost')
const blog: BlogConfig = { id: 'ghost-test', name: 'Ghost', kind: 'ghost', url: state.url }
const target = createGhostTarget({ blog, secret: state.secret })
const uploaded: Media = new Map()

function outgoingImage(path: string, alt: string, credit: string): OutgoingImage {
  const bytes = new Uint8Array(readFileSync(join(ASSETS, basename(path))))
  const { width, height } = imageSize(bytes)
  return { path, fileName: basename(path), type: 'image/png', bytes, width, height, alt, caption: '', credit }
}

/** The review through the real pipeline in Ghost's form, its images already on Ghost; `extra` is appended to the body. */
function reviewPost(extra = ''): Post {
  const { meta, body } = parseReview(Buffer.from(REVIEW + extra), { title: 'Ballerina', created: '', updated: '' })
  return buildPost({ id: 'ballerina', meta, body }, { online: true, form: BLOG_KIND_DESCRIPTORS.ghost.post, resolveAsset: (path) => uploaded.get(path)?.url })
}

/** The review as sent, its cover the featured image; `publishId` that of an earlier publish. */
function outgoing(status: PublishStatus, options: { extra?: string; publishAt?: string; publishId?: string } = {}): OutgoingPost {
  const sent = outgoingPost(reviewPost(options.extra), uploaded, status, options.publishAt)
  return options.publishId ? { ...sent, publishId: options.publishId } : sent
}

interface AdminPost {
  id: string
  title: string
  slug: string
  status: string
  published_at: string | null
  updated_at: string
  custom_excerpt: string | null
  feature_image: string | null
  feature_image_alt: string | null
  feature_image_caption: string | null
  tags: Array<{ name: string; slug: string; visibility: string }>
}

/** Ghost's own view (and an editor's hand), with the same key but outside the target. */
async function admin<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  const response = await fetch(`${state.url}/ghost/api/admin${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: adminAuthorization(state.secret), 'Accept-Version': 'v5.0', 'Content-Type': 'application/json' },
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
  })
  expect(response.status, path).toBe(200)
  return (await response.json()) as T
}

const adminPost = async (id: string) => (await admin<{ posts: AdminPost[] }>(`/posts/${id}/?include=tags`)).posts[0]!
/** Posts of this file (all have its cover as feature image): the flow tests publish to the same Ghost meanwhile. */
const postCount = async () =>
  (await admin<{ meta: { pagination: { total: number } } }>(`/posts/?limit=1&fields=id&filter=${encodeURIComponent(`feature_image:~'${basename(COVER, '.png')}'`)}`)).meta
    .pagination.total

const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1050 - (Date.now() % 1000)))

async function publishError(promise: Promise<unknown>): Promise<PublishError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!isPublishError(error)) throw new Error(`expected a PublishError, got ${String(error)}`)
  return error
}

describe('Ghost target', () => {
  let published: { sent: OutgoingPost; remote: RemotePost }

  beforeAll(async () => {
    await target.check()
  })

  it('uploads both images, which Ghost then serves', async () => {
    uploaded.set(STILL, await target.uploadImage(outgoingImage(STILL, 'Eve on a frozen lake at dusk', 'Lionsgate')))
    uploaded.set(COVER, await target.uploadImage(outgoingImage(COVER, 'Eve in the music-box nightclub', 'Photo: Larry Horricks')))
    for (const image of uploaded.values()) {
      expect(image.url.startsWith(`${state.url}/content/images/`)).toBe(true)
      const response = await fetch(image.url)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('image/png')
    }
  })

  it('creates a published post with everything, shown on its public page exactly as the pipeline made it', async () => {
    const before = await postCount()
    const sent = outgoing('published')
    const remote = await target.create(sent)
    published = { sent, remote }
    expect(remote.status).toBe('published')
    expect(remote.url).toMatch(new RegExp(`^${state.url}/ballerina(-\\d+)?/$`))
    expect(remote.updatedAt).toBeTruthy()
    expect(await postCount()).toBe(before + 1)

    const stored = await adminPost(remote.id)
    expect(stored).toMatchObject({
      custom_excerpt: 'A stylish, bruising spin-off from the world of John Wick.',
      feature_image: uploaded.get(COVER)!.url,
      feature_image_alt: 'Eve in the music-box nightclub',
      feature_image_caption: 'The nightclub fight. Photo: Larry Horricks',
    })
    expect(stored.tags.map((tag) => [tag.name, tag.visibility])).toEqual([
      ['action', 'public'],
      ['john wick', 'public'],
      [`#verdict-${sent.publishId}`, 'internal'],
    ])

    const shown = await page(remote.url)
    expect(shown.status).toBe(200)
    // Ghost's own cards: the still an image card, the score an HTML card as the pipeline wrote it, the spoiler a closed toggle card.
    expect(shown.html).toMatch(/<figure class="kg-card kg-image-card kg-width-wide kg-card-hascaption"><img src="[^"]+" class="kg-image" alt="Eve on a frozen lake at dusk" loading="lazy"><figcaption><span class="figure-caption">The winter village where the final act unfolds\.<\/span> <span class="figure-credit"[^>]*>Image: Lionsgate<\/span><\/figcaption><\/figure>/)
    expect(shown.html).toMatch(/<!--kg-card-begin: html-->\s*<div><section class="score-box score-scale-10 score-overall" aria-label="Overall Score: 9.5 out of 10" style="[^"]+">/)
    expect(shown.text).toContain('Ballerina arrives with the weight of a franchise')
    expect(shown.text).toContain('9.5/10')
    expect(shown.text).toContain('Image: Lionsgate')
    expect(shown.text).toContain('Photo: Larry Horricks')
    expect(shown.html).toMatch(/<div class="kg-card kg-toggle-card" data-kg-toggle-state="close">\s*<div class="kg-toggle-heading">\s*<h4 class="kg-toggle-heading-text">Spoilers: the ending<\/h4>[\s\S]*?<div class="kg-toggle-content"><p>The finale is a flamethrower duel.<\/p><\/div>/)
    const review = jsonLdBlocks(shown.html).find((block) => block['@type'] === 'Review')
    expect(review).toEqual(sent.post.jsonLd)
    expect(review).toMatchObject({ reviewRating: { ratingValue: 9.5, bestRating: 10 }, itemReviewed: { '@type': 'Movie', name: 'Ballerina' } })
    // The internal tag that finds the post again is not shown to readers (only Ghost's class names
    // on the body and the article name it): not in the text, nor in the page's scripts or other attributes.
    expect(shown.text).not.toContain(sent.publishId)
    expect(shown.html.replace(/ class="[^"]*"/g, '')).not.toContain(sent.publishId)
    expect(shown.html).not.toMatch(/<meta property="article:tag" content="#verdict/)
    for (const image of uploaded.values()) {
      expect(shown.html).toContain(new URL(image.url).pathname)
      expect((await fetch(image.url)).status).toBe(200)
    }
  })

  it('updates the same post, and refuses to overwrite an edit made on Ghost until the caller has looked again', async () => {
    const { sent, remote } = published
    const before = await postCount()
    const edited = outgoing('published', { publishId: sent.publishId, extra: '\nA paragraph added after the premiere.\n' })
    const updated = await target.update(recordOf(blog.id, sent, remote, uploaded), edited)
    expect(updated.id).toBe(remote.id)
    expect(await postCount()).toBe(before)
    expect((await page(updated.url)).text).toContain('A paragraph added after the premiere.')

    // Someone edits the post in Ghost Admin; the record still holds the updated_at Verdict last saw.
    // Ghost keeps updated_at to the second and only compares it when something changed.
    await nextSecond()
    await admin(`/posts/${remote.id}/`, { method: 'PUT', json: { posts: [{ title: 'Ballerina (edited on Ghost)', updated_at: updated.updatedAt }] } })
    const record = recordOf(blog.id, sent, updated, uploaded)
    const collision = await publishError(target.update(record, edited))
    expect(collision.failure).toBe('collision')
    expect(collision.message).toMatch(/“Ballerina” was edited on Ghost after it was last published from Verdict/)
    expect((await adminPost(remote.id)).title).toBe('Ballerina (edited on Ghost)')

    // Overwriting: find gives the current updated_at, with which the update goes through.
    const found = await target.find(sent.publishId, record)
    expect(found).toMatchObject({ id: remote.id, status: 'published' })
    expect(found!.updatedAt).not.toBe(updated.updatedAt)
    const overwritten = await target.update({ ...record, remoteUpdatedAt: found!.updatedAt! }, edited)
    expect(overwritten.id).toBe(remote.id)
    expect((await adminPost(remote.id)).title).toBe('Ballerina')
    expect(await postCount()).toBe(before)
  })

  it('creates a draft that readers cannot see and find can locate by its publish id', async () => {
    const sent = outgoing('draft')
    const remote = await target.create(sent)
    expect(remote.status).toBe('draft')
    const stored = await adminPost(remote.id)
    expect(stored.status).toBe('draft')
    // Drafts have only a preview address; the slug is not public.
    expect(remote.url).toMatch(new RegExp(`^${state.url}/p/[0-9a-f-]+/$`))
    expect((await page(remote.url)).status).toBe(200)
    expect((await page(`${state.url}/${stored.slug}/`)).status).toBe(404)
    expect(await target.find(sent.publishId)).toMatchObject({ id: remote.id, status: 'draft' })
  })

  it('schedules a post for the chosen instant, which Ghost reports, then publishes it now', async () => {
    const publishAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 26 * 3600_000).toISOString()
    const sent = outgoing('scheduled', { publishAt })
    const remote = await target.create(sent)
    expect(remote).toMatchObject({ status: 'scheduled', publishAt })
    expect(await adminPost(remote.id)).toMatchObject({ status: 'scheduled', published_at: publishAt })
    expect(await target.find(sent.publishId)).toMatchObject({ id: remote.id, status: 'scheduled', publishAt })

    const now = outgoing('published', { publishId: sent.publishId })
    const live = await target.update(recordOf(blog.id, sent, remote, uploaded), now)
    expect(live).toMatchObject({ id: remote.id, status: 'published' })
    const stored = await adminPost(remote.id)
    expect(Date.parse(stored.published_at!)).toBeLessThanOrEqual(Date.now())
    expect((await page(live.url)).status).toBe(200)

    // Ghost never takes a published post back to scheduled; the critic is told what to do instead.
    const back = await publishError(target.update(recordOf(blog.id, sent, live, uploaded), outgoing('scheduled', { publishId: sent.publishId, publishAt })))
    expect(back.failure).toBe('refused')
    expect(back.message).toMatch(/Ghost cannot schedule “Ballerina”: it is already published there/)
  })

  describe('when the reply to a create is lost', () => {
    const proxy = faultProxyAround(state.url)

    it('finds the post Ghost committed, by its publish id', async () => {
      const viaProxy = createGhostTarget({ blog: { ...blog, url: proxy.url }, secret: state.secret })
      const before = await postCount()
      const sent = outgoing('published')
      proxy.dropReplyOnce((method, path) => method === 'POST' && path.startsWith('/ghost/api/admin/posts/'))
      const lost = await publishError(viaProxy.create(sent))
      expect(lost.failure).toBe('transient')
      expect(proxy.requests.at(-1)).toMatchObject({ method: 'POST', outcome: 'dropped' })
      expect(await postCount()).toBe(before + 1)

      const found = await viaProxy.find(sent.publishId)
      expect(found).toMatchObject({ status: 'published' })
      expect((await adminPost(found!.id)).tags.map((tag) => tag.name)).toContain(`#verdict-${sent.publishId}`)
      // And the post goes on from there: an update, not a second post.
      await viaProxy.update(recordOf(blog.id, sent, found!, uploaded), outgoing('published', { publishId: sent.publishId }))
      expect(await postCount()).toBe(before + 1)
    })

    it('finds nothing for a publish id Ghost never saw', async () => {
      expect(await target.find(randomUUID())).toBeUndefined()
    })
  })

  describe('with wrong credentials', () => {
    const [id, secret] = state.secret.split(':') as [string, string]
    const otherHex = (hex: string) => hex.replace(/./g, (digit) => ((parseInt(digit, 16) + 1) % 16).toString(16))

    it('refuses an unknown key with Ghost’s words and where to find the right one', async () => {
      const error = await publishError(createGhostTarget({ blog, secret: `${otherHex(id)}:${secret}` }).check())
      expect(error.failure).toBe('auth')
      expect(error.details.status).toBe(401)
      expect(error.message).toMatch(/Unknown Admin API Key/i)
      expect(error.message).toContain('Admin API key of a custom integration')
    })

    it('refuses a known key with the wrong secret, also for uploads', async () => {
      const wrong = createGhostTarget({ blog, secret: `${id}:${otherHex(secret)}` })
      const error = await publishError(wrong.check())
      expect(error.failure).toBe('auth')
      expect(error.message).toMatch(/invalid signature/i)
      expect((await publishError(wrong.uploadImage(outgoingImage(STILL, 'alt', '')))).failure).toBe('auth')
    })

    it('says what a Ghost key looks like when given something else, before sending anything', async () => {
      let sent = 0
      const countingFetch: typeof fetch = () => {
        sent++
        return Promise.reject(new Error('no request expected'))
      }
      const error = await publishError(createGhostTarget({ blog, secret: 'a-content-api-key', fetch: countingFetch }).check())
      expect(error.failure).toBe('auth')
      expect(error.message).toMatch(/not a Ghost Admin API key/)
      expect(sent).toBe(0)
    })
  })
})
