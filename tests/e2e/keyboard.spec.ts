/**
 * A critic's whole first review by keyboard alone: create, write, insert a score, publish to a
 * folder blog, back to the library, delete and undo. After every step the focus is somewhere named,
 * never on <body>.
 */
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { slow } from '../support/slow'

/** What has the focus: its role-ish tag and accessible name, or "body". */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement
    if (!active || active === document.body) return 'body'
    const name = active.getAttribute('aria-label') ?? (active instanceof HTMLInputElement ? active.value : active.textContent?.trim() ?? '')
    return `${active.tagName.toLowerCase()} ${name}`
  })
}

async function expectFocusNotOnBody(page: Page): Promise<void> {
  expect(await focused(page)).not.toBe('body')
}

/** Presses Tab (or Shift+Tab) until the focused control's name matches; the focus never drops on the way. */
async function tabTo(page: Page, name: RegExp, backwards = false): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    if (name.test(await focused(page))) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
    await expectFocusNotOnBody(page)
  }
  throw new Error(`${name} was not reached by ${backwards ? 'Shift+Tab' : 'Tab'}; the focus is on ${await focused(page)}`)
}

test('create, write, score, publish, back, delete and undo by keyboard; the focus never drops to the page', async ({ blankPage: page, host, tempDir }) => {
  test.setTimeout(slow(180_000))
  await host.services.blogs.save({ name: 'My site', kind: 'folder', url: join(tempDir, 'site') })
  await page.goto(host.url)
  const reviews = page.getByRole('list', { name: 'Reviews' })
  await expect(reviews.getByRole('listitem').first()).toBeVisible()

  // The skip link is the first stop.
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('a Skip to the reviews')
  // The rows are one Tab stop: from the search field, New review is reached, then the list, then out of it.
  await tabTo(page, /^button\s*New review$/)
  await page.keyboard.press('Enter')

  // A new review: its title is focused and selected, ready to be typed over.
  const title = page.getByRole('textbox', { name: 'Title', exact: true })
  await expect(title).toBeFocused()
  await page.keyboard.type('Keyboard only')
  await page.keyboard.press('Enter')
  const text = page.getByRole('textbox', { name: 'Review text' })
  await expect(text).toBeFocused()
  await page.keyboard.type('Written without a mouse.')
  await page.keyboard.press('Enter')
  await expectFocusNotOnBody(page)

  // The score: inserted from the keyboard; Tab goes from the text into its fields.
  await page.keyboard.press('ControlOrMeta+Shift+S')
  const score = text.getByRole('group', { name: 'Overall Score', exact: true })
  await expect(score).toBeVisible()
  await expectFocusNotOnBody(page)
  await tabTo(page, /^input Score out of 10$/)
  await page.keyboard.type('9.5')
  await expect(score.getByRole('spinbutton', { name: 'Score out of 10' }).or(score.getByRole('textbox', { name: 'Score out of 10' }))).toHaveValue('9.5')
  await expectFocusNotOnBody(page)

  // The toolbar is one stop: back from the title, Shift+Tab reaches it, then the top bar's Publish.
  await tabTo(page, /^textarea Title$/, true)
  await page.keyboard.press('Shift+Tab')
  expect(await page.evaluate(() => document.activeElement?.closest('[role="toolbar"]')?.getAttribute('aria-label'))).toBe('Formatting')
  await page.keyboard.press('Shift+Tab')
  expect(await page.evaluate(() => document.activeElement?.closest('[role="toolbar"]'))).toBeNull()
  await tabTo(page, /^button\s*Publish$/, true)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Publish “Keyboard only”' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('region', { name: 'Checks' })).toContainText('Ready: nothing to fix.')
  await expectFocusNotOnBody(page)
  await tabTo(page, /^button\s*Publish$/)
  await page.keyboard.press('Enter')
  // While it publishes, the progress and then the outcome hold the focus (the button is disabled).
  await expect(dialog.getByRole('status')).toContainText('Published on My site.')
  await expect(dialog.getByRole('region', { name: 'Publishing' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  // Back on the button that opened it.
  await expect(page.getByRole('banner').getByRole('button', { name: 'Publish' })).toBeFocused()

  // Back to the library: the review's row takes the focus.
  await tabTo(page, /^button\s*Library$/, true)
  await page.keyboard.press('Enter')
  const row = reviews.getByRole('listitem', { name: 'Keyboard only', exact: true })
  await expect(row.getByRole('button', { name: 'Open' })).toBeFocused()

  // Delete it: the next row takes the focus.
  const order = await reviews.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')))
  const next = order[order.indexOf('Keyboard only') + 1] ?? order[order.indexOf('Keyboard only') - 1]!
  for (let presses = 0; presses < 5 && !/Delete/.test(await focused(page)); presses += 1) await page.keyboard.press('ArrowRight')
  await expect(row.getByRole('button', { name: 'Delete' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(row).toBeHidden()
  await expect(reviews.getByRole('listitem', { name: next, exact: true }).getByRole('button', { name: 'Open' })).toBeFocused()

  // Undo: one Tab leaves the list for the toast, which stays while it has the focus.
  await tabTo(page, /^button\s*Undo$/)
  await page.keyboard.press('Enter')
  await expect(row).toBeVisible()
  await expect(row.getByRole('button', { name: 'Open' })).toBeFocused()
})
