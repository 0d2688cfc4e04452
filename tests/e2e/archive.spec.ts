/**
 * The archive view over seeded reviews: its tables say what the files hold, a bar (clicked or
 * chosen with the keyboard) lists its reviews in the library, and the CSV and JSON exports go to
 * the folder picked in main's dialog and read back as the reviews.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import Papa from 'papaparse'
import { expect, test } from './fixtures'
import type { Host } from './host'

// A library read and several screens per test: more time on a busy machine, no shorter waits.
test.slow()

interface Seed {
  title: string
  date: string
  status: 'draft' | 'ready' | 'published'
  subject?: string
  score?: string
  words: string
}

const SEEDS: Record<string, Seed> = {
  ballerina: {
    title: 'Ballerina',
    date: '2025-06-04',
    status: 'published',
    subject: '{ kind: film, title: Ballerina, year: 2025, creators: [Len Wiseman], cast: [], ids: {} }',
    score: '::score[Overall Score]{value="9.5" scale="10" overall}',
    words: 'Eve walks into a rehearsal room.',
  },
  amelie: {
    title: 'Amélie',
    date: '2025-06-20',
    status: 'draft',
    subject: '{ kind: film, title: Amélie, year: 2001, creators: [Jean-Pierre Jeunet], cast: [], ids: {} }',
    score: '::score[Overall Score]{value="4" scale="5" overall}',
    words: 'Paris glows in green and gold.',
  },
  feast: {
    title: 'A Moveable Feast',
    date: '2024-04-01',
    status: 'ready',
    subject: '{ kind: book, title: A Moveable Feast, year: 1964, creators: [Ernest Hemingway], cast: [], ids: {} }',
    score: '::score[Overall Score]{value="83" scale="100" overall}',
    words: 'Paris as Hemingway remembered it, hungry and young.',
  },
  notes: { title: 'Notes', date: '2025-07-02', status: 'draft', words: 'Nothing scored yet.' },
}

async function seed(libraryDir: string): Promise<void> {
  // Only the seeded reviews: the welcome review every new library starts with would count too.
  await rm(join(libraryDir, 'welcome-to-verdict'), { recursive: true, force: true })
  for (const [id, review] of Object.entries(SEEDS)) {
    await mkdir(join(libraryDir, id), { recursive: true })
    const subject = review.subject ? `subject: ${review.subject}\n` : ''
    const front = `---\ntitle: ${JSON.stringify(review.title)}\nauthor: Ana Critic\ndate: ${review.date}\nstatus: ${review.status}\ntags: []\n${subject}---\n\n`
    await writeFile(join(libraryDir, id, 'review.md'), `${front}${review.words}\n${review.score ? `\n${review.score}\n` : ''}`)
  }
}

/** Seeds the library, opens the app on `page` (not yet at it) and its archive. */
async function openArchive(page: Page, host: Host, libraryDir: string): Promise<void> {
  await seed(libraryDir)
  await page.goto(host.url)
  await expect(page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: 'Ballerina', exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Archive' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Archive' })).toBeVisible()
}

const chart = (page: Page, name: string) => page.getByRole('figure', { name, exact: true })
/** The table's rows below its heading, each as its cells' text. */
const tableRows = (page: Page, name: string) =>
  chart(page, name)
    .getByRole('table')
    .getByRole('row')
    .evaluateAll((rows) => rows.slice(1).map((row) => [...row.children].map((cell) => cell.textContent)))
const found = (page: Page) => page.getByRole('list', { name: 'Search results' }).getByRole('heading', { level: 3 })

test('the archive tables count the seeded reviews, and a bar lists its reviews in the library', async ({ blankPage: page, host, libraryDir }) => {
  await openArchive(page, host, libraryDir)
  await expect(page.getByText(/^4 reviews, \d+ words, 3 scored\./)).toBeVisible()

  // 9.5/10 = 95, 4/5 = 80, 83/100 = 83: each scale on 0–100.
  expect(await tableRows(page, 'Scores of every review (out of 100)')).toEqual([
    ['0–9', '0'],
    ['10–19', '0'],
    ['20–29', '0'],
    ['30–39', '0'],
    ['40–49', '0'],
    ['50–59', '0'],
    ['60–69', '0'],
    ['70–79', '0'],
    ['80–89', '2'],
    ['90–100', '1'],
  ])
  const months = await tableRows(page, 'Reviews per month')
  expect(months).toHaveLength(16) // April 2024 to July 2025, the empty months too
  expect(months.slice(0, 2)).toEqual([
    ['Apr 2024', '1'],
    ['May 2024', '0'],
  ])
  expect(months.slice(-2)).toEqual([
    ['Jun 2025', '2'],
    ['Jul 2025', '1'],
  ])
  expect(await tableRows(page, 'Average score by creator (out of 100)')).toEqual([
    ['Ernest Hemingway', '83', '1'],
    ['Jean-Pierre Jeunet', '80', '1'],
    ['Len Wiseman', '95', '1'],
  ])
  expect(await tableRows(page, 'Reviews by status')).toEqual([
    ['Draft', '2'],
    ['Ready', '1'],
    ['Published', '1'],
  ])

  await chart(page, 'Reviews per month').getByRole('button', { name: 'Jun 2025: 2' }).click()
  await expect(page.getByRole('searchbox', { name: 'Search reviews' })).toHaveValue('date:2025-06')
  await expect(found(page)).toHaveCount(2)
  // Filters alone list the last edited first; which comes first is not what this test is about.
  expect((await found(page).allTextContents()).sort()).toEqual(['Amélie', 'Ballerina'])

  // The keyboard: one Tab stop per chart, arrows between its bars, Enter lists a bar's reviews.
  await page.getByRole('button', { name: 'Archive' }).click()
  const kinds = chart(page, 'Reviews by kind')
  await kinds.getByRole('button', { name: 'Films: 2' }).focus()
  await page.keyboard.press('ArrowDown')
  await expect(kinds.getByRole('button', { name: 'Books: 1' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('searchbox', { name: 'Search reviews' })).toHaveValue('kind:book')
  await expect(found(page)).toHaveText(['A Moveable Feast'])
})

test('the archive saves as CSV and JSON in the picked folder, one row per review', async ({ blankPage: page, libraryDir, host, tempDir }) => {
  const dest = join(tempDir, 'exports')
  await mkdir(dest)
  await openArchive(page, host, libraryDir)

  host.picks.folder = dest
  await page.getByRole('button', { name: 'Export archive as CSV…' }).click()
  const status = page.getByRole('region', { name: 'Export the archive' }).getByRole('status')
  await expect(status).toContainText('Saved 4 reviews as CSV to')
  const csvPath = (await status.textContent())!.replace(/^.* to /, '')
  const csv = Papa.parse<Record<string, string>>(await readFile(csvPath, 'utf8'), { header: true, skipEmptyLines: true })
  expect(csv.errors).toEqual([])
  expect(csv.data.map((row) => [row['title'], row['date'], row['score100'], row['status'], row['subject']])).toEqual([
    ['Notes', '2025-07-02', '', 'draft', ''],
    ['Amélie', '2025-06-20', '80', 'draft', 'Amélie'],
    ['Ballerina', '2025-06-04', '95', 'published', 'Ballerina'],
    ['A Moveable Feast', '2024-04-01', '83', 'ready', 'A Moveable Feast'],
  ])

  await page.getByRole('button', { name: 'Export archive as JSON…' }).click()
  await expect(status).toContainText('Saved 4 reviews as JSON to')
  const json = JSON.parse(await readFile((await status.textContent())!.replace(/^.* to /, ''), 'utf8')) as Array<{ title: string; words: number; creators: string[] }>
  expect(json.map((row) => row.title)).toEqual(['Notes', 'Amélie', 'Ballerina', 'A Moveable Feast'])
  expect(json[2]).toMatchObject({ creators: ['Len Wiseman'], words: expect.any(Number) })

  // Cancelled in the picker: nothing is written, nothing is said.
  host.picks.folder = null
  await page.getByRole('button', { name: 'Export archive as CSV…' }).click()
  await expect(status).toHaveText('')
})
