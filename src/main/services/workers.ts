/**
 * Main's worker threads (the review reader, the search index). The built app names each worker's
 * bundle (electron-vite's `?modulePath`, handed over by the Electron entry); under Node (tests, the
 * browser mode, both run through tsx) it is the TypeScript source, loaded through tsx's API: Node 20
 * does not pass `--import` hooks on to worker threads.
 */
import { readlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { setPriority } from 'node:os'
import { pathToFileURL } from 'node:url'
import { isMainThread, Worker } from 'node:worker_threads'

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

/** The nice value of a worker thread whose work can wait (`yieldToForeground`). */
export const BACKGROUND_NICE = 10

/**
 * Called in a worker thread whose work can wait (the search index reading a library): the thread
 * runs at a lower scheduling priority, so on a machine of few cores it takes what main and the
 * window's renderer leave. Indexing the bench's 10,000- and 50,000-word reviews after the start took
 * a core while the first review opened on two. Linux only: there a thread's nice value is its own
 * (set by its thread id), elsewhere it is the whole app's.
 */
export function yieldToForeground(): void {
  if (isMainThread || process.platform !== 'linux') return
  try {
    // `<pid>/task/<thread id>`
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').at(-1)), BACKGROUND_NICE)
  } catch {
    // No /proc (a container without it): the thread keeps the app's priority.
  }
}
