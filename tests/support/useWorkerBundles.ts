/**
 * Vitest's set-up file: every test file's reader and search threads start from the run's bundles
 * (workerBundles.ts). It loads no service module: one loaded here would keep the real modules it
 * imports, out of reach of a test file's `vi.mock` (the disk fault test mocks node:fs/promises).
 */
import { inject } from 'vitest'
import { useWorkerBundles } from '../../src/main/services/workers'

useWorkerBundles(inject('workerBundles'))
