/**
 * The Micropub target against the real test site (`node scripts/blogs/micropub.mjs start`):
 * @benjifs/micropub behind node:http, reached over loopback. Posts are built by the real pipeline.
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { readState } from '../../scripts/blogs/lib.mjs'
import { isPublishError, type PublishError } from '../../src/main/services/publish/failures'
import { createMicropubTarget } from '../../src/main/services/publish/targets/micropub'
import type { OutgoingPost, PublishTarget } from '../../src/main/services/publish/publishTarget'
import type { PublishRecord, RemoteImage } from '../../src/shared/publish'
import { page } from './publicPage'
import { faultProxyAround } from './proxy'
import { expectReviewShown, outgoing, recordOf, reviewFor } from './publishedReview'
import { createLosingReply, uploadServedAsSent } from './target'

const state = readState<{ url: string; secret: string }>('micropub')
const run = randomUUID().slice(0, 8)

/** The shared review (./review.ts); its posts are told apart by title. */
const { images: [LAKE, CLUB], buildFor } = reviewFor({
  kind: 'micropub',
  tags: ['action', 'john wick'],
  lead: "Len Wiseman's spin-off follows Eve Macarro, an assassin trained by the Ruska Roma.",
  width: 5,
})

const target = (url = state.url, secret = state.secret, fetch?: typeof globalThis.fetch): PublishTarget =>
  createMicropubTarget({ blog: { id: 'mp', name: 'Test Micropub', kind: 'micropub', url }, secret, ...(fetch ? { fetch } : {}) })

/** Every post the site holds (the test site answers the post-list query), by name. */
async function postsNamed(title: string): Promise<unknown[]> {
  const response = await fetch(`${state.url}micropub?q=source&limit=100`, { headers: { authorization: `Bearer ${state.secret}` } })
  const { items } = (await response.json()) as { items: Array<{ properties: { name?: string[] } }> }
  return items.filter((item) => item.properties.name?.[0] === title)
}

describe('Micropub target on a real Micropub site', () => {
  const blog = target()
  const media = new Map<string, RemoteImage>()
  const title = `Ballerina ${run}`
  let published: { out: OutgoingPost; record: PublishRecord }

  beforeAll(async () => {
    await blog.check()
  })

  it('uploads both images to the media endpoint, served back byte for byte', async () => {
    await uploadServedAsSent(blog, [LAKE, CLUB], media, (img) => new RegExp(`^${state.url}uploads/.+${img.fileName}$`))
  })

  it('creates the post with everything; its public page shows text, score, credits, JSON-LD and images', async () => {
    const post = buildFor(title, media)
    expect(post.warnings).toEqual([])
    const out = outgoing(post, media)
    const remote = await blog.create(out)
    expect(remote).toMatchObject({ status: 'published', id: remote.url })
    published = { out, record: recordOf('mp', out, remote, media) }

    const { html, text } = await expectReviewShown(remote.url, post)
    expect(text).toContain("Len Wiseman's spin-off follows Eve Macarro")
    expect(text).toContain('A stylish, bruising spin-off that earns its place.')
    expect(html).toMatch(/class="p-category"[^>]*>action</)
    for (const img of [LAKE, CLUB]) {
      const src = media.get(img.path)?.url ?? ''
      expect(html).toContain(`src="${src}" alt="${img.alt}"`)
      expect((await fetch(src)).status).toBe(200)
    }
    const entry = await blog.find(out.publishId, published.record)
    expect(entry).toEqual({ id: remote.url, url: remote.url, status: 'published' })
    expect(await postsNamed(title)).toHaveLength(1)
  })

  it('updates the same post on re-publish, with no new post', async () => {
    const edited = outgoing(buildFor(title, media, '\nA paragraph added after the first publish.\n'), media)
    edited.publishId = published.out.publishId
    const remote = await blog.update(published.record, edited)
    expect(remote.url).toBe(published.record.url)
    const { text } = await page(remote.url)
    expect(text).toContain('A paragraph added after the first publish.')
    expect(text).toContain('9.5/10')
    expect(await postsNamed(title)).toHaveLength(1)
    // The same content again still goes through (the endpoint refuses updates that change nothing).
    await expect(blog.update(published.record, edited)).resolves.toMatchObject({ url: published.record.url })
  })

  it('keeps a draft off the home page, and publishes it later by update', async () => {
    const draftTitle = `Draft ${run}`
    const out = outgoing(buildFor(draftTitle, media), media, 'draft')
    const remote = await blog.create(out)
    expect(remote.status).toBe('draft')
    const record = recordOf('mp', out, remote, media)
    expect(await blog.find(out.publishId, record)).toMatchObject({ url: remote.url, status: 'draft' })
    expect((await page(remote.url)).text).toContain('Draft (not published)')
    expect((await page(state.url)).html).not.toContain(remote.url.slice(state.url.length))

    const live = await blog.update(record, { ...out, status: 'published' })
    expect(live).toMatchObject({ url: remote.url, status: 'published' })
    expect(await blog.find(out.publishId, record)).toMatchObject({ status: 'published' })
    expect((await page(state.url)).html).toContain(`href="${remote.url}"`)
  })

  it('schedules: the site reports the post as scheduled for that instant, and not on the home page', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3 * 86_400_000).toISOString()
    const out = outgoing(buildFor(`Scheduled ${run}`, media), media, 'scheduled', at)
    const remote = await blog.create(out)
    expect(remote).toMatchObject({ status: 'scheduled', publishAt: at })
    expect(await blog.find(out.publishId, recordOf('mp', out, remote, media))).toEqual({ id: remote.url, url: remote.url, status: 'scheduled', publishAt: at })
    expect((await page(remote.url)).text).toContain(`Scheduled for ${at}`)
    expect((await page(state.url)).html).not.toContain(remote.url.slice(state.url.length))
  })

  it('does not find a post the blog no longer has', async () => {
    const gone = { ...published.record, url: `${state.url}article/not-there-${run}` }
    expect(await blog.find(randomUUID(), gone)).toBeUndefined()
  })

  it('refuses a wrong token with a clear message', async () => {
    const error = await target(state.url, 'not-the-token').check().catch((e: unknown) => e)
    expect(isPublishError(error, 'auth')).toBe(true)
    expect((error as PublishError).message).toMatch(/answered 403.*access token was refused.*enter it again/)
    await expect(target(state.url, 'not-the-token').uploadImage(LAKE)).rejects.toMatchObject({ failure: 'auth' })
  })

  it('accepts the endpoint itself as the address, and says when an address has no endpoint', async () => {
    await expect(target(`${state.url}micropub`).check()).resolves.toBeUndefined()
    const error = await target(`${state.url}nothing-here`).check().catch((e: unknown) => e)
    expect(isPublishError(error, 'refused')).toBe(true)
    expect((error as PublishError).message).toContain('No Micropub endpoint found')
  })

  describe('when the reply to create is lost after the site committed', () => {
    const proxy = faultProxyAround(state.url)

    const loseCreate = async (via: PublishTarget, name: string): Promise<OutgoingPost> => {
      const out = outgoing(buildFor(name, media), media)
      await createLosingReply(via, proxy, out, (method, path) => method === 'POST' && path.startsWith('/micropub'))
      return out
    }

    it('finds the post by its publish id in the post list, and there is exactly one', async () => {
      const via = target(proxy.url)
      const name = `Lost reply ${run}`
      const out = await loseCreate(via, name)
      const found = await via.find(out.publishId)
      expect(found).toMatchObject({ status: 'published' })
      expect(found?.url).toMatch(new RegExp(`${out.publishId.replace(/-/g, '').slice(-12)}$`))
      expect((await page(found?.url ?? '')).text).toContain(name)
      expect(await postsNamed(name)).toHaveLength(1)
      expect(await via.find(randomUUID())).toBeUndefined()
    })

    it('finds it through the home page when the server has no post list', async () => {
      // A server without the post-list extension answers 400 to it, as @benjifs/micropub alone does.
      const noList: typeof fetch = (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input))
        if (url.pathname === '/micropub' && url.searchParams.get('q') === 'source' && !url.searchParams.has('url')) {
          return Promise.resolve(Response.json({ error: 'bad request' }, { status: 400 }))
        }
        return fetch(input, init)
      }
      const via = target(proxy.url, state.secret, noList)
      const name = `Lost reply, no list ${run}`
      const out = await loseCreate(via, name)
      const found = await via.find(out.publishId)
      expect(found).toMatchObject({ status: 'published' })
      expect((await page(found?.url ?? '')).text).toContain(name)
      expect(await postsNamed(name)).toHaveLength(1)
    })
  })
})
