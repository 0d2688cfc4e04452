import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { Host } from './host'
import { strFromU8, unzipSync } from 'fflate'
import { pdfText } from '../support/pdf'
import { browseTo, expect, test } from './fixtures'
import { slow } from '../support/slow'
import { FIXTURE_IMAGE as IMAGE, openReview, seedReview } from './review'


const BODY = `Ballerina is **stylish** and *bruising*, a revenge story told through movement.

![Eve on a frozen lake at dusk](assets/${IMAGE} "The winter village")

## The verdict

The ending stumbles, but the film has earned a great deal of goodwill.
`

const reviewList = (page: Page) => page.getByRole('list', { name: 'Reviews' })
const card = (page: Page, title: string) => reviewList(page).getByRole('listitem', { name: title, exact: true })
const exportDialog = (page: Page) => page.getByRole('dialog', { name: /^Export / })

/** Fills the export dialog for one format and runs it; returns the exported files listed in the summary. */
async function runExport(host: Host, dialog: Locator, format: RegExp, destDir: string): Promise<string[]> {
  await dialog.getByRole('radio', { name: format }).check()
  await browseTo(host, dialog, 'Destination folder', 'folder', destDir)
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByRole('region', { name: 'Export summary' })).toBeVisible({ timeout: slow(60_000) })
  return dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem').allTextContents()
}

test('exports the open review in each format, with its unsaved edits; the files hold the review and the bundle imports back', async ({ blankPage: page, libraryDir, tempDir, host }) => {
  await seedReview(libraryDir, 'ballerina', 'Ballerina', BODY, { status: 'ready', image: true })
  await page.goto(host.url)
  await openReview(page, 'Ballerina')
  // An edit not yet autosaved: export saves it first.
  await page.getByRole('textbox', { name: 'Review text' }).getByText('The ending stumbles').click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(' Written just before exporting.')

  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = exportDialog(page)
  await expect(dialog).toHaveAccessibleName('Export “Ballerina”')
  // With no folder in the settings, exports default to “Verdict Exports” beside the library.
  await expect(dialog.getByLabel('Destination folder')).toHaveValue(join(tempDir, 'Verdict Exports'))
  await expect(dialog.getByRole('radio', { name: /^HTML page/ })).toBeChecked()
  await expect(dialog.getByLabel('Theme')).toHaveValue('classic')
  // Page size and margins only matter for PDF; theme and colours not for the Markdown bundle.
  await expect(dialog.getByLabel('Margins (mm)')).toHaveCount(0)
  await dialog.getByRole('radio', { name: /^PDF/ }).check()
  await expect(dialog.getByRole('radiogroup', { name: 'Page size' }).getByRole('radio', { name: 'A4' })).toBeChecked()
  await expect(dialog.getByLabel('Margins (mm)')).toHaveValue('18')
  await dialog.getByRole('radio', { name: /^Markdown bundle/ }).check()
  await expect(dialog.getByLabel('Theme')).toHaveCount(0)

  const dest = join(tempDir, 'exports')
  // HTML, one file: the themed page with the image inlined, and no script but the JSON-LD data.
  await dialog.getByRole('radio', { name: /^HTML page/ }).check()
  await dialog.getByLabel('Theme').selectOption({ label: 'Magazine' })
  await dialog.getByRole('radiogroup', { name: 'Colours' }).getByRole('radio', { name: 'Dark' }).check()
  expect(await runExport(host, dialog, /^HTML page/, dest)).toEqual([join(dest, 'ballerina.html')])
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('aria-valuenow', '1')
  await expect(dialog.getByRole('status')).toHaveText(`Exported the review to ${dest}.`)
  const html = await readFile(join(dest, 'ballerina.html'), 'utf8')
  expect(html).toContain('<title>Ballerina</title>')
  expect(html).toContain('data-theme="magazine"')
  expect(html).toContain('data-color-scheme="dark"')
  expect(html).toContain('Written just before exporting.')
  expect(html).toMatch(/<img[^>]+src="data:image\/png;base64,/)
  const scripts = html.match(/<script[^>]*>/gi) ?? []
  expect(scripts.every((tag) => /type="application\/ld\+json"/.test(tag))).toBe(true)
  // The folder and theme are remembered for the next export.
  expect(host.services.settings.get()).toMatchObject({ exportDir: dest, theme: 'magazine' })
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()

  // HTML folder: index.html beside its images.
  await page.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog.getByLabel('Destination folder')).toHaveValue(dest)
  await expect(dialog.getByLabel('Theme')).toHaveValue('magazine')
  expect(await runExport(host, dialog, /^HTML folder/, dest)).toEqual([join(dest, 'ballerina')])
  const folderPage = await readFile(join(dest, 'ballerina', 'index.html'), 'utf8')
  expect(folderPage).toContain('Written just before exporting.')
  expect(await readdir(join(dest, 'ballerina', 'images'))).toHaveLength(1)
  await dialog.getByRole('button', { name: 'Done' }).click()

  // Markdown bundle: review.md and its image in a zip.
  await page.getByRole('button', { name: 'Export…' }).click()
  expect(await runExport(host, dialog, /^Markdown bundle/, dest)).toEqual([join(dest, 'ballerina.zip')])
  const zip = unzipSync(new Uint8Array(await readFile(join(dest, 'ballerina.zip'))))
  const names = Object.keys(zip)
  const markdownName = names.find((name) => name.endsWith('review.md'))!
  const markdown = strFromU8(zip[markdownName]!)
  expect(markdown).toMatch(/^title: Ballerina$/m)
  expect(markdown).toContain('Ballerina is **stylish** and *bruising*')
  expect(markdown).toContain('Written just before exporting.')
  expect(names.some((name) => name.endsWith(`assets/${IMAGE}`))).toBe(true)
  await dialog.getByRole('button', { name: 'Done' }).click()

  // PDF: the text is in the document.
  await page.getByRole('button', { name: 'Export…' }).click()
  await dialog.getByRole('radio', { name: /^PDF/ }).check()
  await dialog.getByRole('radiogroup', { name: 'Page size' }).getByRole('radio', { name: 'Letter' }).check()
  await dialog.getByLabel('Margins (mm)').fill('12')
  expect(await runExport(host, dialog, /^PDF/, dest)).toEqual([join(dest, 'ballerina.pdf')])
  const printed = await pdfText(join(dest, 'ballerina.pdf'))
  expect(printed).toContain('Ballerina')
  expect(printed).toContain('Written just before exporting.')
  await dialog.getByRole('button', { name: 'Done' }).click()

  // The bundle comes back through Import… as a new review with the same text.
  await page.getByRole('button', { name: 'Library' }).click()
  await page.getByRole('button', { name: 'Import & export' }).click()
  await page.getByRole('menuitem', { name: 'Import…' }).click()
  const importDialog = page.getByRole('dialog', { name: 'Import a review' })
  await browseTo(host, importDialog, 'File', 'file', join(dest, 'ballerina.zip'))
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(importDialog).toBeHidden()
  await expect(page.getByRole('status')).toContainText('Imported “Ballerina”')
  await expect(card(page, 'Ballerina')).toHaveCount(2)
  const imported = (await readdir(libraryDir)).filter((folder) => folder.startsWith('ballerina-'))
  expect(imported).toHaveLength(1)
  const importedText = await readFile(join(libraryDir, imported[0]!, 'review.md'), 'utf8')
  expect(importedText).toContain('Written just before exporting.')
  await page.getByRole('status').getByRole('button', { name: 'Open' }).click()
  await expect(page.getByRole('textbox', { name: 'Review text' })).toContainText('Ballerina is stylish and bruising')
  await expect(page.getByRole('textbox', { name: 'Review text' })).toContainText('Written just before exporting.')
})

test('import explains a file it cannot use, and takes a Markdown file from another tool', async ({ page, tempDir, host }) => {
  await page.getByRole('button', { name: 'Import & export' }).click()
  await page.getByRole('menuitem', { name: 'Import…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import a review' })
  // Browse… shows the browser mode's own picker; cancelling it leaves the field as it was.
  await dialog.getByRole('button', { name: 'Browse…' }).click()
  const picker = page.getByRole('dialog', { name: /^Choose a file/ })
  await picker.getByRole('button', { name: 'Cancel' }).click()
  await expect(picker).toBeHidden()
  await expect(dialog.getByLabel('File')).toHaveValue('')
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Choose the file to import with “Browse…”.')

  await browseTo(host, dialog, 'File', 'file', join(tempDir, 'missing.zip'))
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('alert')).toContainText('This file could not be imported.')
  await expect(dialog.getByLabel('File')).toHaveAttribute('aria-invalid', 'true')

  const notes = join(tempDir, 'notes.md')
  await writeFile(notes, '# Severance, season 2\n\nLumon’s corridors get longer and stranger.\n')
  await browseTo(host, dialog, 'File', 'file', notes)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(card(page, 'Severance, season 2')).toBeVisible()
  await expect(page.getByRole('status')).toContainText('Imported “Severance, season 2”')
  await page.getByRole('status').getByRole('button', { name: 'Open' }).click()
  // The heading became the title; the rest is the text.
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Severance, season 2')
  await expect(page.getByRole('textbox', { name: 'Review text' })).toHaveText('Lumon’s corridors get longer and stranger.')
})

test('batch export of selected reviews shows progress and a summary; a review that cannot be read is listed with the reason', async ({ blankPage: page, libraryDir, tempDir, host }) => {
  await seedReview(libraryDir, 'aardvark', 'Aardvark', 'The first of two reviews exported together.\n', { status: 'ready' })
  await seedReview(libraryDir, 'zebra', 'Zebra', 'The second of two reviews exported together.\n', { status: 'ready' })
  await seedReview(libraryDir, 'mongoose', 'Mongoose', 'This one breaks before the export.\n', { status: 'ready' })
  await page.goto(host.url)

  await card(page, 'Aardvark').getByRole('checkbox', { name: 'Select “Aardvark”' }).check()
  // Ticking a review selects it without opening it.
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveCount(0)
  await card(page, 'Zebra').getByRole('checkbox', { name: 'Select “Zebra”' }).check()
  const selection = page.getByRole('region', { name: 'Selection' })
  await expect(selection).toContainText('2 reviews selected')

  // Record every value the progress bar shows: events from main move it, not just the final answer.
  await page.evaluate(`
    window.progressSeen = []
    new MutationObserver(() => {
      const value = document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')
      if (value != null && window.progressSeen.at(-1) !== value) window.progressSeen.push(value)
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] })
  `)
  await selection.getByRole('button', { name: 'Export selected…' }).click()
  const dialog = exportDialog(page)
  await expect(dialog).toHaveAccessibleName('Export 2 reviews')
  const dest = join(tempDir, 'batch')
  const files = await runExport(host, dialog, /^PDF/, dest)
  expect(files.sort()).toEqual([join(dest, 'aardvark.pdf'), join(dest, 'zebra.pdf')])
  await expect(dialog.getByRole('status')).toHaveText(`Exported all 2 reviews to ${dest}.`)
  const progressBar = dialog.getByRole('progressbar', { name: 'Export progress' })
  await expect(progressBar).toHaveAttribute('aria-valuemax', '2')
  await expect(progressBar).toHaveAttribute('aria-valuenow', '2')
  const seen = await page.evaluate<string[]>('window.progressSeen')
  expect(seen).toEqual(['0', '1', '2'])
  expect((await readdir(dest)).sort()).toEqual(['aardvark.pdf', 'zebra.pdf'])
  await dialog.getByRole('button', { name: 'Done' }).click()

  // Another selection; one of its reviews is broken on disk after it was ticked.
  await selection.getByRole('button', { name: 'Clear selection' }).click()
  await expect(selection).toBeHidden()
  await card(page, 'Mongoose').getByRole('checkbox', { name: 'Select “Mongoose”' }).check()
  await card(page, 'Zebra').getByRole('checkbox', { name: 'Select “Zebra”' }).check()
  await writeFile(join(libraryDir, 'mongoose', 'review.md'), '---\ntitle: [never closed\nstatus: draft\n---\n\nBroken words.\n')
  await selection.getByRole('button', { name: 'Export selected…' }).click()
  const second = join(tempDir, 'second')
  expect(await runExport(host, dialog, /^HTML page/, second)).toEqual([join(second, 'zebra.html')])
  await expect(dialog.getByRole('status')).toHaveText('Exported 1 of 2; 1 could not be exported.')
  const failed = dialog.getByRole('list', { name: 'Not exported' }).getByRole('listitem')
  await expect(failed).toHaveCount(1)
  await expect(failed).toContainText('mongoose')
  await expect(failed).toContainText(/front matter|YAML/i)
  expect(await readdir(second)).toEqual(['zebra.html'])
})

test('Export all… exports every review of the library', async ({ blankPage: page, libraryDir, tempDir, host }) => {
  await seedReview(libraryDir, 'aardvark', 'Aardvark', 'A short review.\n', { status: 'ready' })
  await page.goto(host.url)
  await expect(card(page, 'Aardvark')).toBeVisible()
  await page.getByRole('button', { name: 'Import & export' }).click()
  await page.getByRole('menuitem', { name: 'Export all…' }).click()
  const dialog = exportDialog(page)
  await expect(dialog).toHaveAccessibleName('Export 2 reviews')
  const dest = join(tempDir, 'all')
  const files = await runExport(host, dialog, /^Markdown bundle/, dest)
  expect(files).toHaveLength(2)
  expect((await readdir(dest)).sort()).toEqual(['aardvark.zip', 'welcome-to-verdict.zip'])
})
