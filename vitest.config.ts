import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { slow } from './tests/support/slow'

export default defineConfig({
  resolve: {
    alias: {
      '@shared': resolve(import.meta.dirname, 'src/shared'),
      '@renderer': resolve(import.meta.dirname, 'src/renderer/src'),
    },
  },
  test: {
    // tests/faults: crash, disk and hostile-input tests of the main process (also `npm run test:faults`).
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/faults/**/*.test.ts'],
    environment: 'node',
    // Bounds on waits, with room for a machine whose cores are both busy (tests/support/slow.ts).
    testTimeout: slow(60_000),
    hookTimeout: slow(60_000),
  },
})
