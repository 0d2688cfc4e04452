/**
 * Reading review files off the request path: opening a review and summarising it for the library
 * list parse its Markdown in a worker thread (readerWorker.ts), so a slow file holds up only its
 * own request, never main (which serves every other request). Each read has a time budget; past
 * it the worker is terminated and the file is refused with a clear reason (the caller shows it
 * read-only, or as a problem row), and the next read gets a fresh worker.
 *
 * The parsing limits (format/limits.ts) keep every known hostile shape cheap already: the budget is
 * for whatever they do not foresee. Paths that parse on main without a worker (saving, history,
 * the recovery journal, export and the preview, which renders the editor's own document through a
 * resolver that lives on main) are bounded by those limits alone.
 */
import type { ReviewMeta, ReviewSummary } from '../../../shared/model'
import { parseReview, ReviewParseError, type ParsedReview } from '../format'
import { readFrontMatter } from '../format/frontMatter'
import { metaFromYaml, type MetaFallback } from '../format/meta'
import { searchText, type SearchText } from '../search/searchText'
import { startWorker } from '../workers'
import { bodyStats } from './indexScan'

/** A library row's fields that come from the file (the rest are the folder's). */
export type SummaryFields = Omit<ReviewSummary, 'id' | 'problem'>

export type ReaderJob =
  | { kind: 'open'; file: Uint8Array; fallback: MetaFallback }
  | { kind: 'summary'; file: Uint8Array; fallback: MetaFallback }

/** A row's fields and the review's searchable text, from one read of the file. */
export interface Summarized {
  fields: SummaryFields
  search: SearchText
}

type ReaderResult = { kind: 'open'; review: ParsedReview } | ({ kind: 'summary' } & Summarized)

/** A job's outcome as the worker posts it. */
export type ReaderReply = { id: number; ok: true; value: ReaderResult } | { id: number; ok: false; unreadable: boolean; message: string }

/** Runs a job where it is called: in the worker. */
export function runReaderJob(job: ReaderJob): ReaderResult {
  if (job.kind === 'open') {
    return { kind: 'open', review: parseReview(Buffer.from(job.file.buffer, job.file.byteOffset, job.file.byteLength), job.fallback) }
  }
  const { data, body, head } = readFrontMatter(job.file)
  const meta: ReviewMeta = metaFromYaml(data, job.fallback)
  // The body is the truth: a front matter `score` edited elsewhere may disagree with it. A body
  // without a score keeps the front matter's, as a site's post gives it (`score: 8`).
  const { extra: _extra, score: written, ...fields } = meta
  const { wordCount, score = written } = bodyStats(body)
  return { kind: 'summary', fields: { ...fields, ...(score ? { score } : {}), wordCount }, search: searchText(meta, body, head?.bodyStart ?? 0) }
}

/**
 * Reads one small review where it is called: a thread's or a process's first parse also compiles
 * the parser (~60 ms more for a long review's first part on main), which belongs to its start.
 */
export function warmUpParser(): void {
  runReaderJob({
    kind: 'open',
    file: new TextEncoder().encode(
      '---\ntitle: Warm-up\ntags: [a, b]\n---\n\nA *short* review with **strong words**, `code` and [a link](https://example.com).\n\n- a list\n- of two\n\n> A quote.\n\n## A heading\n',
    ),
    fallback: { title: 'warm-up', created: '', updated: '' },
  })
}

export interface ReviewReaderOptions {
  /** How long one read may take before its worker is stopped. */
  budgetMs?: number
  /** Workers reading at once. */
  threads?: number
}

/**
 * Generous: a 2 MB review of ordinary prose reads in a second or two on a quiet machine, and a busy
 * one may be ten times slower; hostile shapes within the limits take milliseconds.
 */
export const READ_BUDGET_MS = 30_000

/** The worker's script under Node (workers.ts); the built app names its bundle (`useWorkerBundles`). */
const WORKER_SOURCE = './readerWorker.ts' // a variable, so the bundler leaves the URL alone

class ReaderThread {
  private readonly worker = startWorker('reader', new URL(WORKER_SOURCE, import.meta.url))
  private readonly waiting = new Map<number, (reply: ReaderReply) => void>()
  private nextId = 0
  /** Set once the worker died or was stopped: the pool then starts another. */
  dead = false
  /** Resolves when the worker has loaded its modules (not counted in any read's budget). */
  readonly ready: Promise<void>

  constructor() {
    this.worker.unref()
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve())
      this.worker.once('error', reject)
    })
    this.ready.catch(() => undefined)
    this.worker.on('message', (reply: ReaderReply | { ready: true }) => {
      if ('id' in reply) this.waiting.get(reply.id)?.(reply)
    })
    const fail = (message: string) => {
      this.dead = true
      for (const [id, settle] of this.waiting) settle({ id, ok: false, unreadable: false, message })
      this.waiting.clear()
    }
    this.worker.on('error', (error) => fail(`The reader stopped: ${error.message}`))
    this.worker.on('exit', () => fail('The reader stopped.'))
  }

  async run(job: ReaderJob, budgetMs: number): Promise<ReaderReply> {
    await this.ready
    const id = this.nextId++
    this.worker.ref() // a read in progress keeps the process alive
    try {
      return await new Promise<ReaderReply>((resolve) => {
        const timer = setTimeout(() => {
          this.dead = true
          this.waiting.delete(id)
          void this.worker.terminate()
          resolve({ id, ok: false, unreadable: true, message: overBudget(budgetMs) })
        }, budgetMs)
        this.waiting.set(id, (reply) => {
          clearTimeout(timer)
          this.waiting.delete(id)
          resolve(reply)
        })
        this.worker.postMessage({ id, job })
      })
    } finally {
      if (!this.dead) this.worker.unref()
    }
  }

  stop(): void {
    this.dead = true
    void this.worker.terminate()
  }
}

function overBudget(budgetMs: number): string {
  return `Reading this file took longer than ${budgetMs / 1000} s, so Verdict stopped (its Markdown may be built to be slow to parse); it is shown read-only and left as it is.`
}

/** A small pool of reader threads, started on first use. */
export class ReviewReader {
  private readonly budgetMs: number
  private readonly threads: number
  private readonly idle: ReaderThread[] = []
  private running = 0
  private readonly queue: Array<() => void> = []

  constructor(options: ReviewReaderOptions = {}) {
    this.budgetMs = options.budgetMs ?? READ_BUDGET_MS
    this.threads = options.threads ?? 2
  }

  /** The parsed review; throws ReviewParseError when it cannot be read (or not within the budget). */
  async open(file: Uint8Array, fallback: MetaFallback): Promise<ParsedReview> {
    const result = await this.read({ kind: 'open', file, fallback })
    if (result.kind !== 'open') throw new Error('The reader answered another question.')
    return result.review
  }

  /** The library row's fields and search text from the file; throws ReviewParseError as `open` does. */
  async summarize(file: Uint8Array, fallback: MetaFallback): Promise<Summarized> {
    const result = await this.read({ kind: 'summary', file, fallback })
    if (result.kind !== 'summary') throw new Error('The reader answered another question.')
    return { fields: result.fields, search: result.search }
  }

  private async read(job: ReaderJob): Promise<ReaderResult> {
    if (this.running >= this.threads) await new Promise<void>((resolve) => this.queue.push(resolve))
    this.running++
    const thread = this.idle.pop() ?? new ReaderThread()
    let reply: ReaderReply
    try {
      reply = await thread.run(job, this.budgetMs)
    } finally {
      if (!thread.dead) this.idle.push(thread)
      this.running--
      this.queue.shift()?.()
    }
    if (reply.ok) return reply.value
    if (reply.unreadable) throw new ReviewParseError(reply.message)
    throw new Error(reply.message)
  }

  /** Stops the idle workers (a running read still finishes or runs out of budget). */
  close(): void {
    for (const thread of this.idle.splice(0)) thread.stop()
  }
}
