import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

// A library read, a dialog and a write of several files per test: more time on a busy machine.
test.slow()

/** Three reviews tagged “horror” in the three shapes files have, and one that is not. */
const FILES: Record<string, string> = {
  saw: '---\ntitle: Saw X\ntags: [horror, sequel]   # flow\nstatus: published\n---\n\nJigsaw returns.\n',
  hereditary: '---\ntitle: Hereditary\ntags:\n  - family\n  - horror\nupdated: 2025-01-01T00:00:00.000Z\n---\n\nA family comes apart.\n',
  scream: '---\ntitle: Scream\ntags: horror, slasher\n---\n\nMeta-horror.\n',
  paddington: '---\ntitle: Paddington 2\ntags: [family]\n---\n\nMarmalade.\n',
}

async function seed(libraryDir: string): Promise<void> {
  for (const [id, text] of Object.entries(FILES)) {
    await mkdir(join(libraryDir, id), { recursive: true })
    await writeFile(join(libraryDir, id, 'review.md'), text)
  }
}

const fileOf = (libraryDir: string, id: string) => readFile(join(libraryDir, id, 'review.md'), 'utf8')

async function openTags(page: Page) {
  await page.getByRole('button', { name: 'Tags…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Tags' })
  await expect(dialog.getByRole('list', { name: 'Tags' })).toBeVisible()
  return dialog
}

test('renaming a tag changes only the tags lines of its three reviews, and Undo puts every byte back', async ({ blankPage: page, host, libraryDir }) => {
  await seed(libraryDir)
  await page.goto(host.url)
  const dialog = await openTags(page)
  const horror = dialog.getByRole('listitem').filter({ hasText: 'horror' })
  await expect(horror).toContainText('3 reviews')
  await expect(dialog.getByRole('listitem').filter({ hasText: 'family' })).toContainText('2 reviews')

  await horror.getByRole('button', { name: 'Rename “horror”' }).click()
  await dialog.getByRole('textbox', { name: 'New name for “horror”' }).fill('scary')
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click()

  await expect(dialog).toBeHidden()
  const toast = page.getByRole('status').filter({ hasText: 'Renamed “horror” to “scary” in 3 reviews' })
  await expect(toast).toBeVisible()
  expect(await fileOf(libraryDir, 'saw')).toBe(FILES['saw']!.replace('tags: [horror, sequel]', 'tags: [scary, sequel]'))
  expect(await fileOf(libraryDir, 'hereditary')).toBe(FILES['hereditary']!.replace('  - horror\n', '  - scary\n'))
  expect(await fileOf(libraryDir, 'scream')).toBe(FILES['scream']!.replace('tags: horror, slasher', 'tags: scary, slasher'))
  expect(await fileOf(libraryDir, 'paddington')).toBe(FILES['paddington'])

  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Put back the tags of 3 reviews' })).toBeVisible()
  for (const [id, text] of Object.entries(FILES)) expect(await fileOf(libraryDir, id)).toBe(text)
  await expect((await openTags(page)).getByRole('listitem').filter({ hasText: 'horror' })).toContainText('3 reviews')
})

test('renaming a tag to one in use merges them, once per review', async ({ blankPage: page, host, libraryDir }) => {
  await seed(libraryDir)
  await page.goto(host.url)
  const dialog = await openTags(page)
  await dialog.getByRole('button', { name: 'Rename “family”' }).click()
  await dialog.getByRole('textbox', { name: 'New name for “family”' }).fill('horror')
  await dialog.getByRole('button', { name: 'Merge into “horror”' }).click()

  await expect(page.getByRole('status').filter({ hasText: 'Renamed “family” to “horror” in 2 reviews' })).toBeVisible()
  expect(await fileOf(libraryDir, 'hereditary')).toBe(FILES['hereditary']!.replace('  - family\n  - horror\n', '  - horror\n'))
  expect(await fileOf(libraryDir, 'paddington')).toBe(FILES['paddington']!.replace('[family]', '[horror]'))
  const merged = (await openTags(page)).getByRole('listitem')
  await expect(merged.filter({ hasText: 'horror' })).toContainText('4 reviews')
  await expect(merged.filter({ hasText: 'family' })).toHaveCount(0)
})
