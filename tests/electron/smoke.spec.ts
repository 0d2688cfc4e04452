/**
 * The real desktop app: launch, create a review, type, relaunch, the text is there; quitting right
 * after typing keeps it; a misspelling gets suggestions; a crashed renderer is reloaded; launched
 * with a review's path, that review opens. Runs wherever an Electron
 * binary exists; elsewhere it is skipped with the reason.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { findElectron } from '../../scripts/electron-binary.mjs'

const binary = findElectron()
if ('missing' in binary) console.log(`Electron smoke test skipped: ${binary.missing}`)

test.skip('missing' in binary, 'missing' in binary ? binary.missing : '')

let dir = ''
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verdict-electron-'))
})
test.afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The app in development's shape (`electron <app> --no-sandbox …`) on a library and settings of the test's own. */
function launch(...paths: string[]) {
  if ('missing' in binary) throw new Error(binary.missing)
  return electron.launch({
    executablePath: binary.path,
    args: [resolve(import.meta.dirname, '../..'), '--no-sandbox', ...paths],
    env: { ...process.env, VERDICT_LIBRARY: join(dir, 'library'), VERDICT_USER_DATA: join(dir, 'user-data') },
  })
}

test('launch, create a review, type, relaunch: the text is there', async () => {
  let app = await launch()
  let page = await app.firstWindow()
  // The application menu is Verdict's, not Electron's default.
  const newReview = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('newReview')?.label)
  expect(newReview).toBe('New review')
  await page.getByRole('button', { name: 'New review' }).click()
  const editor = page.getByRole('textbox', { name: 'Review text' })
  await editor.click()
  await page.keyboard.type('Typed in the real desktop app.')
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await app.close()

  // Relaunched, Verdict is back at the review it showed.
  app = await launch()
  page = await app.firstWindow()
  await expect(page.getByRole('textbox', { name: 'Review text' })).toContainText('Typed in the real desktop app.')
  await app.close()
})

test('quitting right after typing keeps every character: main asks the window to save before it quits', async () => {
  let app = await launch()
  let page = await app.firstWindow()
  await page.getByRole('button', { name: 'New review' }).click()
  await page.getByRole('textbox', { name: 'Review text' }).click()
  const typed = 'The last words before quitting.'
  await page.keyboard.type(typed)
  // No wait for "Saved": the close handshake (desktop/quit.ts) has to flush them.
  await app.close()

  app = await launch()
  page = await app.firstWindow()
  await expect(page.getByRole('textbox', { name: 'Review text' })).toContainText(typed)
  await app.close()
})

test('right-clicking a misspelled word brings the spellchecker’s suggestions to the context menu', async () => {
  const app = await launch()
  try {
    const page = await app.firstWindow()
    await page.getByRole('button', { name: 'New review' }).click()
    const editor = page.getByRole('textbox', { name: 'Review text' })
    await editor.click()
    await page.keyboard.type('A performnce of great power. ')
    // What main's context-menu handler is given for the word under the pointer (desktop/contextMenu.ts builds the menu from it).
    const offered = app.evaluate(
      ({ BrowserWindow }) =>
        new Promise<{ word: string; suggestions: string[] }>((done) => {
          BrowserWindow.getAllWindows()[0]?.webContents.once('context-menu', (_event, params) =>
            done({ word: params.misspelledWord, suggestions: params.dictionarySuggestions }),
          )
        }),
    )
    // The middle of the misspelled word, from a DOM range over it.
    const word = await editor.evaluate((root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf('performnce') ?? -1
        if (at < 0) continue
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + 'performnce'.length)
        const box = range.getBoundingClientRect()
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
      }
      throw new Error('the misspelled word is not in the editor')
    })
    await expect
      .poll(async () => {
        await page.mouse.click(word.x, word.y, { button: 'right' })
        return (await Promise.race([offered, new Promise<null>((done) => setTimeout(() => done(null), 1_000))]))?.word ?? ''
      })
      .toBe('performnce')
    expect((await offered).suggestions).toContain('performance')
  } finally {
    await app.close()
  }
})

test('a crashed renderer is reloaded by main, back at the review it showed', async () => {
  const app = await launch()
  try {
    const page = await app.firstWindow()
    await page.getByRole('button', { name: 'New review' }).click()
    await page.getByRole('textbox', { name: 'Review text' }).click()
    await page.keyboard.type('Written before the crash.')
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()

    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer())
    // desktop/rendererHealth.ts reloads the same window in a new renderer process.
    const back = () =>
      app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0]?.webContents
        return contents !== undefined && !contents.isCrashed() && !contents.isLoading()
      })
    await expect.poll(back).toBe(true)
    const reloaded = app.windows()[0]!
    await expect(reloaded.getByRole('textbox', { name: 'Review text' })).toContainText('Written before the crash.')
  } finally {
    await app.close()
  }
})

test('launched with a review’s path (as the system opens a file with Verdict), that review opens', async () => {
  const review = join(dir, 'library', 'persona', 'review.md')
  await mkdir(join(dir, 'library', 'persona'), { recursive: true })
  await writeFile(review, '---\ntitle: Persona\n---\n\nTwo faces.\n')
  const app = await launch(review)
  try {
    const page = await app.firstWindow()
    await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Persona')
    await expect(page.getByRole('textbox', { name: 'Review text' })).toContainText('Two faces.')
  } finally {
    await app.close()
  }
})
