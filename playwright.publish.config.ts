import { defineConfig } from '@playwright/test'
import base from './playwright.config'
import { slow } from './tests/support/slow'

// tests/publish/*.spec.ts: the app's UI publishing to the real WordPress and Ghost that
// scripts/test-publish.mjs starts on loopback (after its vitest run, before it stops them).
export default defineConfig({
  ...base,
  testDir: 'tests',
  testMatch: ['publish/**/*.spec.ts'],
  outputDir: 'test-results/publish-ui',
  timeout: slow(240_000),
})
