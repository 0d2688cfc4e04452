import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { browseTo, expect, test } from './fixtures'

// A library read, a dialog and several reviews written per test: more time on a busy machine.
test.slow()

// Shaped as Letterboxd documents its export's reviews.csv, with one row it cannot take whole.
const REVIEWS_CSV = [
  'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date',
  '2025-06-05,Ballerina,2025,https://boxd.it/aBc1,4.5,,"Relentless, and ""fun"".","action, john wick",2025-06-04',
  '2021-04-25,Amélie,2001,https://boxd.it/xYz2,,,"Paris in green and gold.",,2021-04-24',
  '2025-12-02,Ballerina,2025,https://boxd.it/aBc3,7,Yes,Less fun the second time.,action,2025-12-01',
].join('\n')

test('importing a Letterboxd reviews.csv makes a review per film and says what it left out', async ({ page, host, tempDir, libraryDir }) => {
  const csv = join(tempDir, 'reviews.csv')
  await writeFile(csv, REVIEWS_CSV)
  await page.getByRole('button', { name: 'Import & export' }).click()
  await page.getByRole('menuitem', { name: 'Import from Letterboxd…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import from Letterboxd' })
  await browseTo(host, dialog, 'Letterboxd file', 'file', csv)
  await dialog.getByRole('button', { name: 'Import' }).click()

  const report = page.getByRole('dialog', { name: 'Imported from Letterboxd' })
  await expect(report).toContainText('Imported 3 films from Letterboxd')
  await expect(report.getByRole('region', { name: 'Left out' }).getByRole('listitem')).toHaveText(['Row 4 (Ballerina): the rating “7” is not 0.5 to 5 stars in halves; imported without a rating.'])
  await report.getByRole('button', { name: 'Close' }).click()

  const reviews = page.getByRole('list', { name: 'Reviews' })
  await expect(reviews.getByRole('listitem', { name: 'Amélie', exact: true })).toBeVisible()
  await expect(reviews.getByRole('listitem', { name: 'Ballerina', exact: true })).toHaveCount(2)
  const first = await readFile(join(libraryDir, 'ballerina', 'review.md'), 'utf8')
  expect(first).toContain('Relentless, and "fun".')
  expect(first).toContain('::score[Overall Score]{value="4.5" scale="5" overall}')
  expect(await readFile(join(libraryDir, 'ballerina-2', 'review.md'), 'utf8')).toContain('relates:\n  - ballerina\n')
  // The file picked is left as it was.
  expect(await readFile(csv, 'utf8')).toBe(REVIEWS_CSV)

  // The same file again adds nothing, and says so.
  await page.getByRole('button', { name: 'Import & export' }).click()
  await page.getByRole('menuitem', { name: 'Import from Letterboxd…' }).click()
  await browseTo(host, dialog, 'Letterboxd file', 'file', csv)
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(report).toContainText('Imported 0 films from Letterboxd; 3 already in your library, skipped')
  await report.getByRole('button', { name: 'Close' }).click()
  await expect(reviews.getByRole('listitem', { name: 'Ballerina', exact: true })).toHaveCount(2)
})
