import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

// Several screens and a library read per test: more time on a busy machine, no shorter waits.
test.slow()

/** A long review whose one memorable sentence sits in the middle, far below the first screen. */
function longBody(): string {
  const filler = (n: number) => `Paragraph ${n} weighs the pacing, the score and the light of each scene in turn, without hurry.`
  const paragraphs = Array.from({ length: 80 }, (_, i) => filler(i))
  paragraphs[40] = 'Then Eve walks into a **Kirov** rehearsal room, and every reflection in the mirrored hall lies about where the next blow comes from.'
  return paragraphs.join('\n\n')
}

async function seed(libraryDir: string, id: string, title: string, body: string, extra = ''): Promise<void> {
  await mkdir(join(libraryDir, id), { recursive: true })
  const front = `---\ntitle: ${JSON.stringify(title)}\nauthor: Ana Critic\ndate: 2025-06-04\nstatus: ready\ntags: []\nexcerpt: ''\ncreated: 2025-06-04T09:00:00.000Z\nupdated: 2025-06-04T09:00:00.000Z\n${extra}---\n\n`
  await writeFile(join(libraryDir, id, 'review.md'), `${front}${body}\n`)
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search reviews' })
const results = (page: Page) => page.getByRole('list', { name: 'Search results' })

test('a phrase from the middle of a review finds it, shows the sentence, and Enter lands on the words', async ({ blankPage: page, host, libraryDir }) => {
  await seed(libraryDir, 'ballerina', 'Ballerina', longBody(), 'subject: { kind: film, title: Ballerina, year: 2025, creators: [Len Wiseman], cast: [], ids: {} }\n')
  await seed(libraryDir, 'mirror', 'The Mirror', 'A reflection on memory: every scene lies a little, and the hall of mirrors is the film’s heart.')
  await page.goto(host.url)

  await searchBox(page).fill('"every reflection in the mirrored hall"')
  const found = results(page).getByRole('listitem')
  // Only the review holding the words in this order, not the one holding them apart.
  await expect(found).toHaveCount(1)
  await expect(found.first().getByRole('heading', { level: 3 })).toHaveText('Ballerina')
  await expect(found.first()).toContainText('Then Eve walks into a Kirov rehearsal room, and every reflection in the mirrored hall lies')
  await expect(found.first().locator('mark')).toHaveText(['every', 'reflection', 'in', 'the', 'mirrored', 'hall'])
  await expect(page.getByRole('status').filter({ hasText: /result/ })).toHaveText('1 result')

  await searchBox(page).press('Enter')
  const editor = page.getByRole('textbox', { name: 'Review text' })
  await expect(editor).toBeVisible()
  // The caret lands on the match, which is scrolled into view.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('every reflection in the mirrored hall')
  const paragraph = editor.getByText(/rehearsal room/)
  await expect(paragraph).toBeInViewport()
  await expect(editor.getByText('Paragraph 79', { exact: false })).not.toBeInViewport()
})

test('filters narrow the words, and accents and typos do not matter', async ({ blankPage: page, host, libraryDir }) => {
  await seed(libraryDir, 'amelie', 'Le Fabuleux Destin d’Amélie Poulain', 'Paris glows in green and gold as Amélie skims stones.', 'subject: { kind: film, title: Amélie, year: 2001, creators: [Jean-Pierre Jeunet], cast: [], ids: {} }\n')
  await seed(libraryDir, 'paris-book', 'A Moveable Feast', 'Paris as Hemingway remembered it.', 'subject: { kind: book, title: A Moveable Feast, year: 1964, creators: [Ernest Hemingway], cast: [], ids: {} }\n')
  await page.goto(host.url)

  await searchBox(page).fill('amelie')
  await expect(results(page).getByRole('heading', { level: 3 })).toHaveText(['Le Fabuleux Destin d’Amélie Poulain'])
  await searchBox(page).fill('paris kind:book')
  await expect(results(page).getByRole('heading', { level: 3 })).toHaveText(['A Moveable Feast'])
  await searchBox(page).fill('hemingwya')
  await expect(results(page).getByRole('heading', { level: 3 })).toHaveText(['A Moveable Feast'])
  await searchBox(page).fill('paris kind:poem')
  await expect(page.getByRole('list', { name: 'Filters left out' })).toContainText('kind: is one of film')
})

test('a search with more hits than a screenful shows more on request, and a new query starts again', async ({ blankPage: page, host, libraryDir }) => {
  for (let n = 1; n <= 25; n++) await seed(libraryDir, `river-${n}`, `River ${n}`, `The river bends ${n} times before the sea.`)
  await page.goto(host.url)

  await searchBox(page).fill('river')
  const found = results(page).getByRole('listitem')
  await expect(found).toHaveCount(20)
  await expect(page.getByRole('status').filter({ hasText: /result/ })).toHaveText('20 shown of 25 results')
  const more = page.getByRole('button', { name: 'Show more results' })
  await more.click()
  await expect(found).toHaveCount(25)
  await expect(page.getByRole('status').filter({ hasText: /result/ })).toHaveText('25 results')
  await expect(more).toHaveCount(0)

  // Another query asks for the first hits again.
  await searchBox(page).fill('river bends')
  await expect(found).toHaveCount(20)
  await expect(more).toBeVisible()
})
