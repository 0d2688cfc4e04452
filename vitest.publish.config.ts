import { defineConfig } from 'vitest/config'
import base from './vitest.config'
import { slow } from './tests/support/slow'

// tests/publish: against real WordPress, Ghost and Micropub servers started by scripts/test-publish.mjs.
// (Not mergeConfig: it would append to the unit suites' include list instead of replacing it.)
// One file at a time against the shared blogs, as before the unit suites took both cores.
const { projects: _unitProjects, maxWorkers: _unitWorkers, ...shared } = base.test ?? {}

export default defineConfig({
  ...base,
  test: {
    ...shared,
    include: ['tests/publish/**/*.test.ts'],
    testTimeout: slow(180_000),
    hookTimeout: slow(180_000),
  },
})
