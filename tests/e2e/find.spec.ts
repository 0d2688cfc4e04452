/** Find & replace in the editor, as the critic uses it: keys, the bar's controls, undo, the file. */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { openReview, seedReview } from './review'

const editorText = (page: Page) => page.getByRole('textbox', { name: 'Review text' })
const findBar = (page: Page) => page.getByRole('search', { name: 'Find and replace' })
const TEXT = 'A cat and a Cat. Concatenate cats.'

/** How many ranges the find highlight draws (the document itself is never marked up). */
const highlighted = (page: Page) => page.evaluate(() => CSS.highlights.get('verdict-find')?.size ?? 0)

async function libraryTexts(libraryDir: string): Promise<string[]> {
  const folders = await readdir(libraryDir)
  return Promise.all(folders.map((folder) => readFile(join(libraryDir, folder, 'review.md'), 'utf8').catch(() => '')))
}

async function newReviewWith(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'New review' }).click()
  await editorText(page).click()
  await page.keyboard.type(text)
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
}

test('find counts and steps through matches, with match case and whole word, without touching the text', async ({ page }) => {
  await newReviewWith(page, TEXT)
  const html = await editorText(page).innerHTML()

  await page.keyboard.press('ControlOrMeta+F')
  const bar = findBar(page)
  await expect(bar.getByRole('searchbox', { name: 'Find' })).toBeFocused()
  await page.keyboard.type('cat')
  const status = bar.getByRole('status')
  await expect(status).toHaveText('1 of 4')
  await expect.poll(() => highlighted(page)).toBe(4)

  await page.keyboard.press('Enter')
  await expect(status).toHaveText('2 of 4')
  await bar.getByRole('button', { name: 'Next match' }).click()
  await expect(status).toHaveText('3 of 4')
  await page.keyboard.press('Shift+F3')
  await expect(status).toHaveText('2 of 4')
  await bar.getByRole('button', { name: 'Previous match' }).click()
  await bar.getByRole('button', { name: 'Previous match' }).click()
  await expect(status).toHaveText('4 of 4')

  await bar.getByRole('checkbox', { name: 'Match case' }).check()
  await expect(status).toHaveText(/of 3$/)
  await bar.getByRole('checkbox', { name: 'Whole word' }).check()
  await expect(status).toHaveText('1 of 1')
  await bar.getByRole('searchbox', { name: 'Find' }).fill('dog')
  await expect(status).toHaveText('No matches')

  // Highlights are drawn over the text, never written into it.
  expect(await editorText(page).innerHTML()).toBe(html)
  await bar.getByRole('button', { name: 'Close find' }).click()
  await expect(bar).toBeHidden()
  expect(await highlighted(page)).toBe(0)
})

test('replace one, replace all as one undo step, and the file gets the replaced text', async ({ page, libraryDir }) => {
  await newReviewWith(page, TEXT)
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Alt+F' : 'Control+H')
  const bar = findBar(page)
  await bar.getByRole('searchbox', { name: 'Find' }).fill('cat')
  await expect(bar.getByRole('status')).toHaveText('1 of 4')
  await bar.getByRole('textbox', { name: 'Replace with' }).fill('dog')

  await bar.getByRole('button', { name: 'Replace', exact: true }).click()
  await expect(editorText(page)).toHaveText('A dog and a Cat. Concatenate cats.')
  await expect(bar.getByRole('status')).toHaveText('1 of 3')

  await bar.getByRole('button', { name: 'Replace all' }).click()
  await expect(editorText(page)).toHaveText('A dog and a dog. Condogenate dogs.')
  await expect(bar.getByRole('status')).toHaveText('No matches')

  // One undo takes back the whole Replace all, and only it.
  await bar.getByRole('button', { name: 'Close find' }).click()
  await expect(bar).toBeHidden()
  await page.keyboard.press('ControlOrMeta+Z')
  await expect(editorText(page)).toHaveText('A dog and a Cat. Concatenate cats.')
  await page.keyboard.press('ControlOrMeta+Shift+Z')
  await expect(editorText(page)).toHaveText('A dog and a dog. Condogenate dogs.')

  // Autosave writes it: the file holds the replaced text.
  await expect.poll(() => libraryTexts(libraryDir)).toContainEqual(expect.stringContaining('A dog and a dog. Condogenate dogs.'))
})

test('while the bar is open, typing and undo update the count and the highlights', async ({ page }) => {
  await newReviewWith(page, TEXT)
  await page.keyboard.press('Enter')
  await page.keyboard.type('A second paragraph.')
  await page.keyboard.press('ControlOrMeta+F')
  const bar = findBar(page)
  await page.keyboard.type('cat')
  const status = bar.getByRole('status')
  await expect(status).toHaveText('1 of 4')

  // Typing in one paragraph searches it again; the other keeps its matches.
  await editorText(page).getByText('A second paragraph.').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' One cat more.')
  await expect(status).toHaveText('1 of 5')
  await expect.poll(() => highlighted(page)).toBe(5)
  await page.keyboard.press('Home')
  await page.keyboard.type('Cat: ')
  await expect(status).toHaveText('1 of 6')

  // Undo brings back earlier text under the same node keys: it is all searched again.
  await page.keyboard.press('ControlOrMeta+Z')
  await expect(editorText(page)).not.toContainText('Cat: A second')
  const left = ((await editorText(page).innerText()).match(/cat/gi) ?? []).length
  expect(left).toBeLessThan(6)
  await expect(status).toHaveText(`1 of ${left}`)
  await expect.poll(() => highlighted(page)).toBe(left)
  await expect(bar).toBeVisible()
})

test('in a long review the matches near the viewport are highlighted, and those scrolled to', async ({ blankPage: page, host, libraryDir }) => {
  // Written before the start: typed in, its 150 paragraphs cost 300 key presses and as many saves.
  await seedReview(libraryDir, 'long', 'Long', Array.from({ length: 150 }, (_, i) => `The cat of line ${i + 1}.\n`).join('\n'))
  await page.goto(host.url)
  await openReview(page, 'Long')
  await editorText(page).click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.press('ControlOrMeta+F')
  const bar = findBar(page)
  await page.keyboard.type('cat')
  await expect(bar.getByRole('status')).toHaveText('1 of 150')
  const highlightedLines = () =>
    page.evaluate(() => [...(CSS.highlights.get('verdict-find') ?? [])].map((range) => /line (\d+)/.exec(range.startContainer.textContent ?? '')?.[1]))
  await expect.poll(async () => (await highlightedLines()).includes('1')).toBe(true)
  expect((await highlightedLines()).length).toBeLessThan(150)
  expect(await highlightedLines()).not.toContain('150')

  // The last match, brought into view, is highlighted there.
  await bar.getByRole('button', { name: 'Previous match' }).click()
  await expect(bar.getByRole('status')).toHaveText('150 of 150')
  await expect.poll(async () => (await highlightedLines()).includes('150')).toBe(true)
  expect(await highlightedLines()).not.toContain('1')
})
