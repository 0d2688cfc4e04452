/** The static-site folder target on a temp folder: pages, images, index, Atom feed, manifest. */
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadTheme } from '../../../src/main/services/export/themeFiles'
import { parseReview } from '../../../src/main/services/format'
import { buildPost, serializeJsonLd, type Post } from '../../../src/main/services/pipeline'
import { isPublishError } from '../../../src/main/services/publish/failures'
import { createFolderTarget, MANIFEST_NAME, type SiteManifest } from '../../../src/main/services/publish/targets/folder'
import type { OutgoingImage, OutgoingPost, PublishTarget } from '../../../src/main/services/publish/publishTarget'
import type { PublishRecord, PublishStatus, RemoteImage } from '../../../src/shared/publish'
import { createPublishHarness } from '../../publish/harness'
import { png } from '../assets/images'
import { STYLE_DIRS } from '../pipeline/renderFixtures'

/** sax in strict mode: fails on anything that is not well-formed XML. */
interface SaxParser {
  onerror: (error: Error) => void
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void
  onclosetag: (name: string) => void
  ontext: (text: string) => void
  write(text: string): SaxParser
  close(): void
}
const sax = createRequire(import.meta.url)('sax') as { parser(strict: boolean): SaxParser }

interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

function parseXml(text: string): XmlElement {
  const parser = sax.parser(true)
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' }
  const stack = [root]
  parser.onerror = (error) => {
    throw new Error(`feed.xml is not well-formed: ${error.message}`)
  }
  parser.onopentag = ({ name, attributes }) => {
    const element: XmlElement = { name, attributes, children: [], text: '' }
    stack.at(-1)?.children.push(element)
    stack.push(element)
  }
  parser.onclosetag = () => void stack.pop()
  parser.ontext = (chunk) => {
    const top = stack.at(-1)
    if (top) top.text += chunk
  }
  parser.write(text).close()
  return root
}

const child = (element: XmlElement | undefined, name: string) => element?.children.find((c) => c.name === name)
const children = (element: XmlElement | undefined, name: string) => element?.children.filter((c) => c.name === name) ?? []

function image(width: number, alt: string, caption: string, credit: string): OutgoingImage {
  const bytes = png(width, 3)
  const path = `assets/${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.png`
  return { path, fileName: path.slice('assets/'.length), type: 'image/png', bytes, width, height: 3, alt, caption, credit }
}

const LAKE = image(5, 'Eve on a frozen lake at dusk', 'The winter village.', 'Lionsgate')
const CLUB = image(6, 'Eve in a nightclub', '', 'Photo: Larry Horricks')

function source(title: string, extra: string): string {
  return `---
title: ${JSON.stringify(title)}
author: Ana Critic
date: 2026-11-25
tags: [action]
excerpt: ${JSON.stringify(`Excerpt of ${title}`)}
featuredImage: ${LAKE.path}
subject:
  kind: film
  title: Ballerina
---

Opening paragraph of ${title.replace(/[<>&]/g, '')}.

:::figure{credit="${LAKE.credit}"}
![${LAKE.alt}](${LAKE.path})

${LAKE.caption}
:::

:::figure{credit="${CLUB.credit}"}
![${CLUB.alt}](${CLUB.path})
:::

:::spoiler[Spoilers]
The ending.
:::
${extra}
::score[Overall Score]{value="9.5" scale="10" overall}
`
}

let root: string
let library: string
let site: string
let clock: Date
let target: PublishTarget
const media = new Map<string, RemoteImage>()

const folderTarget = (url: string) =>
  createFolderTarget({
    blog: { id: 'site', name: 'Ana’s <Reviews> & more', kind: 'folder', url },
    secret: '',
    libraryDir: library,
    loadTheme: () => loadTheme(STYLE_DIRS, 'classic'),
    now: () => clock,
  })

function buildFor(title: string, extra = '', url?: string): Post {
  const { meta, body } = parseReview(Buffer.from(source(title, extra)), { title, created: '', updated: '' })
  return buildPost({ id: 'r', meta, body }, { online: true, resolveAsset: (path) => media.get(path)?.url, ...(url ? { url } : {}) })
}

function outgoing(post: Post, status: PublishStatus = 'published', publishAt?: string, publishId: string = randomUUID()): OutgoingPost {
  const featured = post.featuredImage && { url: post.featuredImage.src, alt: post.featuredImage.alt, caption: post.featuredImage.caption }
  return { publishId, post, status, zone: 'UTC', ...(publishAt ? { publishAt } : {}), ...(featured ? { featured } : {}) }
}

function recordOf(out: OutgoingPost, remote: { id: string; url: string }): PublishRecord {
  return { target: 'site', publishId: out.publishId, id: remote.id, url: remote.url, at: clock.toISOString(), status: out.status, media: Object.fromEntries(media) }
}

const read = (name: string) => readFile(join(site, name), 'utf8')
const manifest = async () => JSON.parse(await read(MANIFEST_NAME)) as SiteManifest
const indexLinks = async () => [...(await read('index.html')).matchAll(/<a href="([^"]+)">/g)].map((m) => m[1])
const feedEntries = async () => children(child(parseXml(await read('feed.xml')), 'feed'), 'entry')

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'verdict-folder-'))
  library = join(root, 'library')
  site = join(root, 'site')
  await mkdir(library)
  clock = new Date('2026-11-25T12:00:00.000Z')
  target = folderTarget(site)
  media.clear()
  for (const img of [LAKE, CLUB]) media.set(img.path, await target.uploadImage(img))
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('folder target', () => {
  it('writes the themed page with its images, the index and a valid Atom feed', async () => {
    expect(media.get(LAKE.path)).toEqual({ url: `media/${LAKE.fileName}` })
    for (const img of [LAKE, CLUB]) expect(new Uint8Array(await readFile(join(site, 'media', img.fileName)))).toEqual(img.bytes)

    const post = buildFor('Ballerina')
    expect(post.warnings).toEqual([])
    const out = outgoing(post)
    const remote = await target.create(out)
    expect(remote).toEqual({ id: 'ballerina', url: pathToFileURL(join(site, 'ballerina.html')).href, status: 'published' })

    const page = await read('ballerina.html')
    expect(page).toContain('/* Theme: classic */')
    expect(page).toContain('<h1 class="post-title">Ballerina</h1>')
    expect(page).toContain('<span class="score-best">/10</span>')
    expect(page.replace(/<[^>]*>/g, '')).toContain('9.5/10')
    expect(page).toContain('<span class="figure-credit">Image: Lionsgate</span>')
    expect(page).toContain('<span class="figure-credit">Photo: Larry Horricks</span>')
    expect(page).toContain(`<script type="application/ld+json">${serializeJsonLd(post.jsonLd)}</script>`)
    expect(page).toContain(`<img src="media/${LAKE.fileName}" alt="${LAKE.alt}"`)
    expect(page).toContain(`<img src="media/${CLUB.fileName}" alt="${CLUB.alt}"`)

    expect(await indexLinks()).toEqual(['ballerina.html'])
    const index = await read('index.html')
    expect(index).toContain('<title>Ana’s &#x3C;Reviews> &#x26; more</title>')
    expect(index).toContain('9.5/10')
    expect(index).toContain('<link rel="alternate" type="application/atom+xml"')

    const feed = child(parseXml(await read('feed.xml')), 'feed')
    expect(feed?.attributes['xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(child(feed, 'id')?.text).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    expect(child(feed, 'title')?.text).toBe('Ana’s <Reviews> & more')
    expect(child(feed, 'updated')?.text).toBe(clock.toISOString())
    const [entry] = children(feed, 'entry')
    expect(child(entry, 'id')?.text).toBe(`urn:uuid:${out.publishId}`)
    expect(child(entry, 'title')?.text).toBe('Ballerina')
    expect(child(entry, 'link')?.attributes).toMatchObject({ rel: 'alternate', href: 'ballerina.html' })
    expect(child(entry, 'summary')?.text).toBe('Excerpt of Ballerina')
    expect(child(entry, 'content')?.attributes['type']).toBe('html')
    expect(child(entry, 'content')?.text).toBe(post.html)
    expect(child(child(entry, 'author'), 'name')?.text).toBe('Ana Critic')

    expect(await target.find(out.publishId)).toEqual(remote)
    expect(await target.find(randomUUID())).toBeUndefined()
  })

  it('writes an image once: the same content-hash name is not written again', async () => {
    const path = join(site, 'media', LAKE.fileName)
    const before = await stat(path)
    expect(await target.uploadImage(LAKE)).toEqual({ url: `media/${LAKE.fileName}` })
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs)
    expect((await readdir(join(site, 'media'))).sort()).toEqual([LAKE.fileName, CLUB.fileName].sort())
  })

  it('updates the same page and keeps one entry in the manifest, index and feed', async () => {
    const out = outgoing(buildFor('Ballerina'))
    const remote = await target.create(out)
    clock = new Date('2026-11-26T08:00:00.000Z')
    // The service builds a re-published post with the record's URL: here a file: URL of this computer.
    const edited = outgoing(buildFor('Ballerina, revisited', '\nA paragraph added later.\n', remote.url), 'published', undefined, out.publishId)
    expect(edited.post.jsonLd['url']).toBe(remote.url)
    const again = await target.update(recordOf(out, remote), edited)
    expect(again).toEqual(remote)
    const page = await read('ballerina.html')
    expect(page).toContain('A paragraph added later.')
    expect(page).not.toContain('file:')
    expect(page).not.toContain(site)
    expect((await manifest()).posts).toMatchObject([{ publishId: out.publishId, slug: 'ballerina', title: 'Ballerina, revisited', date: '2026-11-25T12:00:00.000Z', updated: '2026-11-26T08:00:00.000Z' }])
    expect(await indexLinks()).toEqual(['ballerina.html'])
    const entries = await feedEntries()
    expect(entries).toHaveLength(1)
    expect(child(entries[0], 'title')?.text).toBe('Ballerina, revisited')
    expect(child(entries[0], 'updated')?.text).toBe('2026-11-26T08:00:00.000Z')
    expect(await readdir(site)).toEqual(expect.not.arrayContaining(['ballerina-revisited.html', 'ballerina-2.html']))
  })

  it('names a page after its title: transliterated or in its own letters, cut where a word ends', async () => {
    const long = await target.create(outgoing(buildFor('The Thomas Crown caper of a heist movie that knows it is a John Wick with sharper suits')))
    expect(long.id).toBe('the-thomas-crown-caper-of-a-heist-movie-that-knows-it-is-a-john-wick-with')
    const russian = await target.create(outgoing(buildFor('Сталкер (1979)')))
    expect(russian.id).toBe('stalker-1979')
    const japanese = await target.create(outgoing(buildFor('千と千尋の神隠し')))
    expect(japanese.id).toBe('千と千尋の神隠し')
    expect(await readdir(site)).toEqual(expect.arrayContaining([`${long.id}.html`, 'stalker-1979.html', '千と千尋の神隠し.html']))
    expect(await read('千と千尋の神隠し.html')).toContain('千と千尋の神隠し')
  })

  it('writes a draft without listing it, and lists it once published', async () => {
    const listed = await target.create(outgoing(buildFor('Listed')))
    const draft = outgoing(buildFor('Work in progress'), 'draft')
    const remote = await target.create(draft)
    expect(remote.status).toBe('draft')
    expect(await read('work-in-progress.html')).toContain('Work in progress')
    expect(await indexLinks()).toEqual([`${listed.id}.html`])
    expect(await feedEntries()).toHaveLength(1)
    expect(await target.find(draft.publishId)).toMatchObject({ status: 'draft' })

    clock = new Date('2026-11-27T00:00:00.000Z')
    await target.update(recordOf(draft, remote), { ...draft, status: 'published' })
    expect(await indexLinks()).toEqual(['work-in-progress.html', 'listed.html'])
  })

  it('lists a scheduled review only once its time has passed, at a later publish', async () => {
    const at = '2026-11-28T18:30:00.000Z'
    const scheduled = outgoing(buildFor('Coming soon'), 'scheduled', at)
    expect(await target.create(scheduled)).toMatchObject({ status: 'scheduled', publishAt: at })
    expect(await target.find(scheduled.publishId)).toMatchObject({ status: 'scheduled', publishAt: at })
    expect(await read('coming-soon.html')).toContain('Coming soon')
    expect(await indexLinks()).toEqual([])

    clock = new Date('2026-11-29T09:00:00.000Z')
    await target.create(outgoing(buildFor('Next one')))
    expect(await indexLinks()).toEqual(['next-one.html', 'coming-soon.html'])
    expect(await target.find(scheduled.publishId)).toMatchObject({ status: 'published' })
    expect(child((await feedEntries())[1], 'published')?.text).toBe(at)
  })

  it('gives each review its own page, and escapes every title in the index and the feed', async () => {
    const hostile = 'Tom & Jerry <script>alert(1)</script> "quoted" \u0007bell'
    await target.create(outgoing(buildFor(hostile)))
    clock = new Date('2026-11-25T13:00:00.000Z')
    await target.create(outgoing(buildFor('Tom & Jerry')))
    clock = new Date('2026-11-25T14:00:00.000Z')
    await target.create(outgoing(buildFor('Tom & Jerry')))
    expect(await indexLinks()).toEqual(['tom-jerry-2.html', 'tom-jerry.html', 'tom-jerry-script-alert-1-script-quoted-bell.html'])
    expect(await read('index.html')).not.toContain('<script>alert')
    const titles = (await feedEntries()).map((entry) => child(entry, 'title')?.text)
    expect(titles).toEqual(['Tom & Jerry', 'Tom & Jerry', 'Tom & Jerry <script>alert(1)</script> "quoted" bell'])
  })

  it('refuses folders that are relative or inside the library', async () => {
    for (const url of ['site', './site', '', join(library, 'published'), library]) {
      const error = await folderTarget(url)
        .check()
        .catch((e: unknown) => e)
      expect(isPublishError(error, 'refused'), url).toBe(true)
    }
    await expect(folderTarget(join(library, 'x')).uploadImage(LAKE)).rejects.toThrow(/inside the library/)
    await expect(folderTarget(join(root, 'elsewhere')).check()).resolves.toBeUndefined()
  })

  it('tries the folder again after a failed check', async () => {
    const blocked = join(root, 'blocked')
    await writeFile(blocked, 'a file where the site folder should be')
    const later = folderTarget(join(blocked, 'site'))
    await expect(later.check()).rejects.toThrow(/cannot write to the folder/)
    await rm(blocked)
    await expect(later.check()).resolves.toBeUndefined()
    expect(await later.uploadImage(LAKE)).toEqual({ url: `media/${LAKE.fileName}` })
    expect(new Uint8Array(await readFile(join(blocked, 'site', 'media', LAKE.fileName)))).toEqual(LAKE.bytes)
  })

  it('says so when the manifest cannot be read, instead of starting over', async () => {
    await writeFile(join(site, MANIFEST_NAME), '{ not json')
    await expect(target.create(outgoing(buildFor('Ballerina')))).rejects.toThrow(/verdict-site\.json .* cannot be read/)
  })

  it('refuses a manifest whose entries are not its own, naming the field, and leaves the file as it was', async () => {
    const damaged = `${JSON.stringify({ version: 1, siteId: 'site', posts: [{ publishId: 'p1', slug: 'ballerina' }] })}\n`
    await writeFile(join(site, MANIFEST_NAME), damaged)
    await expect(target.create(outgoing(buildFor('Ballerina')))).rejects.toThrow(/verdict-site\.json .* cannot be read \(unknown layout: posts\.0\.url /)
    expect(await read(MANIFEST_NAME)).toBe(damaged)
  })

  it('keeps the keys of the manifest and its entries that it does not know when it rewrites it', async () => {
    await target.create(outgoing(buildFor('Ballerina')))
    const before = await manifest()
    await writeFile(join(site, MANIFEST_NAME), JSON.stringify({ ...before, note: 'kept', posts: before.posts.map((entry) => ({ ...entry, pinned: true })) }))
    await target.create(outgoing(buildFor('Nobody')))
    const after = await manifest()
    expect(after['note']).toBe('kept')
    expect(after.posts.map((entry) => [entry.title, entry['pinned']])).toEqual([
      ['Ballerina', true],
      ['Nobody', undefined],
    ])
  })
})

describe('folder blog through the real publish service', () => {
  it('publishes the review on first start without an account, then re-publishes in place', async () => {
    const folder = join(root, 'pages-site')
    const h = await createPublishHarness({ blog: { name: 'My reviews', kind: 'folder', url: folder }, secret: '' })
    try {
      expect(await h.preflight()).toEqual([])
      const outcome = await h.publish()
      expect(outcome.kind).toBe('published')
      const record = await h.record()
      expect(record).toMatchObject({ id: 'ballerina', url: pathToFileURL(join(folder, 'ballerina.html')).href, status: 'published' })
      expect(Object.values(record?.media ?? {}).map((image) => image.url)).toEqual(h.images.map((path) => `media/${path.split('/').pop()}`))
      const page = await readFile(join(folder, 'ballerina.html'), 'utf8')
      expect(page).toContain('<span class="figure-credit">Image: Lionsgate</span>')
      expect(page.replace(/<[^>]*>/g, '')).toContain('9.5/10')

      await h.edit('Written after the first publish.')
      expect((await h.publish()).kind).toBe('published')
      expect(await h.record()).toMatchObject({ publishId: record?.publishId, id: 'ballerina' })
      const again = await readFile(join(folder, 'ballerina.html'), 'utf8')
      expect(again).toContain('Written after the first publish.')
      expect(again).not.toContain('file:')
      expect((JSON.parse(await readFile(join(folder, MANIFEST_NAME), 'utf8')) as SiteManifest).posts).toHaveLength(1)
      expect(children(child(parseXml(await readFile(join(folder, 'feed.xml'), 'utf8')), 'feed'), 'entry')).toHaveLength(1)
    } finally {
      await h.close()
    }
  })
})
