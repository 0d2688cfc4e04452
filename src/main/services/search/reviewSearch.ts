/**
 * The library's full-text search as main sees it. The index itself (searchIndex.ts) lives in a
 * worker thread shared by the open libraries (searchWorker.ts): reading every review into it,
 * loading and writing `search.json` (MiniSearch's JSON of a 10,000-review library is some 17 MB) and
 * walking it for a query would each hold main's event loop for up to seconds, and with it every
 * request of the app. Main keeps what it knows best: the rows the query's filters are judged on,
 * and where each review's file is.
 */
import type { Worker } from 'node:worker_threads'
import type { SearchResults } from '../../../shared/contract'
import type { ReviewSummary } from '../../../shared/model'
import { matchesFilters, parseQuery, type SearchQuery } from '../../../shared/search'
import type { FileKey } from '../fs/fileKey'
import { startWorker } from '../workers'
import type { IndexResults } from './searchIndex'
import type { ReviewPlace, SearchText } from './searchText'

/** What main asks of the search thread; `handle` names the library's index there. */
export type SearchRequest =
  | { op: 'open'; handle: number; stateDir: string; root: string; maxBytes: number; persistDelayMs?: number }
  | { op: 'put'; handle: number; id: string; key: FileKey; text: SearchText; place?: ReviewPlace }
  | { op: 'remove'; handle: number; id: string }
  /**
   * The listing's reviews as one string of ids (`\0` between them) and their file keys, four numbers
   * each (encodeKeys), which is copied and moved in a fraction of the time 10,000 small objects take.
   */
  | { op: 'reconcile'; handle: number; ids: string; keys: Float64Array; places: Array<[string, ReviewPlace]> }
  | { op: 'stop'; handle: number }
  | ({ call: number; handle: number } & SearchCall)

type SearchCall = { op: 'search'; input: string; limit: number; allowed?: string[] } | { op: 'idle' } | { op: 'flush' }

/** What each call answers: the hits, nothing, or why the index file could not be written. */
export interface SearchAnswers {
  search: IndexResults
  idle: null
  flush: string | null
}

export type SearchReply = { call: number; ok: true; value: SearchAnswers[keyof SearchAnswers] } | { call: number; ok: false; message: string }

export interface ReviewSearchOptions {
  /** This machine's state folder of the library (fs/machineState.ts). */
  stateDir: string
  /** The library's folder: a review's file is `<root>/<id>/review.md` unless a place is given. */
  root: string
  /** A review file larger than this is indexed by its title alone (the library's own limit). */
  maxBytes: number
  /** The library row of a review (results are judged on it). */
  row: (id: string) => ReviewSummary | undefined
  /** Every review of the last listing (filters are judged on them). */
  rows: () => Iterable<ReviewSummary>
  persistDelayMs?: number
}

const WORKER_SOURCE = './searchWorker.ts' // a variable, so the bundler leaves the URL alone

/** The one search thread, started on first use and again after it died. */
class SearchThread {
  private readonly worker: Worker = startWorker('search', new URL(WORKER_SOURCE, import.meta.url))
  private readonly waiting = new Map<number, (reply: SearchReply) => void>()
  private nextCall = 0
  dead = false

  constructor() {
    this.worker.on('message', (reply: SearchReply) => this.waiting.get(reply.call)?.(reply))
    const fail = (message: string) => {
      this.dead = true
      for (const [call, settle] of this.waiting) settle({ call, ok: false, message })
      this.waiting.clear()
    }
    this.worker.on('error', (error) => fail(`The search stopped: ${error.message}`))
    this.worker.on('exit', () => fail('The search stopped.'))
    // After the listeners: a 'message' listener refs the thread's port again, and a process that
    // only has the idle search thread left (a child of the tests, the browser mode on exit) must end.
    this.worker.unref()
  }

  send(request: SearchRequest, transfer: ArrayBuffer[] = []): void {
    if (!this.dead) this.worker.postMessage(request, transfer)
  }

  async call<K extends SearchCall['op']>(handle: number, request: Extract<SearchCall, { op: K }>): Promise<SearchAnswers[K]> {
    if (this.dead) throw new Error('The search stopped.')
    const call = this.nextCall++
    // A call in progress keeps the process alive (tests and the bench await them).
    this.worker.ref()
    try {
      const reply = await new Promise<SearchReply>((resolve) => {
        this.waiting.set(call, resolve)
        this.worker.postMessage({ ...request, call, handle })
      })
      if (!reply.ok) throw new Error(reply.message)
      // The thread answers each call with its op's answer (searchWorker.ts).
      return reply.value as SearchAnswers[K]
    } finally {
      this.waiting.delete(call)
      if (this.waiting.size === 0 && !this.dead) this.worker.unref()
    }
  }
}

let thread: SearchThread | undefined
let nextHandle = 0

export class ReviewSearch {
  private readonly handle = nextHandle++
  /** The thread this library's index was opened in (a new one opens it again, from its file). */
  private openIn: SearchThread | undefined
  private stopped = false
  /** The file versions last sent to the thread (reconcile). */
  private reconciled: { thread: SearchThread; version: string } | undefined
  /** Each search session with a search under way, and the newest one waiting for it. */
  private readonly sessions = new Map<string, { next?: (go: boolean) => void }>()

  constructor(private readonly options: ReviewSearchOptions) {}

  /** Indexes one review's text as read from this version of its file (`place`: where a site keeps it). */
  put(id: string, key: FileKey, text: SearchText, place?: ReviewPlace): void {
    this.thread()?.send({ op: 'put', handle: this.handle, id, key, text, ...(place ? { place } : {}) })
  }

  remove(id: string): void {
    this.thread()?.send({ op: 'remove', handle: this.handle, id })
  }

  /**
   * After a listing: the reviews there are and their file versions (and places, in a site's layout).
   * Reviews gone are dropped, and those not indexed at that version are read in the background.
   * `version` names the listing's file versions: the same as last time in the same thread, nothing
   * is sent (10,000 keys copied to the thread were a fifth of a listing that found nothing new).
   */
  reconcile(version: string, current: () => ReadonlyMap<string, FileKey>, placeOf?: (id: string) => ReviewPlace): void {
    const running = this.thread()
    if (!running || (this.reconciled?.thread === running && this.reconciled.version === version)) return
    this.reconciled = { thread: running, version }
    const keyed = current()
    const ids = [...keyed.keys()]
    const keys = encodeKeys(keyed.values(), keyed.size)
    const places = placeOf ? ids.map((id): [string, ReviewPlace] => [id, placeOf(id)]) : []
    running.send({ op: 'reconcile', handle: this.handle, ids: ids.join('\0'), keys, places }, [keys.buffer as ArrayBuffer])
  }

  /** Resolves when nothing is left to index (tests, the bench). */
  async idle(): Promise<void> {
    await this.thread()?.call(this.handle, { op: 'idle' })
  }

  /**
   * `session`: the search field asking. Its searches go to the thread one at a time; one that waits
   * for the one before it is superseded by a newer one (keys typed while a search ran): it is answered
   * at once, unsearched, and only the newest reaches the thread.
   */
  async search(input: string, limit: number, session?: string): Promise<SearchResults> {
    const query = parseQuery(input)
    if (session !== undefined && !(await this.turn(session))) return { hits: [], total: 0, more: false, problems: query.problems, superseded: true }
    try {
      return await this.searchNow(query, input, limit)
    } finally {
      if (session !== undefined) this.endTurn(session)
    }
  }

  private async searchNow(query: SearchQuery, input: string, limit: number): Promise<SearchResults> {
    // Filters are judged on main's rows; the index is told which reviews pass.
    const allowed = query.filters.length > 0 ? [...this.options.rows()].filter((row) => matchesFilters(row, query.filters)) : undefined
    const running = this.thread()
    if (!running) throw new Error('The library was closed.')
    const found = await running.call(this.handle, { op: 'search', input, limit, ...(allowed ? { allowed: allowed.map((row) => row.id) } : {}) })
    if (query.terms.length > 0) return { ...found, hits: found.hits.filter((hit) => this.options.row(hit.id)), problems: query.problems }
    const rows = (allowed ?? [...this.options.rows()]).sort((a, b) => b.updated.localeCompare(a.updated))
    const hits = rows.slice(0, limit).map((row) => ({ id: row.id, field: 'excerpt' as const, snippet: row.excerpt, marks: [] }))
    return { ...found, hits, total: rows.length, more: false, problems: query.problems }
  }

  /** Waits until the session's search before this one has ended; false when a newer one came meanwhile. */
  private turn(session: string): Promise<boolean> {
    const turn = this.sessions.get(session)
    if (!turn) {
      this.sessions.set(session, {})
      return Promise.resolve(true)
    }
    turn.next?.(false)
    return new Promise((go) => (turn.next = go))
  }

  /** The session's search has ended: the newest waiting one goes next. */
  private endTurn(session: string): void {
    const turn = this.sessions.get(session)
    const next = turn?.next
    if (!turn || !next) return void this.sessions.delete(session)
    turn.next = undefined
    next(true)
  }

  /** The library is closed (app quit, another library opened): no more reading or writing. */
  stop(): void {
    this.stopped = true
    if (this.openIn && !this.openIn.dead) this.openIn.send({ op: 'stop', handle: this.handle })
  }

  /** Writes the index file now if it changed (tests, shutdown); the error when it could not be. */
  async flush(): Promise<Error | undefined> {
    const failure = await this.thread()?.call(this.handle, { op: 'flush' })
    return failure ? new Error(failure) : undefined
  }

  /** The search thread with this library's index open in it; none once stopped. */
  private thread(): SearchThread | undefined {
    if (this.stopped) return undefined
    if (!thread || thread.dead) thread = new SearchThread()
    if (this.openIn !== thread) {
      this.openIn = thread
      const { stateDir, root, maxBytes, persistDelayMs } = this.options
      thread.send({ op: 'open', handle: this.handle, stateDir, root, maxBytes, ...(persistDelayMs !== undefined ? { persistDelayMs } : {}) })
    }
    return thread
  }
}

/** File keys as four numbers each (mtimeMs, ctimeMs, size, ino), in order. */
function encodeKeys(keys: Iterable<FileKey>, count: number): Float64Array {
  const out = new Float64Array(count * 4)
  let at = 0
  for (const key of keys) {
    out[at++] = key.mtimeMs
    out[at++] = key.ctimeMs
    out[at++] = key.size
    out[at++] = key.ino
  }
  return out
}

export function decodeKeys(ids: string, keys: Float64Array): Map<string, FileKey> {
  const current = new Map<string, FileKey>()
  if (ids === '') return current
  ids.split('\0').forEach((id, index) => {
    const at = index * 4
    current.set(id, { mtimeMs: keys[at]!, ctimeMs: keys[at + 1]!, size: keys[at + 2]!, ino: keys[at + 3]! })
  })
  return current
}
