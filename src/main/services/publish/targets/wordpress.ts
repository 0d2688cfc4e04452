/**
 * WordPress through its REST API, signed in with an application password over Basic auth. Every
 * call goes to `<site>/?rest_route=/wp/v2/…`, which answers whether or not the site has pretty
 * permalinks. Images go to the media library as multipart uploads carrying their alt text and
 * caption; tags and the category (from what is reviewed: "Film reviews") are created or looked up
 * by name (`term_exists` names the one that exists); the post is created once, and later publishes
 * update the same post id.
 *
 * The body is the post's block markup (its `wordpress-blocks` form: paragraphs, headings, lists,
 * image, pull quote and embed blocks, the score a group), so the block editor opens it as its own
 * blocks and the theme styles them. The JSON-LD goes at its end in a Custom HTML block, as a script,
 * only for an account that may post unfiltered HTML (administrators and editors of a single site):
 * WordPress's filter would take the script tags from anyone else's post and leave its JSON as text.
 *
 * Finding a post whose create reply was lost: the body starts with `<!-- verdict:publish-id … -->`,
 * and WordPress's search reads the raw body of posts in every status (drafts and scheduled ones too).
 */
import { z } from 'zod'
import { categoryOf, serializeJsonLd } from '../../pipeline'
import { creditLine } from '../../../../blocks/image/html'
import { PublishError, isPublishError } from '../failures'
import { httpRequest, type HttpRequest, type HttpResponse } from '../http'
import { BlogTarget, type BlogAuthor, type OutgoingImage, type OutgoingPost, type PublishTarget, type RemotePost, type TargetContext } from '../publishTarget'
import type { PublishRecord, PublishStatus, RemoteImage } from '../../../../shared/publish'
import { megabytes } from '../../../../shared/text'

/**
 * WordPress does not tell its upload limit over the REST API. PHP's defaults are 2 MB per file and
 * 8 MB per request and most hosts raise them; when a blog refuses a file for its size, the upload
 * fails as `too-large` all the same.
 */
export const WORDPRESS_MAX_IMAGE_BYTES = 8 * 1024 * 1024

export interface WordPressOptions {
  /** The blog's upload limit, when the critic knows it is not the default. */
  maxImageBytes?: number
}

/** The parts of a `wp/v2/posts` item the target reads (`context=edit`). */
const wpPost = z.object({
  id: z.number(),
  link: z.string(),
  status: z.string(),
  date_gmt: z.string().nullable(),
  content: z.object({ raw: z.string().optional() }).optional(),
})
type WpPost = z.infer<typeof wpPost>

/** A `wp/v2/users` item (`capabilities` only with `context=edit`). */
const wpUser = z.object({
  id: z.number(),
  name: z.string(),
  slug: z.string().optional(),
  capabilities: z.record(z.string(), z.unknown()).optional(),
})
type WpUser = z.infer<typeof wpUser>

const wpMedia = z.object({
  id: z.number(),
  source_url: z.string(),
  mime_type: z.string().optional(),
  // PHP sends empty details as a list (`[]`): no size then, so never taken for the same file.
  media_details: z.object({ filesize: z.number().optional() }).optional().catch(undefined),
})

const wpTerm = z.object({ id: z.number(), name: z.string() })

const STATUS_TO_WP: Record<PublishStatus, string> = { published: 'publish', draft: 'draft', scheduled: 'future' }
const POST_FIELDS = 'id,link,status,date_gmt'

declare module '../publishTarget' {
  interface TargetFiles {
    wordpress: true
  }
}
export const target = new BlogTarget('wordpress', (ctx) => createWordPressTarget(ctx))

export function createWordPressTarget(ctx: TargetContext, options: WordPressOptions = {}): PublishTarget {
  const username = ctx.blog.username ?? ''
  const credentials = { authorization: `Basic ${Buffer.from(`${username}:${ctx.secret}`).toString('base64')}` }
  const termIds = new Map<string, number | undefined>()

  const send = async (route: string, query: Record<string, string> = {}, request: HttpRequest = {}): Promise<HttpResponse> => {
    try {
      return await httpRequest(restUrl(ctx.blog.url, route, query), { ...request, headers: { accept: 'application/json', ...request.headers }, credentials }, ctx.fetch)
    } catch (error) {
      if (isPublishError(error, 'auth')) {
        throw new PublishError(
          'auth',
          `${error.message} WordPress did not accept the user name “${username}” with this application password: check both (an application password is made under Users → Profile → Application Passwords in the blog's admin, and is not the account's own password).`,
          error.details,
        )
      }
      throw error
    }
  }

  /** The signed-in user and what they may do, asked once (again after a failure). */
  let account: Promise<WpUser> | undefined
  const me = (): Promise<WpUser> => {
    if (!account) {
      const asking = send('/wp/v2/users/me', { context: 'edit', _fields: 'id,name,slug,capabilities' }).then((reply) => postOf(reply, wpUser, ctx.blog.url))
      asking.catch(() => {
        if (account === asking) account = undefined
      })
      account = asking
    }
    return account
  }

  const sendJson = (route: string, body: Record<string, unknown>, query: Record<string, string> = {}): Promise<HttpResponse> =>
    send(route, query, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

  /**
   * The id of the tag or category with this name, created when the blog has none. An Author may
   * use the blog's terms but not add any (WordPress's rule): a term the account may not create is
   * looked up instead, and left off the post when the blog has none of that name.
   */
  const termId = async (taxonomy: 'tags' | 'categories', name: string): Promise<number | undefined> => {
    const key = `${taxonomy}:${name}`
    if (termIds.has(key)) return termIds.get(key)
    let id: number | undefined
    try {
      id = postOf(await sendJson(`/wp/v2/${taxonomy}`, { name }), wpTerm).id
    } catch (error) {
      const refusal = isPublishError(error) ? wpError(error.details.body) : undefined
      if (refusal?.code === 'term_exists' && typeof refusal.data?.['term_id'] === 'number') id = refusal.data['term_id']
      else if (refusal?.code === 'rest_cannot_create') id = await existingTerm(taxonomy, name)
      else throw error
    }
    termIds.set(key, id)
    return id
  }

  const existingTerm = async (taxonomy: 'tags' | 'categories', name: string): Promise<number | undefined> => {
    const found = (await send(`/wp/v2/${taxonomy}`, { search: name, per_page: '100', _fields: 'id,name' })).json(z.array(wpTerm))
    // WordPress keeps names as HTML (`&amp;`); search matches parts of names.
    const wanted = escapeText(name.replace(/&/g, '&amp;')).toLocaleLowerCase()
    return found.find((term) => term.name.toLocaleLowerCase() === wanted)?.id
  }

  /** The fields every create and update sends. */
  const fields = async (outgoing: OutgoingPost): Promise<Record<string, unknown>> => {
    const { post, status, publishId } = outgoing
    // The marker must stay one search word inside an HTML comment (the service's ids are UUIDs).
    if (!/^[\w-]+$/.test(publishId)) throw new PublishError('refused', `The publish id “${publishId}” cannot be marked in a post.`)
    const tags: number[] = []
    for (const name of post.tags) {
      const id = await termId('tags', name)
      if (id !== undefined) tags.push(id)
    }
    const category = await termId('categories', categoryOf(post))
    const body: Record<string, unknown> = {
      title: escapeText(post.title),
      // Only an account that may post unfiltered HTML keeps a script: for others WordPress strips the
      // tag and shows the JSON-LD as text.
      content: contentFor(outgoing, (await me()).capabilities?.['unfiltered_html'] === true),
      excerpt: escapeText(post.excerpt),
      status: STATUS_TO_WP[status],
      tags,
      // None: the blog's default category.
      categories: category === undefined ? [] : [category],
      // 0 takes a featured image away when the review no longer has one.
      featured_media: Number(outgoing.featured?.id ?? 0) || 0,
    }
    if (outgoing.author) body['author'] = Number(outgoing.author.id)
    if (status === 'scheduled') body['date_gmt'] = wpDate(requirePublishAt(outgoing))
    else if (outgoing.date) body['date_gmt'] = wpDate(outgoing.date)
    return body
  }

  /** The post with this id, or undefined when the blog no longer has it (deleted, or in the trash). */
  const byId = async (id: string): Promise<RemotePost | undefined> => {
    try {
      const post = postOf(await send(`/wp/v2/posts/${encodeURIComponent(id)}`, { context: 'edit', _fields: POST_FIELDS }), wpPost)
      return post.status === 'trash' ? undefined : remotePost(post)
    } catch (error) {
      if (isPublishError(error, 'refused') && (error.details.status === 404 || error.details.status === 410)) return undefined
      throw error
    }
  }

  /** An image this blog already holds: same content-hash name, type and size (a retry after a lost upload reply). */
  const uploaded = async (image: OutgoingImage): Promise<RemoteImage | undefined> => {
    const stem = image.fileName.replace(/\.[^.]+$/, '')
    // Only content-hash names are specific enough to be the same file.
    if (!/^[0-9a-f]{16,}$/i.test(stem)) return undefined
    const found = (await send('/wp/v2/media', { slug: stem.toLowerCase(), context: 'edit', _fields: 'id,source_url,mime_type,media_details' })).json(z.array(wpMedia))
    const same = found.find((media) => media.mime_type === image.type && media.media_details?.filesize === image.bytes.length)
    return same ? { url: same.source_url, id: String(same.id) } : undefined
  }

  return {
    maxImageBytes: options.maxImageBytes ?? WORDPRESS_MAX_IMAGE_BYTES,
    // AVIF uploads arrived in WordPress 6.5; older sites (Debian's 6.1) refuse them.
    imageTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],

    async check() {
      if (!username) throw new PublishError('auth', 'Enter the WordPress user name the application password belongs to.')
      let user: WpUser
      try {
        user = await me()
      } catch (error) {
        if (isPublishError(error, 'refused') && error.details.status === 404) throw notWordPress(ctx.blog.url, error)
        throw error
      }
      const can = user.capabilities ?? {}
      if (!can['publish_posts'] || !can['upload_files']) {
        throw new PublishError('auth', `The WordPress user “${username}” may not ${can['publish_posts'] ? 'upload images' : 'publish posts'} on this blog: use the application password of an Author, Editor or Administrator.`)
      }
    },

    async author(name: string): Promise<BlogAuthor> {
      const self = await me()
      const wanted = name.trim().toLocaleLowerCase()
      const same = (user: WpUser) => wanted !== '' && (user.name.trim().toLocaleLowerCase() === wanted || user.slug === wanted)
      if (same(self)) return { kind: 'user', id: String(self.id), name: self.name }
      const account = (why: 'no-user' | 'not-allowed'): BlogAuthor => ({ kind: 'account', name: self.name, why })
      if (wanted === '') return account('no-user')
      // Every user for those who may list them; others see the users with published posts only.
      const query: Record<string, string> = { search: name.trim(), per_page: '20', _fields: 'id,name,slug' }
      if (self.capabilities?.['list_users']) query['context'] = 'edit'
      const found = (await send('/wp/v2/users', query)).json(z.array(wpUser))
      const user = found.find(same)
      if (!user) return account('no-user')
      // Posting as someone else is an Editor's or Administrator's right.
      return self.capabilities?.['edit_others_posts'] ? { kind: 'user', id: String(user.id), name: user.name } : account('not-allowed')
    },

    async uploadImage(image: OutgoingImage): Promise<RemoteImage> {
      const existing = await uploaded(image)
      if (existing) return existing
      const form = new FormData()
      form.append('file', new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.type }), image.fileName)
      form.append('alt_text', image.alt)
      form.append('caption', [image.caption, image.credit && creditLine(image.credit, 'Image: ')].filter(Boolean).join(' '))
      let media: z.infer<typeof wpMedia>
      try {
        media = postOf(await send('/wp/v2/media', {}, { method: 'POST', body: form }), wpMedia)
      } catch (error) {
        throw uploadError(error, image)
      }
      return { url: media.source_url, id: String(media.id) }
    },

    async find(publishId: string, record?: PublishRecord): Promise<RemotePost | undefined> {
      if (record?.id) return byId(record.id)
      const found = (await send('/wp/v2/posts', { search: publishId, status: 'any', context: 'edit', per_page: '20', _fields: `${POST_FIELDS},content.raw` })).json(z.array(wpPost))
      // Search matches words anywhere; only the marker proves it is this publish. The oldest wins.
      const marker = idMarker(publishId)
      const match = found.filter((post) => post.content?.raw?.includes(marker)).sort((a, b) => a.id - b.id)[0]
      return match ? remotePost(match) : undefined
    },

    async create(outgoing: OutgoingPost): Promise<RemotePost> {
      return remotePost(postOf(await sendJson('/wp/v2/posts', await fields(outgoing), { _fields: POST_FIELDS }), wpPost))
    },

    async update(record: PublishRecord, outgoing: OutgoingPost): Promise<RemotePost> {
      const body = await fields(outgoing)
      // Going live now: WordPress keeps a post's planned date (a draft keeps one from an earlier
      // schedule too), and a `publish` dated ahead turns back into `future`.
      if (outgoing.status === 'published' && record.status !== 'published' && !outgoing.date) body['date_gmt'] = wpDate(new Date().toISOString())
      try {
        return remotePost(postOf(await sendJson(`/wp/v2/posts/${encodeURIComponent(record.id)}`, body, { _fields: POST_FIELDS }), wpPost))
      } catch (error) {
        if (isPublishError(error, 'refused') && error.details.status === 404) {
          throw new PublishError('refused', `The post this review was published as (id ${record.id}) is no longer on the blog: it was deleted there.`, error.details)
        }
        throw error
      }
    },
  }
}

/** `<site>/?rest_route=/wp/v2/…&…`: the REST API's address that needs no rewrite rules. */
function restUrl(site: string, route: string, query: Record<string, string>): string {
  const url = new URL(site)
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  url.search = ''
  url.hash = ''
  url.searchParams.set('rest_route', route)
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value)
  return url.href
}

/**
 * The reply's object. A redirected POST arrives as a GET and answers with a list or a page: that is
 * no post, and the schema refuses it rather than taking it for one.
 */
function postOf<S extends z.ZodType>(response: HttpResponse, schema: S, site?: string): z.infer<S> {
  try {
    return response.json(schema)
  } catch (error) {
    if (site && isPublishError(error)) throw notWordPress(site, error)
    throw error
  }
}

function notWordPress(site: string, error: PublishError): PublishError {
  return new PublishError('refused', `No WordPress REST API answered at ${site} (${error.message}) Check the blog's address.`, error.details)
}

function remotePost(post: WpPost): RemotePost {
  const remote: RemotePost = { id: String(post.id), url: post.link, status: post.status === 'publish' ? 'published' : post.status === 'future' ? 'scheduled' : 'draft' }
  if (post.status === 'future' && post.date_gmt) remote.publishAt = new Date(`${post.date_gmt}Z`).toISOString()
  return remote
}

/** The post's body: its blocks, then a Custom HTML block with the publish-id marker (and the JSON-LD, when the account may post a script). */
function contentFor({ post, publishId }: OutgoingPost, withScript: boolean): string {
  const ending = ['<!-- wp:html -->', `<!-- ${idMarker(publishId)} -->`]
  if (withScript) ending.push(`<script type="application/ld+json">${serializeJsonLd(post.jsonLd)}</script>`)
  ending.push('<!-- /wp:html -->')
  // `[gallery]`, `[embed]`… in a review's text would run as WordPress shortcodes: `&#91;` is the same `[` to a reader (block delimiters hold none).
  return `${post.html.replaceAll('[', '&#91;').trim()}\n\n${ending.join('\n')}`
}

function idMarker(publishId: string): string {
  return `verdict:publish-id ${publishId}`
}

/** WordPress reads titles and excerpts as HTML: `<` and `>` must not open tags. */
function escapeText(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** `date_gmt` as WordPress writes it: UTC, to the second, without zone. */
function wpDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) throw new PublishError('refused', `“${iso}” is not a time.`)
  return date.toISOString().slice(0, 19)
}

function requirePublishAt(outgoing: OutgoingPost): string {
  if (!outgoing.publishAt) throw new PublishError('refused', 'A scheduled post needs the time it is to go live.')
  return outgoing.publishAt
}

function wpError(body: string | undefined): { code?: string; data?: Record<string, unknown> } | undefined {
  try {
    const parsed = JSON.parse(body ?? '') as unknown
    return parsed && typeof parsed === 'object' ? (parsed as { code?: string; data?: Record<string, unknown> }) : undefined
  } catch {
    return undefined
  }
}

/**
 * PHP's limits surface in odd ways: a file over `upload_max_filesize` is a 500, a request over
 * `post_max_size` arrives empty (“No Content-Disposition supplied”), and a refused file type is a
 * 500 too. None of them gets better by retrying.
 */
function uploadError(error: unknown, image: OutgoingImage): unknown {
  if (!isPublishError(error)) return error
  const { code = '' } = wpError(error.details.body) ?? {}
  const tooLarge =
    code === 'rest_upload_file_too_big' ||
    code === 'rest_upload_no_content_disposition' ||
    (code === 'rest_upload_unknown_error' && /upload_max_filesize|MAX_FILE_SIZE/.test(error.message))
  if (tooLarge) return new PublishError('too-large', `${error.message} The blog does not accept an image of ${megabytes(image.bytes.length)}.`, error.details)
  if (code === 'rest_upload_sideload_error') return new PublishError('refused', error.message, error.details)
  return error
}

