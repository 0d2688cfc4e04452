/**
 * Ghost (5.x Admin API). The Admin API key `id:secret` signs a five-minute HS256 token per request;
 * the body goes as HTML in the shape of Ghost's cards (the post's `ghost-cards` form), which Ghost's
 * own HTML → Lexical conversion (`?source=html`) makes its text and cards: image cards with their
 * caption, the score an HTML card, the trailer an embed card, the spoiler a toggle card, the pull
 * quote its alternative quote. Casper and Source style them as their own, and Ghost's editor edits them;
 * the post carries an internal tag `#verdict-<publishId>` so a post whose create reply was lost can
 * be found again.
 */
import { createHmac } from 'node:crypto'
import { z } from 'zod'
import type { PublishRecord, PublishStatus, RemoteImage } from '../../../../shared/publish'
import { clip, serializeJsonLd } from '../../pipeline'
import { creditLine } from '../../../../blocks/image/html'
import { isPublishError, PublishError } from '../failures'
import { httpRequest, type HttpResponse } from '../http'
import { BlogTarget, type BlogAuthor, type OutgoingImage, type OutgoingPost, type PublishTarget, type RemotePost, type TargetContext } from '../publishTarget'

const API_VERSION = 'v5.0'
const TOKEN_SECONDS = 5 * 60
/** Ghost's own limits on these fields (longer values are refused with a 422). */
const EXCERPT_MAX = 300
const ALT_MAX = 191
/** Ghost sits behind nginx's default `client_max_body_size 50m` when installed with ghost-cli. */
const MAX_IMAGE_BYTES = 50 * 1024 * 1024
/** Ghost 5 refuses AVIF (its upload allow-list is jpeg, png, gif, webp, svg, ico). */
const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const
const KEY_HELP = 'Use the Admin API key of a custom integration (Ghost Admin → Settings → Integrations).'

/** The parts of Ghost's answers the target reads. */
const ghostUsers = z.object({
  users: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), roles: z.array(z.object({ name: z.string() })).optional() })).optional(),
})

const ghostPost = z.object({
  id: z.string(),
  url: z.string(),
  status: z.string(),
  published_at: z.string().nullable(),
  updated_at: z.string(),
})
type GhostPost = z.infer<typeof ghostPost>

const ghostPosts = z.object({ posts: z.array(ghostPost).optional() })

const ghostImages = z.object({ images: z.array(z.object({ url: z.string().optional() })).optional() })

declare module '../publishTarget' {
  interface TargetFiles {
    ghost: true
  }
}
export const target = new BlogTarget('ghost', (ctx) => createGhostTarget(ctx))

export function createGhostTarget(ctx: TargetContext): PublishTarget {
  const api = `${ctx.blog.url.replace(/\/+$/, '')}/ghost/api/admin`

  async function call(path: string, init: { method?: string; json?: unknown; form?: FormData } = {}): Promise<HttpResponse> {
    // Read per call, so a malformed key fails the check like a refused one instead of the factory.
    const key = parseKey(ctx.secret)
    const headers: Record<string, string> = { 'Accept-Version': API_VERSION }
    if (init.json !== undefined) headers['Content-Type'] = 'application/json'
    try {
      return await httpRequest(
        `${api}${path}`,
        {
          method: init.method ?? 'GET',
          headers,
          credentials: { Authorization: `Ghost ${signToken(key)}` },
          ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.form ? { body: init.form } : {}),
        },
        ctx.fetch,
      )
    } catch (error) {
      if (isPublishError(error, 'auth')) throw new PublishError('auth', `${error.message} ${KEY_HELP}`, error.details)
      throw error
    }
  }

  async function save(method: 'POST' | 'PUT', path: string, post: OutgoingPost, extra: Record<string, unknown>): Promise<RemotePost> {
    const response = await call(`${path}?source=html`, { method, json: { posts: [{ ...postFields(post), ...extra }] } })
    return remotePost(firstPost(response))
  }

  return {
    maxImageBytes: MAX_IMAGE_BYTES,
    imageTypes: ACCEPTED_TYPES,

    async check() {
      // /site/ answers without a key; listing one post proves the key is valid.
      const response = await call('/posts/?limit=1&fields=id')
      try {
        response.json(z.object({ posts: z.array(z.unknown()) }))
      } catch (error) {
        if (isPublishError(error)) throw new PublishError('refused', `${ctx.blog.url} answered, but not like a Ghost site's Admin API (${error.message})`)
        throw error
      }
    },

    async author(name: string): Promise<BlogAuthor> {
      // An integration posts as any staff user; its own posts go out under the site's owner.
      const users = (await call('/users/?limit=all&fields=id,name,email&include=roles')).json(ghostUsers).users ?? []
      const wanted = name.trim().toLocaleLowerCase()
      const user = wanted ? users.find((candidate) => candidate.name.trim().toLocaleLowerCase() === wanted || candidate.email.toLocaleLowerCase() === wanted) : undefined
      if (user) return { kind: 'user', id: user.id, name: user.name }
      const owner = users.find((candidate) => candidate.roles?.some((role) => role.name === 'Owner'))
      return { kind: 'account', name: owner?.name ?? 'the site’s owner', why: 'no-user' }
    },

    async uploadImage(image: OutgoingImage): Promise<RemoteImage> {
      const form = new FormData()
      form.append('file', new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.type }), image.fileName)
      form.append('purpose', 'image')
      form.append('ref', image.path)
      const response = await call('/images/upload/', { method: 'POST', form })
      const url = response.json(ghostImages).images?.[0]?.url
      if (!url) throw new PublishError('refused', `Ghost accepted “${image.path}” but did not say where it is.`)
      return { url }
    },

    async find(publishId: string, record?: PublishRecord): Promise<RemotePost | undefined> {
      if (record?.id) {
        try {
          return remotePost(firstPost(await call(`/posts/${encodeURIComponent(record.id)}/`)))
        } catch (error) {
          // Deleted on Ghost: fall back to the tag, which finds nothing unless it came back.
          if (!(isPublishError(error, 'refused') && error.details.status === 404)) throw error
        }
      }
      const filter = encodeURIComponent(`tag:${tagSlug(publishId)}`)
      const posts = (await call(`/posts/?filter=${filter}&limit=1`)).json(ghostPosts).posts ?? []
      return posts[0] ? remotePost(posts[0]) : undefined
    },

    async create(post: OutgoingPost): Promise<RemotePost> {
      const publishedAt = post.status === 'scheduled' ? post.publishAt : post.date
      return save('POST', '/posts/', post, publishedAt ? { published_at: publishedAt } : {})
    },

    async update(record: PublishRecord, post: OutgoingPost): Promise<RemotePost> {
      // Ghost refuses an update without the updated_at it last gave out; a record from before Ghost
      // had one (or a lost create reply) takes the current one.
      const updatedAt = record.remoteUpdatedAt ?? remotePost(firstPost(await call(`/posts/${encodeURIComponent(record.id)}/`))).updatedAt
      const extra: Record<string, unknown> = { updated_at: updatedAt }
      if (post.status === 'scheduled') extra['published_at'] = post.publishAt
      else if (post.date) extra['published_at'] = post.date
      // A scheduled post keeps its future date when published by hand; now is when it went out.
      else if (post.status === 'published' && record.status === 'scheduled') extra['published_at'] = new Date().toISOString()
      try {
        return await save('PUT', `/posts/${encodeURIComponent(record.id)}/`, post, extra)
      } catch (error) {
        if (isPublishError(error, 'collision')) {
          throw new PublishError(
            'collision',
            `“${post.post.title}” was edited on Ghost after it was last published from Verdict; publishing again would replace those edits. (${error.message})`,
            error.details,
          )
        }
        // Ghost's own words (“please reload your page”) are meant for its editor.
        if (post.status === 'scheduled' && isPublishError(error, 'refused') && /already published/i.test(error.message)) {
          throw new PublishError(
            'refused',
            `Ghost cannot schedule “${post.post.title}”: it is already published there. Publish the changes now, or switch the post back to draft in Ghost Admin first.`,
            error.details,
          )
        }
        throw error
      }
    },
  }
}

interface AdminKey {
  id: string
  secret: Buffer
}

function parseKey(raw: string): AdminKey {
  const match = /^\s*([0-9a-f]{24}):([0-9a-f]{64})\s*$/i.exec(raw)
  if (!match) throw new PublishError('auth', `This is not a Ghost Admin API key (it looks like “24 hex digits:64 hex digits”). ${KEY_HELP}`)
  return { id: match[1]!, secret: Buffer.from(match[2]!, 'hex') }
}

/** `Ghost <token>` for an Admin API key; the tests use it to look at the blog themselves. */
export function adminAuthorization(rawKey: string): string {
  return `Ghost ${signToken(parseKey(rawKey))}`
}

/** A fresh token per request: Ghost refuses tokens older than five minutes, and retries can come later. */
function signToken({ id, secret }: AdminKey): string {
  const now = Math.floor(Date.now() / 1000)
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT', kid: id })}.${encode({ iat: now, exp: now + TOKEN_SECONDS, aud: '/admin/' })}`
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`
}

/** `#` makes the tag internal (never shown to readers); Ghost slugs it `hash-verdict-…`. */
function tagName(publishId: string): string {
  return `#verdict-${publishId.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`
}

function tagSlug(publishId: string): string {
  return tagName(publishId).replace('#', 'hash-')
}

function postFields({ post, publishId, status, featured, author }: OutgoingPost): Record<string, unknown> {
  return {
    ...(author ? { authors: [{ id: author.id }] } : {}),
    title: post.title,
    html: post.html,
    custom_excerpt: clip(post.excerpt, EXCERPT_MAX) || null,
    tags: [...post.tags.map((name) => ({ name })), { name: tagName(publishId) }],
    // Ghost's statuses carry our names.
    status,
    codeinjection_head: `<script type="application/ld+json">${serializeJsonLd(post.jsonLd)}</script>`,
    feature_image: featured?.url ?? null,
    feature_image_alt: featured ? clip(featured.alt, ALT_MAX) || null : null,
    feature_image_caption: featured ? featureCaption(featured.caption, post.featuredImage?.credit ?? '') : null,
  }
}

/** Ghost's caption is HTML: the caption and the credit line, as the figures in the body show them. */
function featureCaption(caption: string, credit: string): string | null {
  const line = credit.trim() ? creditLine(credit.trim(), 'Image: ') : ''
  // The caption may already carry the credit line.
  const text = [caption.trim(), caption.includes(line) ? '' : line].filter(Boolean).join(' ')
  return text ? escapeHtml(text) : null
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function firstPost(response: HttpResponse): GhostPost {
  const post = response.json(ghostPosts).posts?.[0]
  if (!post?.id) throw new PublishError('refused', `Ghost answered without the post (${response.text.slice(0, 120)}).`)
  return post
}

function remotePost(post: GhostPost): RemotePost {
  const status: PublishStatus = post.status === 'draft' ? 'draft' : post.status === 'scheduled' ? 'scheduled' : 'published'
  return {
    id: post.id,
    url: post.url,
    status,
    ...(status === 'scheduled' && post.published_at ? { publishAt: new Date(post.published_at).toISOString() } : {}),
    updatedAt: post.updated_at,
  }
}
