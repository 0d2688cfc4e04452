/**
 * Micropub (W3C Recommendation): the endpoint is discovered from the site's `rel="micropub"` link
 * (Link header or `<link>` in its HTML), or the blog's address is the endpoint itself; `q=config`
 * names the media endpoint; images go there as multipart `file` (201 + Location); the post is a
 * JSON h-entry, later publishes an `action: update` of its URL.
 *
 * Finding a post whose create reply was lost: the post's slug (`mp-slug`) ends with a piece of the
 * publish id, so its URL is recognisable. The post list (`q=source` without `url`, the Micropub
 * extension Indiekit and Micro.blog answer) is searched first; servers without it are searched
 * through the links on the site's home page (published posts only).
 *
 * Scheduling: Micropub has none in the standard. A scheduled post is sent as `post-status:
 * published` with `published` in the future, which is how Micro.blog schedules and how static
 * generators hold back future-dated posts; `find` reports a post whose `published` lies ahead as
 * scheduled for that instant.
 */
import { z } from 'zod'
import { serializeJsonLd } from '../../pipeline'
import { slugify } from '../../../../shared/slug'
import { PublishError, isPublishError } from '../failures'
import { httpRequest, type HttpRequest, type HttpResponse } from '../http'
import { BlogTarget, preparedPlace, type OutgoingImage, type OutgoingPost, type PublishTarget, type RemotePost, type TargetContext } from '../publishTarget'
import type { PublishRecord, RemoteImage } from '../../../../shared/publish'

/** Micropub names no limit; common media endpoints take about this much, and a 413 says so anyway. */
export const MICROPUB_MAX_IMAGE_BYTES = 10 * 1024 * 1024
/** How many of the newest posts a lost reply is looked for among. */
const LIST_LIMIT = 100

interface Endpoints {
  micropub: string
  media?: string
  /** The site's home page, when the blog's address was the site rather than the endpoint. */
  site?: string
}

/** An h-entry's properties: every value a list (Micropub's JSON form). */
const properties = z.record(z.string(), z.array(z.unknown()))
type Properties = z.infer<typeof properties>
const entry = z.object({ properties: properties.optional() })
/** `q=config`: only the media endpoint is read. */
const config = z.object({ 'media-endpoint': z.string().optional() })

declare module '../publishTarget' {
  interface TargetFiles {
    micropub: true
  }
}
export const target = new BlogTarget('micropub', (ctx) => createMicropubTarget(ctx))

export function createMicropubTarget(ctx: TargetContext): PublishTarget {
  const credentials = { authorization: `Bearer ${ctx.secret}` }

  const send = async (url: string, request: HttpRequest = {}): Promise<HttpResponse> => {
    try {
      return await httpRequest(url, { ...request, headers: { accept: 'application/json', ...request.headers }, credentials }, ctx.fetch)
    } catch (error) {
      if (isPublishError(error, 'auth')) {
        throw new PublishError('auth', `${error.message} The Micropub access token was refused: create a new one with the create, update and media scopes and enter it again.`, error.details)
      }
      throw error
    }
  }

  const { place: discover, check } = preparedPlace(() => discoverEndpoints(ctx, send))

  /** The post at `url` as the endpoint reports it; undefined when the blog no longer has it. */
  const source = async (url: string): Promise<RemotePost | undefined> => {
    const { micropub } = await discover()
    try {
      const response = await send(withQuery(micropub, { q: 'source', url }))
      return remotePost(url, response.json(entry).properties ?? {})
    } catch (error) {
      if (isPublishError(error, 'refused') && (error.details.status === 404 || error.details.status === 410)) return undefined
      throw error
    }
  }

  return {
    maxImageBytes: MICROPUB_MAX_IMAGE_BYTES,
    check,

    async uploadImage(image: OutgoingImage): Promise<RemoteImage> {
      const { media } = await discover()
      if (!media) throw new PublishError('refused', `The Micropub site at ${ctx.blog.url} has no media endpoint (its q=config names none), so it cannot take the review's images.`)
      const form = new FormData()
      form.append('file', new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.type }), image.fileName)
      const response = await send(media, { method: 'POST', body: form })
      return { url: locationOf(response, 'The media endpoint stored the image but did not say where') }
    },

    async find(publishId: string, record?: PublishRecord): Promise<RemotePost | undefined> {
      if (record?.url) return source(record.url)
      const marker = idMarker(publishId)
      const found = await findInList(marker)
      if (found !== 'unsupported') return found
      const { site } = await discover()
      if (!site) return undefined
      // Read now, not at discovery: the post may have appeared since.
      const home = await httpRequest(site, { headers: { accept: 'text/html' } }, ctx.fetch)
      for (const url of postLinks(home.url, home.text, marker)) {
        const post = await source(url)
        if (post) return post
      }
      return undefined
    },

    async create(outgoing: OutgoingPost): Promise<RemotePost> {
      const { micropub } = await discover()
      const properties: Properties = { ...entryProperties(outgoing), 'mp-slug': [slugFor(outgoing)] }
      if (outgoing.status === 'scheduled') properties['published'] = [requirePublishAt(outgoing)]
      else if (outgoing.date) properties['published'] = [outgoing.date]
      const response = await send(micropub, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: ['h-entry'], properties }),
      })
      const url = locationOf(response, 'The Micropub endpoint created the post but did not say where')
      return { id: url, url, status: outgoing.status, ...(outgoing.status === 'scheduled' ? { publishAt: requirePublishAt(outgoing) } : {}) }
    },

    async update(record: PublishRecord, outgoing: OutgoingPost): Promise<RemotePost> {
      const { micropub } = await discover()
      const now = new Date().toISOString()
      // `updated` changes on every publish, so the update is never a no-op (which some endpoints refuse).
      const replace: Properties = { ...entryProperties(outgoing), updated: [now] }
      if (outgoing.status === 'scheduled') replace['published'] = [requirePublishAt(outgoing)]
      else if (outgoing.date) replace['published'] = [outgoing.date]
      // Leaving the schedule for "publish now": the post's date is now, not the time once planned.
      else if (record.status === 'scheduled') replace['published'] = [now]
      const response = await send(micropub, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'update', url: record.url, replace }),
      })
      // 201 + Location when the update moved the post (spec 3.4); 200/204 otherwise.
      const url = response.status === 201 && response.headers.get('location') ? new URL(response.headers.get('location') ?? '', record.url).href : record.url
      return { id: url, url, status: outgoing.status, ...(outgoing.status === 'scheduled' ? { publishAt: requirePublishAt(outgoing) } : {}) }
    },
  }

  /** The post with `marker` among the newest of the endpoint's post list, or `unsupported` when it has no list. */
  async function findInList(marker: string): Promise<RemotePost | undefined | 'unsupported'> {
    const { micropub } = await discover()
    let items: Array<z.infer<typeof entry>>
    try {
      const response = await send(withQuery(micropub, { q: 'source', limit: String(LIST_LIMIT) }))
      const listed = response.json(z.object({ items: z.array(entry).optional() })).items
      if (!listed) return 'unsupported'
      items = listed
    } catch (error) {
      // The extension is optional: a 400/404/501 means this server has no post list (and a list of another shape is none either).
      if (isPublishError(error, 'refused') || (isPublishError(error, 'transient') && error.details.status === 501)) return 'unsupported'
      throw error
    }
    for (const item of items) {
      const properties = item.properties ?? {}
      const url = firstString(properties['url'])
      const slug = firstString(properties['mp-slug'])
      if (url && (hasMarker(lastSegment(url), marker) || (slug !== undefined && hasMarker(slug, marker)))) return remotePost(url, properties)
    }
    return undefined
  }
}

async function discoverEndpoints(ctx: TargetContext, send: (url: string, request?: HttpRequest) => Promise<HttpResponse>): Promise<Endpoints> {
  let site: Endpoints['site']
  let micropub: string | undefined
  try {
    // The home page is public: fetched without the token.
    const page = await httpRequest(ctx.blog.url, { headers: { accept: 'text/html' } }, ctx.fetch)
    micropub = linkFromHeader(page.headers.get('link'), page.url) ?? linkFromHtml(page.text, page.url)
    if (micropub) site = page.url
  } catch (error) {
    // An endpoint asked a plain GET answers 400/401: the address may be the endpoint itself.
    if (!isPublishError(error, 'refused') && !isPublishError(error, 'auth')) throw error
  }
  const endpoint = micropub ?? ctx.blog.url
  let answer: z.infer<typeof config>
  try {
    answer = (await send(withQuery(endpoint, { q: 'config' }))).json(config)
  } catch (error) {
    if (!micropub && isPublishError(error, 'refused')) {
      throw new PublishError('refused', `No Micropub endpoint found at ${ctx.blog.url}: the page has no rel="micropub" link and the address does not answer as an endpoint (${error.message})`, error.details)
    }
    throw error
  }
  const media = answer['media-endpoint'] ? new URL(answer['media-endpoint'], endpoint).href : undefined
  return { micropub: endpoint, ...(media ? { media } : {}), ...(site ? { site } : {}) }
}

/** The h-entry properties every create and update sends. */
function entryProperties({ post, featured, status, author }: OutgoingPost): Properties {
  // The JSON-LD travels in the content: Micropub has no head to put it in, and the page shows the content as written.
  const html = `${post.html}\n<script type="application/ld+json">${serializeJsonLd(post.jsonLd)}</script>`
  const photos = new Map<string, string>()
  if (featured) photos.set(featured.url, featured.alt)
  else if (post.featuredImage) photos.set(post.featuredImage.src, post.featuredImage.alt)
  for (const image of post.images) if (!photos.has(image.src)) photos.set(image.src, image.alt)
  return {
    name: [post.title],
    content: [{ html }],
    summary: post.excerpt ? [post.excerpt] : [],
    category: post.tags,
    photo: [...photos].map(([value, alt]) => ({ value, alt })),
    'post-status': [status === 'draft' ? 'draft' : 'published'],
    ...(author ? { author: [{ type: ['h-card'], properties: { name: [author.name] } }] } : {}),
  }
}

function requirePublishAt(outgoing: OutgoingPost): string {
  if (!outgoing.publishAt) throw new PublishError('refused', 'A scheduled post needs the time it is to go live.')
  return outgoing.publishAt
}

/** `draft` by post-status, `scheduled` while `published` lies ahead, else `published`. */
function remotePost(fallbackUrl: string, properties: Properties): RemotePost {
  const url = firstString(properties['url']) ?? fallbackUrl
  const published = firstString(properties['published'])
  const at = published ? Date.parse(published) : Number.NaN
  if (firstString(properties['post-status']) === 'draft') return { id: url, url, status: 'draft' }
  if (Number.isFinite(at) && at > Date.now()) return { id: url, url, status: 'scheduled', publishAt: new Date(at).toISOString() }
  return { id: url, url, status: 'published' }
}

/** Twelve characters of the publish id (its random end), the part of the slug `find` recognises. */
function idMarker(publishId: string): string {
  return publishId.toLowerCase().replace(/[^a-z0-9]/g, '').slice(-12)
}

/** A readable slug that still carries the publish id: `john-wick-chapter-4-3f9c0d2e7a41`. */
function slugFor({ post, publishId }: OutgoingPost): string {
  const words = slugify(post.title, { maxChars: 60, fallback: '' })
  return [words, idMarker(publishId)].filter(Boolean).join('-')
}

function hasMarker(slug: string, marker: string): boolean {
  return marker !== '' && (slug === marker || slug.endsWith(`-${marker}`))
}

function lastSegment(url: string): string {
  try {
    return new URL(url).pathname.replace(/\/+$/, '').split('/').pop() ?? ''
  } catch {
    return ''
  }
}

/**
 * Links of the site's page whose last path segment carries the marker. Any origin: a post's
 * canonical URL may name another host than the page was fetched from, and the endpoint confirms it.
 */
function postLinks(pageUrl: string, html: string, marker: string): string[] {
  const urls = new Set<string>()
  for (const tag of html.match(/<a\b[^>]*>/gi) ?? []) {
    const href = attributes(tag)['href']
    if (!href) continue
    try {
      const url = new URL(href, pageUrl)
      if (/^https?:$/.test(url.protocol) && hasMarker(lastSegment(url.href), marker)) urls.add(url.href)
    } catch {
      // not a usable link
    }
  }
  return [...urls]
}

/** `Link: <…>; rel="micropub"` (several links, several rels each). */
function linkFromHeader(header: string | null, base: string): string | undefined {
  for (const part of header?.split(/,(?=\s*<)/) ?? []) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part)
    const rel = match && /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(match[2] ?? '')
    if (match && rel && (rel[1] ?? rel[2] ?? '').toLowerCase().split(/\s+/).includes('micropub')) return resolveUrl(match[1] ?? '', base)
  }
  return undefined
}

/** The first `<link rel="micropub" href>` of the page. */
function linkFromHtml(html: string, base: string): string | undefined {
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const attrs = attributes(tag)
    if ((attrs['rel'] ?? '').toLowerCase().split(/\s+/).includes('micropub') && attrs['href'] !== undefined) return resolveUrl(attrs['href'], base)
  }
  return undefined
}

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const match of tag.matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    attrs[(match[1] ?? '').toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '')
  }
  return attrs
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|quot|#39|apos|lt|gt);/g, (_, name: string) => ({ amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>' })[name] ?? '')
}

function resolveUrl(href: string, base: string): string | undefined {
  try {
    return new URL(href, base).href
  } catch {
    return undefined
  }
}

function withQuery(endpoint: string, query: Record<string, string>): string {
  const url = new URL(endpoint)
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value)
  return url.href
}

function locationOf(response: HttpResponse, missing: string): string {
  const location = response.headers.get('location')
  if (!location) throw new PublishError('refused', `${missing} (no Location header in its ${response.status} reply).`)
  return new URL(location, response.url).href
}

function firstString(values: unknown[] | undefined): string | undefined {
  const first = Array.isArray(values) ? values[0] : undefined
  return typeof first === 'string' ? first : undefined
}
