/**
 * The one path by which the editor's text reaches `review.md`, in this order, one write at a time
 * per review: keep the text about to be replaced in history when a version is due, save (the library
 * refuses a changed file with CONFLICT and a vanished folder with NOT_FOUND, never recreating it),
 * drop the recovery draft if the save holds exactly its text, and tell the watcher the new hash so
 * the app's own write is not reported as an outside change.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { VerdictError, type OpenedReview, type SaveResult, type VersionInfo } from '../../../shared/contract'
import type { EditorDocument } from '../../../shared/document'
import type { ReviewMeta, ReviewSummary } from '../../../shared/model'
import { describeIoError } from '../errors'
import { writeFileAtomic } from '../fs/atomicWrite'
import type { HistoryService } from '../history/history'
import { contentHash, REVIEW_FILE, type Library } from '../library/library'
import type { ReviewWatcher } from '../watch/watcher'
import type { RecoveryJournal } from './journal'
import { KeyedSerial } from './keyed'
import { saveReviewAs, type SaveAsResult } from './saveAs'

export interface ReviewWritesOptions {
  libraries: { current(): Library }
  history: HistoryService
  journal: RecoveryJournal
  watcher: ReviewWatcher
  log?: (message: string, detail?: unknown) => void
}

export class ReviewWrites {
  private readonly serial = new KeyedSerial()
  private readonly log: (message: string, detail?: unknown) => void

  constructor(private readonly options: ReviewWritesOptions) {
    this.log = options.log ?? ((message, detail) => console.error(message, detail ?? ''))
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
        result = await library.save(id, meta, doc, baseHash)
      } finally {
        end(result?.hash)
      }
      try {
        await journal.clearIfSaved(id, meta, doc)
      } catch (error) {
        // The draft stays: at worst it is offered again next start, identical to the file.
        this.log(`Recovery: could not clear the draft of “${id}” after saving`, error)
      }
      return result
    })
  }

  /** Keeps the current file as a version (so the restore can be undone), then writes the chosen one. */
  restore(id: string, versionId: string): Promise<OpenedReview> {
    return this.serial.run(id, async () => {
      const { libraries, history, watcher } = this.options
      const library = libraries.current()
      const bytes = await history.versionBytes(library, id, versionId)
      const dir = await library.reviewDir(id)
      try {
        await history.snapshot(id, 'restore')
      } catch (error) {
        // Only a folder without review.md has nothing to keep; anything else stops the restore.
        if (!(error instanceof VerdictError && error.code === 'NOT_FOUND')) throw error
        await library.reviewDir(id)
      }
      const end = watcher.beginOwnWrite(id)
      let hash: string | undefined
      try {
        await writeFileAtomic(join(dir, REVIEW_FILE), bytes)
        hash = contentHash(bytes)
      } catch (error) {
        throw describeIoError(error, `restore a version of “${id}”`)
      } finally {
        end(hash)
      }
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
        if (renamed.id === id) hash = contentHash(await readFile(join(await library.reviewDir(id), REVIEW_FILE)))
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

  snapshot(id: string, reason: 'manual' | 'publish'): Promise<VersionInfo> {
    return this.serial.run(id, () => this.options.history.snapshot(id, reason))
  }
}
