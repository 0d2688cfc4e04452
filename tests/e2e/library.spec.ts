import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { browseTo, expect, test, screenshotPath } from './fixtures'

interface Seed {
  title: string
  status?: 'draft' | 'ready' | 'published'
  updated: string
  author?: string
  tags?: string[]
  excerpt?: string
  body?: string
}

/** Writes a review folder the way a critic's library holds it, as if made by an earlier session. */
async function seed(libraryDir: string, folder: string, review: Seed): Promise<void> {
  await mkdir(join(libraryDir, folder), { recursive: true })
  const frontMatter = [
    '---',
    `title: ${JSON.stringify(review.title)}`,
    `author: ${JSON.stringify(review.author ?? 'Ana Critic')}`,
    'date: 2026-11-20',
    `status: ${review.status ?? 'draft'}`,
    `tags: ${JSON.stringify(review.tags ?? [])}`,
    `excerpt: ${JSON.stringify(review.excerpt ?? '')}`,
    `created: ${review.updated}`,
    `updated: ${review.updated}`,
    '---',
    '',
  ].join('\n')
  await writeFile(join(libraryDir, folder, 'review.md'), `${frontMatter}${review.body ?? 'A few words of review.'}\n`)
}

const reviewList = (page: Page) => page.getByRole('list', { name: 'Reviews' })
const card = (page: Page, title: string) => reviewList(page).getByRole('listitem', { name: title, exact: true })
const titles = (page: Page) => reviewList(page).getByRole('heading', { level: 2 }).allTextContents()
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search reviews' })
const foundTitles = (page: Page) => page.getByRole('list', { name: 'Search results' }).getByRole('heading', { level: 3 })

test('first start shows the welcome review with its details and the library folder', async ({ page, libraryDir }) => {
  const welcome = card(page, 'Welcome to Verdict')
  await expect(welcome).toBeVisible()
  await expect(welcome).toContainText('Draft')
  await expect(welcome).toContainText('The Verdict team')
  await expect(welcome).toContainText(/\d+ words/)
  await expect(welcome).toContainText(/Edited /)
  await expect(welcome.getByRole('list', { name: 'Tags' })).toContainText('getting started')
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText(libraryDir)
  await expect(page.getByRole('button', { name: /^All reviews/ })).toHaveAttribute('aria-pressed', 'true')
})

test('sorts by last edited or title, filters by status and finds by words of the title', async ({ blankPage: page, host, libraryDir }) => {
  await seed(libraryDir, 'aardvark', { title: 'Aardvark', status: 'published', updated: '2026-01-05T10:00:00.000Z' })
  await seed(libraryDir, 'zebra', { title: 'Zebra', status: 'ready', updated: '2026-03-01T10:00:00.000Z' })
  await seed(libraryDir, 'mongoose', { title: 'Mongoose', status: 'draft', updated: '2026-02-01T10:00:00.000Z' })
  await page.goto(host.url)

  await expect(card(page, 'Zebra')).toBeVisible()
  // The welcome review (November 2026) is the most recently edited.
  expect(await titles(page)).toEqual(['Welcome to Verdict', 'Zebra', 'Mongoose', 'Aardvark'])
  await page.getByLabel('Sort by').selectOption({ label: 'Title' })
  expect(await titles(page)).toEqual(['Aardvark', 'Mongoose', 'Welcome to Verdict', 'Zebra'])

  await page.getByRole('button', { name: /^Published/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Published')
  expect(await titles(page)).toEqual(['Aardvark'])
  await page.getByRole('button', { name: /^Drafts/ }).click()
  expect(await titles(page)).toEqual(['Mongoose', 'Welcome to Verdict'])

  await page.getByRole('button', { name: /^All reviews/ }).click()
  await searchBox(page).fill('zeb')
  await expect(foundTitles(page)).toHaveText(['Zebra'])
  await searchBox(page).fill('nothing like this')
  await expect(page.getByRole('heading', { name: 'No matching reviews' })).toBeVisible()
  await page.getByRole('button', { name: 'Show all reviews' }).click()
  await expect(card(page, 'Aardvark')).toBeVisible()
})

test('a long library renders only the rows in view, and search and the keyboard still reach every review', async ({ blankPage: page, host, libraryDir }) => {
  const count = 600
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      seed(libraryDir, `film-${String(i).padStart(3, '0')}`, {
        title: `Film ${String(i).padStart(3, '0')}`,
        updated: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
      }),
    ),
  )
  await page.goto(host.url)
  const rows = reviewList(page).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) })
  await expect(page.getByText(`${count + 1} reviews`)).toBeVisible()
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(count + 1))
  expect(await rows.count()).toBeLessThan(60)

  // The oldest review is far below the window; the search finds it. The list stays built, hidden,
  // while the results show: scrolled far down before the search, it shows its top once the search is
  // cleared, as the page is (one result left it too short to stay scrolled), not where it was.
  await rows.first().hover()
  await page.mouse.wheel(0, 20_000)
  await expect(card(page, 'Film 599')).toHaveCount(0)
  await searchBox(page).fill('film 000')
  await expect(foundTitles(page)).toHaveText(['Film 000'])
  await expect(reviewList(page)).toBeHidden()
  await searchBox(page).fill('')
  await expect(card(page, 'Film 599')).toBeVisible()

  // The list is one Tab stop; the arrow keys walk from row to row past the rendered ones, none lost
  // when they come faster than the list renders (a held key on a busy machine: a CPU six times slower).
  await card(page, 'Welcome to Verdict').getByRole('button', { name: 'Open' }).focus()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 })
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown')
  const focusedRow = page.locator('li.review-card:focus-within')
  await expect(focusedRow).toHaveAttribute('aria-posinset', '31')
  await expect(focusedRow).toBeInViewport()
  await page.keyboard.press('End')
  await expect(focusedRow).toHaveAttribute('aria-posinset', String(count + 1))
  await page.keyboard.press('Home')
  await expect(focusedRow).toHaveAttribute('aria-posinset', '1')
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
})

test('rename retitles the review and moves its folder', async ({ page, libraryDir }) => {
  await card(page, 'Welcome to Verdict').getByRole('button', { name: 'Rename…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rename review' })
  await expect(dialog.getByLabel('Title')).toHaveValue('Welcome to Verdict')
  await dialog.getByLabel('Title').fill('Notes on Verdict')
  await dialog.getByRole('button', { name: 'Rename' }).click()

  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Renamed' })).toContainText('notes-on-verdict')
  await expect(card(page, 'Notes on Verdict')).toBeVisible()
  expect(existsSync(join(libraryDir, 'notes-on-verdict', 'review.md'))).toBe(true)
  expect(existsSync(join(libraryDir, 'welcome-to-verdict'))).toBe(false)
})

test('duplicate makes a copy beside the original', async ({ page }) => {
  await card(page, 'Welcome to Verdict').getByRole('button', { name: 'Duplicate' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Duplicated as' })).toBeVisible()
  await expect(reviewList(page).getByRole('heading', { level: 2 })).toHaveCount(2)
})

test('delete moves a review to the trash and Undo brings it back', async ({ page, libraryDir }) => {
  const before = (await readdir(libraryDir)).filter((name) => !name.startsWith('.'))
  await card(page, 'Welcome to Verdict').getByRole('button', { name: 'Delete' }).click()

  await expect(card(page, 'Welcome to Verdict')).toBeHidden()
  await expect(page.getByRole('heading', { name: 'No reviews yet' })).toBeVisible()
  expect(existsSync(join(libraryDir, '.trash'))).toBe(true)

  const snackbar = page.getByRole('status').filter({ hasText: 'to the trash' })
  await snackbar.getByRole('button', { name: 'Undo' }).click()
  await expect(card(page, 'Welcome to Verdict')).toBeVisible()
  expect((await readdir(libraryDir)).filter((name) => !name.startsWith('.'))).toEqual(before)
})

test('a review whose file cannot be parsed opens read-only with the reason and its text', async ({ blankPage: page, host, libraryDir }) => {
  await mkdir(join(libraryDir, 'broken'), { recursive: true })
  await writeFile(join(libraryDir, 'broken', 'review.md'), '---\ntitle: [never closed\nstatus: draft\n---\n\nStill my words.\n')
  await page.goto(host.url)

  const broken = reviewList(page).getByRole('listitem').filter({ hasText: 'Can’t be read' })
  await expect(broken).toHaveCount(1)
  await broken.getByRole('button', { name: 'Open' }).click()

  await expect(page.getByRole('alert')).toContainText('could not be read')
  await expect(page.getByRole('region', { name: 'File contents' })).toContainText('title: [never closed')
  await expect(page.getByRole('region', { name: 'File contents' })).toContainText('Still my words.')
  await expect(page.getByRole('textbox', { name: 'Review text' })).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveCount(0)

  await page.getByRole('button', { name: 'Library' }).click()
  await expect(card(page, 'Welcome to Verdict')).toBeVisible()
})

test('switches to another library folder, and back through the recent list', async ({ page, libraryDir, tempDir, host }) => {
  const second = join(tempDir, 'second-library')
  const nav = page.getByRole('navigation', { name: 'Library' })
  const switchTo = async (path: string) => {
    await page.getByRole('button', { name: 'Switch library…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Switch library' })
    await browseTo(host, dialog, 'Library folder', 'folder', path)
    await dialog.getByRole('button', { name: 'Open library' }).click()
    await expect(dialog).toBeHidden()
    await expect(nav).toContainText(path)
  }

  await page.getByRole('button', { name: 'Switch library…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Switch library' })
  // The field shows the folder chosen; until then, the library open now.
  await expect(dialog.getByLabel('Library folder')).toHaveValue('')
  await expect(dialog.getByLabel('Library folder')).toHaveAttribute('placeholder', libraryDir)
  // Browse… shows the browser mode's own picker; cancelling it changes nothing.
  await dialog.getByRole('button', { name: 'Browse…' }).click()
  const picker = page.getByRole('dialog', { name: 'Choose a folder' })
  await picker.getByRole('button', { name: 'Cancel' }).click()
  await expect(picker).toBeHidden()
  await expect(dialog.getByLabel('Library folder')).toHaveValue('')
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await switchTo(second)
  // A new library starts with the welcome review.
  await expect(card(page, 'Welcome to Verdict')).toBeVisible()
  expect(existsSync(join(second, 'welcome-to-verdict', 'review.md'))).toBe(true)

  await switchTo(libraryDir)

  // Back through the recent list: main takes the folder by its name in its own list.
  await page.getByRole('button', { name: 'Switch library…' }).click()
  await dialog.getByRole('region', { name: 'Recent libraries' }).getByRole('button', { name: second }).click()
  await expect(dialog.getByLabel('Library folder')).toHaveValue(second)
  await dialog.getByRole('button', { name: 'Open library' }).click()
  await expect(nav).toContainText(second)

  // A folder that cannot be a library (the home folder itself) is refused with the reason.
  await page.getByRole('button', { name: 'Switch library…' }).click()
  await browseTo(host, dialog, 'Library folder', 'folder', homedir())
  await dialog.getByRole('button', { name: 'Open library' }).click()
  await expect(dialog.getByRole('alert')).toContainText('cannot be a library: it is your home folder itself')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(nav).toContainText(second)
})

test('settings set the author of new reviews and the reading speed', async ({ page }) => {
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await dialog.getByLabel('Author').fill('Ana Critic')
  await dialog.getByLabel('Words per minute').fill('10')
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await expect(dialog.getByText('between 50 and 2000')).toBeVisible()
  await dialog.getByLabel('Words per minute').fill('100')
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await expect(dialog).toBeHidden()

  await page.getByRole('button', { name: 'New review' }).click()
  await expect(page.getByLabel('Author')).toHaveValue('Ana Critic')
  await page.getByRole('textbox', { name: 'Review text' }).click()
  await page.keyboard.insertText('word '.repeat(250))
  await expect(page.getByRole('contentinfo')).toContainText('250 words · 3 min read')
})

test('screenshot: a library with several reviews', async ({ page, host, tempDir }) => {
  // A library folder named as a critic would name it, rather than the fixture's "library".
  const libraryDir = join(tempDir, 'Reviews')
  await page.getByRole('button', { name: 'Switch library…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Switch library' })
  await browseTo(host, dialog, 'Library folder', 'folder', libraryDir)
  await dialog.getByRole('button', { name: 'Open library' }).click()
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText(libraryDir)

  const reviews: Array<[string, Seed]> = [
    ['ballerina', { title: 'Ballerina', status: 'published', updated: new Date(Date.now() - 3 * 3600_000).toISOString(), tags: ['film', 'action'], excerpt: 'A stylish, bruising spin-off that earns its place in the John Wick universe.', body: 'word '.repeat(1240) }],
    ['the-brutalist', { title: 'The Brutalist', status: 'ready', updated: new Date(Date.now() - 26 * 3600_000).toISOString(), tags: ['film', 'drama'], excerpt: 'Brady Corbet’s monumental portrait of an architect is as uncompromising as its concrete.', body: 'word '.repeat(2130) }],
    ['severance-season-2', { title: 'Severance, season 2', status: 'draft', updated: new Date(Date.now() - 12 * 60_000).toISOString(), tags: ['series'], excerpt: 'Lumon’s corridors get longer and stranger, and the show is better for it.', body: 'word '.repeat(860) }],
    ['intermezzo', { title: 'Intermezzo', author: 'Ana Critic', status: 'published', updated: '2026-10-02T09:00:00.000Z', tags: ['book', 'fiction'], excerpt: 'Sally Rooney’s most generous novel yet: two brothers, grief, and chess.', body: 'word '.repeat(1610) }],
  ]
  for (const [folder, review] of reviews) await seed(libraryDir, folder, review)
  await page.reload()
  await expect(card(page, 'Intermezzo')).toBeVisible()
  await card(page, 'Severance, season 2').hover()
  await page.screenshot({ path: screenshotPath('library.png') })
})

test('in the browser, a folder typed while the picker still lists the first one is kept, and Go lists it', async ({ page, tempDir }) => {
  await mkdir(join(tempDir, 'shelf'), { recursive: true })
  // The first listing (of a stand-in start folder) is held back until the critic has typed.
  let releaseFirst = () => {}
  const firstHeld = new Promise<void>((release) => (releaseFirst = release))
  let listings = 0
  await page.route('**/__picker/list?**', async (route) => {
    if (++listings > 1) return route.continue()
    await firstHeld
    await route.fulfill({ json: { path: join(tempDir, 'start'), parent: tempDir, folders: ['decoy'], files: [], truncated: false } })
  })
  await page.getByRole('button', { name: 'Switch library…' }).click()
  await page.getByRole('dialog', { name: 'Switch library' }).getByRole('button', { name: 'Browse…' }).click()
  const picker = page.getByRole('dialog', { name: 'Choose a folder' })
  const location = picker.getByLabel('Folder', { exact: true })
  const folders = picker.getByRole('list', { name: 'Folders' })
  await expect.poll(() => listings).toBe(1)
  await location.fill(tempDir)
  releaseFirst()
  await expect(folders.getByRole('button', { name: 'decoy', exact: true })).toBeVisible()
  await expect(location).toHaveValue(tempDir)
  await picker.getByRole('button', { name: 'Go' }).click()
  await expect(folders.getByRole('button', { name: 'shelf', exact: true })).toBeVisible()
  await expect(location).toHaveValue(tempDir)
})

test('in the browser, Browse… shows the app’s own folder picker: go down the folders, choose one, and the library switches there', async ({ page, tempDir }) => {
  const target = join(tempDir, 'shelf', 'films')
  await mkdir(target, { recursive: true })
  await page.getByRole('button', { name: 'Switch library…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Switch library' })
  await dialog.getByRole('button', { name: 'Browse…' }).click()
  const picker = page.getByRole('dialog', { name: 'Choose a folder' })
  const location = picker.getByLabel('Folder', { exact: true })
  await location.fill(tempDir)
  await picker.getByRole('button', { name: 'Go' }).click()
  const folders = picker.getByRole('list', { name: 'Folders' })
  await folders.getByRole('button', { name: 'shelf', exact: true }).click()
  await expect(location).toHaveValue(join(tempDir, 'shelf'))
  await folders.getByRole('button', { name: 'films', exact: true }).click()
  await expect(location).toHaveValue(target)
  await picker.getByRole('button', { name: 'Parent folder' }).click()
  await expect(location).toHaveValue(join(tempDir, 'shelf'))
  await folders.getByRole('button', { name: 'films', exact: true }).click()
  await picker.getByRole('button', { name: 'Choose this folder' }).click()
  await expect(picker).toBeHidden()
  await expect(dialog.getByLabel('Library folder')).toHaveValue(target)
  await dialog.getByRole('button', { name: 'Open library' }).click()
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText(target)
})
