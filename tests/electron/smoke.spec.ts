/**
 * The real desktop app: launch, create a review, type, relaunch, the text is there; launched with a
 * review's path, that review opens. Runs wherever an Electron binary exists; elsewhere it is skipped
 * with the reason.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { findElectron } from '../../scripts/electron-binary.mjs'

const binary = findElectron()
if ('missing' in binary) console.log(`Electron smoke test skipped: ${binary.missing}`)

test.skip('missing' in binary, 'missing' in binary ? binary.missing : '')

/** The app in development's shape (`electron <app> --no-sandbox …`), its library and profile in `dir`. */
function launcher(dir: string) {
  if ('missing' in binary) throw new Error(binary.missing)
  const executablePath = binary.path
  return (...paths: string[]) =>
    electron.launch({
      executablePath,
      args: [resolve(import.meta.dirname, '../..'), '--no-sandbox', ...paths],
      env: { ...process.env, VERDICT_LIBRARY: join(dir, 'library'), VERDICT_USER_DATA: join(dir, 'user-data') },
    })
}

test('launch, create a review, type, relaunch: the text is there', async () => {
  if ('missing' in binary) return
  const dir = await mkdtemp(join(tmpdir(), 'verdict-electron-'))
  const launch = launcher(dir)
  try {
    let app = await launch()
    let page = await app.firstWindow()
    // The application menu is Verdict's, not Electron's default.
    const newReview = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('newReview')?.label)
    expect(newReview).toBe('New review')
    await page.getByRole('button', { name: 'New review' }).click()
    const editor = page.getByRole('textbox', { name: 'Review text' })
    await editor.click()
    await page.keyboard.type('Typed in the real desktop app.')
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
    await app.close()

    app = await launch()
    page = await app.firstWindow()
    await page.getByRole('listitem', { name: 'Untitled review' }).getByRole('button', { name: 'Open' }).click()
    await expect(page.getByRole('textbox', { name: 'Review text' })).toContainText('Typed in the real desktop app.')
    await app.close()
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('launched with a review’s path (as the system opens a file with Verdict), that review opens', async () => {
  if ('missing' in binary) return
  const dir = await mkdtemp(join(tmpdir(), 'verdict-electron-'))
  const review = join(dir, 'library', 'persona', 'review.md')
  await mkdir(join(dir, 'library', 'persona'), { recursive: true })
  await writeFile(review, '---\ntitle: Persona\n---\n\nTwo faces.\n')
  try {
    const app = await launcher(dir)(review)
    const page = await app.firstWindow()
    await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Persona')
    await expect(page.getByRole('textbox', { name: 'Review text' })).toContainText('Two faces.')
    await app.close()
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
