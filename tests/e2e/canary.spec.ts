/**
 * XSS canary, end to end: payloads pasted as HTML into the editor and typed into every metadata
 * field go through autosave, the preview and an HTML export. A payload that ran would set
 * `__pwned` on its own window and on the app's, and open an alert. `__pwned` must stay unset in the
 * app, in the preview frame and in the exported page (also with that page's CSP taken out), no
 * dialog may open, and nothing that could run script may reach the app's live page or the
 * preview's (the app's CSP would hide it from the canary). The review then opens as it was written.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, FrameLocator, Page } from '@playwright/test'
import { exportHtmlPage, expect, test } from './fixtures'
import { settled } from '../support/settled'
import { details, editorText, saveState } from './review'

const JS = 'window.__pwned=1;alert(1);top.__pwned=1'

/** An HTML clipboard from a hostile page: each element is one way script gets in. */
const PASTED = [
  '<p>Pasted canary paragraph.</p>',
  `<img src=x onerror="${JS}">`,
  `<svg onload="${JS}"><circle r="1"></circle></svg>`,
  `<p><a href="javascript:${JS}">a javascript link</a></p>`,
  `<p><a href="JaVaScRiPt&colon;${JS}">an encoded javascript link</a></p>`,
  `<p><a href="data:text/html,&lt;script&gt;${JS}&lt;/script&gt;">a data link</a></p>`,
  `<iframe srcdoc="<script>${JS}</script>"></iframe>`,
  `<iframe src="javascript:${JS}"></iframe>`,
  `<script>${JS}</script>`,
  `<details open ontoggle="${JS}"><summary>details</summary></details>`,
  `<video><source onerror="${JS}"></video>`,
  `<input autofocus onfocus="${JS}">`,
  `<form action="javascript:${JS}"><button>go</button></form>`,
  `<object data="javascript:${JS}"></object><embed src="javascript:${JS}">`,
  `<math><mi xlink:href="javascript:${JS}">m</mi></math>`,
  `<p style="background:url(javascript:${JS})">styled</p>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${JS}">`,
  `<noscript><p title="</noscript><img src=x onerror=${JS}>"></noscript>`,
  `<!--><img src=x onerror="${JS}">-->`,
  // Verdict's own image markup, forged: the path leaves the review and is never loaded.
  `<figure data-verdict-image='{"src":"javascript:${JS}","alt":"forged"}'></figure>`,
].join('')

/** The same, without the underscores that the editor's Markdown shortcuts would take for bold. */
const TYPED_JS = "self['\\x5f\\x5fpwned']=1;alert(1);top['\\x5f\\x5fpwned']=1"
/** Typed as text, where Markdown or HTML syntax must stay text. */
const TYPED = `Typed <img src=x onerror="${TYPED_JS}"> and [a link](javascript:${TYPED_JS}) and <script>${TYPED_JS}</script>`

const FIELDS = {
  title: `Canary </title><script>${JS}</script>`,
  author: `<img src=x onerror="${JS}">`,
  tag: `"><svg onload="${JS}">`,
  excerpt: `"></script><script>${JS}</script>`,
  name: `</script><img src=x onerror="${JS}">`,
  director: `<svg onload="${JS}">`,
}

const preview = (page: Page): FrameLocator => page.getByTitle('Preview', { exact: true }).contentFrame()

const pwned = (page: Page) => page.evaluate(() => (window as { __pwned?: unknown }).__pwned)

/** Records the dialogs a payload (an `alert`) would open. */
function watch(page: Page): { dialogs: string[] } {
  const seen = { dialogs: [] as string[] }
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return seen
}

/**
 * What in the app's live page (and the documents of its same-origin frames, the preview) could run
 * script: event-handler attributes, `javascript:`/`data:` addresses, scripts other than the app's own
 * bundle, frames other than the preview and its video players. The app's CSP would stop most of
 * them, so `__pwned` alone could not tell; this can.
 */
function liveDangers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const visit = (doc: Document, where: string): void => {
      for (const element of Array.from(doc.querySelectorAll('*'))) {
        const tag = element.tagName.toLowerCase()
        for (const { name, value } of Array.from(element.attributes)) {
          if (/^on/i.test(name)) found.push(`${where}: <${tag} ${name}>`)
          if (/^(href|src|action|formaction|data|xlink:href)$/i.test(name) && /^\s*(javascript|data:text|vbscript)/i.test(value)) found.push(`${where}: <${tag} ${name}=${value.slice(0, 40)}>`)
        }
        if (tag === 'script' && element.getAttribute('type') !== 'application/ld+json') {
          const src = new URL((element as HTMLScriptElement).src || 'about:blank')
          if (src.origin !== location.origin || !/^\/(assets\/|__web\/(bridge|picker)\.js$)/.test(src.pathname)) found.push(`${where}: <script src=${src.href.slice(0, 60)}>`)
        }
        if (tag === 'object' || tag === 'embed') found.push(`${where}: <${tag}>`)
        if (tag === 'iframe') {
          const frame = element as HTMLIFrameElement
          if (frame.title === 'Preview' && frame.contentDocument) visit(frame.contentDocument, 'preview')
          else if (!/^https:\/\/www\.youtube-nocookie\.com\/embed\//.test(frame.src)) found.push(`${where}: <iframe src=${frame.src.slice(0, 40)}>`)
        }
      }
    }
    visit(document, 'app')
    return found
  })
}

async function paste(page: Page, html: string): Promise<void> {
  await editorText(page).evaluate((root, markup) => {
    const data = new DataTransfer()
    data.setData('text/html', markup)
    data.setData('text/plain', 'plain text of the paste')
    root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, html)
}

/** Loads `html` in a fresh page of its own, as a reader's browser would; returns whether a payload ran there. */
async function runsIn(browser: Browser, load: (page: Page) => Promise<unknown>): Promise<{ pwned: unknown; dialogs: string[] }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const seen = watch(page)
  await load(page)
  // Handlers such as onerror run after the load; wait until they have had their chance.
  await settled(page)
  const result = { pwned: await pwned(page), dialogs: seen.dialogs }
  await context.close()
  return result
}

test('XSS payloads pasted, typed and put in the metadata run nowhere: editor, preview, export; the review reopens as written', async ({
  page,
  browser,
  host,
  tempDir,
  libraryDir,
}) => {
  // The canary itself works: the same payloads run in a page that does not sanitise.
  for (const js of [JS, TYPED_JS]) expect(await runsIn(browser, (fresh) => fresh.setContent(`<img src=x onerror="${js}">`))).toEqual({ pwned: 1, dialogs: ['1'] })

  const app = watch(page)
  await page.getByRole('button', { name: 'New review' }).click()
  const title = page.getByRole('textbox', { name: 'Title', exact: true })
  await expect(title).toBeFocused()
  await page.keyboard.type(FIELDS.title)
  await editorText(page).click()
  await paste(page, PASTED)
  await expect(editorText(page)).toContainText('Pasted canary paragraph.')
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.press('Enter')
  await page.keyboard.type(TYPED)

  const panel = details(page)
  await panel.getByLabel('Author').fill(FIELDS.author)
  await panel.getByLabel('Tags').fill(FIELDS.tag)
  await panel.getByLabel('Tags').press('Enter')
  await panel.getByLabel('Excerpt').fill(FIELDS.excerpt)
  await panel.getByLabel('Kind').selectOption({ label: 'Film' })
  await panel.getByLabel('Name', { exact: true }).fill(FIELDS.name)
  await panel.getByLabel('Director').fill(FIELDS.director)
  await panel.getByLabel('Director').press('Tab')
  await expect(saveState(page)).toHaveText('Saved')

  // The editor holds the payloads as text and inert markup only.
  await expect(editorText(page)).toContainText(TYPED)
  expect(await liveDangers(page)).toEqual([])

  // The preview: the page as readers will see it.
  await page.getByRole('button', { name: 'Preview', exact: true }).click()
  const post = preview(page)
  await expect(post.getByRole('heading', { level: 1 })).toHaveText(FIELDS.title)
  await expect(post.getByText('Pasted canary paragraph.')).toBeVisible()
  await expect(post.getByText(TYPED)).toBeVisible()
  expect(await liveDangers(page)).toEqual([])
  // Links the page still has go through main, which opens none of the payloads' addresses.
  await post.getByText('a javascript link').click()
  await post.getByText('a data link').click()
  expect(host.links).toEqual([])

  // Exported as a self-contained page.
  const dest = join(tempDir, 'exports')
  const dialog = await exportHtmlPage(page, host, dest)
  await dialog.getByRole('button', { name: 'Done' }).click()
  const [exported] = await readdir(dest)
  const file = join(dest, exported!)
  const html = await readFile(file, 'utf8')
  expect(html).toContain('Pasted canary paragraph.')
  expect(await runsIn(browser, (fresh) => fresh.goto(pathToFileURL(file).href))).toEqual({ pwned: undefined, dialogs: [] })
  // Not only the CSP: without it the sanitised page still runs nothing.
  const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '')
  expect(withoutCsp).not.toMatch(/Content-Security-Policy/i)
  expect(await runsIn(browser, (fresh) => fresh.setContent(withoutCsp))).toEqual({ pwned: undefined, dialogs: [] })

  // Nothing ran in the app or its preview, and nothing that could run is in their pages.
  expect(await pwned(page)).toBeUndefined()
  expect(await page.getByTitle('Preview', { exact: true }).evaluate((frame) => (frame as HTMLIFrameElement).contentWindow?.['__pwned' as never])).toBeUndefined()
  expect(app.dialogs).toEqual([])
  expect(await liveDangers(page)).toEqual([])

  // The saved file opens again, editable, with every field and the text as written.
  const [id] = (await readdir(libraryDir)).filter((name) => !name.startsWith('.') && name !== 'welcome-to-verdict')
  expect(await readFile(join(libraryDir, id!, 'review.md'), 'utf8')).toContain('Pasted canary paragraph.')
  expect((await host.services.libraries.current().open(id!)).kind).toBe('editable')
  await page.getByRole('button', { name: 'Library' }).click()
  await page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: FIELDS.title, exact: true }).getByRole('button', { name: 'Open' }).click()
  await expect(title).toHaveValue(FIELDS.title)
  await expect(editorText(page)).toContainText('Pasted canary paragraph.')
  await expect(editorText(page)).toContainText(TYPED)
  await expect(details(page).getByLabel('Author')).toHaveValue(FIELDS.author)
  await expect(details(page).getByRole('list', { name: 'Tag list' })).toContainText(FIELDS.tag)
  await expect(details(page).getByLabel('Excerpt')).toHaveValue(FIELDS.excerpt)
  await expect(details(page).getByLabel('Name', { exact: true })).toHaveValue(FIELDS.name)
  await expect(details(page).getByLabel('Director')).toHaveValue(FIELDS.director)
  await expect(page.getByRole('region', { name: 'Notes on this file' })).toHaveCount(0)
  expect(await pwned(page)).toBeUndefined()
  expect(app.dialogs).toEqual([])
  expect(await liveDangers(page)).toEqual([])
})
