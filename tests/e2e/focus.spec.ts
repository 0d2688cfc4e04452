/**
 * Focus mode in the real renderer: the chrome goes, the block being written stays at full strength
 * while the others dim, typewriter scrolling keeps the caret's line mid-height, and leaving it
 * brings everything back as it was.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { Host } from './host'

// Each one line long, so ArrowDown moves a paragraph at a time.
const PARAGRAPHS = Array.from({ length: 40 }, (_, n) => `Paragraph ${n + 1} of the review.`)

async function openLongReview(page: Page, host: Host, libraryDir: string): Promise<void> {
  await mkdir(join(libraryDir, 'long'), { recursive: true })
  const front = `---\ntitle: Long\nauthor: Ana Critic\ndate: 2026-11-20\nstatus: draft\ntags: []\nexcerpt: ''\ncreated: 2026-11-20T09:00:00.000Z\nupdated: 2026-11-20T09:00:00.000Z\n---\n\n`
  await writeFile(join(libraryDir, 'long', 'review.md'), front + PARAGRAPHS.join('\n\n') + '\n')
  await page.goto(host.url)
  await page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: 'Long', exact: true }).getByRole('button', { name: 'Open' }).click()
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Long')
}

const paragraphs = (page: Page) => page.getByRole('textbox', { name: 'Review text' }).getByRole('paragraph')
const opacity = (block: Locator) => block.evaluate((element) => Number(getComputedStyle(element).opacity))

/** Where the caret's line is in the area the text scrolls in: 0 at its top, 1 at its bottom. */
function caretHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const range = getSelection()!.getRangeAt(0)
    const caret = range.getClientRects()[0] ?? range.startContainer.parentElement!.getBoundingClientRect()
    let scroller = range.startContainer.parentElement!
    while (scroller.scrollHeight <= scroller.clientHeight || getComputedStyle(scroller).overflowY !== 'auto') scroller = scroller.parentElement!
    const area = scroller.getBoundingClientRect()
    return (caret.top + caret.height / 2 - area.top) / area.height
  })
}

test('focus mode hides the chrome and dims all but the block being written; Escape and its keys leave it', async ({ blankPage: page, host, libraryDir }) => {
  await openLongReview(page, host, libraryDir)
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
  const details = page.getByRole('complementary', { name: 'Review details' })
  await page.getByRole('button', { name: 'Preview', exact: true }).click()
  const preview = page.getByRole('region', { name: 'Layout preview' })
  for (const chrome of [page.getByRole('banner'), toolbar, details, preview]) await expect(chrome).toBeVisible()

  await paragraphs(page).nth(2).click()
  await page.keyboard.press('ControlOrMeta+Shift+F')
  for (const chrome of [page.getByRole('banner'), toolbar, details, preview]) await expect(chrome).toBeHidden()
  await expect(page.getByRole('button', { name: 'Leave focus mode' })).toBeVisible()
  // The caret's paragraph at full strength, the others dimmed (polled: the change fades in).
  await expect.poll(() => opacity(paragraphs(page).nth(2))).toBe(1)
  await expect.poll(() => opacity(paragraphs(page).nth(1))).toBeLessThan(1)
  await expect.poll(() => opacity(paragraphs(page).nth(3))).toBeLessThan(1)
  // The highlight follows the caret.
  await page.keyboard.press('ArrowDown')
  await expect.poll(() => opacity(paragraphs(page).nth(3))).toBe(1)
  await expect.poll(() => opacity(paragraphs(page).nth(2))).toBeLessThan(1)
  // Typing goes on as before.
  await page.keyboard.type(' Still writing.')
  await expect(paragraphs(page).nth(3)).toContainText('Still writing.')

  await page.keyboard.press('Escape')
  for (const chrome of [page.getByRole('banner'), toolbar, details, preview]) await expect(chrome).toBeVisible()
  await expect.poll(() => opacity(paragraphs(page).nth(1))).toBe(1)
  // Writing goes on where it was.
  await expect(page.getByRole('textbox', { name: 'Review text' })).toBeFocused()
  await page.keyboard.type(' And on.')
  await expect(paragraphs(page).nth(3)).toContainText('And on.')

  // The View menu's item enters it, its keys leave it; and the button does too.
  host.services.events.emit({ type: 'command', command: 'focusMode' })
  await expect(toolbar).toBeHidden()
  await page.keyboard.press('ControlOrMeta+Shift+F')
  await expect(toolbar).toBeVisible()
  await page.keyboard.press('ControlOrMeta+Shift+F')
  await expect(toolbar).toBeHidden()
  await page.getByRole('button', { name: 'Leave focus mode' }).click()
  await expect(toolbar).toBeVisible()
  await expect(page.getByRole('button', { name: 'Leave focus mode' })).toBeHidden()
})

test('typewriter scrolling (a setting) keeps the caret’s line in the middle; without it the line runs to the edge', async ({ blankPage: page, host, libraryDir }) => {
  await openLongReview(page, host, libraryDir)
  // Without typewriter scrolling: walking down the text, the caret ends near the bottom edge.
  await paragraphs(page).nth(1).click()
  await page.keyboard.press('ControlOrMeta+Shift+F')
  for (let n = 0; n < 25; n++) await page.keyboard.press('ArrowDown')
  await expect.poll(() => caretHeight(page)).toBeGreaterThan(0.7)
  await page.keyboard.press('Escape')

  // Settings…: typewriter scrolling on.
  await page.keyboard.press('ControlOrMeta+,')
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('checkbox', { name: 'Typewriter scrolling' }).check()
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(settings).toBeHidden()
  expect(host.services.settings.get().typewriterScrolling).toBe(true)

  await paragraphs(page).nth(1).click()
  await page.keyboard.press('ControlOrMeta+Shift+F')
  // Near the top of the text, and far down it, the caret's line sits mid-height.
  await expect.poll(() => caretHeight(page)).toBeCloseTo(0.5, 1)
  for (let n = 0; n < 25; n++) await page.keyboard.press('ArrowDown')
  await expect.poll(() => caretHeight(page)).toBeCloseTo(0.5, 1)
  await page.keyboard.press('Enter')
  await page.keyboard.type('A new line, mid-window.')
  await expect.poll(() => caretHeight(page)).toBeCloseTo(0.5, 1)
})
