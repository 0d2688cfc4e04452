/**
 * The desktop commands in the real renderer: their keys, the application menu's `command` events
 * (sent by the host exactly as main sends them on a menu click), and the dialogs of the Help menu.
 */
import { expect, test } from './fixtures'
import { editorText } from './review'


test('New review and Close review from the menu and their keys; the menu follows the screen', async ({ page, host }) => {
  // The menu knows which screen is shown, to enable its items.
  await expect(page.getByRole('button', { name: 'New review' })).toBeVisible()
  await expect.poll(() => host.services.screen.current()).toBe('library')

  // File → New review, chosen in the menu.
  host.services.events.emit({ type: 'command', command: 'newReview' })
  await expect(editorText(page)).toBeVisible()
  await expect.poll(() => host.services.screen.current()).toBe('review')
  await editorText(page).click()
  await page.keyboard.type('First words.')

  // Ctrl/Cmd+W closes the review (saving it), Ctrl/Cmd+N starts another.
  await page.keyboard.press('ControlOrMeta+W')
  await expect(page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: 'Untitled review' })).toBeVisible()
  await expect.poll(() => host.services.screen.current()).toBe('library')
  await page.keyboard.press('ControlOrMeta+N')
  await expect(editorText(page)).toBeVisible()
})

test('the menu’s Focus mode item follows focus mode in the page, and closing the review leaves it', async ({ page, host }) => {
  await page.getByRole('button', { name: 'New review' }).click()
  await expect(editorText(page)).toBeVisible()
  await expect.poll(() => host.services.screen.current()).toBe('review')
  expect(host.services.screen.focusMode()).toBe(false)
  await editorText(page).click()
  await page.keyboard.press('ControlOrMeta+Shift+F')
  await expect(page.getByRole('button', { name: 'Leave focus mode' })).toBeVisible()
  await expect.poll(() => host.services.screen.focusMode()).toBe(true)
  await page.getByRole('button', { name: 'Leave focus mode' }).click()
  await expect.poll(() => host.services.screen.focusMode()).toBe(false)
  // Closed in focus mode, the review takes focus mode with it.
  host.services.events.emit({ type: 'command', command: 'focusMode' })
  await expect.poll(() => host.services.screen.focusMode()).toBe(true)
  host.services.events.emit({ type: 'command', command: 'closeReview' })
  await expect.poll(() => host.services.screen.current()).toBe('library')
  await expect.poll(() => host.services.screen.focusMode()).toBe(false)
})

test('Publish… from the menu and from its keys', async ({ page, host }) => {
  await page.getByRole('button', { name: 'New review' }).click()
  await expect(editorText(page)).toBeVisible()
  // Publish… from the menu and from its keys.
  host.services.events.emit({ type: 'command', command: 'publish' })
  const publish = page.getByRole('dialog', { name: /Publish/ })
  await expect(publish).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(publish).toBeHidden()
  await editorText(page).click()
  await page.keyboard.press('ControlOrMeta+Shift+P')
  await expect(publish).toBeVisible()
})

test('Help: keyboard shortcuts and about; settings from anywhere', async ({ page, host }) => {
  await expect(page.getByRole('button', { name: 'New review' })).toBeVisible()
  // Help → Keyboard shortcuts (Ctrl/Cmd+/) lists the menu's keys.
  await page.keyboard.press('ControlOrMeta+/')
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(shortcuts.getByRole('row', { name: 'New review Ctrl+N' })).toBeVisible()
  await expect(shortcuts.getByRole('row', { name: 'Publish Ctrl+Shift+P' })).toBeVisible()
  await expect(shortcuts.getByRole('row', { name: 'Find Ctrl+F' })).toBeVisible()
  await shortcuts.getByRole('button', { name: 'Close' }).click()
  await expect(shortcuts).toBeHidden()

  // Help → About names the version and what it runs on.
  host.services.events.emit({ type: 'command', command: 'about' })
  const about = page.getByRole('dialog', { name: 'About Verdict' })
  await expect(about.getByText('Version')).toBeVisible()
  await expect(about.getByText('none (running in a browser)')).toBeVisible()
  await expect(about.getByText(/released under the MIT licence/)).toBeVisible()
  await about.getByRole('button', { name: 'Close' }).click()

  // Settings… (Ctrl/Cmd+,) from anywhere.
  await page.keyboard.press('ControlOrMeta+,')
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
})

test('a clicked notification about a review opens it, from the library or from another review', async ({ blankPage: page, host }) => {
  const library = host.services.libraries.current()
  const sent = await library.create('Nosferatu')
  await library.create('Vampyr')
  await page.goto(host.url)
  // The start has settled on the library (a start opening the last review would come after the click).
  await expect(page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: 'Vampyr' })).toBeVisible()
  // Main sends `open-review` when the critic clicks “Sent to …” (desktop/notifications.ts).
  host.services.events.emit({ type: 'open-review', id: sent.id })
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Nosferatu')
  await page.keyboard.press('ControlOrMeta+W')
  await page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: 'Vampyr' }).getByRole('button', { name: 'Open' }).click()
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Vampyr')
  host.services.events.emit({ type: 'open-review', id: sent.id })
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Nosferatu')
})
