import { defineConfig } from '@playwright/test'
import { slow } from './tests/support/slow'
import { DISABLED_FEATURES_ENV } from './tests/support/browserFeatures'
// One list of flags for every headless Chromium started here: the browser mode's PDF printer and the tests'.
import { CHROMIUM_ARGS } from './src/main/services/export/chromiumPrinter'

const disabledFeatures = process.env[DISABLED_FEATURES_ENV]

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  // Its own folder: Playwright empties it at the start, and the publish suite's reports and log
  // (test-results/reports, test-results/publish-ui) are written meanwhile.
  outputDir: 'test-results/e2e',
  globalSetup: './tests/support/browserFeatures.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Bounds on waits for conditions, with room for a machine whose cores are both busy.
  timeout: slow(120_000),
  expect: { timeout: slow(20_000) },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env['PW_CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, ...(disabledFeatures ? [`--disable-features=${disabledFeatures}`] : [])],
    },
    // Recording a trace of every test (to keep the failed ones') cost a third of the suite's CPU: a
    // failure keeps its screenshot and page snapshot; `npx playwright test --trace on` records traces.
    screenshot: 'only-on-failure',
    actionTimeout: slow(30_000),
    navigationTimeout: slow(30_000),
  },
})
