import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { slow } from './tests/support/slow'

const DISK_FAULTS = 'tests/faults/disk.test.ts'

export default defineConfig({
  resolve: {
    alias: {
      '@shared': resolve(import.meta.dirname, 'src/shared'),
      '@renderer': resolve(import.meta.dirname, 'src/renderer/src'),
    },
  },
  test: {
    environment: 'node',
    // Bounds on waits, with room for a machine whose cores are both busy (tests/support/slow.ts).
    testTimeout: slow(60_000),
    hookTimeout: slow(60_000),
    // Vitest's default leaves a core idle (one worker on two cores); the suite is CPU-bound.
    maxWorkers: availableParallelism(),
    // Main's reader and search threads start from bundles made once for the run, as in the app.
    globalSetup: ['tests/support/workerBundles.ts'],
    setupFiles: ['tests/support/useWorkerBundles.ts'],
    projects: [
      {
        extends: true,
        // The unit tests share no state between files, so a worker keeps the modules it loaded instead of
        // loading Lexical, unified and the services again for each file (half of the suite's CPU time).
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'], isolate: false },
      },
      // tests/faults: crash, disk and hostile-input tests of the main process (also `npm run test:faults`).
      // Like the unit tests they share no state, so a worker keeps the services it loaded (each file
      // loading them again cost about 10 s of CPU in all); only the disk test, which mocks
      // node:fs/promises, gets a fresh worker, so no module keeps the real one it imported.
      { extends: true, test: { name: 'faults', include: ['tests/faults/**/*.test.ts'], exclude: [DISK_FAULTS], isolate: false } },
      { extends: true, test: { name: 'faults (mocked fs)', include: [DISK_FAULTS] } },
      // tests/sync: two real Syncthing instances on loopback (tests/sync/syncthing.ts) under two sets of
      // the main-process services; each file starts its own pair, in a fresh worker
      // (in a shared one the conflict test failed once, a history read finding its review gone; not understood yet).
      { extends: true, test: { name: 'sync', include: ['tests/sync/**/*.test.ts'] } },
    ],
  },
})
