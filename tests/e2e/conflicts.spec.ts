/**
 * A review changed on two machines: Syncthing left the other machine's version beside review.md.
 * The library shows it in conflict; the Resolve conflict dialog merges both machines' edits from
 * the version history kept, asks about the block both changed, and writes one file, the copy in
 * the trash.
 */
import AxeBuilder from '@axe-core/playwright'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { editorText, openReview, saveState, typeAtEnd } from './review'

const COPY = 'review.sync-conflict-20261206-062523-EF4V22U.md'

const review = (updated: string, ...paragraphs: string[]) =>
  `---\ntitle: Dune\nstatus: draft\ncreated: 2026-12-01T10:00:00.000Z\nupdated: ${updated}\n---\n\n${paragraphs.join('\n\n')}\n`

test('resolves a Syncthing conflict by merging both machines’ edits, the copy going to the trash', async ({ blankPage: page, host, libraryDir }) => {
  const dir = join(libraryDir, 'dune')
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'review.md'), review('2026-12-01T10:00:00.000Z', 'One.', 'Two.', 'Three.'))
  // The version both machines started from, kept in the review's history.
  await host.services.history.snapshot('dune', 'manual')
  const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()
  await writeFile(join(dir, 'review.md'), review(later(1), 'One, ours.', 'Two, ours.', 'Three.'))
  await writeFile(join(dir, COPY), review(later(2), 'One.', 'Two, theirs.', 'Three, theirs.'))
  await page.goto(host.url)

  const card = page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: 'Dune', exact: true })
  await expect(card.getByText('In conflict')).toBeVisible()
  await card.getByRole('button', { name: 'Resolve conflict…' }).click()

  const dialog = page.getByRole('dialog', { name: 'Resolve conflict' })
  await expect(dialog).toContainText(`Syncthing’s conflict copy “${COPY}”`)
  await expect(dialog.getByRole('radio', { name: /^Merge both/ })).toBeFocused()
  const both = dialog.getByRole('region', { name: 'Changed on both sides, 1 of 1' })
  await expect(both.getByText('Two, ours.')).toBeVisible()
  await expect(both.getByText('Two, theirs.')).toBeVisible()
  expect((await new AxeBuilder({ page }).include('dialog[open]').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])

  // By keyboard: from this machine's block to the other's, then to Edit.
  await both.getByRole('radio', { name: 'This machine’s' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(both.getByRole('radio', { name: 'The other' })).toBeChecked()
  await page.keyboard.press('ArrowRight')
  const edit = both.getByRole('textbox', { name: 'Merged text for 1 of 1' })
  await expect(edit).toHaveValue('Two, ours.\n\nTwo, theirs.')
  await edit.fill('Two, from both machines.')
  await dialog.getByRole('button', { name: 'Resolve' }).click()

  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').getByText('Resolved the conflict in “Dune”')).toBeVisible()
  await expect(card.getByText('In conflict')).toHaveCount(0)
  const merged = await readFile(join(dir, 'review.md'), 'utf8')
  expect(merged.slice(merged.indexOf('---\n\n') + 5)).toBe('One, ours.\n\nTwo, from both machines.\n\nThree, theirs.\n')
  expect(await readdir(dir)).not.toContain(COPY)
  const trashed = (await readdir(join(libraryDir, '.trash'))).filter((name) => name.startsWith('conflict-dune-'))
  expect(trashed).toHaveLength(1)
  expect(await readFile(join(libraryDir, '.trash', trashed[0]!, COPY), 'utf8')).toContain('Two, theirs.')
})

test('a conflict copy that lands beside the open review is shown on it; resolving there puts the merge in the editor, which saves on top of it', async ({ blankPage: page, host, libraryDir }) => {
  const dir = join(libraryDir, 'dune')
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'review.md'), review('2026-12-01T10:00:00.000Z', 'One.', 'Two.', 'Three.'))
  await host.services.history.snapshot('dune', 'manual')
  await page.goto(host.url)
  await openReview(page, 'Dune')
  // Typed, maybe not saved yet, when the other machine's version arrives.
  await typeAtEnd(page, ' Typed here.')
  const later = new Date(Date.now() + 60 * 60_000).toISOString()
  await writeFile(join(dir, COPY), review(later, 'One, theirs.', 'Two.', 'Three.'))

  const notice = page.getByRole('region', { name: 'Conflicting version' })
  await expect(notice).toContainText('This review has a conflicting version from Syncthing.')
  await expect(notice).toContainText(`Syncthing’s conflict copy “${COPY}”`)
  expect((await new AxeBuilder({ page }).include('[aria-label="Conflicting version"]').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  await notice.getByRole('button', { name: 'Resolve conflict…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Resolve conflict' })
  // This machine's version is the editor's, its typing saved first.
  await expect(dialog.getByRole('radio', { name: /^Merge both/ })).toBeChecked()
  await dialog.getByRole('button', { name: 'Resolve' }).click()

  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').getByText('Resolved the conflict in “Dune”')).toBeVisible()
  await expect(notice).toBeHidden()
  await expect(editorText(page)).toContainText('One, theirs.')
  await expect(editorText(page)).toContainText('Three. Typed here.')
  const body = async () => {
    const text = await readFile(join(dir, 'review.md'), 'utf8')
    return text.slice(text.indexOf('---\n\n') + 5)
  }
  expect(await body()).toBe('One, theirs.\n\nTwo.\n\nThree. Typed here.\n')
  expect(await readdir(dir)).not.toContain(COPY)
  // The editor goes on from the merge: its next save keeps the other machine's edit.
  await typeAtEnd(page, ' And after.')
  await expect(saveState(page)).toHaveText(/^Saved/)
  await expect.poll(body).toBe('One, theirs.\n\nTwo.\n\nThree. Typed here. And after.\n')
})
