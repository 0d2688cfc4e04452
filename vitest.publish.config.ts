import { defineConfig, mergeConfig } from 'vitest/config'
import base from './vitest.config'

// tests/publish: against real WordPress, Ghost and Micropub servers started by scripts/test-publish.mjs.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['tests/publish/**/*.test.ts'],
      testTimeout: 120_000,
      hookTimeout: 120_000,
      // One blog per file; files run side by side, tests within a file in order.
      fileParallelism: true,
    },
  }),
)
