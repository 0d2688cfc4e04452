/**
 * The one path by which the editor's text reaches `review.md`, in this order, one write at a time
 * per review: keep the text about to be replaced in history when a version is due, save (the library
 * refuses a changed file with CONFLICT and a vanished folder with NOT_FOUND, never recreating it),
 * drop the recovery draft if the save holds exactly its text, and tell the watcher the new hash so
 * the app's own write is not reported as an outside change.
 */
import { readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { VerdictError, type OpenedReview, type SaveResult, type VersionInfo, type VersionReason } from '../../../shared/contract'
import type { EditorDocument } from '../../../shared/document'
import type { ReviewMeta, ReviewSummary } from '../../../shared/model'
import type { PublishRecord } from '../../../shared/publish'
import { describeIoError, fail } from '../errors'
import { ReviewParseError, readMeta, rewriteFrontMatter } from '../format'
import type { MetaFallback } from '../format/meta'
import { writeFileAtomic } from '../fs/atomicWrite'
import type { HistoryService } from '../history/history'
import { contentHash, readReviewBytes, type Library } from '../library/library'
import { mergeRecords, PUBLISHED_DIR, type PublishRecordStore } from '../library/publishRecords'
import { LEGACY_PUBLISH_LOG_FILE, PUBLISH_LOG_DIR } from '../publish/log'
import type { ReviewWatcher } from '../watch/watcher'
import type { RecoveryJournal } from './journal'
import { KeyedSerial } from './keyed'
import { saveReviewAs, type SaveAsResult } from './saveAs'

export interface ReviewWritesOptions {
  libraries: { current(): Library }
  history: HistoryService
  journal: RecoveryJournal
  watcher: ReviewWatcher
  /** A save moved the review's folder after its title (what main keeps by id outside the library follows). */
  moved?: (from: string, to: string) => void
  log?: (message: string, detail?: unknown) => void
}

/** How many of the app's own front-matter writes per review a late save may still be based on. */
const REBASES_KEPT = 16

export class ReviewWrites {
  private readonly serial = new KeyedSerial()
  private readonly log: (message: string, detail?: unknown) => void
  /**
   * Per review, the hashes main itself moved the file from → to by writing only its own front
   * matter (the publish record). An editor save based on the older hash is based on the newer
   * one: nobody else changed the critic's text, so it is no conflict.
   */
  private readonly rebased = new Map<string, Map<string, string>>()
  /** Folders that followed their titles: old id → new, for requests the editor sent before it knew. */
  private readonly moves = new Map<string, string>()

  constructor(private readonly options: ReviewWritesOptions) {
    this.log = options.log ?? ((message, detail) => console.error(message, detail ?? ''))
  }

  /** Resolves once every write started so far is done (before the app quits). */
  idle(): Promise<void> {
    return this.serial.idle()
  }

  save(args: { id: string; meta: ReviewMeta; doc: EditorDocument; baseHash: string }): Promise<SaveResult> {
    const { id, meta, doc, baseHash } = args
    return this.serial.run(id, async () => {
      const { libraries, history, journal, watcher } = this.options
      const library = libraries.current()
      await history.snapshotIfDue(id)
      const end = watcher.beginOwnWrite(id)
      let result: SaveResult | undefined
      try {
        const base = this.rebasedHash(id, baseHash)
        result = await library.save(id, meta, doc, base)
      } finally {
        end(result?.hash)
      }
      try {
        await journal.clearIfSaved(id, meta, doc)
      } catch (error) {
        // The draft stays: at worst it is offered again next start, identical to the file.
        this.log(`Recovery: could not clear the draft of “${id}” after saving`, error)
      }
      const movedTo = meta.published?.length ? id : await this.followTitle(id, meta.title, result.hash)
      return movedTo === id ? result : { ...result, movedTo }
    })
  }

  /**
   * A folder Verdict named follows the saved title (library.followTitle); its versions, draft,
   * watch and rebased hashes go along. The save is done: a move that fails only leaves the name.
   */
  private async followTitle(id: string, title: string, hash: string): Promise<string> {
    const { libraries, history, journal, watcher } = this.options
    // The old folder vanishing is Verdict's own doing, not something to report as missing.
    const end = watcher.beginOwnWrite(id)
    let to = id
    try {
      to = await libraries.current().followTitle(id, title)
      if (to !== id) await watcher.follow(id, to, hash)
    } catch (error) {
      this.log(`Library: “${id}” keeps its folder name; following the title “${title}” failed`, error)
    } finally {
      end()
    }
    if (to === id) return id
    await history.follow(id, to)
    await journal.follow(id, to)
    const rebased = this.rebased.get(id)
    this.rebased.delete(id)
    if (rebased) this.rebased.set(to, rebased)
    this.moves.set(id, to)
    this.options.moved?.(id, to)
    return to
  }

  /**
   * Runs `work` once the review's writes so far are done, on its id now: an image dropped just as a
   * save moved the folder after the title lands in the moved folder, not in a new one of the old name.
   */
  withReview<T>(id: string, work: (current: string) => Promise<T>): Promise<T> {
    return this.serial.run(id, async () => {
      let current = id
      for (let hops = 0; hops < 16 && this.moves.has(current); hops++) {
        // A folder of the old name again (a new review) is that review's.
        if (await this.options.libraries.current().reviewDir(current).then(() => true, () => false)) break
        current = this.moves.get(current)!
      }
      return work(current)
    })
  }

  /** Publishing starts: from now on the folder keeps its name (blogs and the outbox know it by it). */
  pinName(id: string): Promise<void> {
    return this.serial.run(id, () => this.options.libraries.current().pinName(id))
  }

  /** Keeps the current file as a version (so the restore can be undone), then writes the chosen one. */
  restore(id: string, versionId: string): Promise<OpenedReview> {
    return this.serial.run(id, async () => {
      const { libraries, history, watcher } = this.options
      const library = libraries.current()
      const bytes = await history.versionBytes(library, id, versionId)
      const path = await library.reviewFile(id)
      try {
        await history.snapshot(id, 'restore')
      } catch (error) {
        // Only a folder without review.md has nothing to keep; anything else stops the restore.
        if (!(error instanceof VerdictError && error.code === 'NOT_FOUND')) throw error
        await library.reviewDir(id)
      }
      await writeOwnReviewFile(watcher, id, path, bytes, `restore a version of “${id}”`)
      return library.open(id)
    })
  }

  /**
   * Renames the review (its folder moves to the title's slug); its history and recovery draft
   * follow the new id. The old id stops being watched: the editor watches the new one.
   */
  rename(id: string, title: string): Promise<ReviewSummary> {
    return this.serial.run(id, async () => {
      const { libraries, history, journal, watcher } = this.options
      const library = libraries.current()
      // The new title is written into review.md: the app's own write, not an outside change.
      const end = watcher.beginOwnWrite(id)
      let renamed: ReviewSummary | undefined
      let hash: string | undefined
      try {
        renamed = await library.rename(id, title)
        if (renamed.id === id) hash = contentHash(await readFile(await library.reviewFile(id)))
      } finally {
        end(hash)
      }
      if (renamed.id !== id) {
        watcher.unwatch(id)
        await history.follow(id, renamed.id)
        await journal.follow(id, renamed.id)
      }
      return renamed
    })
  }

  /**
   * Writes the editor's state as a new review in `destDir` (when it cannot be saved where it is);
   * the review itself is left as it is. After its pending saves, so no image is tidied away meanwhile.
   */
  saveAs(args: { id: string; meta: ReviewMeta; doc: EditorDocument; destDir: string }): Promise<SaveAsResult> {
    const { id, meta, doc, destDir } = args
    return this.serial.run(id, async () => {
      let reviewDir: string | undefined
      try {
        reviewDir = await this.options.libraries.current().reviewDir(id)
      } catch (error) {
        // A vanished folder has no images to copy; the text is saved all the same.
        if (!(error instanceof VerdictError && error.code === 'NOT_FOUND')) throw error
      }
      return saveReviewAs({ id, reviewDir, meta, doc, destDir })
    })
  }

  /**
   * Moves the review to the trash. Its versions and recovery draft go with it (under the trash id),
   * so a new review taking the name starts with none of them.
   */
  trash(id: string): Promise<{ trashId: string }> {
    return this.serial.run(id, async () => {
      const { libraries, history, journal } = this.options
      const trashed = await libraries.current().trash(id)
      await history.follow(id, trashed.trashId)
      await journal.follow(id, trashed.trashId)
      return trashed
    })
  }

  /** Brings a review back from the trash (under a new id when its name was taken meanwhile); its versions and draft follow. */
  untrash(trashId: string): Promise<ReviewSummary> {
    return this.serial.run(trashId, async () => {
      const { libraries, history, journal } = this.options
      const restored = await libraries.current().restore(trashId)
      await history.follow(trashId, restored.id)
      // Trashed before versions moved with the review: those its old name kept until then are its own.
      const older = /^(.+)--(\d+)$/.exec(trashId)
      if (older?.[1] && older[1] !== restored.id) await history.follow(older[1], restored.id, { takenBefore: Number(older[2]) })
      await journal.follow(trashId, restored.id)
      return restored
    })
  }

  /**
   * Writes one blog's publish record into the review's front matter, the body's bytes untouched;
   * `live` also marks the review published, and `date` becomes its date (the one the post carries).
   * In a site, into `.verdict/` instead, as `machine`'s (recordInSite). Returns the file's hash
   * (new, when written), all the review's records and its date.
   */
  recordPublished(id: string, record: PublishRecord, live: boolean, date: string | undefined, machine: string): Promise<{ hash: string; published: PublishRecord[]; date: string }> {
    return this.serial.run(id, async () => {
      const { libraries, watcher } = this.options
      const library = libraries.current()
      const path = await library.reviewFile(id)
      const bytes = await readReviewBytes(path, id)
      const site = await library.publishRecords()
      if (site) return recordInSite(site, id, record, date, machine, bytes, library.fallbackOf(id, await stat(path)))
      let published: PublishRecord[] = []
      let dated = ''
      const now = new Date().toISOString()
      const text = rewriteFrontMatter(bytes, { title: id, created: now, updated: now }, (meta) => {
        published = [...(meta.published ?? []).filter((kept) => kept.target !== record.target), record]
        dated = date ?? meta.date
        return { ...meta, published, date: dated, ...(live ? { status: 'published' as const } : {}) }
      })
      const hash = await writeOwnReviewFile(watcher, id, path, Buffer.from(text, 'utf8'), `record where “${id}” was published`)
      this.rebase(id, contentHash(bytes), hash)
      return { hash, published, date: dated }
    })
  }

  /**
   * A duplicate or an imported bundle is a new review: it must not update the posts of the review
   * it was copied from, so its `published` records and publish log go, and a published copy is a draft.
   */
  unpublishedCopy(copy: ReviewSummary): Promise<ReviewSummary> {
    return this.serial.run(copy.id, async () => {
      const library = this.options.libraries.current()
      const records = await library.recordsDir(copy.id)
      await Promise.all([PUBLISH_LOG_DIR, LEGACY_PUBLISH_LOG_FILE, PUBLISHED_DIR].map((name) => rm(join(records, name), { recursive: true, force: true })))
      const path = await library.reviewFile(copy.id)
      const bytes = await readReviewBytes(path, copy.id)
      let meta: ReviewMeta
      try {
        meta = readMeta(bytes, { title: copy.id, created: copy.created, updated: copy.updated })
      } catch (error) {
        // An unreadable copy opens read-only and cannot be published: nothing to detach.
        if (error instanceof ReviewParseError) return copy
        throw error
      }
      if (!meta.published?.length) return copy
      const text = rewriteFrontMatter(bytes, meta, ({ published: _copied, ...rest }) => ({ ...rest, status: rest.status === 'published' ? 'draft' : rest.status }))
      try {
        await writeFileAtomic(path, text)
      } catch (error) {
        throw describeIoError(error, `save the copy “${copy.id}”`)
      }
      return library.summary(copy.id)
    })
  }

  /**
   * Main's own edit of a review's whole file (a tag renamed across the library, and its undo): the
   * text `edit` makes of the file's bytes replaces it atomically, after the current file is kept as a
   * version. `edit` returns undefined to leave the file alone, and throws to refuse it.
   */
  rewrite(id: string, reason: VersionReason, edit: (bytes: Buffer) => Uint8Array | string | undefined): Promise<{ before: Buffer; hash: string } | undefined> {
    return this.serial.run(id, async () => {
      const { libraries, history } = this.options
      const library = libraries.current()
      const path = await library.reviewFile(id)
      const before = await readReviewBytes(path, id)
      const edited = edit(before)
      if (edited === undefined) return undefined
      await history.snapshot(id, reason)
      const bytes = typeof edited === 'string' ? Buffer.from(edited, 'utf8') : edited
      try {
        await writeFileAtomic(path, bytes)
      } catch (error) {
        throw describeIoError(error, `save “${id}”`)
      }
      await library.written(id, bytes)
      return { before, hash: contentHash(bytes) }
    })
  }

  private rebase(id: string, from: string, to: string): void {
    const moves = this.rebased.get(id) ?? new Map<string, string>()
    moves.set(from, to)
    if (moves.size > REBASES_KEPT) moves.delete(moves.keys().next().value!)
    this.rebased.set(id, moves)
  }

  private rebasedHash(id: string, hash: string): string {
    const moves = this.rebased.get(id)
    let current = hash
    for (let hops = 0; moves?.has(current) && hops <= REBASES_KEPT; hops++) current = moves.get(current)!
    return current
  }

  snapshot(id: string, reason: 'manual' | 'publish'): Promise<VersionInfo> {
    return this.serial.run(id, () => this.options.history.snapshot(id, reason))
  }
}

/**
 * A site's record goes to `.verdict/` (publishRecords.ts) with those of the post's front matter
 * (an older Verdict's), and the post is not touched: the day the post carries is kept there too,
 * while the review keeps the date its file says, which is what the editor is told.
 */
async function recordInSite(
  store: PublishRecordStore,
  id: string,
  record: PublishRecord,
  date: string | undefined,
  machine: string,
  bytes: Buffer,
  fallback: MetaFallback,
): Promise<{ hash: string; published: PublishRecord[]; date: string }> {
  const meta = readMeta(bytes, fallback)
  const kept = await store.read(id)
  if (kept?.damaged) fail('INVALID_ARGUMENT', kept.damaged)
  const published = [...mergeRecords(meta.published, kept).filter((other) => other.target !== record.target), record]
  await store.write(id, machine, published, date ?? kept?.date)
  return { hash: contentHash(bytes), published, date: meta.date }
}

/**
 * Writes a review's whole file atomically as the app's own write: the watcher is told its new hash,
 * so it is not reported as an outside change. `doing` names the write in an error ("save …").
 */
export async function writeOwnReviewFile(watcher: ReviewWatcher, id: string, path: string, bytes: Uint8Array, doing: string): Promise<string> {
  const end = watcher.beginOwnWrite(id)
  let hash: string | undefined
  try {
    await writeFileAtomic(path, bytes)
    hash = contentHash(bytes)
  } catch (error) {
    throw describeIoError(error, doing)
  } finally {
    end(hash)
  }
  return hash
}

