import { defineConfig } from 'vitest/config'
import base from './vitest.config'
import { slow } from './tests/support/slow'

// tests/publish: against real WordPress, Ghost and Micropub servers started by scripts/test-publish.mjs.
// (Not mergeConfig: it would append to the unit suites' include list instead of replacing it.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/publish/**/*.test.ts'],
    testTimeout: slow(180_000),
    hookTimeout: slow(180_000),
  },
})
