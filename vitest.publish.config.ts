import { defineConfig } from 'vitest/config'
import base from './vitest.config'

// tests/publish: against real WordPress, Ghost and Micropub servers started by scripts/test-publish.mjs.
// (Not mergeConfig: it would append to the unit suites' include list instead of replacing it.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/publish/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
