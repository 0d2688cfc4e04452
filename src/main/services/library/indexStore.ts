/**
 * The library index: each review's row (ReviewSummary), kept in memory and in
 * this machine's state folder of the library (`index.json`, fs/machineState.ts) so that listing a library at start reads one file and `stat`s each
 * `review.md` instead of parsing them all.
 *
 * The folder stays the single source of truth: a row is reused only while its `review.md` has the
 * modification time, change time, size and inode it had when the row was read, so every change made
 * by Verdict or anything else (an edit, a rename, a copy, a restore, a sync) is read again on the
 * next listing. A file changed within the last seconds is read again on every listing until it is
 * older than the coarsest clock a file system keeps, so an edit of the same size in the same clock
 * tick is not missed. A missing, damaged or foreign index is rebuilt, never an error.
 */
import type { Stats } from 'node:fs'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { REVIEW_STATUSES, type ReviewSummary } from '../../../shared/model'
import { writeFileAtomic } from '../fs/atomicWrite'
import { keyOf, sameKey, type FileKey } from '../fs/fileKey'
import { INDEX_LOCK, withLibraryLock } from '../fs/libraryLock'
import { localDir } from '../fs/machineState'
import { readPlainFile } from '../recovery/privateDir'

export const INDEX_FILE = 'index.json'
/** Raise when a row would come out differently (new fields, another word count): old indexes are then rebuilt. */
export const INDEX_VERSION = 2
const INDEX_FORMAT = 'verdict-library-index'
/** Files modified this recently are read again: FAT keeps mtimes to 2 s, others to 1 s or finer. */
export const RACY_MS = 3000
/** `stat`s per slice: synchronous calls are several times faster than promised ones, and slicing keeps main responsive. */
const STAT_SLICE = 400
/** Files read and summarised at once. */
const READ_CONCURRENCY = 8


interface Entry {
  key: FileKey
  summary: ReviewSummary
  /** Modified too recently to be told apart from an edit in the same clock tick: never reused. */
  racy: boolean
  /** The modification time of the review's folder when it was last read and held no conflict copy. */
  folder?: number | undefined
}

/**
 * Summarises a `review.md`: `bytes` when the caller holds them (it just wrote them), else read from
 * `path`. Undefined while a sync engine is still bringing the file (fs/syncTemp.ts): the last row
 * stays, and the file is read again next time.
 */
export type Summarize = (id: string, path: string, info: Stats, bytes?: Uint8Array) => Promise<ReviewSummary | undefined>

export interface SummaryIndexOptions {
  root: string
  /** Where `index.json` is kept: this machine's state folder of the library. */
  stateDir: string
  /** The review's file. */
  fileOf: (id: string) => string
  summarize: Summarize
  now?: () => number
}

export class SummaryIndex {
  private readonly entries = new Map<string, Entry>()
  /** The index file's rows, read at the first listing and dropped once merged. */
  private stored: Promise<Map<string, Entry>> | undefined
  private dirty = false
  private writing: Promise<void> | undefined
  private readonly now: () => number
  /** The last failure to write the index file; listing never fails because of it. */
  lastWriteFailure: Error | undefined
  /** Counts the changes of the rows' file versions (a row read, adopted from the file or forgotten). */
  private changes = 0

  constructor(private readonly options: SummaryIndexOptions) {
    this.now = options.now ?? Date.now
  }

  /**
   * The rows of these review folders, in their order; folders without a readable `review.md` are
   * left out. `unchanged`: folders nothing touched since their row was read (folderWatch.ts), whose
   * settled rows are taken without a `stat`.
   */
  async rows(ids: readonly string[], unchanged: ReadonlySet<string> = new Set()): Promise<ReviewSummary[]> {
    this.stored ??= readIndex(this.options.stateDir)
    const stored = await this.stored
    const rows: Array<ReviewSummary | undefined> = new Array(ids.length)
    /** Whether each folder has its `review.md`. */
    const present = new Set<string>()
    const looked: number[] = []
    ids.forEach((id, index) => {
      const entry = unchanged.has(id) ? this.entries.get(id) : undefined
      if (entry && !entry.racy) {
        rows[index] = entry.summary
        present.add(id)
      } else looked.push(index)
    })
    const infos = await statAll(looked.map((index) => this.path(ids[index]!)))
    const stale: Array<{ index: number; info: Stats }> = []
    looked.forEach((index, at) => {
      const info = infos[at]
      if (!info) return
      const id = ids[index]!
      present.add(id)
      const entry = this.entries.get(id) ?? stored.get(id)
      if (entry && !entry.racy && sameKey(entry.key, keyOf(info))) {
        rows[index] = entry.summary
        if (!this.entries.has(id)) this.adopt(id, entry)
      } else stale.push({ index, info })
    })
    await forEachLimited(stale, READ_CONCURRENCY, async ({ index, info }) => {
      rows[index] = await this.read(ids[index]!, info)
    })
    for (const id of this.entries.keys()) if (!present.has(id)) this.forget(id)
    if (stored.size > 0) {
      for (const id of stored.keys()) if (!this.entries.has(id)) this.dirty = true
      this.stored = Promise.resolve(new Map())
    }
    this.persist()
    return rows.filter((row): row is ReviewSummary => row !== undefined)
  }

  /** One review's row; undefined when its folder has no readable `review.md`. */
  async row(id: string): Promise<ReviewSummary | undefined> {
    const info = await this.statOrForget(id)
    if (!info) return undefined
    const entry = this.entries.get(id)
    if (entry && !entry.racy && sameKey(entry.key, keyOf(info))) return entry.summary
    return this.read(id, info)
  }

  /**
   * The row of a `review.md` just written with these bytes, summarised without reading them back.
   * Written this moment, the file is racy, so the next listing reads it again anyway: a change made
   * by anything else between the write and the stat is not missed.
   */
  async written(id: string, bytes: Uint8Array): Promise<ReviewSummary | undefined> {
    const info = await this.statOrForget(id)
    return info && this.read(id, info, bytes)
  }

  /** The `review.md`'s stat; a review without one loses its row. */
  private async statOrForget(id: string): Promise<Stats | undefined> {
    const [info] = await statAll([this.path(id)])
    if (!info) this.forget(id)
    return info
  }

  /** The file version a review's row was read from, unless it was too recent to tell an edit by (no file access). */
  settledKey(id: string): FileKey | undefined {
    const entry = this.entries.get(id)
    return entry && !entry.racy ? entry.key : undefined
  }

  /** The review's folder as last read, when it held no conflict copy (Library.withConflictCopies). */
  folderWithoutCopy(id: string): { mtimeMs: number; copy: undefined } | undefined {
    const mtimeMs = this.entries.get(id)?.folder
    return mtimeMs === undefined ? undefined : { mtimeMs, copy: undefined }
  }

  /** Notes the review's folder as read at this modification time with no conflict copy, or (undefined) not so. */
  noteFolder(id: string, mtimeMs: number | undefined): void {
    const entry = this.entries.get(id)
    if (!entry || entry.folder === mtimeMs) return
    entry.folder = mtimeMs
    this.dirty = true
  }

  /** The row last read for a review, if any (no file access). */
  cached(id: string): ReviewSummary | undefined {
    return this.entries.get(id)?.summary
  }

  /** Every row last read. */
  *cachedRows(): Iterable<ReviewSummary> {
    for (const entry of this.entries.values()) yield entry.summary
  }

  /** Changes whenever `fileKeys()` may answer differently. */
  get version(): number {
    return this.changes
  }

  /** The file version each row was read from. */
  fileKeys(): Map<string, FileKey> {
    return new Map([...this.entries].map(([id, entry]) => [id, entry.key]))
  }

  forget(id: string): void {
    if (!this.entries.delete(id)) return
    this.dirty = true
    this.changes++
  }

  private adopt(id: string, entry: Entry): void {
    this.entries.set(id, entry)
    this.changes++
  }

  /** Waits for the index file to be written (tests, shutdown). */
  async flush(): Promise<void> {
    this.persist()
    while (this.writing) await this.writing
  }

  private path(id: string): string {
    return this.options.fileOf(id)
  }

  /** Stat first, then read: a change after the stat changes the key, so the next listing reads it again. */
  private async read(id: string, info: Stats, bytes?: Uint8Array): Promise<ReviewSummary | undefined> {
    const summary = await this.options.summarize(id, this.path(id), info, bytes)
    if (!summary) {
      const last = this.entries.get(id)
      if (last) last.racy = true
      return last?.summary
    }
    const key = keyOf(info)
    const racy = this.now() - Math.max(key.mtimeMs, key.ctimeMs) < RACY_MS
    this.adopt(id, { key, summary, racy })
    if (!racy) this.dirty = true
    return summary
  }

  /** Writes the index in the background when rows changed; one write at a time, the last state wins. */
  persist(): void {
    if (this.writing || !this.dirty) return
    this.writing = (async () => {
      while (this.dirty) {
        this.dirty = false
        try {
          await writeIndex(this.options.stateDir, this.entries)
          this.lastWriteFailure = undefined
        } catch (error) {
          this.lastWriteFailure = error instanceof Error ? error : new Error(String(error))
          break
        }
      }
    })().finally(() => {
      this.writing = undefined
    })
  }
}

/** `stat` of each path (undefined where it is missing or not a file), in slices that yield to the event loop. */
/** The `stat` of each path that is a file (or, with `kind`, a folder), in slices that keep main responsive. */
export async function statAll(paths: readonly string[], kind: 'file' | 'folder' = 'file'): Promise<Array<Stats | undefined>> {
  const infos: Array<Stats | undefined> = new Array(paths.length)
  for (let start = 0; start < paths.length; start += STAT_SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve))
    for (let index = start; index < Math.min(paths.length, start + STAT_SLICE); index++) {
      try {
        const info = statSync(paths[index]!, { throwIfNoEntry: false })
        infos[index] = (kind === 'file' ? info?.isFile() : info?.isDirectory()) ? info : undefined
      } catch {
        infos[index] = undefined // ENOTDIR, EACCES, a loop of links: not a review
      }
    }
  }
  return infos
}

async function forEachLimited<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  const queue = items.values()
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (const item of queue) await run(item)
    }),
  )
}

// ── The file ───────────────────────────────────────────────────────────────────────────────────

interface IndexFile {
  format: typeof INDEX_FORMAT
  version: number
  /** id → [mtimeMs, ctimeMs, size, ino, summary] */
  entries: Record<string, [number, number, number, number, ReviewSummary]>
  /** id → the folder's mtimeMs when last read with no conflict copy; apart from the entries, which older versions read as they were. */
  folders?: Record<string, number>
}

/** The stored rows; empty when the file is missing, unreadable, damaged or of another version. */
export async function readIndex(stateDir: string): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>()
  try {
    const file = JSON.parse((await readPlainFile(join(stateDir, INDEX_FILE))).toString('utf8')) as Partial<IndexFile> | null
    if (file?.format !== INDEX_FORMAT || file.version !== INDEX_VERSION || !isObject(file.entries)) return entries
    const folders = isObject(file.folders) ? file.folders : {}
    for (const [id, value] of Object.entries(file.entries)) {
      if (!Array.isArray(value) || value.length !== 5) continue
      const [mtimeMs, ctimeMs, size, ino, summary] = value as unknown[]
      if (![mtimeMs, ctimeMs, size, ino].every((n) => typeof n === 'number' && Number.isFinite(n))) continue
      if (!isSummary(summary, id)) continue
      const key = { mtimeMs, ctimeMs, size, ino } as FileKey
      const folder = folders[id]
      entries.set(id, { key, summary, racy: false, folder: typeof folder === 'number' && Number.isFinite(folder) ? folder : undefined })
    }
  } catch {
    entries.clear() // missing, unreadable or not JSON: rebuilt from the files
  }
  return entries
}

async function writeIndex(stateDir: string, entries: ReadonlyMap<string, Entry>): Promise<void> {
  const folders: Record<string, number> = {}
  const file: IndexFile = { format: INDEX_FORMAT, version: INDEX_VERSION, entries: {}, folders }
  for (const [id, { key, summary, racy, folder }] of entries) {
    if (racy) continue
    file.entries[id] = [key.mtimeMs, key.ctimeMs, key.size, key.ino, summary]
    if (folder !== undefined) folders[id] = folder
  }
  const write = async () => writeFileAtomic(join(await localDir(stateDir), INDEX_FILE), JSON.stringify(file))
  // One writer at a time across this machine's processes on the library (a second window, the browser mode).
  await withLibraryLock(stateDir, INDEX_LOCK, write, { waitMs: 5_000 })
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string'

/** Enough of a check that a damaged or hand-edited row cannot reach the renderer in the wrong shape. */
function isSummary(value: unknown, id: string): value is ReviewSummary {
  if (!isObject(value) || value.id !== id) return false
  const { title, author, date, status, tags, excerpt, wordCount, created, updated, subject, score, spoilers, featuredImage, published, problem } = value
  return (
    [title, author, date, excerpt, created, updated].every(isString) &&
    (REVIEW_STATUSES as readonly unknown[]).includes(status) &&
    Array.isArray(tags) &&
    tags.every(isString) &&
    Number.isSafeInteger(wordCount) &&
    (wordCount as number) >= 0 &&
    (subject === undefined ||
      (isObject(subject) && isString(subject.kind) && isString(subject.title) && Array.isArray(subject.creators) && Array.isArray(subject.cast) && isObject(subject.ids))) &&
    (score === undefined || (isObject(score) && isString(score.value) && isString(score.scale) && isString(score.label))) &&
    (spoilers === undefined || typeof spoilers === 'boolean') &&
    (featuredImage === undefined || isString(featuredImage)) &&
    (published === undefined || (Array.isArray(published) && published.every((record) => isObject(record) && isString(record.url) && isString(record.target)))) &&
    (problem === undefined || isString(problem))
  )
}
