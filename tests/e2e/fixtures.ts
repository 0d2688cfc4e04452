import { existsSync, readdirSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { startHost, type Host } from './host'
import { slow } from '../support/slow'
import { APP_DIR } from '../../src/web/app'
import { useReaderWorker } from '../../src/main/services/library/reader'
import { useSearchWorker } from '../../src/main/services/search/reviewSearch'

/**
 * The reader and search threads start from the bundles the build made, as in the app (the suite
 * serves the built renderer from out/ too). From the TypeScript source each thread loads its modules
 * through tsx: about 2 s of CPU a start against 0.7 s, and the start is paid again after every
 * thread a test stops (a file over its read budget).
 */
function builtWorker(name: string): string {
  const chunks = join(APP_DIR, 'out/main/chunks')
  const built = (existsSync(chunks) ? readdirSync(chunks) : []).filter((file) => file.startsWith(`${name}-`) && file.endsWith('.js'))
  const newest = built.sort((a, b) => statSync(join(chunks, b)).mtimeMs - statSync(join(chunks, a)).mtimeMs)[0]
  if (!newest) throw new Error(`No ${name} bundle in out/main/chunks: build the app first (npx electron-vite build).`)
  return join(chunks, newest)
}
useReaderWorker(builtWorker('readerWorker'))
useSearchWorker(builtWorker('searchWorker'))

interface Fixtures {
  /** A fresh temp folder per test; the library lives in `<tempDir>/library`. */
  tempDir: string
  libraryDir: string
  host: Host
  /** Starts as on a new computer (the first-run welcome shows); otherwise it was answered before. */
  firstRun: boolean
}

/** Every test gets its own library and settings on disk and a page already at the app. */
export const test = base.extend<Fixtures>({
  tempDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'verdict-e2e-'))
    await use(dir)
    // The library's index may still be finishing a background write it started before the close.
    await rm(dir, { recursive: true, force: true, maxRetries: 5 })
  },
  libraryDir: async ({ tempDir }, use) => {
    await use(join(tempDir, 'library'))
  },
  firstRun: [false, { option: true }],
  host: async ({ tempDir, libraryDir, firstRun }, use) => {
    const host = await startHost({ libraryDir, settingsDir: join(tempDir, 'settings') })
    if (!firstRun) host.services.settings.update({ welcomed: true })
    await use(host)
    await host.close()
  },
  page: async ({ page, host }, use) => {
    await page.goto(host.url)
    await use(page)
  },
})

/**
 * Chooses `path` with the dialog's "Browse…" button for the field labelled `label`, as if picked in
 * main's picker (the host answers for it), and waits for the field to show it.
 */
export async function browseTo(host: Host, scope: Locator, label: string, kind: 'folder' | 'file', path: string): Promise<void> {
  host.picks[kind] = path
  // Each dialog has one path field, so one Browse… button.
  await scope.getByRole('button', { name: 'Browse…' }).click()
  await expect(scope.getByLabel(label)).toHaveValue(path)
}

/**
 * Exports the open review as one HTML page into `dest` (picked with Browse…), waits for the
 * summary, and returns the dialog, still open on it.
 */
export async function exportHtmlPage(page: Page, host: Host, dest: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: /^Export / })
  await dialog.getByRole('radio', { name: /^HTML page/ }).check()
  await browseTo(host, dialog, 'Destination folder', 'folder', dest)
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByRole('region', { name: 'Export summary' })).toBeVisible({ timeout: slow(60_000) })
  return dialog
}

export { screenshotPath } from '../support/screenshots'

export { expect }
