/**
 * Main's worker threads (the review reader, the search index). The built app names each worker's
 * bundle (electron-vite's `?modulePath`, handed over by the Electron entry); under Node (tests, the
 * browser mode, both run through tsx) it is the TypeScript source, loaded through tsx's API: Node 20
 * does not pass `--import` hooks on to worker threads.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

export function startWorker(bundle: string | undefined, source: URL): Worker {
  if (bundle) return new Worker(bundle)
  // The ESM build of tsx's API (its CommonJS build cannot find its own ESM half from a worker).
  const tsx = JSON.stringify(new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href)
  const href = JSON.stringify(source.href)
  return new Worker(`import(${tsx}).then(({ tsImport }) => tsImport(${href}, ${href}))`, { eval: true })
}
