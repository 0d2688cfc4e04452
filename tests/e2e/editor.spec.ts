import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test, screenshotPath } from './fixtures'
import { caretAtEnd } from './caret'
import { editorText, openReview, saveState, seedReview } from './review'

/** The review.md whose front matter carries this title (a new review's folder is named by main). */
async function reviewFile(libraryDir: string, title: string): Promise<string> {
  for (const folder of await readdir(libraryDir)) {
    const text = await readFile(join(libraryDir, folder, 'review.md'), 'utf8').catch(() => '')
    if (new RegExp(`^title: ['"]?${title}['"]?$`, 'm').test(text)) return text
  }
  throw new Error(`no review titled ${title} in the library`)
}

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Formatting' })

/** Puts the caret inside `text` in the editor (a click on the words). */
const caretIn = (page: Page, text: string) => editorText(page).getByText(text, { exact: true }).click()

const SAMPLE = `## The set-up

Ballerina is **stylish** and *bruising*, with [a site](https://example.com/ballerina).

- Choreography
- Ana de Armas

| Film | Score |
| ---- | ----- |
| Ballerina | 9 |

\`\`\`js
console.log('kept')
\`\`\`
`

test('writes a formatted review with the toolbar and Markdown shortcuts; it is stored as Markdown and reopens intact', async ({ page, libraryDir }) => {
  await page.getByRole('button', { name: 'New review' }).click()
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await page.keyboard.type('Ballerina')
  await page.keyboard.press('Enter')
  await expect(editorText(page)).toBeFocused()

  // Markdown shortcuts while typing.
  await page.keyboard.type('## First impressions')
  await page.keyboard.press('Enter')
  // Each shortcut is taken (its markers gone) before typing on, as a critic sees it happen: on a busy
  // machine a key typed at once can reach the editor before the shortcut's transform has run.
  for (const [typed, marker] of [['A **stylish**', '*'], [' and *bruising*', '*'], [' spin-off, with `gun-fu`', '`'], [' and ~~no~~', '~']] as const) {
    await page.keyboard.type(typed)
    await expect(editorText(page)).not.toContainText(marker)
  }
  await page.keyboard.type(' restraint.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('- Choreography')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Ana de Armas')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type('1. Opening')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Finale')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type('> The best action film since John Wick.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('---')
  await page.keyboard.press('Enter')

  // The toolbar.
  await page.keyboard.type('Plain, ')
  await toolbar(page).getByRole('button', { name: 'Bold' }).click()
  await expect(toolbar(page).getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.type('bold words')
  await toolbar(page).getByRole('button', { name: 'Bold' }).click()
  await page.keyboard.type(' and ')
  await toolbar(page).getByRole('button', { name: 'Italic' }).click()
  await page.keyboard.type('italic words')
  await toolbar(page).getByRole('button', { name: 'Italic' }).click()
  await page.keyboard.press('Enter')
  await toolbar(page).getByLabel('Block type').selectOption({ label: 'Heading 3' })
  await page.keyboard.type('Verdict')
  await page.keyboard.press('Enter')
  await page.keyboard.type('See the official site')
  for (let i = 0; i < 'official site'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  await toolbar(page).getByRole('button', { name: 'Link' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add link' })
  await dialog.getByLabel('URL').fill('https://example.com/ballerina')
  await dialog.getByRole('button', { name: 'Add link' }).click()
  await expect(dialog).toBeHidden()

  // The details panel.
  await page.getByLabel('Author').fill('Ana Critic')
  await page.getByLabel('Date').fill('2026-06-06')
  await page.getByLabel('Tags').fill('film, action')
  await page.getByLabel('Tags').press('Enter')
  await page.getByLabel('Excerpt').fill('A stylish, bruising spin-off.')
  await page.getByLabel('Status').selectOption({ label: 'Ready' })
  await expect(saveState(page)).toHaveText('Saved')

  const markdown = await reviewFile(libraryDir, 'Ballerina')
  for (const fragment of [
    '## First impressions',
    '**stylish**',
    '*bruising*',
    '`gun-fu`',
    '~~no~~',
    '1. Opening',
    '> The best action film since John Wick.',
    '**bold words**',
    '*italic words*',
    '### Verdict',
    '[official site](https://example.com/ballerina)',
    'status: ready',
  ])
    expect(markdown).toContain(fragment)
  // A new review's empty values are written `""`; filled in, they keep that quoting.
  expect(markdown).toMatch(/^author: "?Ana Critic"?$/m)
  expect(markdown).toMatch(/^excerpt: "?A stylish, bruising spin-off\."?$/m)
  expect(markdown).toMatch(/^[-*+] Choreography$/m)
  expect(markdown).toMatch(/^(---|\*\*\*|___)$/m)
  expect(markdown).toMatch(/tags:[\s\S]*film[\s\S]*action/)

  // A reload shows the review that was open.
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Ballerina')
  const text = editorText(page)
  await expect(text.getByRole('heading', { level: 2, name: 'First impressions' })).toBeVisible()
  await expect(text.getByRole('heading', { level: 3, name: 'Verdict' })).toBeVisible()
  await expect(text.getByRole('listitem')).toHaveText(['Choreography', 'Ana de Armas', 'Opening', 'Finale'])
  await expect(text.getByRole('blockquote')).toHaveText('The best action film since John Wick.')
  await expect(text.getByRole('separator')).toHaveCount(1)
  await expect(text.getByRole('link', { name: 'official site' })).toHaveAttribute('href', 'https://example.com/ballerina')
  await caretIn(page, 'stylish')
  await expect(toolbar(page).getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true')
  await caretIn(page, 'gun-fu')
  await expect(toolbar(page).getByRole('button', { name: 'Inline code' })).toHaveAttribute('aria-pressed', 'true')
  await caretIn(page, 'no')
  await expect(toolbar(page).getByRole('button', { name: 'Strikethrough' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByLabel('Author')).toHaveValue('Ana Critic')
  await expect(page.getByLabel('Date')).toHaveValue('2026-06-06')
  await expect(page.getByRole('list', { name: 'Tag list' }).getByRole('listitem')).toHaveText(['film', 'action'])
  await expect(page.getByLabel('Excerpt')).toHaveValue('A stylish, bruising spin-off.')
  await expect(page.getByLabel('Status')).toHaveValue('ready')
})

test('the toolbar reflects the selection, and the shortcuts format, undo and redo', async ({ blankPage: page, host, libraryDir }) => {
  await seedReview(libraryDir, 'ballerina', 'Ballerina', SAMPLE)
  await page.goto(host.url)
  await openReview(page, 'Ballerina')
  const bold = toolbar(page).getByRole('button', { name: 'Bold' })
  const blockType = toolbar(page).getByLabel('Block type')

  await caretIn(page, 'The set-up')
  await expect(blockType).toHaveValue('h2')
  await expect(bold).toHaveAttribute('aria-pressed', 'false')
  await caretIn(page, 'stylish')
  await expect(bold).toHaveAttribute('aria-pressed', 'true')
  await expect(blockType).toHaveValue('paragraph')
  await caretIn(page, 'bruising')
  await expect(toolbar(page).getByRole('button', { name: 'Italic' })).toHaveAttribute('aria-pressed', 'true')
  await caretIn(page, 'a site')
  await expect(toolbar(page).getByRole('button', { name: 'Link' })).toHaveAttribute('aria-pressed', 'true')
  await caretIn(page, 'Choreography')
  await expect(blockType).toHaveValue('bullet')
  await expect(toolbar(page).getByRole('button', { name: 'Bulleted list' })).toHaveAttribute('aria-pressed', 'true')

  // Ctrl+B / Ctrl+Z / Ctrl+Shift+Z on a fresh paragraph.
  await caretAtEnd(editorText(page).getByText('Ana de Armas', { exact: true }))
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Shortcut')
  await page.keyboard.press('Shift+Home')
  const italic = toolbar(page).getByRole('button', { name: 'Italic' })
  await page.keyboard.press('ControlOrMeta+i')
  await expect(italic).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('ControlOrMeta+i')
  await expect(italic).toHaveAttribute('aria-pressed', 'false')
  await page.keyboard.press('ControlOrMeta+b')
  await expect(bold).toHaveAttribute('aria-pressed', 'true')
  // One step back and forth: whether the history merged the bold with the typing just before it,
  // undo leaves no bold text selected and redo brings it back.
  await page.keyboard.press('ControlOrMeta+z')
  await expect(bold).toHaveAttribute('aria-pressed', 'false')
  await page.keyboard.press('ControlOrMeta+Shift+z')
  await expect(bold).toHaveAttribute('aria-pressed', 'true')
  await toolbar(page).getByRole('button', { name: 'Undo' }).click()
  await expect(bold).toHaveAttribute('aria-pressed', 'false')
  await toolbar(page).getByRole('button', { name: 'Redo' }).click()
  await expect(bold).toHaveAttribute('aria-pressed', 'true')

  // Block buttons turn the caret's block into a list or quote, and back to a paragraph.
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Numbered')
  await toolbar(page).getByRole('button', { name: 'Numbered list' }).click()
  await expect(blockType).toHaveValue('number')
  await toolbar(page).getByRole('button', { name: 'Quote' }).click()
  await expect(blockType).toHaveValue('quote')
  await expect(editorText(page).getByRole('blockquote')).toHaveText('Numbered')
  await toolbar(page).getByRole('button', { name: 'Quote' }).click()
  await expect(blockType).toHaveValue('paragraph')
  await toolbar(page).getByRole('button', { name: 'Horizontal rule' }).click()
  await expect(editorText(page).getByRole('separator')).toHaveCount(1)
})

test('the link dialog accepts only web and e-mail addresses, and edits or removes a link', async ({ blankPage: page, host, libraryDir }) => {
  await seedReview(libraryDir, 'ballerina', 'Ballerina', 'Write to the studio today.\n')
  await page.goto(host.url)
  await openReview(page, 'Ballerina')
  await editorText(page).getByText('Write to the studio today.').dblclick()
  await page.keyboard.press('ControlOrMeta+k')

  const dialog = page.getByRole('dialog', { name: 'Add link' })
  const url = dialog.getByLabel('URL')
  await expect(url).toBeFocused()
  for (const bad of ['javascript:alert(1)', 'ftp://example.com/file', 'example.com', '']) {
    await url.fill(bad)
    await dialog.getByRole('button', { name: 'Add link' }).click()
    await expect(dialog.getByRole('alert')).toHaveText('Enter a full address starting with https://, http:// or mailto:')
    await expect(url).toHaveAttribute('aria-invalid', 'true')
  }
  await url.fill('mailto:press@example.com')
  await dialog.getByRole('button', { name: 'Add link' }).click()
  await expect(dialog).toBeHidden()
  const link = editorText(page).getByRole('link')
  await expect(link).toHaveAttribute('href', 'mailto:press@example.com')

  await link.click()
  await page.keyboard.press('ControlOrMeta+k')
  const edit = page.getByRole('dialog', { name: 'Edit link' })
  await expect(edit.getByLabel('URL')).toHaveValue('mailto:press@example.com')
  await edit.getByRole('button', { name: 'Remove link' }).click()
  await expect(editorText(page).getByRole('link')).toHaveCount(0)
  await expect(saveState(page)).toHaveText('Saved')
  expect(await reviewFile(libraryDir, 'Ballerina')).not.toContain('mailto:')
})

test('Markdown the editor cannot show is kept verbatim and stays editable', async ({ blankPage: page, host, libraryDir }) => {
  await seedReview(libraryDir, 'ballerina', 'Ballerina', SAMPLE)
  await page.goto(host.url)
  await openReview(page, 'Ballerina')

  const blocks = page.getByRole('textbox', { name: 'Markdown kept as written' })
  await expect(blocks).toHaveCount(2)
  await expect(blocks.first()).toHaveValue(/\| Ballerina \| 9 \|/)
  await expect(blocks.nth(1)).toHaveValue(/console\.log\('kept'\)/)

  await blocks.first().fill('| Film | Score |\n| ---- | ----- |\n| Ballerina | 9.5 |')
  await expect(saveState(page)).toHaveText('Saved')
  const markdown = await reviewFile(libraryDir, 'Ballerina')
  expect(markdown).toContain('| Ballerina | 9.5 |')
  expect(markdown).toContain("```js\nconsole.log('kept')\n```")
  expect(markdown).toContain('**stylish**')
})

test('the status bar counts words and reading time as you type', async ({ page }) => {
  await page.getByRole('button', { name: 'New review' }).click()
  await editorText(page).click()
  await page.keyboard.type('One two three.')
  await expect(page.getByRole('contentinfo')).toContainText('3 words · 1 min read')
  await page.keyboard.insertText(' word'.repeat(527))
  await expect(page.getByRole('contentinfo')).toContainText('530 words · 2 min read')
})

test('autosave never overlaps saves, sends the latest text, and Ctrl+S saves at once', async ({ blankPage: page, host, libraryDir }) => {
  await seedReview(libraryDir, 'ballerina', 'Ballerina', 'Start.\n')
  await page.clock.install() // runs as the real clock until paused below
  await page.goto(host.url)
  await openReview(page, 'Ballerina')

  let inFlight = 0
  let overlapped = false
  const sent: Array<{ id: string }> = []
  await page.route('**/__ipc/saveReview', async (route) => {
    overlapped ||= inFlight > 0
    inFlight++
    sent.push((JSON.parse(route.request().postData() ?? '{}') as { args: { id: string } }).args)
    await new Promise((done) => setTimeout(done, 900)) // a slow disk
    const response = await route.fetch()
    inFlight--
    await route.fulfill({ response })
  })

  await caretAtEnd(editorText(page).getByText('Start.', { exact: true }))
  await page.keyboard.type(' First burst.')
  await expect(saveState(page)).toHaveText('Saving…')
  await expect.poll(() => sent.length).toBe(1) // the first save is on its way, held by the slow disk
  await page.keyboard.type(' Second burst.')
  await page.keyboard.type(' Last words.')
  await expect(saveState(page)).toHaveText('Saved')
  expect(overlapped).toBe(false)
  expect(sent.every((args) => args.id === 'ballerina')).toBe(true)
  expect(await reviewFile(libraryDir, 'Ballerina')).toContain('Start. First burst. Second burst. Last words.')

  // Ctrl+S does not wait for the debounce: with the page's clock stopped no debounce can fire,
  // yet the key press saves.
  const before = sent.length
  await page.clock.pauseAt(Date.now() + 60_000)
  await page.keyboard.type(' Saved by hand.')
  await page.keyboard.press('ControlOrMeta+s')
  await expect.poll(() => sent.length).toBe(before + 1)
  await page.clock.resume()
  await expect(saveState(page)).toHaveText('Saved')
  expect(await reviewFile(libraryDir, 'Ballerina')).toContain('Last words. Saved by hand.')
})

test('leaving a review saves it first, and never under another review', async ({ blankPage: page, host, libraryDir }) => {
  await seedReview(libraryDir, 'first', 'First', 'First text.\n')
  await seedReview(libraryDir, 'second', 'Second', 'Second text.\n')
  await page.goto(host.url)
  await openReview(page, 'First')
  await caretAtEnd(editorText(page).getByText('First text.', { exact: true }))
  await page.keyboard.type(' Added just before leaving.')
  await page.getByRole('button', { name: 'Library' }).click() // well within the debounce
  await openReview(page, 'Second')
  await expect(editorText(page)).toHaveText('Second text.')

  expect(await reviewFile(libraryDir, 'First')).toContain('First text. Added just before leaving.')
  expect(await reviewFile(libraryDir, 'Second')).not.toContain('Added just before leaving.')
})

test('a failed save shows the reason and keeps the edits until a save succeeds', async ({ blankPage: page, host, libraryDir }) => {
  await seedReview(libraryDir, 'ballerina', 'Ballerina', 'Start.\n')
  await page.goto(host.url)
  await openReview(page, 'Ballerina')
  await page.route('**/__ipc/saveReview', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'IO', message: 'The disk is full' } } }),
  )

  await caretAtEnd(editorText(page).getByText('Start.', { exact: true }))
  await page.keyboard.type(' Precious words.')
  await expect(saveState(page)).toHaveText('Error: The disk is full')
  await expect(editorText(page)).toHaveText('Start. Precious words.')
  // Leaving would lose the edits: the app stays on the review.
  await page.getByRole('button', { name: 'Library' }).click()
  await expect(saveState(page)).toHaveText('Error: The disk is full')
  await expect(editorText(page)).toBeVisible()

  await page.unroute('**/__ipc/saveReview')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(saveState(page)).toHaveText('Saved')
  expect(await reviewFile(libraryDir, 'Ballerina')).toContain('Start. Precious words.')
})

test('a review changed by another program is never overwritten silently', async ({ blankPage: page, host, libraryDir }) => {
  await seedReview(libraryDir, 'ballerina', 'Ballerina', 'Start.\n')
  await page.goto(host.url)
  await openReview(page, 'Ballerina')
  // Another editor (or a sync tool) rewrites the file while it is open, with nothing unsaved: it is shown.
  await seedReview(libraryDir, 'ballerina', 'Ballerina', 'Their version.\n')
  await expect(editorText(page)).toHaveText('Their version.')

  // Edits not saved yet (saves fail for now) when the file changes again: the choice is the user's.
  await page.route('**/__ipc/saveReview', (route) => route.abort())
  await caretAtEnd(editorText(page).getByText('Their version.', { exact: true }))
  await page.keyboard.type(' Mine again.')
  await expect(saveState(page).filter({ hasText: 'Error' })).toBeVisible()
  await seedReview(libraryDir, 'ballerina', 'Ballerina', 'A third version.\n')
  const notice = page.getByRole('region', { name: 'Changed outside Verdict' })
  await expect(notice).toBeVisible()
  expect(await reviewFile(libraryDir, 'Ballerina')).toContain('A third version.')
  await page.unroute('**/__ipc/saveReview')

  await notice.getByRole('button', { name: 'Keep mine' }).click()
  await expect(saveState(page).filter({ hasText: 'Saved' })).toBeVisible()
  await expect(notice).toBeHidden()
  const markdown = await reviewFile(libraryDir, 'Ballerina')
  expect(markdown).toContain('Their version. Mine again.')
  expect(markdown).not.toContain('A third version.')
})

test('a document the editor cannot load shows why instead of a blank window', async ({ page }) => {
  // A newer Verdict (or a bug) could hand the editor a node type it does not know.
  await page.route('**/__ipc/openReviewInParts', async (route) => {
    const response = await route.fetch()
    const envelope = (await response.json()) as { value: { doc: { root: { children: unknown[] } } } }
    envelope.value.doc.root.children.push({ type: 'hologram', version: 1 })
    await route.fulfill({ response, json: envelope })
  })
  await page.getByRole('listitem', { name: 'Welcome to Verdict' }).getByRole('button', { name: 'Open' }).click()
  await expect(page.getByRole('alert')).toContainText('This review could not be shown')
  await page.getByRole('button', { name: 'Back to the library' }).click()
  await expect(page.getByRole('listitem', { name: 'Welcome to Verdict' })).toBeVisible()
})

test('a long review draws only what is near the screen, and the caret and the view still go anywhere in it', async ({ blankPage: page, host, libraryDir }) => {
  const filler = Array(6).fill('the camera stays with her through every turn of the fight').join(' ')
  const paragraphs = Array.from({ length: 300 }, (_, i) => `Paragraph ${i} ${filler}.`)
  await seedReview(libraryDir, 'long', 'Long', `${paragraphs.join('\n\n')}\n`)
  await page.goto(host.url)
  await openReview(page, 'Long')
  const paragraph = (i: number) => editorText(page).locator('p').filter({ hasText: `Paragraph ${i} ` })
  const drawn = (i: number) => paragraph(i).evaluate((element) => element.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }))
  await expect(paragraph(299)).toBeAttached()
  expect(await drawn(0)).toBe(true)
  expect(await drawn(150)).toBe(false)

  // The end of the text, through blocks never drawn: the view follows the caret, and typing lands there.
  await paragraph(0).click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(' The end.')
  await expect(paragraph(299)).toContainText('fight. The end.')
  await expect(paragraph(299)).toBeInViewport()

  // Back up a page, then line by line across block edges. How many blocks a page passes depends on
  // how many were drawn by then (a busy machine draws fewer), so the test follows the caret, not a count.
  const caretParagraph = () =>
    page.evaluate(() => {
      const block = window.getSelection()?.anchorNode?.parentElement?.closest('p')
      return Number(/Paragraph (\d+)/.exec(block?.textContent ?? '')?.[1] ?? -1)
    })
  // Each arrow waits for the next frame, as a person's key repeat does: a block is drawn only at a
  // frame, and on a busy CI machine 30 arrows sent at once left the caret at the very top.
  const nextFrame = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  await page.keyboard.press('PageUp')
  await expect.poll(caretParagraph).toBeLessThan(299)
  const afterPage = await caretParagraph()
  expect(afterPage).toBeGreaterThan(0)
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('ArrowUp')
    await nextFrame()
  }
  await expect.poll(caretParagraph).toBeLessThan(afterPage)
  await page.keyboard.type('MIDDLE')
  const middle = editorText(page).locator('p').filter({ hasText: 'MIDDLE' })
  await expect(middle).toHaveCount(1)
  await expect(middle).toBeInViewport()
  // The caret may land anywhere in the line, even before "Paragraph".
  const index = Number(/Paragraph (\d+)/.exec((await middle.textContent()) ?? '')?.[1])
  expect(index).toBeLessThan(afterPage)

  await expect(saveState(page)).toHaveText('Saved')
  const markdown = await reviewFile(libraryDir, 'Long')
  expect(markdown).toContain('fight. The end.\n')
  expect(markdown).toMatch(new RegExp(`^(?=.*Paragraph ${index} )(?=.*MIDDLE).*$`, 'm'))
})

test('screenshot: the editor with a formatted review', async ({ blankPage: page, host, libraryDir }) => {
  await seedReview(
    libraryDir,
    'ballerina',
    'Ballerina',
    `Len Wiseman’s spin-off could have been a cash-in. Instead, **Ballerina** is the most *inventive* action film of the year: a revenge story told almost entirely through movement, with [Ana de Armas](https://example.com/ana-de-armas) in total command of it.

## A world that keeps expanding

The Ruska Roma, glimpsed in *John Wick: Chapter 3*, finally get their due. The film’s best idea is to treat choreography as character: every fight tells you who Eve is becoming.

> She doesn’t fight like a dancer. She fights like someone who stopped dancing.

### What works

- The flamethrower duel, already a classic
- A score that knows when to go quiet
- Keanu Reeves, used sparingly and well

---

The ending stumbles, but by then the film has earned a great deal of goodwill.
`,
  )
  await page.goto(host.url)
  await openReview(page, 'Ballerina')
  await page.getByLabel('Tags').fill('action, john wick')
  await page.getByLabel('Tags').press('Enter')
  await page.getByLabel('Excerpt').fill('A stylish, bruising spin-off that earns its place.')
  await page.getByLabel('Status').selectOption({ label: 'Ready' })
  await caretIn(page, 'Ballerina')
  await expect(saveState(page)).toHaveText('Saved')
  await page.screenshot({ path: screenshotPath('editor.png') })
})
