/**
 * The static-site folder: the built-in blog that needs no account. Publishing writes into a folder
 * the critic picked (a GitHub Pages or Netlify checkout, say):
 *
 *   <folder>/<slug>.html       the themed page, exactly as the preview renders it
 *   <folder>/media/<hash>.png  the images, content-hash named, so each is written once
 *   <folder>/index.html        every listed review, newest first
 *   <folder>/feed.xml          an Atom feed of the newest listed reviews
 *   <folder>/verdict-site.json what was published (the index and the feed are rebuilt from it)
 *
 * Pages sit next to `media/` so images are plain relative paths (`media/x.png`: no `..`, which
 * the pipeline refuses) that work wherever the folder is served, even below a path; GitHub Pages
 * and Netlify serve `/<slug>` from `<slug>.html`.
 *
 * Drafts are written but not listed. A folder cannot publish on its own at a later time, so a
 * scheduled review's page is written at once and it joins the index and the feed with the first
 * publish to the folder after its time (it is not linked before then).
 *
 * Every file is replaced atomically; publishes to one folder are serialized.
 */
import { createHash, randomUUID } from 'node:crypto'
import { access, mkdir, readFile, realpath, stat } from 'node:fs/promises'
import { constants } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ElementContent } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { writeFileAtomic } from '../../fs/atomicWrite'
import { KeyedSerial } from '../../recovery/keyed'
import { escapeCss, renderPage, type Post, type Theme } from '../../pipeline'
import { isErrnoCode } from '../../errors'
import { PublishError } from '../failures'
import { BlogTarget, preparedPlace, type OutgoingImage, type OutgoingPost, type PublishTarget, type RemotePost, type TargetContext, type TargetDeps } from '../publishTarget'
import { PUBLISH_STATUSES, type PublishRecord, type RemoteImage } from '../../../../shared/publish'
import { isSlug, slugify } from '../../../../shared/slug'
import { z } from 'zod'

export const MANIFEST_NAME = 'verdict-site.json'
/** GitHub refuses files above 100 MB; nothing else limits a folder. */
export const FOLDER_MAX_IMAGE_BYTES = 100 * 1024 * 1024
const FEED_ENTRIES = 50
/** Page names the site's own files use. */
const RESERVED_SLUGS = new Set(['index', '404', 'feed', 'media'])
const MEDIA_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/

/**
 * `verdict-site.json`: the site's folder is the critic's (a checkout others may edit), so it is read
 * against this schema; keys it does not know are kept when the file is rewritten.
 */
const siteEntry = z.looseObject({
  publishId: z.string(),
  slug: z.string(),
  /** Relative to the folder: `<slug>.html`. */
  url: z.string(),
  title: z.string(),
  author: z.string(),
  excerpt: z.string(),
  /** `9.5/10`, when the review has a score. */
  score: z.string().optional(),
  status: z.enum(PUBLISH_STATUSES),
  /**
   * RFC 3339, first published or the scheduled time, in the zone the post's day was counted in
   * (`2026-12-07T08:30:00+13:00`): the index and the feed name the day the page does.
   */
  date: z.string(),
  /** ISO: last written. */
  updated: z.string(),
  /** The body's sanitised HTML, for the feed. */
  html: z.string(),
})
const siteManifest = z.looseObject({
  version: z.literal(1),
  /** Stable id of this site, the feed's `<id>`. */
  siteId: z.string(),
  posts: z.array(siteEntry),
})
/** One published review in `verdict-site.json`. */
export type SiteEntry = z.infer<typeof siteEntry>
export type SiteManifest = z.infer<typeof siteManifest>

/** Publishes to one folder at a time: each publish reads, changes and rewrites the manifest. */
const folders = new KeyedSerial()

declare module '../publishTarget' {
  interface TargetFiles {
    folder: true
  }
}
export const target = new BlogTarget('folder', (ctx, deps) => createFolderTarget({ ...ctx, ...deps }))

export function createFolderTarget(ctx: TargetContext & TargetDeps): PublishTarget {
  const { place: ready, check } = preparedPlace(() => writableFolder(ctx.blog.url, ctx.libraryDir))
  const write = (outgoing: OutgoingPost, fallbackSlug?: string): Promise<RemotePost> =>
    ready().then((folder) =>
      folders.run(folder, async () => {
        const manifest = await readManifest(folder)
        const now = ctx.now()
        const existing = manifest.posts.find((entry) => entry.publishId === outgoing.publishId)
        const slug = existing?.slug ?? (fallbackSlug && isSlug(fallbackSlug) && !RESERVED_SLUGS.has(fallbackSlug) ? fallbackSlug : await freeSlug(folder, manifest, outgoing.post.title))
        const theme = await ctx.loadTheme()
        await writeFileAtomic(join(folder, `${slug}.html`), renderPage(withoutLocalUrl(outgoing.post), { theme, colorScheme: 'light', online: true }))

        const { post } = outgoing
        const entry: SiteEntry = {
          publishId: outgoing.publishId,
          slug,
          url: `${slug}.html`,
          title: post.title,
          author: post.byline.author,
          excerpt: post.excerpt,
          ...(post.score ? { score: post.score.display } : {}),
          status: outgoing.status,
          // A review keeps the date it was first listed with, unless back-dated; a draft or a future one is dated when it goes out.
          date:
            existing && isListed(existing, now) && outgoing.status !== 'scheduled' && !outgoing.date
              ? existing.date
              : zonedTime(outgoing.status === 'scheduled' ? requirePublishAt(outgoing) : (outgoing.date ?? now.toISOString()), outgoing.zone),
          updated: now.toISOString(),
          html: post.html,
        }
        manifest.posts = [...manifest.posts.filter((other) => other.publishId !== entry.publishId), entry]
        // The manifest first: the index and the feed can always be rebuilt from it.
        await writeFileAtomic(join(folder, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`)
        const listed = listedPosts(manifest, now)
        await writeFileAtomic(join(folder, 'index.html'), indexPage(ctx.blog.name, listed, theme))
        await writeFileAtomic(join(folder, 'feed.xml'), atomFeed(ctx.blog.name, manifest.siteId, listed, now))
        return remoteOf(folder, entry, now)
      }),
    )

  return {
    maxImageBytes: FOLDER_MAX_IMAGE_BYTES,
    check,

    async uploadImage(image: OutgoingImage): Promise<RemoteImage> {
      if (!MEDIA_NAME.test(image.fileName)) throw new PublishError('refused', `“${image.fileName}” is not a usable file name for an image.`)
      const folder = await ready()
      const path = join(folder, 'media', image.fileName)
      // Content-hash names: a file of that name and size already holds these bytes.
      const present = await stat(path).then(
        (info) => info.isFile() && info.size === image.bytes.byteLength,
        () => false,
      )
      if (!present) {
        await mkdir(join(folder, 'media'), { recursive: true })
        await writeFileAtomic(path, image.bytes)
      }
      return { url: `media/${image.fileName}` }
    },

    async find(publishId: string, record?: PublishRecord): Promise<RemotePost | undefined> {
      const folder = await ready()
      const manifest = await readManifest(folder)
      const entry = manifest.posts.find((candidate) => candidate.publishId === (record?.publishId ?? publishId))
      if (!entry) return undefined
      const exists = await stat(join(folder, `${entry.slug}.html`)).then(
        (info) => info.isFile(),
        () => false,
      )
      return exists ? remoteOf(folder, entry, ctx.now()) : undefined
    },

    create: (outgoing) => write(outgoing),
    update: (record, outgoing) => write(outgoing, record.id),
  }
}

/** The folder, checked: absolute, outside the library, existing (created if need be) and writable. */
async function writableFolder(raw: string, libraryDir: string): Promise<string> {
  const folder = await checkedFolder(raw, libraryDir)
  try {
    await mkdir(folder, { recursive: true })
    await access(folder, constants.W_OK)
  } catch (error) {
    throw new PublishError('refused', `Verdict cannot write to the folder ${folder}: ${(error as Error).message}. Pick a folder you can write to.`)
  }
  return folder
}

/** Refuses relative paths and folders inside the library (publishing must never write into reviews). */
async function checkedFolder(raw: string, libraryDir: string): Promise<string> {
  if (!raw.trim() || !isAbsolute(raw)) throw new PublishError('refused', `The site folder “${raw}” is not a full path. Pick the folder again.`)
  const folder = resolve(raw)
  const library = await realpath(libraryDir).catch(() => resolve(libraryDir))
  const real = await realpath(folder).catch(() => folder)
  for (const candidate of new Set([folder, real])) {
    const rel = relative(library, candidate)
    if (rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))) {
      throw new PublishError('refused', `The site folder ${folder} is inside the library. Pick a folder outside it.`)
    }
  }
  return folder
}

async function readManifest(folder: string): Promise<SiteManifest> {
  let text: string
  try {
    text = await readFile(join(folder, MANIFEST_NAME), 'utf8')
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return { version: 1, siteId: randomUUID(), posts: [] }
    throw error
  }
  const cannotRead = (why: string): PublishError => new PublishError('refused', `${MANIFEST_NAME} in ${folder} cannot be read (${why}). Move it away to start the site's index anew.`)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw cannotRead(error instanceof Error ? error.message : String(error))
  }
  const manifest = siteManifest.safeParse(json)
  if (manifest.success) return manifest.data
  const issue = manifest.error.issues[0]
  throw cannotRead(issue && issue.path.length > 0 ? `unknown layout: ${issue.path.join('.')} ${issue.message}` : 'unknown layout')
}

/** A slug from the title that no other review of the site and no file of the folder uses. */
async function freeSlug(folder: string, manifest: SiteManifest, title: string): Promise<string> {
  const base = slugify(title, { fallback: 'review' })
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    if (RESERVED_SLUGS.has(slug) || manifest.posts.some((entry) => entry.slug === slug)) continue
    const taken = await stat(join(folder, `${slug}.html`)).then(
      () => true,
      () => false,
    )
    if (!taken) return slug
  }
}


function requirePublishAt(outgoing: OutgoingPost): string {
  if (!outgoing.publishAt) throw new PublishError('refused', 'A scheduled post needs the time it is to go live.')
  return outgoing.publishAt
}

/**
 * The instant as RFC 3339 in `zone`'s wall time with its offset, to the millisecond: the same moment
 * as the ISO string in UTC, but its date part is the day in that zone.
 */
export function zonedTime(iso: string, zone: string): string {
  const instant = new Date(iso)
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  )
  // `GMT+13:00`, `GMT-07:00`; `GMT` or `GMT+00:00` for UTC itself.
  const offset = (parts['timeZoneName'] ?? '').replace(/^GMT/, '').replace(/^[+-]00:00$/, '') || 'Z'
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}.${parts['fractionalSecond']}${offset}`
}

/** Published reviews, and scheduled ones whose time has come; newest first. */
export function listedPosts(manifest: SiteManifest, now: Date): SiteEntry[] {
  return manifest.posts
    .filter((entry) => isListed(entry, now))
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || a.title.localeCompare(b.title))
}

/**
 * The record's address of a folder post is a file: URL on this computer; as the review's `url`
 * in JSON-LD it would publish the critic's own folder path to every reader.
 */
function withoutLocalUrl(post: Post): Post {
  const url = post.jsonLd['url']
  if (typeof url !== 'string' || !url.startsWith('file:')) return post
  const { url: _local, ...jsonLd } = post.jsonLd
  return { ...post, jsonLd }
}

function isListed(entry: SiteEntry, now: Date): boolean {
  return entry.status === 'published' || (entry.status === 'scheduled' && Date.parse(entry.date) <= now.getTime())
}

function remoteOf(folder: string, entry: SiteEntry, now: Date): RemotePost {
  const url = pathToFileURL(join(folder, entry.url)).href
  if (entry.status === 'scheduled' && Date.parse(entry.date) > now.getTime()) return { id: entry.slug, url, status: 'scheduled', publishAt: new Date(entry.date).toISOString() }
  return { id: entry.slug, url, status: entry.status === 'draft' ? 'draft' : 'published' }
}

function indexPage(siteName: string, posts: SiteEntry[], theme: Theme): string {
  const css = escapeCss(theme.css)
  const items: ElementContent[] = posts.map((entry) =>
    h('li', { className: ['site-index-item'] }, [
      h('h2', { className: ['site-index-title'] }, [h('a', { href: entry.url }, entry.title)]),
      h('p', { className: ['site-index-meta'] }, [
        h('time', { dateTime: entry.date }, entry.date.slice(0, 10)),
        ...(entry.author ? [` · ${entry.author}`] : []),
        ...(entry.score ? [' · ', h('span', { className: ['site-index-score'] }, entry.score)] : []),
      ]),
      ...(entry.excerpt ? [h('p', { className: ['site-index-excerpt'] }, entry.excerpt)] : []),
    ]),
  )
  const styleHash = createStyleHash(css)
  return `${toHtml(
    {
      type: 'root',
      children: [
        { type: 'doctype' },
        h('html', { lang: 'en', dataTheme: theme.name, dataColorScheme: 'light' }, [
          h('head', [
            h('meta', { charSet: 'utf-8' }),
            h('meta', { httpEquiv: 'Content-Security-Policy', content: `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'` }),
            h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
            h('meta', { name: 'generator', content: 'Verdict' }),
            h('title', siteName),
            h('link', { rel: 'alternate', type: 'application/atom+xml', title: siteName, href: 'feed.xml' }),
            h('style', css),
          ]),
          h('body', { className: [`theme-${theme.name}`, 'scheme-light'] }, [
            h('main', { className: ['site', 'site-index'] }, [h('h1', { className: ['site-index-name'] }, siteName), h('ul', { className: ['site-index-list'] }, items)]),
          ]),
        ]),
      ],
    },
    { allowDangerousHtml: false },
  )}\n`
}

function createStyleHash(css: string): string {
  return createHash('sha256').update(css, 'utf8').digest('base64')
}

/** Atom (RFC 4287): relative links resolve against the feed's own address. */
function atomFeed(siteName: string, siteId: string, posts: SiteEntry[], now: Date): string {
  const entries = posts.slice(0, FEED_ENTRIES).map(
    (entry) => `  <entry>
    <id>${xml(entryId(entry.publishId))}</id>
    <title type="text">${xml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(entry.url)}"/>
    <published>${xml(entry.date)}</published>
    <updated>${xml(entry.updated)}</updated>
${entry.author ? `    <author><name>${xml(entry.author)}</name></author>\n` : ''}${entry.excerpt ? `    <summary type="text">${xml(entry.excerpt)}</summary>\n` : ''}    <content type="html">${xml(entry.html)}</content>
  </entry>
`,
  )
  const updated = posts.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), posts.length > 0 ? '' : now.toISOString())
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:uuid:${xml(siteId)}</id>
  <title type="text">${xml(siteName)}</title>
  <updated>${xml(updated)}</updated>
  <author><name>${xml(siteName)}</name></author>
  <link rel="self" type="application/atom+xml" href="feed.xml"/>
  <link rel="alternate" type="text/html" href="index.html"/>
  <generator>Verdict</generator>
${entries.join('')}</feed>
`
}

function entryId(publishId: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(publishId) ? `urn:uuid:${publishId.toLowerCase()}` : `urn:verdict:${encodeURIComponent(publishId)}`
}

/** Text for XML content or attributes: markup escaped, and characters XML 1.0 forbids dropped. */
function xml(text: string): string {
  return [...text]
    .filter((char) => isXmlChar(char.codePointAt(0) ?? 0))
    .join('')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c)
}

/** XML 1.0's Char production: tab, newlines and everything from space on, less lone surrogates and U+FFFE/U+FFFF. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000
}
