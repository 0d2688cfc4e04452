import { cp, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { caretAtEnd, selectionSettledOn } from './caret'
import { expect, test, screenshotPath } from './fixtures'
import type { Host } from './host'
import { editorText, FIXTURE_ASSETS } from './review'

/** Images of the pipeline's Ballerina fixture. */

/**
 * A review with a featured image, a score and a subject in its front matter, and a body of plain
 * Markdown with a figure, a trailer kept as written HTML, and a score box.
 */
const BALLERINA = `---
title: Ballerina
author: Ana Critic
date: 2026-11-25
status: ready
tags: [action, john wick]
excerpt: A stylish, bruising spin-off that earns its place.
created: 2026-11-20T09:12:00.000Z
updated: 2026-11-25T10:40:00.000Z
featuredImage: assets/c17fca0d1f85cbb4.png
score:
  value: '9.5'
  scale: '10'
  label: Overall Score
subject:
  kind: film
  title: Ballerina
  year: 2025
  creators: [Len Wiseman]
  cast: [Ana de Armas, Keanu Reeves]
  runtime: 125
  ids: {}
---

*From the World of John Wick: Ballerina* arrives with the weight of a franchise behind it and the lightness of a dancer in front. Len Wiseman’s spin-off follows Eve Macarro, an assassin trained by the Ruska Roma, as she hunts the cult that killed her father.

It is, above all, a film about **bodies in motion**. Every fight has a shape and a rhythm, and Ana de Armas commits to each one with a ferocity that makes the two-hour runtime feel lean.

:::figure{credit="Lionsgate" width="wide"}
![Eve on a frozen lake at dusk](assets/10226545b9b4e8c3.png)

The winter village where the final act unfolds.
:::

## A world that keeps expanding

The Continental, the Director, the marker system: all the lore returns, but Wiseman is smart enough to keep it in the background. The new corners of the world — a snow-bound village, a nightclub built like a music box — are the most inventive settings the series has had since *Chapter 2*.

> The best action film since *John Wick: Chapter 4*, and the most playful.

The supporting cast is thinner than it should be. Gabriel Byrne gives the villain a quiet menace, but the script gives him little to do beyond waiting for the finale.

### What works

- The flamethrower duel, already a classic
- A score that knows when to go quiet
- Keanu Reeves, used sparingly and well

<iframe src="https://www.youtube-nocookie.com/embed/0FSwsrFpkbw" title="Official trailer"></iframe>

| Film | Year | Runtime |
| --- | --- | --- |
| John Wick | 2014 | 101 min |
| Ballerina | 2025 | 125 min |

:::score[Overall Score]{value="9.5" scale="10" overall}
Verdict: A stylish, bruising spin-off that earns its place.

Pros:
- Relentless, inventive fight choreography

Cons:
- Thin supporting cast
:::

The ending stumbles, but by then the film has earned a great deal of goodwill. Read more on [the studio’s site](https://example.com/ballerina).
`

async function seedBallerina(page: Page, host: Host, libraryDir: string): Promise<void> {
  await mkdir(join(libraryDir, 'ballerina'), { recursive: true })
  await cp(FIXTURE_ASSETS, join(libraryDir, 'ballerina', 'assets'), { recursive: true })
  await writeFile(join(libraryDir, 'ballerina', 'review.md'), BALLERINA)
  await page.goto(host.url)
  await page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: 'Ballerina', exact: true }).getByRole('button', { name: 'Open' }).click()
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Ballerina')
}

const previewButton = (page: Page) => page.getByRole('button', { name: 'Preview', exact: true })
const previewFrame = (page: Page) => page.getByTitle('Preview', { exact: true })
const pane = (page: Page) => page.getByRole('region', { name: 'Layout preview' })

/** The page inside the preview iframe. */
const inPreview = (page: Page) => previewFrame(page).contentFrame()

test('the preview pane shows the unsaved review as readers see it, in each theme, width and colour scheme', async ({ blankPage: page, libraryDir, host }) => {
  const cspProblems: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspProblems.push(message.text())
  })
  await seedBallerina(page, host, libraryDir)

  await expect(previewButton(page)).toHaveAttribute('aria-pressed', 'false')
  await previewButton(page).click()
  await expect(previewButton(page)).toHaveAttribute('aria-pressed', 'true')

  // A sandbox with no allow-scripts: the page runs nothing (same origin only lets the app catch link clicks).
  await expect(previewFrame(page)).toHaveAttribute('sandbox', 'allow-same-origin')
  const post = inPreview(page)
  await expect(post.getByRole('heading', { level: 1 })).toHaveText('Ballerina')
  await expect(post.getByRole('img', { name: 'Eve on a frozen lake at dusk' })).toBeVisible()
  // The review's images load through the app's asset URLs.
  await expect.poll(() => post.getByRole('img', { name: 'Eve on a frozen lake at dusk' }).evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
  // Nothing is fetched from YouTube while drafting: the trailer is a link to it, in the player's 16:9 box.
  const trailer = post.getByRole('link', { name: /^Official trailer Watch on YouTube/ })
  await expect(trailer).toHaveAttribute('href', 'https://www.youtube.com/watch?v=0FSwsrFpkbw')
  const box = (await trailer.boundingBox())!
  expect(box.width / box.height).toBeCloseTo(16 / 9, 1)
  expect(await post.locator('iframe').count()).toBe(0)

  // The page comes from main at an address of the app's own origin, under its own policy, which
  // lets its theme's <style> apply; the window's policy allows no inline style at all.
  const address = await previewFrame(page).getAttribute('src')
  expect(address).toMatch(/^\/__preview\/[0-9a-f-]{36}\.html$/)
  expect(await post.locator('html').evaluate((html) => getComputedStyle(html).getPropertyValue('--font-body'))).not.toBe('')
  const app = await page.request.get(new URL('/', page.url()).href)
  expect(app.headers()['content-security-policy']).toContain("style-src 'self';")
  expect(app.headers()['content-security-policy']).not.toContain('unsafe-inline')
  const served = await page.request.get(new URL(address!, page.url()).href)
  expect(served.headers()['content-security-policy']).toBe("frame-ancestors 'self'")
  expect(served.headers()['x-frame-options']).toBeUndefined()
  expect(await served.text()).toContain('<h1')

  // Theme: from the settings, listed by main, remembered when changed.
  const theme = pane(page).getByLabel('Theme')
  await expect(theme).toHaveValue('classic')
  await expect(theme.getByRole('option')).toHaveText(['Classic', 'Magazine', 'Minimal'])
  await expect(post.locator('html')).toHaveAttribute('data-theme', 'classic')
  await theme.selectOption({ label: 'Magazine' })
  await expect(post.locator('html')).toHaveAttribute('data-theme', 'magazine')
  expect(host.services.settings.get().theme).toBe('magazine')

  // Width: the page is laid out at the device's width and scaled to fit the pane.
  const width = pane(page).getByRole('radiogroup', { name: 'Width' })
  await expect(width.getByRole('radio', { name: 'Desktop' })).toBeChecked()
  await expect(previewFrame(page)).toHaveCSS('width', '1200px')
  await width.getByRole('radio', { name: 'Tablet' }).check()
  await expect(previewFrame(page)).toHaveCSS('width', '820px')
  await width.getByRole('radio', { name: 'Phone' }).check()
  await expect(previewFrame(page)).toHaveCSS('width', '390px')
  await expect.poll(() => post.locator('html').evaluate((html) => html.ownerDocument.defaultView!.innerWidth)).toBe(390)
  const paneBox = (await pane(page).boundingBox())!
  const frameBox = (await previewFrame(page).boundingBox())!
  expect(frameBox.width).toBeLessThanOrEqual(paneBox.width)

  // Light and dark.
  const colours = pane(page).getByRole('radiogroup', { name: 'Colours' })
  await colours.getByRole('radio', { name: 'Dark' }).check()
  await expect(post.locator('html')).toHaveAttribute('data-color-scheme', 'dark')
  await colours.getByRole('radio', { name: 'Light' }).check()
  await expect(post.locator('html')).toHaveAttribute('data-color-scheme', 'light')

  // Mod+Alt+P hides and shows the pane, which keeps its choices.
  await page.keyboard.press('ControlOrMeta+Alt+P')
  await expect(pane(page)).toBeHidden()
  await expect(previewButton(page)).toHaveAttribute('aria-pressed', 'false')
  await page.keyboard.press('ControlOrMeta+Alt+P')
  await expect(pane(page).getByRole('radio', { name: 'Phone' })).toBeChecked()
  await expect(inPreview(page).locator('html')).toHaveAttribute('data-theme', 'magazine')

  expect(cspProblems).toEqual([])
})

test('typing updates the preview once typing pauses, without a render per keystroke, and keeps its scroll position', async ({ blankPage: page, host, libraryDir }) => {
  await seedBallerina(page, host, libraryDir)
  await previewButton(page).click()
  const post = inPreview(page)
  await expect(post.getByRole('heading', { level: 1 })).toHaveText('Ballerina')

  // The editor's scrolling moves the preview to the same relative place.
  const viewport = () => pane(page).evaluate((region) => region.querySelector('.preview-viewport')!.scrollTop)
  await editorText(page).hover()
  await page.mouse.wheel(0, 900)
  await expect.poll(viewport).toBeGreaterThan(100)
  // The frame is no taller than the pane shows: its page scrolls along with the pane's viewport, and
  // the wheel over the page moves the viewport (and its scrollbar) back.
  const frameScroll = () => previewFrame(page).evaluate((frame) => (frame as HTMLIFrameElement).contentDocument!.scrollingElement!.scrollTop)
  const shown = (await pane(page).getByRole('group', { name: 'The post, scrollable' }).boundingBox())!
  const frameBox = (await previewFrame(page).boundingBox())!
  expect(frameBox.height).toBeLessThanOrEqual(shown.height)
  await expect.poll(frameScroll).toBeGreaterThan(100)
  const wheeledFrom = await viewport()
  await page.mouse.move(frameBox.x + frameBox.width / 2, frameBox.y + frameBox.height / 2)
  await page.mouse.wheel(0, -200)
  await expect.poll(viewport).toBeLessThan(wheeledFrom)

  await editorText(page).getByText('The ending stumbles').click()
  await page.keyboard.press('ControlOrMeta+End')
  // The caret's move scrolled the editor, and the preview with it; wait until both settle.
  let scrolled = -1
  await expect.poll(async () => scrolled === (scrolled = await viewport())).toBe(true)

  const renders: string[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/__ipc/renderPreview')) renders.push(request.url())
  })
  // When each key arrived: a busy machine stalls the typing past the preview's pause now and then.
  await page.evaluate(() => {
    const keys: number[] = []
    Object.assign(window, { typedAt: keys })
    document.addEventListener('keydown', () => keys.push(performance.now()), true)
  })
  const sentence = ' A late addition, typed while the preview watched.'
  await page.keyboard.type(sentence, { delay: 40 })
  await expect(post.getByText(/goodwill\. Read more on the studio’s site\. A late addition, typed while the preview watched\./)).toBeVisible()
  // A render only where the typing paused (400 ms; LivePreview's delay), each perhaps followed at
  // once by one for the keys typed while it ran, and the one after the last key: 2 on a quiet
  // machine, where a render per keystroke would be 50.
  const typedAt = await page.evaluate(() => (window as unknown as { typedAt: number[] }).typedAt)
  expect(typedAt).toHaveLength(sentence.length)
  const pauses = typedAt.slice(1).filter((at, index) => at - typedAt[index]! >= 400).length
  expect(renders.length).toBeLessThanOrEqual(2 * (pauses + 1))
  // The new page is shown at the place the reader was.
  expect(Math.abs((await viewport()) - scrolled)).toBeLessThan(40)

  // A metadata change shows too.
  await page.getByRole('textbox', { name: 'Title' }).fill('Ballerina, revisited')
  await expect(post.getByRole('heading', { level: 1 })).toHaveText('Ballerina, revisited')
})

test('edits patch the preview’s page in place: after each, the frame holds exactly what a fresh render of the newest page holds', async ({ blankPage: page, host, libraryDir }) => {
  await seedBallerina(page, host, libraryDir)
  const pages: string[] = []
  page.on('response', async (response) => {
    if (response.url().endsWith('/__ipc/renderPreview') && response.ok()) pages.push(((await response.json()) as { value: { url: string } }).value.url)
  })
  await previewButton(page).click()
  const post = inPreview(page)
  await expect(post.getByRole('heading', { level: 1 })).toHaveText('Ballerina')
  // The first page's document: a page loaded anew is another (an element of the old one stays
  // connected to it, so only the frame's document itself tells).
  await previewFrame(page).evaluate((frame) => Object.assign(window, { firstPage: (frame as HTMLIFrameElement).contentDocument }))
  const stillFirstPage = () => previewFrame(page).evaluate((frame) => (frame as HTMLIFrameElement).contentDocument === (window as unknown as { firstPage: Document }).firstPage)

  /** The frame shows `text`, patched, and its body is the newest page's, parsed fresh. */
  const expectPatchedTo = async (text: string | RegExp) => {
    await expect(post.getByRole('article')).toContainText(text)
    await expect.poll(async () => {
      const fresh = await (await page.request.get(new URL(pages.at(-1)!, page.url()).href)).text()
      return previewFrame(page).evaluate((frame, html) => {
        const shown = (frame as HTMLIFrameElement).contentDocument!.body.innerHTML
        return shown === new DOMParser().parseFromString(html, 'text/html').body.innerHTML
      }, fresh)
    }).toBe(true)
    expect(await stillFirstPage()).toBe(true)
  }

  const editor = editorText(page)
  // The first block, one in the middle, the last.
  await caretAtEnd(editor.getByText('arrives with the weight of a franchise'))
  await page.keyboard.type(' First words added.')
  await expectPatchedTo('First words added.')
  await caretAtEnd(editor.getByText('The supporting cast is thinner'))
  await page.keyboard.type(' Middle words added.')
  await expectPatchedTo('Middle words added.')
  await caretAtEnd(editor.getByText('The ending stumbles'))
  await page.keyboard.type(' Last words added.')
  await expectPatchedTo('Last words added.')
  // A new block, then the same block as a heading, then gone.
  await page.keyboard.press('Enter')
  await page.keyboard.type('A block of its own.')
  await expectPatchedTo('A block of its own.')
  await page.getByRole('toolbar', { name: 'Formatting' }).getByLabel('Block type').selectOption({ label: 'Heading 3' })
  await expect(post.getByRole('heading', { level: 3, name: 'A block of its own.' })).toBeVisible()
  await expectPatchedTo('A block of its own.')
  await caretAtEnd(editor.getByRole('heading', { level: 3, name: 'A block of its own.' }))
  await page.keyboard.press('Shift+Home')
  await selectionSettledOn(editor, 'A block of its own.')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  await expect(post.getByRole('heading', { level: 3, name: 'A block of its own.' })).toBeHidden()
  await expectPatchedTo('Last words added.')
})

test('Open in browser writes the page and hands it to the system browser', async ({ blankPage: page, libraryDir, host }) => {
  await seedBallerina(page, host, libraryDir)
  await previewButton(page).click()
  await pane(page).getByRole('button', { name: 'Open in browser' }).click()
  await expect(pane(page).getByRole('status')).toContainText('Opened in your browser:')
  await expect.poll(() => host.opened.length).toBe(1)
  const opened = host.opened[0]!
  expect(opened).toMatch(/ballerina\.html$/)
  await expect(pane(page).getByRole('status')).toContainText(opened)
})

for (const theme of ['classic', 'magazine', 'minimal']) {
  test(`screenshot: the ${theme} theme in the preview`, async ({ blankPage: page, host, libraryDir }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await seedBallerina(page, host, libraryDir)
    await page.getByRole('button', { name: 'Details panel' }).click()
    await previewButton(page).click()
    await pane(page).getByLabel('Theme').selectOption(theme)
    const post = inPreview(page)
    await expect(post.locator('html')).toHaveAttribute('data-theme', theme)
    await expect.poll(() => post.getByRole('img', { name: 'Eve on a frozen lake at dusk' }).evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    await editorText(page).getByText('It is, above all').click()
    await page.screenshot({ path: screenshotPath(`preview-${theme}.png`) })
  })
}

test('a link clicked in the preview opens in the system browser; the frame never follows it, and only https and mailto leave', async ({ blankPage: page, libraryDir, host }) => {
  const body = [
    'Read more on [the studio’s site](https://example.com/ballerina) or [write to me](mailto:critic@example.com).',
    '',
    'Not these: <a href="javascript:window.top.__pwned=1">a script link</a>, [a local file](file:///etc/passwd), [plain http](http://example.com/plain), [a page of the app](notes.html) and a footnote[^1].',
    '',
    '[^1]: A footnote stays inside the page.',
  ].join('\n')
  await mkdir(join(libraryDir, 'links'), { recursive: true })
  await writeFile(join(libraryDir, 'links', 'review.md'), `---\ntitle: Links\nstatus: draft\n---\n\n${body}\n`)
  const outside: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(`${host.origin}/`) && !request.url().startsWith('data:')) outside.push(request.url())
  })
  await page.goto(host.url)
  await page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: 'Links', exact: true }).getByRole('button', { name: 'Open' }).click()
  await previewButton(page).click()
  const post = inPreview(page)
  await expect(post.getByRole('heading', { level: 1 })).toHaveText('Links')

  await post.getByRole('link', { name: 'the studio’s site' }).click()
  await expect.poll(() => host.links).toEqual(['https://example.com/ballerina'])
  await post.getByRole('link', { name: 'write to me' }).click()
  await expect.poll(() => host.links).toEqual(['https://example.com/ballerina', 'mailto:critic@example.com'])

  // Links the sanitiser left without an address do nothing; those main refuses say so.
  await post.getByText('a script link').click()
  await post.getByText('a local file').click()
  await post.getByRole('link', { name: 'plain http' }).click()
  await expect(pane(page).getByRole('status')).toContainText('The link was not opened: Only https and mailto links open outside Verdict')
  await post.getByRole('link', { name: 'a page of the app' }).click()
  await expect(pane(page).getByRole('status')).toContainText('notes.html')
  // The footnote link moves within the page.
  await post.getByRole('link', { name: '1', exact: true }).click()

  // Main refuses the same links asked for directly, whatever the renderer would send.
  for (const url of ['javascript:window.top.__pwned=1', 'file:///etc/passwd', 'http://example.com/plain']) {
    const answer = await page.evaluate((link) => window.verdict.invoke('openExternal', { url: link }), url)
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  }
  expect(host.links).toEqual(['https://example.com/ballerina', 'mailto:critic@example.com'])
  // The frame stayed on the review and nothing went out; no script ran.
  await expect(post.getByRole('heading', { level: 1 })).toHaveText('Links')
  expect(outside).toEqual([])
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
})
