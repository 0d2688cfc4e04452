/** Vitest's set-up file: every test file's reader and search threads start from the run's bundles (workerBundles.ts). */
import { inject } from 'vitest'
import { useReaderWorker } from '../../src/main/services/library/reader'
import { useSearchWorker } from '../../src/main/services/search/reviewSearch'

const bundles = inject('workerBundles')
useReaderWorker(bundles.reader)
useSearchWorker(bundles.search)
