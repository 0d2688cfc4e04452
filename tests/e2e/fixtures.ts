import { existsSync, readdirSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type BrowserContextOptions, type Locator, type Page } from '@playwright/test'
import { startHost, type Host } from './host'
import { KeptPage } from './keptPage'
import { slow } from '../support/slow'
import { APP_DIR } from '../../src/web/app'
import { useWorkerBundles } from '../../src/main/services/workers'

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
useWorkerBundles({ reader: builtWorker('readerWorker'), search: builtWorker('searchWorker') })

interface Fixtures {
  /** A fresh temp folder per test; the library lives in `<tempDir>/library`. */
  tempDir: string
  libraryDir: string
  host: Host
  /** Starts as on a new computer (the first-run welcome shows); otherwise it was answered before. */
  firstRun: boolean
  /**
   * Options of a context of the test's own (a new context and page, as Playwright gives by default);
   * left unset, the test runs on its worker's kept page (see keptPage.ts). Playwright's own context
   * options (test.use({ timezoneId })) do not reach the kept page: set them here.
   */
  ownContext: BrowserContextOptions | undefined
  /**
   * The test's page before the app's first load (about:blank), for a test that writes its library or
   * settings first, as an earlier session left them: it opens the app with `page.goto(host.url)`.
   * A reload after seeding would load the app twice.
   */
  blankPage: Page
}

interface WorkerFixtures {
  keptPage: KeptPage
  /** The port this worker's hosts listen on, so the kept page's cached scripts keep their address. */
  appPort: { port: number }
}

/** Every test gets its own library and settings on disk and a page already at the app. */
export const test = base.extend<Fixtures, WorkerFixtures>({
  keptPage: [
    async ({ browser }, use, workerInfo) => {
      const { viewport, actionTimeout, navigationTimeout } = workerInfo.project.use
      if (!viewport || !actionTimeout || !navigationTimeout) throw new Error('The kept page takes the viewport and timeouts from the config.')
      const kept = await KeptPage.open(browser, { viewport, actionTimeout, navigationTimeout })
      await use(kept)
      await kept.close()
    },
    { scope: 'worker' },
  ],
  appPort: [async ({}, use) => use({ port: 0 }), { scope: 'worker' }],
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
  ownContext: [undefined, { option: true }],
  host: async ({ tempDir, libraryDir, firstRun, appPort }, use) => {
    const options = { libraryDir, settingsDir: join(tempDir, 'settings') }
    // The worker's port is free again once the last test's host closed; should something else have
    // taken it meanwhile, the host takes another (the kept page then loads the scripts anew).
    const host = await startHost({ ...options, port: appPort.port }).catch(() => startHost(options))
    appPort.port = Number(new URL(host.origin).port)
    if (!firstRun) host.services.settings.update({ welcomed: true })
    await use(host)
    await host.close()
  },
  context: async ({ browser, keptPage, ownContext, timezoneId, locale, colorScheme, offline, contextOptions }, use, testInfo) => {
    // Playwright's context options would not reach the kept page: a test sets them in ownContext.
    const changed = Object.entries({ timezoneId, locale, colorScheme, offline, contextOptions }).filter(([name, value]) => !isDefault(name, value))
    if (!ownContext && changed.length) throw new Error(`test.use({ ${changed.map(([name]) => name).join(', ')} }) is for a context of the test's own: set it as test.use({ ownContext: { … } }).`)
    if (!ownContext) {
      await use(keptPage.take().context)
      return keptPage.reset()
    }
    const context = await browser.newContext({ viewport: testInfo.project.use.viewport, ...ownContext })
    await use(context)
    await context.close()
  },
  // Set up after the host, so the host closes after the page has left its app.
  blankPage: async ({ context, host: _host, keptPage, ownContext }, use) => {
    const page = ownContext ? await context.newPage() : keptPage.take().page
    await use(page)
    // The page leaves the app before the host closes (the rest of the reset after, with the context).
    if (!ownContext) await keptPage.leave()
  },
  page: async ({ blankPage, host }, use) => {
    await blankPage.goto(host.url)
    await use(blankPage)
  },
})

/** Playwright's defaults of the context options the kept page checks. */
const DEFAULT_OPTIONS: Record<string, unknown> = { timezoneId: undefined, locale: 'en-US', colorScheme: 'light', offline: false }

function isDefault(name: string, value: unknown): boolean {
  return name === 'contextOptions' ? Object.keys(value ?? {}).length === 0 : value === DEFAULT_OPTIONS[name]
}

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
