/**
 * Paths handed over by the system (a file opened with Verdict, its command line), as main routes
 * them (the host hands them to the same queue Electron's open-file and second-instance do), and
 * files dropped on the window (the text included, but for images): what the renderer does with each, in Chromium.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { zipSync } from 'fflate'
import { expect, test } from './fixtures'

const editorText = (page: Page) => page.getByRole('textbox', { name: 'Review text' })
const titleField = (page: Page) => page.getByRole('textbox', { name: 'Title' })

test('a loose Markdown file asks: import a copy, or open it where it is', async ({ page, host, tempDir }) => {
  await expect(page.getByRole('button', { name: 'New review' })).toBeVisible()
  const notes = join(tempDir, 'notes.md')
  await writeFile(notes, '# Autumn Sonata\n\nTwo pianos, one evening.\n')
  host.services.openRequests.open(notes)
  const choice = page.getByRole('dialog', { name: 'Open “notes.md”' })
  await expect(choice.getByText(notes)).toBeVisible()
  // Only a review.md in a folder of its own could be opened where it is.
  await expect(choice.getByRole('button', { name: 'Open where it is' })).toHaveCount(0)
  await expect(choice.getByText(/Only a review\.md in a folder of its own/)).toBeVisible()
  await choice.getByRole('button', { name: 'Import a copy' }).click()
  await expect(choice).toBeHidden()
  await expect(titleField(page)).toHaveValue('Autumn Sonata')
  await expect(editorText(page)).toContainText('Two pianos, one evening.')
  expect(await readFile(notes, 'utf8')).toBe('# Autumn Sonata\n\nTwo pianos, one evening.\n')

  // A review.md in a folder of its own, outside any library: opened where it is, its folder's parent the library.
  const shared = join(tempDir, 'shared')
  const review = join(shared, 'hour-of-the-wolf', 'review.md')
  await mkdir(join(shared, 'hour-of-the-wolf'), { recursive: true })
  await writeFile(review, '---\ntitle: Hour of the Wolf\n---\n\nSleepless on an island.\n')
  host.services.openRequests.open(review)
  const inPlace = page.getByRole('dialog', { name: 'Open “review.md”' })
  await expect(inPlace.getByText(`makes its folder’s parent, ${shared}, your library`)).toBeVisible()
  await inPlace.getByRole('button', { name: 'Open where it is' }).click()
  await expect(titleField(page)).toHaveValue('Hour of the Wolf')
  await expect(editorText(page)).toContainText('Sleepless on an island.')
  expect(host.services.libraries.current().root).toBe(shared)

  // Cancel leaves everything as it was.
  host.services.openRequests.open(notes)
  await page.getByRole('dialog', { name: 'Open “notes.md”' }).getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(titleField(page)).toHaveValue('Hour of the Wolf')
})

test('a review of another library opens there, the open review saved first; a bundle imports; a missing file says so', async ({ page, host, tempDir, libraryDir }) => {
  // Another library, used before (Verdict's own folder is in it).
  const other = join(tempDir, 'old library')
  await mkdir(join(other, 'persona'), { recursive: true })
  await mkdir(join(other, '.verdict'))
  await writeFile(join(other, 'persona', 'review.md'), '---\ntitle: Persona\n---\n\nTwo faces.\n')

  await page.getByRole('button', { name: 'New review' }).click()
  await editorText(page).click()
  await page.keyboard.type('Not saved yet when the file arrives.')
  host.services.openRequests.open(join(other, 'persona', 'review.md'))
  await expect(titleField(page)).toHaveValue('Persona')
  await expect(editorText(page)).toContainText('Two faces.')
  expect(host.services.libraries.current().root).toBe(other)
  // What was typed reached its file in the first library before the switch.
  expect(await readFile(join(libraryDir, 'untitled-review', 'review.md'), 'utf8')).toContain('Not saved yet when the file arrives.')

  const bundle = join(tempDir, 'cries.zip')
  await writeFile(bundle, zipSync({ 'review.md': new TextEncoder().encode('---\ntitle: Cries and Whispers\n---\n\nRed rooms.\n') }))
  host.services.openRequests.open(bundle)
  await expect(titleField(page)).toHaveValue('Cries and Whispers')
  await expect(editorText(page)).toContainText('Red rooms.')

  host.services.openRequests.open(join(tempDir, 'gone.md'))
  const refused = page.getByRole('dialog', { name: 'Could not open “gone.md”' })
  await expect(refused.getByText('Verdict cannot open “gone.md”: it does not exist (moved or deleted?).')).toBeVisible()
  await refused.getByRole('button', { name: 'Close' }).click()
  await expect(refused).toBeHidden()
  await expect(titleField(page)).toHaveValue('Cries and Whispers')
})

test('a file dropped on the window or the text in the browser: it says the browser cannot tell where the file is; an image on the text goes in', async ({ page, host }) => {
  const list = page.getByRole('list', { name: 'Reviews' })
  await expect(list.getByRole('listitem', { name: 'Welcome to Verdict' })).toBeVisible()
  const reviews = await list.getByRole('listitem').count()
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer()
    transfer.items.add(new File(['# Dropped\n'], 'dropped.md', { type: 'text/markdown' }))
    return transfer
  })
  await list.dispatchEvent('dragover', { dataTransfer })
  await list.dispatchEvent('drop', { dataTransfer })
  const refused = page.getByRole('dialog', { name: 'Could not open “dropped.md”' })
  await expect(refused.getByText(/A browser does not tell Verdict where a dropped file is\. Use “Import…” in the library/)).toBeVisible()
  await refused.getByRole('button', { name: 'Close' }).click()
  await expect(refused).toBeHidden()
  // Nothing was imported.
  await expect(list.getByRole('listitem')).toHaveCount(reviews)
  expect(host.errors).toEqual([])

  // Dropped on the review's text, it is opened just the same: only images are the text's.
  await list.getByRole('listitem', { name: 'Welcome to Verdict' }).getByRole('button', { name: 'Open' }).click()
  const paragraph = editorText(page).getByRole('paragraph').first()
  const before = await paragraph.textContent()
  await paragraph.dispatchEvent('dragover', { dataTransfer })
  await paragraph.dispatchEvent('drop', { dataTransfer })
  await expect(refused.getByText(/A browser does not tell Verdict where a dropped file is/)).toBeVisible()
  await refused.getByRole('button', { name: 'Close' }).click()
  await expect(refused).toBeHidden()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(paragraph).toHaveText(before ?? '')

  // An image dropped on the text is still inserted there, and nothing is opened.
  const image = await page.evaluateHandle(async () => {
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = 16
    canvas.getContext('2d')!.fillRect(0, 0, 16, 16)
    const png = await new Promise<Blob>((done) => canvas.toBlob((blob) => done(blob!), 'image/png'))
    const transfer = new DataTransfer()
    transfer.items.add(new File([png], 'square.png', { type: 'image/png' }))
    return transfer
  })
  await paragraph.dispatchEvent('dragover', { dataTransfer: image })
  await paragraph.dispatchEvent('drop', { dataTransfer: image })
  await expect(editorText(page).getByRole('group', { name: /^Image/ })).toHaveCount(1)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(host.errors).toEqual([])
})
