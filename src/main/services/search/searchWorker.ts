/** The search thread (reviewSearch.ts): each open library's index, fed and asked by main's messages. */
import { parentPort } from 'node:worker_threads'
import { join } from 'node:path'
import { decodeKeys, type SearchReply, type SearchRequest } from './reviewSearch'
import { SearchIndex } from './searchIndex'
import { readSearchText, type ReviewPlace } from './searchText'
import { yieldToForeground } from '../workers'

const port = parentPort
if (!port) throw new Error('searchWorker runs only as a worker thread')
// Indexing can wait for the text being opened or typed.
yieldToForeground()

/** The name of a review's file in Verdict's own layout (library.ts, which the thread does not load). */
const REVIEW_FILE = 'review.md'

interface Open {
  index: SearchIndex
  /** Where a site keeps a review's file (to read it into the index, and its text for a hit's sentence). */
  places: Map<string, ReviewPlace>
}

const open = new Map<number, Open>()

function opened(request: Extract<SearchRequest, { op: 'open' }>): Open {
  const places = new Map<string, ReviewPlace>()
  const index = new SearchIndex({
    stateDir: request.stateDir,
    // Verdict's own layout: `<root>/<id>/review.md`, titled by its folder when the file says none.
    read: (id, indexed) => readSearchText(places.get(id) ?? { path: join(request.root, id, REVIEW_FILE), title: id }, request.maxBytes, indexed),
    ...(request.persistDelayMs !== undefined ? { persistDelayMs: request.persistDelayMs } : {}),
  })
  return { index, places }
}

async function answer(library: Open, request: Extract<SearchRequest, { call: number }>): Promise<SearchReply> {
  const { call } = request
  try {
    switch (request.op) {
      case 'search':
        return { call, ok: true, value: await library.index.search(request.input, request.limit, request.allowed && new Set(request.allowed)) }
      case 'idle':
        await library.index.idle()
        return { call, ok: true, value: null }
      case 'flush':
        return { call, ok: true, value: (await library.index.flush())?.message ?? null }
    }
  } catch (error) {
    return { call, ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

port.on('message', (request: SearchRequest) => {
  if (request.op === 'open') {
    open.set(request.handle, opened(request))
    return
  }
  const library = open.get(request.handle)
  if ('call' in request) {
    if (library) void answer(library, request).then((reply) => port.postMessage(reply))
    else port.postMessage({ call: request.call, ok: false, message: 'The library was closed.' } satisfies SearchReply)
    return
  }
  if (!library) return
  switch (request.op) {
    case 'put':
      if (request.place) library.places.set(request.id, request.place)
      library.index.put(request.id, request.key, request.text)
      break
    case 'remove':
      library.places.delete(request.id)
      library.index.remove(request.id)
      break
    case 'reconcile': {
      const current = decodeKeys(request.ids, request.keys)
      library.places = new Map(request.places)
      library.index.reconcile(current)
      break
    }
    case 'stop':
      library.index.stop()
      open.delete(request.handle)
      break
  }
})
