/**
 * Vitest's global set-up: main's reader and search threads bundled once for the run, as the built
 * app has them (src/main/services/workers.ts). From the TypeScript source every thread a test starts
 * loaded its modules through tsx, about 1.2 s of CPU more a start, and the suites start hundreds
 * (a Library, a search, a read stopped at its budget). useWorkerBundles.ts hands them to each file.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { bundleForNode } from './bundleForNode'

declare module 'vitest' {
  export interface ProvidedContext {
    workerBundles: { reader: string; search: string }
  }
}

const SERVICES = join(import.meta.dirname, '../../src/main/services')

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'verdict-workers-'))
  const bundle = () => bundleForNode({ readerWorker: join(SERVICES, 'library/readerWorker.ts'), searchWorker: join(SERVICES, 'search/searchWorker.ts') }, dir)
  await bundle()
  // In watch mode the threads must run the code as edited.
  project.onTestsRerun(bundle)
  project.provide('workerBundles', { reader: join(dir, 'readerWorker.mjs'), search: join(dir, 'searchWorker.mjs') })
  return () => rm(dir, { recursive: true, force: true })
}
