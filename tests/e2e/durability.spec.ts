import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const FRONT = (title: string) =>
  `---\ntitle: ${title}\nauthor: Ana Critic\ndate: 2026-11-20\nstatus: draft\ntags: [film]\nexcerpt: ''\ncreated: 2026-11-20T09:00:00.000Z\nupdated: 2026-11-20T09:00:00.000Z\n---\n\n`

/** Writes `<library>/<folder>/review.md` as another program would. */
async function seed(libraryDir: string, folder: string, title: string, body: string): Promise<void> {
  await mkdir(join(libraryDir, folder), { recursive: true })
  await writeFile(join(libraryDir, folder, 'review.md'), FRONT(title) + body)
}

async function open(page: Page, title: string): Promise<void> {
  await page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: title, exact: true }).getByRole('button', { name: 'Open' }).click()
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(title)
}

const editorText = (page: Page) => page.getByRole('textbox', { name: 'Review text' })

/** Types at the end of the review's text. */
async function typeAtEnd(page: Page, text: string): Promise<void> {
  await editorText(page).click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(text)
}

test('unsaved writing survives a crash: the journal offers it at start and Restore puts it back', async ({ page, host, libraryDir }) => {
  await seed(libraryDir, 'nosferatu', 'Nosferatu', 'Original text.\n')
  await page.reload()
  await open(page, 'Nosferatu')

  // Saves fail (as if the disk were gone): only the journal holds the edits.
  await page.route('**/__ipc/saveReview', (route) => route.abort())
  await typeAtEnd(page, ' Unsaved words survive.')
  await expect.poll(async () => (await host.services.journal.list()).map((draft) => draft.id)).toEqual(['nosferatu'])

  // A crash: the page goes away without saving (the save it tries on the way out fails too).
  await page.reload()
  const dialog = page.getByRole('dialog', { name: 'Recovered unsaved writing' })
  await expect(dialog).toBeVisible()
  await page.unroute('**/__ipc/saveReview')
  const draft = dialog.getByRole('listitem', { name: 'Nosferatu' })
  await expect(draft).toContainText('words')
  await draft.getByRole('button', { name: 'Restore' }).click()

  await expect(page.getByRole('region', { name: 'Recovered' })).toBeVisible()
  await expect(editorText(page)).toContainText('Original text. Unsaved words survive.')
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await expect.poll(() => readFile(join(libraryDir, 'nosferatu', 'review.md'), 'utf8')).toContain('Unsaved words survive.')
  await expect.poll(() => host.services.journal.list()).toEqual([])
})

test('a discarded draft is not offered again', async ({ page, host, libraryDir }) => {
  await seed(libraryDir, 'vampyr', 'Vampyr', 'Kept text.\n')
  await page.reload()
  await open(page, 'Vampyr')
  await page.route('**/__ipc/saveReview', (route) => route.abort())
  await typeAtEnd(page, ' Thrown away.')
  await expect.poll(async () => (await host.services.journal.list()).length).toBe(1)
  await page.reload()
  const dialog = page.getByRole('dialog', { name: 'Recovered unsaved writing' })
  await expect(dialog).toBeVisible()
  await page.unroute('**/__ipc/saveReview')
  await dialog.getByRole('listitem', { name: 'Vampyr' }).getByRole('button', { name: 'Discard' }).click()
  await expect(dialog).toBeHidden()
  await page.reload()
  await expect(page.getByRole('list', { name: 'Reviews' })).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Recovered unsaved writing' })).toBeHidden()
  expect(await readdir(libraryDir)).toContain('vampyr')
})
