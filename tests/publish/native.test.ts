/**
 * The post as each blog's own theme shows it: a review like the seed's (a long title, a credited
 * 1200×675 image, a pull quote, a spoiler, a trailer, 9.5/10) published through the real services
 * to the real WordPress (Twenty Twenty-Three), Ghost (Casper) and Micropub sites, and its public
 * page loaded in Chromium at a desktop and a phone size. The content column is where the blog put
 * the review's opening paragraph. Each blog has it in its own markup: WordPress's blocks, as its
 * own parser and registry read them; Ghost's cards, as Casper shows them.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Locator, type Page } from 'playwright'
import { readState } from '../../scripts/blogs/lib.mjs'
import { ensureChromium } from '../../scripts/chromium.mjs'
import { POST_PARTS } from '../../src/main/services/blogLook/placePost'
import type { BlogConfig, PublishRecord } from '../../src/shared/publish'
import { png } from '../unit/assets/images'
import { screenshotPath } from '../support/screenshots'
import { createPublishHarness, REVIEW_ID, type PublishHarness } from './harness'

const TITLE = 'From the World of John Wick: Ballerina, the spin-off that dances through fire, snow and a nightclub built like a music box'
const LEAD = 'Len Wiseman’s spin-off follows Eve Macarro, an assassin trained by the Ruska Roma, as she hunts the cult that killed her father.'
const FEATURED_ALT = 'Eve on a frozen lake at dusk'
const STILL_ALT = 'Eve in a nightclub built like a music box'
const SCORE = 'Overall Score: 9.5 out of 10'
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const

/** The featured image (credited Lionsgate) and a 1200×675 still in the text (credited Larry Horricks). */
const IMAGES = [png(1280, 720), png(1200, 675)] as const

function reviewMarkdown([featured, still]: [string, string]): string {
  return `---
title: ${JSON.stringify(TITLE)}
author: Tian Hanutsaha
date: 2025-06-04
status: ready
tags: [action]
excerpt: A stylish, bruising spin-off that earns its place.
spoilers: true
featuredImage: ${featured}
subject:
  kind: film
  title: Ballerina
  year: 2025
---

${LEAD}

:::figure{credit="Lionsgate" width="wide"}
![${FEATURED_ALT}](${featured})

The winter village where the final act unfolds.
:::

Every fight has a shape and a rhythm, and Ana de Armas commits to each one.

:::pullquote
The best action film since *John Wick: Chapter 4*, and the most playful.
:::

:::figure{credit="Photo: Larry Horricks"}
![${STILL_ALT}](${still})
:::

:::spoiler[Spoilers: the ending]
A flamethrower duel in the snow.
:::

::embed[Official trailer]{url="https://www.youtube.com/watch?v=0FSwsrFpkbw"}

:::score[Overall Score]{value="9.5" scale="10" overall}
Verdict: A stylish, bruising spin-off that earns its place.

Sub-scores:
- Action: 10
- Story: 7
:::
`
}

interface Blog {
  name: string
  blog(): Omit<BlogConfig, 'id'>
  secret(): string
  /** Checks the post is in the blog's own markup (where the blog has one), given its record and the harness's images. */
  ownMarkup?(record: PublishRecord, images: [string, string], open: (size: { width: number; height: number }) => Promise<Page>): Promise<void>
}

interface WordPressState {
  url: string
  username: string
  secret: string
  prepend: string
}

/** The post's raw content (block markup) as the block editor gets it. */
async function wordPressContent(id: string): Promise<string> {
  const { url, username, secret } = readState<WordPressState>('wordpress')
  const response = await fetch(`${url}/?rest_route=/wp/v2/posts/${id}&context=edit&_fields=content`, {
    headers: { authorization: `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}` },
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { content: { raw: string } }).content.raw
}

/** WordPress's own reading of block markup: its parser, registry and attribute schemas (scripts/blogs/wordpress/blocks.php). */
function wordPressBlocks(content: string): { blocks: Array<{ name: string; attrs: Record<string, unknown>; depth: number; html?: string }>; problems: string[] } {
  const { url, prepend } = readState<WordPressState>('wordpress')
  const script = join(import.meta.dirname, '../../scripts/blogs/wordpress/blocks.php')
  return JSON.parse(execFileSync('php', ['-d', `auto_prepend_file=${prepend}`, script], { input: content, encoding: 'utf8', env: { ...process.env, WP_URL: url } }))
}

const BLOGS: Blog[] = [
  {
    name: 'WordPress',
    blog: () => {
      const { url, username } = readState<{ url: string; username: string }>('wordpress')
      return { name: 'Test WordPress', kind: 'wordpress', url, username }
    },
    secret: () => readState<{ secret: string }>('wordpress').secret,
    async ownMarkup(record, [, still]) {
      const { blocks, problems } = wordPressBlocks(await wordPressContent(record.id))
      expect(problems).toEqual([])
      const top = blocks.filter((block) => block.depth === 0).map((block) => block.name)
      expect(top).toEqual(expect.arrayContaining(['core/paragraph', 'core/pullquote', 'core/image', 'core/embed', 'core/group']))
      // The image block is the uploaded media item, so WordPress gives it its srcset and sizes.
      expect(blocks.find((block) => block.name === 'core/image')?.attrs).toMatchObject({ id: Number(record.media[still]?.id), sizeSlug: 'full' })
      // WordPress 6.1 has no Details block (6.3 brought it): the spoiler is a Custom HTML block
      // holding <details>, which the block editor shows as it is, never as invalid.
      expect(blocks.filter((block) => block.name === 'core/html' && block.depth === 0).map((block) => block.html)).toContainEqual(
        expect.stringMatching(/^<details class="spoiler"[^>]*><summary>Spoilers: the ending<\/summary>.*A flamethrower duel in the snow\..*<\/details>$/s),
      )
    },
  },
  {
    // The realistic critic: an Author may not post unfiltered HTML, so WordPress's content filter
    // keeps only the inline styles it allows. The review's author is this account's own name.
    name: 'WordPress, as an Author',
    blog: () => {
      const { url, author } = readState<{ url: string; author: { username: string } }>('wordpress')
      return { name: 'Test WordPress', kind: 'wordpress', url, username: author.username }
    },
    secret: () => readState<{ author: { secret: string } }>('wordpress').author.secret,
  },
  {
    name: 'Ghost',
    blog: () => ({ name: 'Test Ghost', kind: 'ghost', url: readState<{ url: string }>('ghost').url }),
    secret: () => readState<{ secret: string }>('ghost').secret,
    async ownMarkup(_record, _images, openAt) {
      const page = await openAt(SIZES[0])
      try {
        // Ghost's own cards, which Casper styles: the still an image card, the spoiler a closed toggle card.
        const still = page.getByRole('img', { name: STILL_ALT })
        expect(await still.evaluate((img: { closest(selector: string): { className: string } | null }) => img.closest('figure')?.className)).toMatch(/\bkg-image-card\b/)
        // Closed, its content takes no room (Ghost's card styles), until the reader opens it.
        const spoilerRoom = () => page.getByText('A flamethrower duel in the snow.').evaluate((text: { parentElement: { getBoundingClientRect(): { height: number } } | null }) => text.parentElement?.getBoundingClientRect().height)
        expect(await page.getByText('Spoilers: the ending').isVisible()).toBe(true)
        expect(await spoilerRoom()).toBe(0)
        await page.getByRole('button', { name: 'Expand toggle to read content' }).click()
        await expect.poll(spoilerRoom).toBeGreaterThan(10)
      } finally {
        await page.close()
      }
    },
  },
  {
    name: 'Micropub',
    blog: () => ({ name: 'Test Micropub', kind: 'micropub', url: readState<{ url: string }>('micropub').url }),
    secret: () => readState<{ secret: string }>('micropub').secret,
  },
]

let browser: Browser
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })
})
afterAll(async () => {
  await browser?.close()
})

/** The post's page at this size, styled or bare (the trailer's player is not waited for: there is no internet). */
async function open(url: string, size: { width: number; height: number }, options: { stylesheets: boolean }): Promise<Page> {
  const page = await browser.newPage({ viewport: size })
  if (!options.stylesheets) await page.route('**/*', (route) => (route.request().resourceType() === 'stylesheet' ? route.abort() : route.continue()))
  await page.goto(url, { waitUntil: 'domcontentloaded' })
  if (!options.stylesheets) {
    // Inline styles and style elements too: the page as a feed reader or a bare reader view shows it.
    await page.evaluate(`for (const node of document.querySelectorAll('style, link[rel="stylesheet"]')) node.remove()
      for (const node of document.querySelectorAll('[style]')) node.removeAttribute('style')`)
  }
  return page
}

/**
 * The review's "As on <blog>" preview, rendered by main as the preview pane asks for it (fetching
 * one page of the blog now), with the images the app would serve beside it.
 */
async function asOnPreview(h: PublishHarness): Promise<string> {
  const opened = await h.services.libraries.current().open(h.reviewId)
  if (opened.kind !== 'editable') throw new Error(`The review opened read-only: ${opened.reason}`)
  const shown = await h.services.pages.preview({ id: h.reviewId, meta: opened.meta, doc: opened.doc, theme: 'classic', colorScheme: 'light', asOn: { blogId: h.blogId, refresh: true, dated: 'review' } })
  expect(shown.asOn).toMatchObject({ blogName: expect.any(String) })
  expect(shown.asOn?.unreachable).toBeUndefined()
  const html = h.services.pages.previews.get(shown.url)
  if (!html) throw new Error('The preview page is not served.')
  return html
}

/** The preview page in Chromium at this size, at an origin of its own that serves it and the review's images as the app does. */
async function openPreview(html: string, images: [string, string], size: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport: size })
  await page.route('http://verdict.preview/**', (route) => {
    const path = new URL(route.request().url()).pathname
    if (path === '/__preview/page.html') return route.fulfill({ contentType: 'text/html', body: html })
    const index = images.findIndex((image) => path === `/__asset/${REVIEW_ID}/${image}`)
    return index >= 0 ? route.fulfill({ contentType: 'image/png', body: Buffer.from(IMAGES[index]!) }) : route.abort()
  })
  await page.goto('http://verdict.preview/__preview/page.html', { waitUntil: 'load' })
  return page
}

/** Which of the credits, the still and the score come first on the page, by where each begins. */
async function orderOf(page: Page): Promise<string[]> {
  const parts: Array<[string, Locator]> = [
    ['featured credit', page.getByText('Image: Lionsgate').first()],
    ['still', page.getByRole('img', { name: STILL_ALT })],
    ['still credit', page.getByText('Photo: Larry Horricks').first()],
    ['score', page.getByRole('region', { name: SCORE })],
  ]
  const tops = await Promise.all(parts.map(async ([name, locator]) => [name, (await box(locator)).y] as const))
  return tops.sort((a, b) => a[1] - b[1]).map(([name]) => name)
}

/**
 * How the page signs and dates the post: its theme's byline and date (the page's first: the post's
 * own, above any list of other posts), and whether a line atop the text names the review's author.
 */
async function signature(page: Page): Promise<{ byline: string; date: string; atop: boolean }> {
  const [byline, date] = await Promise.all([page.locator(POST_PARTS.byline).first().innerText(), page.locator(POST_PARTS.date).first().innerText()])
  const text = await postOf(page).innerText()
  return { byline: byline.trim(), date: date.trim(), atop: text.slice(0, text.indexOf(LEAD)).includes('By Tian Hanutsaha') }
}

/** The post's own part of the page: its main landmark, else its article (Casper lists other posts below it). */
function postOf(page: Page): Locator {
  return page.getByRole('main').or(page.getByRole('article')).first()
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox()
  if (!found) throw new Error(`${locator} has no box: it is not shown.`)
  return found
}

/** `inner` lies within `outer`'s left and right edges (half a pixel for rounding). */
function expectWithin(inner: { x: number; width: number }, outer: { x: number; width: number }): void {
  expect(inner.x).toBeGreaterThanOrEqual(outer.x - 0.5)
  expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width + 0.5)
}

describe.each(BLOGS)('the review on $name, as its theme shows it', ({ name, blog, secret, ownMarkup }) => {
  let url: string
  let record: PublishRecord | undefined
  let images: [string, string]
  let previewHtml: string

  beforeAll(async () => {
    const h = await createPublishHarness({ blog: blog(), secret: secret(), review: { images: IMAGES, markdown: reviewMarkdown } })
    try {
      // Back-dated: the critic picked the review's date in the dialog.
      expect(await h.publish({ dated: 'review' })).toMatchObject({ kind: 'published' })
      record = await h.record()
      url = record?.url ?? ''
      images = h.images
      previewHtml = await asOnPreview(h)
    } finally {
      await h.close()
    }
  })

  it.runIf(ownMarkup)('is in the blog’s own markup', async () => {
    if (!record) throw new Error('The review was not published.')
    await ownMarkup?.(record, images, (size) => open(url, size, { stylesheets: true }))
  })

  it.each(SIZES)('fits a $width px wide window: images in the column, score box, credits and spoiler notice shown', async (size) => {
    const page = await open(url, size, { stylesheets: true })
    try {
      // No horizontal scroll.
      expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true)
      const column = await box(page.getByText(LEAD))
      const still = page.getByRole('img', { name: STILL_ALT })
      // Loaded (it is lazy: brought near first), so its box is the image's own; WordPress may pick a smaller copy from its srcset.
      await still.scrollIntoViewIfNeeded()
      await expect.poll(() => still.evaluate((img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
      // Its size is in the HTML, so the column keeps its box while it loads.
      expect([await still.getAttribute('width'), await still.getAttribute('height')]).toEqual(['1200', '675'])
      expectWithin(await box(still), column)
      // Shown once: in the blog's header where it has one, else in the text.
      expect(await postOf(page).getByRole('img', { name: FEATURED_ALT }).count()).toBe(1)
      const score = await box(page.getByRole('region', { name: SCORE }))
      expect(score.height).toBeGreaterThan(40)
      expectWithin(score, column)
      for (const text of ['Image: Lionsgate', 'Photo: Larry Horricks', 'This review contains spoilers.']) {
        const shown = await box(page.getByText(text).first())
        expect(shown.width, text).toBeGreaterThan(0)
      }
    } finally {
      await page.close()
    }
  })

  it.each(SIZES)('“As on” the blog at $width px: the preview’s column within 8 px of the page’s, and its parts in the same order', async (size) => {
    const [published, shown] = [await open(url, size, { stylesheets: true }), await openPreview(previewHtml, images, size)]
    try {
      const [column, previewed] = [await box(published.getByText(LEAD)), await box(shown.getByText(LEAD))]
      expect(Math.abs(previewed.x - column.x), 'left edge').toBeLessThanOrEqual(8)
      expect(Math.abs(previewed.width - column.width), 'width').toBeLessThanOrEqual(8)
      expect(await orderOf(shown)).toEqual(await orderOf(published))
    } finally {
      await Promise.all([published.close(), shown.close()])
    }
  })

  it('“As on” the blog: the preview signs and dates the post as the published page does', async () => {
    const [published, shown] = [await open(url, SIZES[0], { stylesheets: true }), await openPreview(previewHtml, images, SIZES[0])]
    try {
      const expected = await signature(published)
      expect(await signature(shown)).toEqual(expected)
    } finally {
      await Promise.all([published.close(), shown.close()])
    }
  })

  it.runIf(name === 'WordPress')('“As on” the blog: the text in the blog’s fonts, its web fonts loaded from the kept look with nothing fetched', async () => {
    const [published, shown] = [await open(url, SIZES[0], { stylesheets: true }), await openPreview(previewHtml, images, SIZES[0])]
    try {
      const fontOf = (page: Page) => page.getByText(LEAD).evaluate((text: object) => (globalThis as unknown as { getComputedStyle(node: object): { fontFamily: string } }).getComputedStyle(text).fontFamily)
      expect(await fontOf(shown)).toBe(await fontOf(published))
      // Twenty Twenty-Three's own faces (its text is in the system's font; its styles offer DM Sans):
      // loaded in the preview from the look's data: URLs, where the frame could fetch nothing else.
      const load = (face: string) => `document.fonts.load('16px "${face}"').then((faces) => faces.map((font) => font.status))`
      expect(await shown.evaluate(load('DM Sans'))).toEqual(['loaded'])
      expect(await shown.evaluate(load('Source Serif Pro'))).toEqual(['loaded'])
    } finally {
      await Promise.all([published.close(), shown.close()])
    }
  })

  it.runIf(name === 'WordPress')('screenshot: the “As on” preview beside the published page', async () => {
    const size = SIZES[0]
    const [published, shown] = [await open(url, size, { stylesheets: true }), await openPreview(previewHtml, images, size)]
    const sheet = await browser.newPage({ viewport: { width: 1280, height: 790 } })
    try {
      // The top 1500 px of each: header, featured image, title, byline and the text's opening.
      const top = { fullPage: true, clip: { x: 0, y: 0, width: size.width, height: 1500 } }
      const [left, right] = await Promise.all([shown.screenshot(top), published.screenshot(top)])
      const half = (png: Buffer, caption: string) => `<figure><img src="data:image/png;base64,${png.toString('base64')}" alt=""><figcaption>${caption}</figcaption></figure>`
      await sheet.setContent(`<style>body{margin:0;display:flex;gap:16px;padding:12px;font:14px system-ui,sans-serif;background:#f4f4f4}
        figure{margin:0;flex:1}img{width:100%;border:1px solid #ccc}figcaption{margin-top:6px;text-align:center}</style>
        ${half(left, 'Verdict’s preview, “As on Test WordPress”')}${half(right, 'The published post on WordPress (Twenty Twenty-Three)')}`)
      await sheet.screenshot({ path: screenshotPath('as-on-wordpress.png') })
    } finally {
      await Promise.all([published.close(), shown.close(), sheet.close()])
    }
  })

  it('is dated as the review (back-dated), where the page says when it was posted', async () => {
    const page = await open(url, SIZES[0], { stylesheets: true })
    try {
      // The post's own date: the first in its main landmark, else its article (other posts are listed below it on Casper).
      const dates = await postOf(page).locator('time').evaluateAll((times: Array<{ getAttribute(name: string): string | null }>) => times.map((time) => time.getAttribute('datetime')))
      expect(dates[0]).toMatch(/^2025-06-04/)
    } finally {
      await page.close()
    }
  })

  it('reads “Overall Score: 9.5/10” with no stylesheet at all', async () => {
    const page = await open(url, SIZES[0], { stylesheets: false })
    try {
      expect(await page.getByRole('region', { name: SCORE }).innerText()).toMatch(/^Overall Score: 9\.5\/10\n/)
    } finally {
      await page.close()
    }
  })
})
