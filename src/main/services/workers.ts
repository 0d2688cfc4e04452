/**
 * Main's worker threads (the review reader, the search index). The built app names each worker's
 * bundle (electron-vite's `?modulePath`, handed over by the Electron entry); under Node (tests, the
 * browser mode, both run through tsx) it is the TypeScript source, loaded through tsx's API: Node 20
 * does not pass `--import` hooks on to worker threads.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

export type WorkerName = 'reader' | 'search'

const bundles: Partial<Record<WorkerName, string>> = {}

/**
 * The workers' bundles, set once before any review is read: by the Electron entry, and by the tests'
 * and hosts' set-up. Kept here, apart from the services, so setting them loads no service module
 * (a test file's module mocks must reach every service it loads).
 */
export function useWorkerBundles(paths: Record<WorkerName, string>): void {
  Object.assign(bundles, paths)
}

export function startWorker(name: WorkerName, source: URL): Worker {
  const bundle = bundles[name]
  if (bundle) return new Worker(bundle)
  // The ESM build of tsx's API (its CommonJS build cannot find its own ESM half from a worker).
  const tsx = JSON.stringify(new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href)
  const href = JSON.stringify(source.href)
  return new Worker(`import(${tsx}).then(({ tsImport }) => tsImport(${href}, ${href}))`, { eval: true })
}
