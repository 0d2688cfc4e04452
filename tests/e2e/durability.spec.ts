import { execFile } from 'node:child_process'
import { chmod, cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { Host } from './host'
import { editorText, openReview, seedReview, typeAtEnd } from './review'

/**
 * Seeds a review, opens the app on `page` (not yet at it) and the review, and types `typed` at its
 * end while every save fails in main (as if the disk were gone), so only the journal holds the
 * edits: the page's save on its way out, which request interception may no longer catch once the
 * page unloads, fails as well. Returns what lets saves work again.
 */
async function unsavedInJournal(page: Page, host: Host, libraryDir: string, review: { folder: string; title: string; body: string }, typed: string): Promise<() => void> {
  await seedReview(libraryDir, review.folder, review.title, review.body)
  await page.goto(host.url)
  await openReview(page, review.title)
  const writes = host.services.writes
  const save = writes.save
  writes.save = () => Promise.reject(new Error('The disk is gone.'))
  await typeAtEnd(page, typed)
  // The journal follows the typing within about a second.
  await expect.poll(async () => JSON.stringify((await host.services.journal.read(review.folder).catch(() => null))?.doc ?? null)).toContain(typed.trim())
  return () => {
    writes.save = save
  }
}

test('unsaved writing survives a crash: the journal offers it at start and Restore puts it back', async ({ blankPage: page, host, libraryDir }) => {
  const savesWork = await unsavedInJournal(page, host, libraryDir, { folder: 'nosferatu', title: 'Nosferatu', body: 'Original text.\n' }, ' Unsaved words survive.')

  // A crash: the page goes away without saving (the save it tries on the way out fails too), and
  // main loads it again marked as reloaded (desktop/rendererHealth.ts).
  const reloaded = new URL(host.url)
  reloaded.searchParams.set('reloaded', 'crashed')
  await page.goto(reloaded.toString())
  const dialog = page.getByRole('dialog', { name: 'Recovered unsaved writing' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toHaveAccessibleDescription(/window stopped unexpectedly and was reloaded/)
  // The mark is dropped: reloading by hand later is an ordinary start.
  expect(new URL(page.url()).searchParams.has('reloaded')).toBe(false)
  savesWork()
  const draft = dialog.getByRole('listitem', { name: 'Nosferatu' })
  await expect(draft).toContainText('words')
  await draft.getByRole('button', { name: 'Restore' }).click()

  await expect(page.getByRole('region', { name: 'Recovered' })).toBeVisible()
  await expect(editorText(page)).toContainText('Original text. Unsaved words survive.')
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await expect.poll(() => readFile(join(libraryDir, 'nosferatu', 'review.md'), 'utf8')).toContain('Unsaved words survive.')
  await expect.poll(() => host.services.journal.list()).toEqual([])
})

test('a discarded draft is not offered again', async ({ blankPage: page, host, libraryDir }) => {
  const savesWork = await unsavedInJournal(page, host, libraryDir, { folder: 'vampyr', title: 'Vampyr', body: 'Kept text.\n' }, ' Thrown away.')
  await page.reload()
  const dialog = page.getByRole('dialog', { name: 'Recovered unsaved writing' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toHaveAccessibleDescription(/^Verdict closed before these edits were saved/)
  savesWork()
  await dialog.getByRole('listitem', { name: 'Vampyr' }).getByRole('button', { name: 'Discard' }).click()
  await expect(dialog).toBeHidden()
  await page.reload()
  await expect(page.getByRole('list', { name: 'Reviews' })).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Recovered unsaved writing' })).toBeHidden()
  expect(await readdir(libraryDir)).toContain('vampyr')
})

test('a file changed outside Verdict with no unsaved edits is reloaded, with a notice', async ({ blankPage: page, host, libraryDir }) => {
  await seedReview(libraryDir, 'suspiria', 'Suspiria', 'First draft.\n')
  await page.goto(host.url)
  await openReview(page, 'Suspiria')
  await expect(editorText(page)).toContainText('First draft.')

  await seedReview(libraryDir, 'suspiria', 'Suspiria', 'Rewritten elsewhere.\n')
  await expect(editorText(page)).toContainText('Rewritten elsewhere.')
  await expect(page.getByRole('status').filter({ hasText: 'Reloaded: changed outside Verdict' })).toBeVisible()
})

test('a file changed outside Verdict under unsaved edits offers Keep mine, Take theirs, Keep both; Keep both leaves two reviews', async ({
  blankPage: page,
  host,
  libraryDir,
}) => {
  await seedReview(libraryDir, 'possession', 'Possession', 'Opening line.\n')
  await page.goto(host.url)
  await openReview(page, 'Possession')

  // Edits that cannot be saved yet (saves fail), then another program writes the file.
  await page.route('**/__ipc/saveReview', (route) => route.abort())
  await typeAtEnd(page, ' My unsaved thought.')
  await expect(page.getByRole('status').filter({ hasText: 'Error' })).toBeVisible()
  await seedReview(libraryDir, 'possession', 'Possession', 'Their new line.\n')

  const notice = page.getByRole('region', { name: 'Changed outside Verdict' })
  await expect(notice).toBeVisible()
  await expect(notice.getByRole('button', { name: 'Keep mine' })).toBeVisible()
  await expect(notice.getByRole('button', { name: 'Take theirs' })).toBeVisible()
  await page.unroute('**/__ipc/saveReview')
  await notice.getByRole('button', { name: 'Keep both' }).click()

  await expect(notice).toBeHidden()
  await expect(editorText(page)).toContainText('Their new line.')
  const folders = (await readdir(libraryDir)).filter((name) => !name.startsWith('.'))
  const texts = await Promise.all(folders.map((name) => readFile(join(libraryDir, name, 'review.md'), 'utf8').catch(() => '')))
  expect(texts.filter((text) => text.includes('My unsaved thought.'))).toHaveLength(1)
  expect(texts.filter((text) => text.includes('Their new line.'))).toHaveLength(1)
  await page.getByRole('button', { name: 'Library' }).click()
  await expect(page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: /^Possession/ })).toHaveCount(2)
})

test('a review deleted outside Verdict keeps its text and can be saved as a new review', async ({ blankPage: page, host, libraryDir }) => {
  await seedReview(libraryDir, 'eraserhead', 'Eraserhead', 'Lonely text.\n')
  await page.goto(host.url)
  await openReview(page, 'Eraserhead')
  await rm(join(libraryDir, 'eraserhead'), { recursive: true, force: true })
  const notice = page.getByRole('region', { name: 'Moved or deleted' })
  await expect(notice).toContainText('This review was moved or deleted outside Verdict')
  await notice.getByRole('button', { name: 'Save as new review' }).click()
  await expect(editorText(page)).toContainText('Lonely text.')
  await expect(notice).toBeHidden()
  await expect.poll(async () => (await reviewTexts(libraryDir)).filter((text) => text.includes('Lonely text.')).length).toBe(1)
})

/** The review.md texts of the library's reviews. */
async function reviewTexts(libraryDir: string): Promise<string[]> {
  const folders = (await readdir(libraryDir)).filter((name) => !name.startsWith('.'))
  return Promise.all(folders.map((name) => readFile(join(libraryDir, name, 'review.md'), 'utf8').catch(() => '')))
}

test('history: save a version, change the text, restore the version; the restore is listed and undoable', async ({ blankPage: page, host, libraryDir }) => {
  await seedReview(libraryDir, 'stalker', 'Stalker', 'The zone is quiet.\n')
  await page.goto(host.url)
  await openReview(page, 'Stalker')

  await page.getByRole('button', { name: 'History' }).click()
  const history = page.getByRole('region', { name: 'History' })
  await history.getByRole('button', { name: 'Save a version now' }).click()
  const versions = history.getByRole('list', { name: 'Versions' })
  await expect(versions.getByRole('listitem')).toHaveCount(1)
  await expect(versions).toContainText('Saved by you')

  await typeAtEnd(page, ' Then the dog arrives.')
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await expect.poll(() => readFile(join(libraryDir, 'stalker', 'review.md'), 'utf8')).toContain('the dog arrives')

  await versions.getByRole('button', { name: /Saved by you/ }).click()
  const diff = history.getByLabel('Differences from the current text')
  await expect(diff).toContainText('added:')
  await expect(diff).toContainText('dog arrives')
  await history.getByRole('button', { name: 'Restore this version' }).click()
  const confirm = history.getByRole('group', { name: 'Confirm restore' })
  await expect(confirm).toContainText('kept as a version first')
  await confirm.getByRole('button', { name: 'Restore' }).click()

  await expect(editorText(page)).toContainText('The zone is quiet.')
  await expect(editorText(page)).not.toContainText('dog arrives')
  await expect(versions).toContainText('Before a restore')
  expect(await readFile(join(libraryDir, 'stalker', 'review.md'), 'utf8')).not.toContain('dog arrives')
})

/**
 * Makes `dir` refuse new files, as a read-only folder does: chmod for a user, the immutable flag
 * for root (whom permission bits do not stop). Undefined where the file system supports neither.
 */
async function makeReadOnly(dir: string): Promise<(() => Promise<void>) | undefined> {
  const root = process.getuid?.() === 0
  const set = (on: boolean) => (root ? promisify(execFile)('chattr', [on ? '+i' : '-i', dir]).then(() => undefined) : chmod(dir, on ? 0o555 : 0o755))
  try {
    await set(true)
  } catch {
    return undefined
  }
  try {
    await writeFile(join(dir, '.probe'), 'x')
  } catch {
    return () => set(false)
  }
  await rm(join(dir, '.probe'), { force: true })
  await set(false)
  return undefined
}

test('when saving fails, “Save as…” writes the edits and their image as a new review in a chosen folder; the original stays byte-identical', async ({
  blankPage: page,
  host,
  libraryDir,
  tempDir,
}) => {
  await seedReview(libraryDir, 'heat', 'Heat', '![The diner](assets/diner.png)\n\nOriginal text.\n')
  await mkdir(join(libraryDir, 'heat', 'assets'))
  await cp(join(import.meta.dirname, '../unit/pipeline/fixtures/ballerina/assets/10226545b9b4e8c3.png'), join(libraryDir, 'heat', 'assets', 'diner.png'))
  const file = join(libraryDir, 'heat', 'review.md')
  const before = await readFile(file)
  await page.goto(host.url)
  await openReview(page, 'Heat')

  const unlock = await makeReadOnly(join(libraryDir, 'heat'))
  // Where the folder cannot be made read-only, main's answer for a full disk is what the app gets.
  if (!unlock) {
    await page.route('**/__ipc/saveReview', (route) =>
      route.fulfill({ json: { ok: false, error: { code: 'IO', message: 'Could not save “Heat”: the disk is full.' } } }),
    )
  }
  try {
    await typeAtEnd(page, ' Words the disk refused.')
    const notice = page.getByRole('alert').filter({ hasText: 'Your edits could not be saved.' })
    await expect(notice).toContainText(unlock ? 'permission denied' : 'the disk is full')
    await expect(editorText(page)).toContainText('Words the disk refused.')

    const rescue = join(tempDir, 'rescue')
    await mkdir(rescue)
    host.picks.folder = rescue
    await notice.getByRole('button', { name: 'Save as…' }).click()
    const copy = join(rescue, 'heat', 'review.md')
    await expect(notice).toContainText(`Saved a copy: ${copy}`)
    const saved = await readFile(copy, 'utf8')
    expect(saved).toMatch(/^title: Heat$/m)
    expect(saved).toContain('Original text. Words the disk refused.')
    expect(await readFile(join(rescue, 'heat', 'assets', 'diner.png'))).toEqual(await readFile(join(libraryDir, 'heat', 'assets', 'diner.png')))
    expect(await readFile(file)).toEqual(before)
  } finally {
    await unlock?.()
    await page.unroute('**/__ipc/saveReview')
  }

  // The folder takes writes again: the next save goes through and the notice goes away.
  await typeAtEnd(page, ' Saved at last.')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await expect(page.getByRole('alert').filter({ hasText: 'Your edits could not be saved.' })).toHaveCount(0)
  await expect.poll(() => readFile(file, 'utf8')).toContain('Words the disk refused. Saved at last.')
})
