/**
 * The WordPress target against a real WordPress (`node scripts/blogs/wordpress.mjs start`):
 * Debian's package on MariaDB behind PHP's built-in server, signed in with an application password.
 * Posts are built by the real pipeline. Titles, tags and images are this run's own, and counts are
 * of them, so the flow tests may share the blog (WordPress matches tag names regardless of case).
 */
import { randomInt, randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { readState } from '../../scripts/blogs/lib.mjs'
import { isPublishError, type PublishError } from '../../src/main/services/publish/failures'
import { createWordPressTarget } from '../../src/main/services/publish/targets/wordpress'
import type { OutgoingPost, PublishTarget } from '../../src/main/services/publish/publishTarget'
import type { PublishRecord, RemoteImage } from '../../src/shared/publish'
import { page } from './publicPage'
import { faultProxyAround } from './proxy'
import { expectReviewShown, image, outgoing, recordOf, reviewFor } from './publishedReview'
import { createLosingReply, uploadServedAsSent } from './target'

const state = readState<{ url: string; username: string; secret: string }>('wordpress')
const run = randomUUID().slice(0, 8)

// Widths differ per run, so the images are new to the blog even when it was not restarted (and
// stay under 2560 px, where WordPress would store a scaled copy).
const width = randomInt(10, 2000)
/** The shared review (./review.ts) with this run's own tags and images, so the checks are of this run. */
const { images: [LAKE, CLUB], buildFor } = reviewFor({
  kind: 'wordpress',
  tags: [`Action ${run}`, `Stunt work ${run}`],
  lead: 'Len Wiseman directs a spin-off that follows Eve Macarro, an assassin trained by the Ruska Roma.\nThink of it as a [gallery] of set pieces.',
  width,
})

const target = (url = state.url, username = state.username, secret = state.secret): PublishTarget =>
  createWordPressTarget({ blog: { id: 'wp', name: 'Test WordPress', kind: 'wordpress', url, username }, secret })

/** The blog's REST API as its admin, for checking what the target did. */
async function api<T>(route: string, query: Record<string, string> = {}, init: RequestInit = {}): Promise<T> {
  const url = new URL(`${state.url}/`)
  url.searchParams.set('rest_route', route)
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value)
  const response = await fetch(url, {
    ...init,
    headers: { authorization: `Basic ${Buffer.from(`${state.username}:${state.secret}`).toString('base64')}`, 'content-type': 'application/json', ...init.headers },
  })
  const body = (await response.json()) as T
  if (!response.ok) throw new Error(`${route}: ${response.status} ${JSON.stringify(body)}`)
  return body
}

interface WpPost {
  id: number
  status: string
  date_gmt: string
  title: { raw: string }
  excerpt: { raw: string }
  content: { raw: string }
  featured_media: number
  tags: number[]
  categories: number[]
}

/** Every post in any status (trash aside) with exactly this title. */
async function postsTitled(title: string): Promise<WpPost[]> {
  const found = await api<WpPost[]>('/wp/v2/posts', { search: title, status: 'any', context: 'edit', per_page: '100' })
  return found.filter((post) => post.title.raw === title)
}

describe('WordPress target on a real WordPress', () => {
  const blog = target()
  const media = new Map<string, RemoteImage>()
  const title = `Ballerina ${run}`
  let published: { out: OutgoingPost; record: PublishRecord }

  beforeAll(async () => {
    await blog.check()
  })

  it('uploads both images with alt text and credited captions, served back byte for byte', async () => {
    await uploadServedAsSent(blog, [LAKE, CLUB], media, (img) => new RegExp(`^${state.url}/wp-content/uploads/\\d{4}/\\d{2}/${img.fileName}$`))
    const lake = await api<{ alt_text: string; caption: { raw: string } }>(`/wp/v2/media/${media.get(LAKE.path)?.id}`, { context: 'edit' })
    expect(lake).toMatchObject({ alt_text: LAKE.alt, caption: { raw: `${LAKE.caption} Image: Lionsgate` } })
    const club = await api<{ alt_text: string; caption: { raw: string } }>(`/wp/v2/media/${media.get(CLUB.path)?.id}`, { context: 'edit' })
    expect(club).toMatchObject({ alt_text: CLUB.alt, caption: { raw: 'Photo: Larry Horricks' } })
  })

  it('creates the post with everything; its public page shows text, score, credits, JSON-LD and images', async () => {
    const post = buildFor(title, media)
    expect(post.warnings).toEqual([])
    const out = outgoing(post, media)
    const remote = await blog.create(out)
    expect(remote).toMatchObject({ status: 'published', url: expect.stringMatching(new RegExp(`^${state.url}/\\d{4}/\\d{2}/ballerina-${run}/$`)) })
    published = { out, record: recordOf('wp', out, remote, media) }

    const { html, text } = await expectReviewShown(remote.url, post)
    expect(text).toContain('Len Wiseman directs a spin-off that follows Eve Macarro')
    expect(text).toContain('Think of it as a [gallery] of set pieces.')
    for (const img of [LAKE, CLUB]) {
      const src = media.get(img.path)?.url ?? ''
      // The featured one in the theme's header, whose attributes come in another order.
      expect(html).toMatch(new RegExp(`<img (?=[^>]*src="${src}")(?=[^>]*alt="${img.alt}")`))
      expect((await fetch(src)).status).toBe(200)
    }

    const [stored, ...others] = await postsTitled(title)
    expect(others).toEqual([])
    expect(stored).toMatchObject({ id: Number(remote.id), status: 'publish', excerpt: { raw: 'A stylish, bruising spin-off that earns its place.' }, featured_media: Number(media.get(LAKE.path)?.id) })
    const tags = await api<Array<{ name: string }>>('/wp/v2/tags', { include: stored?.tags.join(',') ?? '' })
    expect(tags.map((tag) => tag.name).sort()).toEqual([`Action ${run}`, `Stunt work ${run}`])
    const categories = await api<Array<{ name: string }>>('/wp/v2/categories', { include: stored?.categories.join(',') ?? '' })
    expect(categories.map((category) => category.name)).toEqual(['Film reviews'])

    expect(await blog.find(out.publishId, published.record)).toEqual({ id: remote.id, url: remote.url, status: 'published' })
  })

  it('updates the same post on re-publish, with no new post', async () => {
    const edited = { ...outgoing(buildFor(title, media, '\nA paragraph added after the first publish.\n'), media), publishId: published.out.publishId }
    const remote = await blog.update(published.record, edited)
    expect(remote).toEqual({ id: published.record.id, url: published.record.url, status: 'published' })
    const { text } = await page(remote.url)
    expect(text).toContain('A paragraph added after the first publish.')
    expect(text).toContain('9.5/10')
    expect(await postsTitled(title)).toHaveLength(1)
  })

  it('keeps a draft off the public site, finds it by its publish id, and publishes it later by update', async () => {
    const draftTitle = `Draft ${run}`
    // A second target: its tags are found again through WordPress's term_exists, not a cache.
    const other = target()
    const out = outgoing(buildFor(draftTitle, media), media, 'draft')
    const remote = await other.create(out)
    expect(remote.status).toBe('draft')
    expect((await page(remote.url)).status).toBe(404)
    expect(await other.find(out.publishId)).toEqual(remote)
    const [stored] = await postsTitled(draftTitle)
    const [first] = await postsTitled(title)
    expect(stored?.tags.sort()).toEqual(first?.tags.sort())

    const live = await other.update(recordOf('wp', out, remote, media), { ...out, status: 'published' })
    expect(live).toMatchObject({ id: remote.id, status: 'published' })
    expect((await page(live.url)).text).toContain(draftTitle)
    expect(await postsTitled(draftTitle)).toHaveLength(1)
  })

  it('schedules: WordPress reports the post as scheduled for that instant; publishing it later (even via a draft) makes it live now', async () => {
    const scheduledTitle = `Scheduled ${run}`
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3 * 86_400_000).toISOString()
    const out = outgoing(buildFor(scheduledTitle, media), media, 'scheduled', at)
    const remote = await blog.create(out)
    expect(remote).toMatchObject({ status: 'scheduled', publishAt: at })
    expect(await blog.find(out.publishId)).toEqual(remote)
    const [stored] = await postsTitled(scheduledTitle)
    expect(stored).toMatchObject({ status: 'future', date_gmt: at.slice(0, 19) })
    expect((await page(remote.url)).status).toBe(404)

    // Back to a draft first: WordPress keeps the planned date on it.
    const draft = await blog.update(recordOf('wp', out, remote, media), { ...out, status: 'draft' })
    expect(draft).toMatchObject({ id: remote.id, status: 'draft' })
    const live = await blog.update(recordOf('wp', out, draft, media), { ...out, status: 'published' })
    expect(live).toMatchObject({ id: remote.id, status: 'published' })
    const [now] = await postsTitled(scheduledTitle)
    expect(Date.parse(`${now?.date_gmt}Z`)).toBeLessThanOrEqual(Date.now())
    expect((await page(live.url)).status).toBe(200)
  })

  it('does not find a post the blog no longer has', async () => {
    const out = outgoing(buildFor(`Trashed ${run}`, media), media, 'draft')
    const remote = await blog.create(out)
    await api(`/wp/v2/posts/${remote.id}`, {}, { method: 'DELETE' })
    expect(await blog.find(out.publishId, recordOf('wp', out, remote, media))).toBeUndefined()
    expect(await blog.find(out.publishId, { ...recordOf('wp', out, remote, media), id: '999999' })).toBeUndefined()
    expect(await blog.find(randomUUID())).toBeUndefined()
  })

  it('refuses wrong credentials with a clear message', async () => {
    for (const wrong of [target(state.url, state.username, 'abcd efgh ijkl mnop qrst uvwx'), target(state.url, 'nobody', state.secret)]) {
      const error = await wrong.check().catch((e: unknown) => e)
      expect(isPublishError(error, 'auth')).toBe(true)
      expect((error as PublishError).message).toMatch(/answered 401: .*did not accept the user name “.+” with this application password/)
    }
    const wrong = target(state.url, state.username, 'not-the-password')
    await expect(wrong.uploadImage(image(width + 2, 'x', '', ''))).rejects.toMatchObject({ failure: 'auth' })
    await expect(wrong.create(outgoing(buildFor(`Refused ${run}`, media), media))).rejects.toMatchObject({ failure: 'auth' })
    expect(await postsTitled(`Refused ${run}`)).toEqual([])
  })

  it('refuses a user who may not publish, and an address that is not WordPress', async () => {
    const contributor = await api<{ id: number }>('/wp/v2/users', {}, {
      method: 'POST',
      body: JSON.stringify({ username: `contributor-${run}`, email: `c-${run}@example.com`, password: randomUUID(), roles: ['contributor'] }),
    })
    const { password } = await api<{ password: string }>(`/wp/v2/users/${contributor.id}/application-passwords`, {}, { method: 'POST', body: JSON.stringify({ name: 'tests' }) })
    const error = await target(state.url, `contributor-${run}`, password).check().catch((e: unknown) => e)
    expect(isPublishError(error, 'auth')).toBe(true)
    expect((error as PublishError).message).toContain(`“contributor-${run}” may not publish posts`)

    const nowhere = await target(`${state.url}/wp-content/uploads`).check().catch((e: unknown) => e)
    expect(isPublishError(nowhere, 'refused')).toBe(true)
    expect((nowhere as PublishError).message).toContain('No WordPress REST API answered')
  })

  describe('when a reply is lost after WordPress committed', () => {
    const proxy = faultProxyAround(state.url)

    it('finds an uploaded image by its content-hash name on the retry, instead of storing a second copy', async () => {
      const via = target(proxy.url)
      const still = image(width + 3, 'Eve at the barre', '', 'Lionsgate')
      proxy.dropReplyOnce((method, path) => method === 'POST' && path.includes('rest_route=%2Fwp%2Fv2%2Fmedia'))
      const error = await via.uploadImage(still).catch((e: unknown) => e)
      expect(isPublishError(error, 'transient')).toBe(true)
      expect(proxy.requests.at(-1)).toMatchObject({ method: 'POST', outcome: 'dropped' })

      const held = await via.uploadImage(still)
      expect(held.url).toMatch(new RegExp(`/${still.fileName}$`))
      expect(proxy.requests.at(-1)?.method).toBe('GET')
      const copies = await api<Array<{ id: number }>>('/wp/v2/media', { search: still.fileName.replace('.png', '') })
      expect(copies.map((media) => String(media.id))).toEqual([held.id])
    })

    it('finds the post by its publish id, and there is exactly one', async () => {
      const via = target(proxy.url)
      const name = `Lost reply ${run}`
      const out = outgoing(buildFor(name, media), media)
      await createLosingReply(via, proxy, out, (method, path) => method === 'POST' && path.includes('rest_route=%2Fwp%2Fv2%2Fposts'))

      const found = await via.find(out.publishId)
      expect(found).toMatchObject({ status: 'published' })
      expect((await page(found?.url ?? '')).text).toContain(name)
      const [only, ...more] = await postsTitled(name)
      expect(more).toEqual([])
      expect(String(only?.id)).toBe(found?.id)
    })
  })
})
