import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { exportHtmlPage, expect, test } from './fixtures'
import { slow } from '../support/slow'

const TITLE = 'Сталкер (1979): a slow walk through the zone, where a room grants wishes to whoever reaches it alive'
// Transliterated, and cut where a word ends within 80 characters.
const FOLDER = 'stalker-1979-a-slow-walk-through-the-zone-where-a-room-grants-wishes-to-whoever'

const reviewFolders = async (libraryDir: string) => (await readdir(libraryDir)).filter((name) => !name.startsWith('.')).sort()

test('a new review’s folder and its export follow the title typed into it; the editor carries on', async ({ page, host, libraryDir, tempDir }) => {
  await page.getByRole('button', { name: 'New review' }).click()
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await expect.poll(() => reviewFolders(libraryDir)).toContain('untitled-review')
  await page.keyboard.type(TITLE)
  await page.keyboard.press('Enter')
  await page.keyboard.type('The zone lets few through.')

  await expect.poll(() => reviewFolders(libraryDir), { timeout: slow(15_000) }).toEqual([FOLDER, 'welcome-to-verdict'])
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await expect.poll(() => readFile(join(libraryDir, FOLDER, 'review.md'), 'utf8')).toContain('The zone lets few through.')

  // Typing after the move is saved in the new folder.
  await page.keyboard.type(' Those who do come back changed.')
  await expect.poll(() => readFile(join(libraryDir, FOLDER, 'review.md'), 'utf8'), { timeout: slow(15_000) }).toContain('Those who do come back changed.')
  expect(await reviewFolders(libraryDir)).toEqual([FOLDER, 'welcome-to-verdict'])

  const dest = join(tempDir, 'exports')
  const dialog = await exportHtmlPage(page, host, dest)
  await expect(dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem')).toContainText(join(dest, `${FOLDER}.html`))
  expect(await readdir(dest)).toEqual([`${FOLDER}.html`])
  expect(await readFile(join(dest, `${FOLDER}.html`), 'utf8')).toContain('Those who do come back changed.')
  await dialog.getByRole('button', { name: 'Done' }).click()

  // The review on screen is kept for the next start under its folder's new name: a reload shows it again.
  await expect.poll(() => host.services.settings.get().lastReview?.id).toBe(FOLDER)
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(TITLE)
  await expect(page.getByRole('textbox', { name: 'Review text' })).toContainText('Those who do come back changed.')
})

test('the preview open while the title is typed follows the review to its new folder', async ({ page, libraryDir }) => {
  await page.getByRole('button', { name: 'New review' }).click()
  const title = page.getByRole('textbox', { name: 'Title' })
  await expect(title).toBeFocused()
  await page.getByRole('button', { name: 'Preview', exact: true }).click()
  const post = page.getByTitle('Preview', { exact: true }).contentFrame()
  await expect(post.getByRole('heading', { level: 1 })).toHaveText('Untitled review')
  // Typed in pieces, each saved (and the folder moved) while the preview renders the page.
  await title.selectText()
  for (const words of ['Heat', ' and', ' the diner scene']) {
    await page.keyboard.type(words)
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  }
  await expect.poll(() => reviewFolders(libraryDir)).toEqual(['heat-and-the-diner-scene', 'welcome-to-verdict'])
  await expect(post.getByRole('heading', { level: 1 })).toHaveText('Heat and the diner scene')
  await expect(page.getByRole('region', { name: 'Layout preview' }).getByRole('alert')).toHaveCount(0)
})
