import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { details, saveState } from './review'

// Several screens and a library read per test: more time on a busy machine, no shorter waits.
test.slow()

async function seed(libraryDir: string, id: string, title: string, date: string, subject: string, body: string): Promise<void> {
  await mkdir(join(libraryDir, id), { recursive: true })
  const front = `---\ntitle: ${JSON.stringify(title)}\nauthor: Ana Critic\ndate: ${date}\nstatus: published\ntags: []\nexcerpt: ''\ncreated: ${date}T09:00:00.000Z\nupdated: ${date}T09:00:00.000Z\nsubject: ${subject}\n---\n\n`
  await writeFile(join(libraryDir, id, 'review.md'), `${front}${body}\n`)
}

/** Opens a review through the library's search, as a critic would find it. */
async function openBySearch(page: Page, words: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search reviews' }).fill(words)
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem')).toHaveCount(1)
  await page.getByRole('searchbox', { name: 'Search reviews' }).press('Enter')
  await expect(page.getByRole('textbox', { name: 'Review text' })).toBeVisible()
}

test('a review of a work reviewed before says when, with the score and a link (same IMDb id)', async ({ blankPage: page, host, libraryDir }) => {
  await seed(libraryDir, 'ballerina', 'Ballerina', '2025-06-04', '{ kind: film, title: Ballerina, year: 2025, creators: [Len Wiseman], cast: [], ids: { imdb: tt7181546 } }', 'First look.\n\n::score[Overall Score]{value="9.5" scale="10" overall}')
  await seed(libraryDir, 'rewatch', 'From the World of John Wick: Ballerina, again', '2025-12-01', '{ kind: film, title: "From the World of John Wick: Ballerina", creators: [], cast: [], ids: { imdb: tt7181546 } }', 'A rewatch, with the sound up.')
  await page.goto(host.url)
  await openBySearch(page, 'rewatch sound')
  const notice = page.getByRole('region', { name: 'Reviewed before' })
  await expect(notice).toContainText('You reviewed Ballerina (2025) on 4 June 2025: 9.5/10')
  await notice.getByRole('button', { name: 'Open “Ballerina”' }).click()
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Ballerina')
})

test('the same title and year count as the same work, accents aside', async ({ blankPage: page, host, libraryDir }) => {
  await seed(libraryDir, 'amelie', 'Amélie', '2002-01-10', '{ kind: film, title: Amélie, year: 2001, creators: [], cast: [], ids: {} }', 'Paris in green and gold.\n\n::score[Overall Score]{value="4" scale="5" overall}')
  await seed(libraryDir, 'amelie-again', 'Amelie at twenty', '2021-04-25', '{ kind: film, title: AMELIE, year: 2001, creators: [], cast: [], ids: {} }', 'Twenty years on, the whimsy holds.')
  await seed(libraryDir, 'amelie-remake', 'Amelie (the remake)', '2031-01-01', '{ kind: film, title: Amelie, year: 2030, creators: [], cast: [], ids: {} }', 'A remake nobody wanted.')
  await page.goto(host.url)
  await openBySearch(page, 'whimsy')
  const notice = page.getByRole('region', { name: 'Reviewed before' })
  await expect(notice).toContainText('You reviewed Amélie (2001) on 10 January 2002: 4/5')
  await expect(notice.getByRole('listitem')).toHaveCount(1) // not the 2030 remake
})

test('a new review of a work reviewed before offers the earlier one, and a tick links it as a re-review (relates:)', async ({ blankPage: page, host, libraryDir }) => {
  await seed(libraryDir, 'ballerina', 'Ballerina', '2025-06-04', '{ kind: film, title: Ballerina, year: 2025, creators: [], cast: [], ids: {} }', 'First look.\n\n::score[Overall Score]{value="9.5" scale="10" overall}')
  await page.goto(host.url)
  await page.getByRole('button', { name: 'New review' }).click()
  await expect(page.getByRole('textbox', { name: 'Review text' })).toBeVisible()
  const panel = details(page)
  await panel.getByLabel('Kind').selectOption({ label: 'Film' })
  await panel.getByLabel('Name', { exact: true }).fill('ballerina')
  await panel.getByLabel('Year').fill('2025')

  const notice = panel.getByRole('region', { name: 'Reviewed before' })
  await expect(notice).toContainText('You reviewed Ballerina (2025) on 4 June 2025: 9.5/10')
  const relates = notice.getByRole('checkbox', { name: 'This review is a re-review of “Ballerina”' })
  await expect(relates).not.toBeChecked()
  await expect(saveState(page)).toHaveText('Saved')
  const file = join(libraryDir, 'untitled-review', 'review.md')
  expect(await readFile(file, 'utf8')).not.toContain('relates:')

  await relates.check()
  await expect.poll(() => readFile(file, 'utf8')).toContain('relates:\n  - ballerina\n')
  await relates.uncheck()
  await expect.poll(() => readFile(file, 'utf8')).not.toContain('relates:')
})
