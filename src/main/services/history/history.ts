/**
 * Version history of each review: copies of `review.md` kept in the library under
 * `.verdict/history/<id>/<stamp>-<hash8>.md`, each with a `.json` note (when, why, word count, the
 * asset paths it uses). Taken before an autosave replaces the file when the last version is five
 * minutes old or more, and on demand (manual, publish, before a restore). Thinned by retention.ts.
 */
import { readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { diffLines, diffWordsWithSpace } from 'diff'
import { z } from 'zod'
import type { DiffPart, VersionInfo, VersionList, VersionReason } from '../../../shared/contract'
import { VERSION_REASONS, VerdictError } from '../../../shared/contract'
import { countWords } from '../../../shared/text'
import { VERSION_ID_PATTERN } from '../../../shared/validate'
import { describeIoError, fail, isErrnoCode } from '../errors'
import { parseReview, wordCountOf } from '../format'
import { writeFileAtomic } from '../fs/atomicWrite'
import { checkedReviewId, contentHash, MAX_REVIEW_BYTES, REVIEW_FILE, reviewKey, type Library } from '../library/library'
import { KeyedSerial } from '../recovery/keyed'
import { existingPrivateDir, privateDir, readPlainFile } from '../recovery/privateDir'
import { referencedAssets } from './versionAssets'
import { versionsToKeep } from './retention'

export const HISTORY_DIR = 'history'
/** At most one autosave version per this much editing time. */
export const SNAPSHOT_INTERVAL_MS = 5 * 60 * 1000
/** How long a word diff may take before the diff falls back to whole lines. */
const WORD_DIFF_TIMEOUT_MS = 400
/** … and before it gives up on lines too and shows the whole text replaced. */
const LINE_DIFF_TIMEOUT_MS = 1000

export interface HistoryOptions {
  libraries: { current(): Library }
  now?: () => Date
  intervalMs?: number
  log?: (message: string, detail?: unknown) => void
}

/** The `.json` note beside each version. */
/** What a version's note holds beside its text; a note that does not read as one is rebuilt from the text. */
const versionNote = z.object({ reason: z.enum(VERSION_REASONS), wordCount: z.number().int(), assets: z.array(z.string()) })
type VersionNote = z.infer<typeof versionNote>

interface Newest {
  at: number
  hash8: string
  checkedAt: number
}

interface Entry {
  versionId: string
  at: number
  hash8: string
}

export function versionStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '')
}

function parseVersionId(versionId: string): Entry | undefined {
  if (!VERSION_ID_PATTERN.test(versionId)) return undefined
  const [stamp, hash8] = versionId.split('-') as [string, string]
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`
  const at = Date.parse(iso)
  return Number.isNaN(at) ? undefined : { versionId, at, hash8 }
}

export class HistoryService {
  private readonly now: () => Date
  private readonly intervalMs: number
  private readonly log: (message: string, detail?: unknown) => void
  /** `<root>\0<id>` → time and hash prefix of the newest version, and when a due save last found it current. */
  private readonly newest = new Map<string, Newest | null>()
  /**
   * One queue per `<root>\0<id>` history folder. Saves of a review are queued by the caller, but a
   * restore or rename moves the versions of *another* id (the old name's, the new name's) and may
   * remove its emptied folder: without this a version kept meanwhile was written into a folder
   * being removed, and lost.
   */
  private readonly serial = new KeyedSerial()
  /** `<root>\0<id>` → the last version that was due and could not be kept, until one is kept again. */
  private readonly missed = new Map<string, { at: string; message: string }>()

  constructor(private readonly options: HistoryOptions) {
    this.now = options.now ?? (() => new Date())
    this.intervalMs = options.intervalMs ?? SNAPSHOT_INTERVAL_MS
    this.log = options.log ?? ((message, detail) => console.error(message, detail ?? ''))
  }

  /**
   * Called before a save replaces the file: keeps the text about to be replaced when the newest
   * version is older than the interval (or there is none) and differs from it. Never throws: a
   * history that cannot be written must not stop the save, so failures are logged and listed
   * with the versions (`missed`) until a version is kept again.
   */
  async snapshotIfDue(id: string): Promise<VersionInfo | undefined> {
    const library = this.options.libraries.current()
    try {
      return await this.serial.run(reviewKey(library, id), () => this.snapshotNowIfDue(library, id))
    } catch (error) {
      // A vanished review is the save's to report (it refuses with NOT_FOUND); anything else is
      // logged and shown in the review's history, since the save itself goes on.
      if (!(error instanceof VerdictError && error.code === 'NOT_FOUND')) {
        this.log(`History: could not keep a version of “${id}”`, error)
        this.missed.set(reviewKey(library, id), { at: this.now().toISOString(), message: error instanceof Error ? error.message : String(error) })
      }
      return undefined
    }
  }

  private async snapshotNowIfDue(library: Library, id: string): Promise<VersionInfo | undefined> {
    const newest = await this.newestOf(library, id)
    const at = this.now().getTime()
    if (newest) {
      const since = at - Math.max(newest.at, newest.checkedAt)
      if (since >= 0 && since < this.intervalMs) return undefined
    }
    const bytes = await this.readCurrent(library, id)
    if (!bytes) return undefined
    if (newest && contentHash(bytes).slice(0, 8) === newest.hash8) {
      // Nothing new to keep, but time moved on: thin what is kept.
      newest.checkedAt = at
      const dir = await existingPrivateDir(library.root, HISTORY_DIR, checkedReviewId(id))
      if (dir) await this.prune(dir, at)
      return undefined
    }
    return await this.keep(library, id, bytes, 'autosave')
  }

  /** Keeps the current file as a version now. NOT_FOUND when the review has no file. */
  async snapshot(id: string, reason: VersionReason): Promise<VersionInfo> {
    const library = this.options.libraries.current()
    return this.serial.run(reviewKey(library, id), async () => {
      const bytes = await this.readCurrent(library, id)
      if (!bytes) fail('NOT_FOUND', `The review “${id}” has no ${REVIEW_FILE} to keep a version of.`)
      return this.keep(library, id, bytes, reason)
    })
  }

  /** Versions newest first, with word counts and the change from the version before each. */
  async list(id: string): Promise<VersionList> {
    const library = this.options.libraries.current()
    const missed = this.missed.get(reviewKey(library, id))
    return { versions: await this.versions(library, id), ...(missed ? { missed } : {}) }
  }

  private async versions(library: Library, id: string): Promise<VersionInfo[]> {
    const dir = await existingPrivateDir(library.root, HISTORY_DIR, checkedReviewId(id))
    if (!dir) return []
    const entries = await this.entries(dir)
    const rows = await Promise.all(entries.map(async (entry) => ({ entry, note: await this.note(dir, entry) })))
    rows.sort((a, b) => a.entry.at - b.entry.at || a.entry.versionId.localeCompare(b.entry.versionId))
    const infos: VersionInfo[] = []
    let previous = 0
    for (const { entry, note } of rows) {
      infos.push({
        versionId: entry.versionId,
        at: new Date(entry.at).toISOString(),
        reason: note.reason,
        wordCount: note.wordCount,
        wordDelta: note.wordCount - previous,
      })
      previous = note.wordCount
    }
    return infos.reverse()
  }

  /** The version's text and how the current file differs from it. */
  async read(id: string, versionId: string): Promise<{ markdown: string; diff: DiffPart[] }> {
    const library = this.options.libraries.current()
    const markdown = (await this.versionBytes(library, id, versionId)).toString('utf8')
    let current = ''
    try {
      current = (await this.readCurrent(library, id))?.toString('utf8') ?? ''
    } catch (error) {
      // The review's folder is gone: the version is still there to read, against nothing.
      if (!(error instanceof VerdictError && error.code === 'NOT_FOUND')) throw error
    }
    return { markdown, diff: textDiff(markdown, current) }
  }

  /** The stored bytes of one version; NOT_FOUND when retention dropped it or it never existed. */
  async versionBytes(library: Library, id: string, versionId: string): Promise<Buffer> {
    const entry = parseVersionId(versionId) ?? fail('INVALID_ARGUMENT', `“${versionId}” is not a version id.`)
    const dir = await existingPrivateDir(library.root, HISTORY_DIR, checkedReviewId(id))
    if (!dir) fail('NOT_FOUND', `“${id}” has no kept versions.`)
    try {
      return await readPlainFile(join(dir, `${entry.versionId}.md`))
    } catch (error) {
      if (isErrnoCode(error, 'ENOENT', 'ELOOP')) fail('NOT_FOUND', `That version of “${id}” is no longer kept.`)
      throw describeIoError(error, `read a version of “${id}”`)
    }
  }

  /**
   * The review's folder was renamed (its id changed): its versions follow it. Versions already
   * kept under the new id (an earlier review of that name) stay; a name taken in both keeps the
   * one already there. With `takenBefore` (ms), only versions taken before then move. Never throws:
   * the rename itself has happened.
   */
  async follow(from: string, to: string, options: { takenBefore?: number } = {}): Promise<void> {
    const library = this.options.libraries.current()
    // Both folders' queues, always taken in the same order so two moves cannot wait on each other.
    const [first, second] = [reviewKey(library, from), reviewKey(library, to)].sort() as [string, string]
    await this.serial.run(first, () => this.serial.run(second, () => this.move(library, from, to, options)))
  }

  private async move(library: Library, from: string, to: string, { takenBefore }: { takenBefore?: number }): Promise<void> {
    try {
      const source = await existingPrivateDir(library.root, HISTORY_DIR, checkedReviewId(from))
      if (!source) return
      const moves = (name: string): boolean => {
        if (takenBefore === undefined) return true
        const at = parseVersionId(name.replace(/\.(md|json)$/, ''))?.at
        return at !== undefined && at < takenBefore
      }
      const names = (await readdir(source)).filter(moves)
      const target = await privateDir(library.root, HISTORY_DIR, checkedReviewId(to))
      const taken = new Set(await readdir(target))
      for (const name of names) {
        if (!taken.has(name)) await rename(join(source, name), join(target, name))
      }
      if ((await readdir(source)).length === 0) await rm(source, { recursive: true, force: true })
      this.newest.delete(reviewKey(library, from))
      this.newest.delete(reviewKey(library, to))
      this.missed.delete(reviewKey(library, from))
    } catch (error) {
      this.log(`History: the versions of “${from}” stay under that name; moving them to “${to}” failed`, error)
  }
  }

  /** Every `assets/…` path a kept version uses: asset clean-up's `keep`. */
  async assetsKeptByHistory(id: string): Promise<Set<string>> {
    const library = this.options.libraries.current()
    const dir = await existingPrivateDir(library.root, HISTORY_DIR, checkedReviewId(id))
    const kept = new Set<string>()
    if (!dir) return kept
    for (const entry of await this.entries(dir)) for (const path of (await this.note(dir, entry)).assets) kept.add(path)
    return kept
  }

  /** The review's file as it is now; undefined when the folder exists but has no review.md. */
  private async readCurrent(library: Library, id: string): Promise<Buffer | undefined> {
    const path = await library.reviewFile(id)
    try {
      return await readPlainFile(path)
    } catch (error) {
      if (isErrnoCode(error, 'ENOENT')) return undefined
      throw describeIoError(error, `read “${id}”`)
    }
  }

  private async keep(library: Library, id: string, bytes: Buffer, reason: VersionReason): Promise<VersionInfo> {
    const dir = await privateDir(library.root, HISTORY_DIR, checkedReviewId(id))
    const at = this.now()
    const hash8 = contentHash(bytes).slice(0, 8)
    const versionId = `${versionStamp(at)}-${hash8}`
    const note = describe(bytes, reason)
    try {
      // The note first: a version file is only listed once it exists, and always has its note.
      await writeFileAtomic(join(dir, `${versionId}.json`), JSON.stringify(note))
      await writeFileAtomic(join(dir, `${versionId}.md`), bytes)
    } catch (error) {
      throw describeIoError(error, `keep a version of “${id}”`)
    }
    this.newest.set(reviewKey(library, id), { at: at.getTime(), hash8, checkedAt: at.getTime() })
    this.missed.delete(reviewKey(library, id))
    await this.prune(dir, at.getTime())
    const listed = (await this.versions(library, id)).find((v) => v.versionId === versionId)
    return listed ?? { versionId, at: at.toISOString(), reason, wordCount: note.wordCount, wordDelta: note.wordCount }
  }

  private async prune(dir: string, now: number): Promise<void> {
    const entries = await this.entries(dir)
    const keep = versionsToKeep(entries, now)
    for (const entry of entries) {
      if (keep.has(entry.versionId)) continue
      // The text first: a version stops being listed before its note goes.
      await rm(join(dir, `${entry.versionId}.md`), { force: true })
      await rm(join(dir, `${entry.versionId}.json`), { force: true })
    }
  }

  private async newestOf(library: Library, id: string): Promise<Newest | null> {
    const k = reviewKey(library, id)
    const cached = this.newest.get(k)
    if (cached !== undefined) return cached
    const dir = await existingPrivateDir(library.root, HISTORY_DIR, checkedReviewId(id))
    let found: Entry | undefined
    if (dir) for (const entry of await this.entries(dir)) if (!found || entry.at > found.at) found = entry
    const newest = found ? { at: found.at, hash8: found.hash8, checkedAt: found.at } : null
    this.newest.set(k, newest)
    return newest
  }

  private async entries(dir: string): Promise<Entry[]> {
    let names: string[]
    try {
      names = await readdir(dir)
    } catch (error) {
      // Moved with its review (rename, trash) since the caller found it: nothing kept here now.
      if (isErrnoCode(error, 'ENOENT')) return []
      throw error
    }
    return names.flatMap((name) => {
      if (!name.endsWith('.md')) return []
      const entry = parseVersionId(name.slice(0, -3))
      return entry ? [entry] : []
    })
  }

  /** The version's note; rebuilt from its text when the note is missing or damaged. */
  private async note(dir: string, entry: Entry): Promise<VersionNote> {
    try {
      const note = versionNote.safeParse(JSON.parse((await readPlainFile(join(dir, `${entry.versionId}.json`))).toString('utf8')))
      if (note.success) return note.data
    } catch {
      // fall through: read the version itself
    }
    try {
      return describe(await readPlainFile(join(dir, `${entry.versionId}.md`)), 'autosave')
    } catch {
      return { reason: 'autosave', wordCount: 0, assets: [] }
    }
  }
}


/** Word count and asset paths of a version; a file that does not parse still counts its words. */
function describe(bytes: Buffer, reason: VersionReason): VersionNote {
  const text = bytes.toString('utf8')
  // Too large to parse quickly (the library opens such a file read-only): counted and scanned as text.
  if (bytes.byteLength > MAX_REVIEW_BYTES) return { reason, wordCount: countWords(text), assets: referencedAssets(text) }
  try {
    const parsed = parseReview(bytes, { title: '', created: '', updated: '' })
    return { reason, wordCount: wordCountOf(parsed.doc), assets: referencedAssets(text, parsed) }
  } catch {
    return { reason, wordCount: countWords(text), assets: referencedAssets(text) }
  }
}

/**
 * From `before` (a version) to `after` (the current file): words where that stays quick, else lines,
 * else (texts with nothing in common) the whole text removed and inserted.
 * Joining `equal` + `delete` parts gives `before`; `equal` + `insert` gives `after`.
 */
export function textDiff(before: string, after: string): DiffPart[] {
  const changes = diffWordsWithSpace(before, after, { timeout: WORD_DIFF_TIMEOUT_MS }) ??
    diffLines(before, after, { timeout: LINE_DIFF_TIMEOUT_MS }) ?? [
      { value: before, removed: true, added: false },
      { value: after, removed: false, added: true },
    ]
  const parts: DiffPart[] = []
  for (const change of changes) {
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal'
    const last = parts[parts.length - 1]
    if (last && last.op === op) last.text += change.value
    else if (change.value) parts.push({ op, text: change.value })
  }
  return parts
}
