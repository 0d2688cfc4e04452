/**
 * The crash-recovery journal: the editor's unsaved state, sent by the renderer about every second
 * while the critic types, written atomically to `recovery/<id>.json` in this machine's state folder of the library
 * (fs/machineState.ts): never in the library itself, where a sync engine would carry it to another
 * machine that would then offer it as its own crash's draft.
 * A draft goes away only when a save holds exactly its text, or when the user clears or discards it;
 * a draft whose review folder has vanished is still listed, so nothing typed is ever lost.
 */
import { createHash } from 'node:crypto'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { RecoveredDraft } from '../../../shared/contract'
import type { EditorDocument } from '../../../shared/document'
import type { ReviewMeta } from '../../../shared/model'
import { reviewId, reviewMeta } from '../../../shared/validate'
import { DOCUMENT_SCHEMAS } from '../../blocks'
import { describeIoError, fail, isErrnoCode } from '../errors'
import { reviseReview, wordCountOf } from '../format'
import { writeFileAtomic } from '../fs/atomicWrite'
import { checkedReviewId, MAX_REVIEW_BYTES, reviewKey, type Library } from '../library/library'
import { KeyedSerial } from './keyed'
import { existingLocalDir, localDir } from '../fs/machineState'
import { readPlainFile } from './privateDir'

export const RECOVERY_DIR = 'recovery'

export interface Draft {
  meta: ReviewMeta
  doc: EditorDocument
  baseHash: string
}

interface DraftFile extends Draft {
  format: 'verdict-draft'
  version: 1
  id: string
  /** ISO time the renderer's state was journaled. */
  at: string
}

const draftHeader = z.object({ format: z.literal('verdict-draft'), version: z.literal(1) })
/** A draft's content as read back: its time and base hash fall back when damaged, its meta and document must hold. */
const draftContent = z.object({
  at: z.string().catch(new Date(0).toISOString()),
  meta: reviewMeta,
  doc: DOCUMENT_SCHEMAS.editorDocument,
  baseHash: z.string().catch(''),
})

export interface JournalOptions {
  libraries: { current(): Library }
  now?: () => Date
  log?: (message: string, detail?: unknown) => void
}

/** What a save and a draft are compared by: the text, whatever the `updated` stamp. */
export function draftFingerprint(meta: ReviewMeta, doc: EditorDocument): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...meta, updated: '' }))
    .update('\0')
    .update(JSON.stringify(doc))
    .digest('hex')
}

export class RecoveryJournal {
  private readonly now: () => Date
  private readonly log: (message: string, detail?: unknown) => void
  private readonly serial = new KeyedSerial()
  /** The newest state waiting to be written, per `<root>\0<id>`: a burst of drafts writes once. */
  private readonly pending = new Map<string, DraftFile>()
  /** Fingerprint of the draft this process last wrote, per `<root>\0<id>`. */
  private readonly written = new Map<string, string>()

  constructor(private readonly options: JournalOptions) {
    this.now = options.now ?? (() => new Date())
    this.log = options.log ?? ((message, detail) => console.error(message, detail ?? ''))
  }

  /** Journals the editor's state; resolves once it (or a newer state of the same review) is on disk. */
  async journal(id: string, draft: Draft): Promise<void> {
    const library = this.options.libraries.current()
    const k = reviewKey(library, checkedReviewId(id))
    const file: DraftFile = {
      format: 'verdict-draft',
      version: 1,
      id,
      at: this.now().toISOString(),
      meta: draft.meta,
      doc: draft.doc,
      baseHash: draft.baseHash,
    }
    this.pending.set(k, file)
    await this.serial.run(k, async () => {
      const next = this.pending.get(k)
      if (!next) return // a newer call already wrote it
      this.pending.delete(k)
      const dir = await localDir(library.stateDir, RECOVERY_DIR)
      try {
        await writeFileAtomic(join(dir, `${id}.json`), JSON.stringify(next))
      } catch (error) {
        throw describeIoError(error, `keep the unsaved text of “${next.meta.title || id}” for recovery`)
      }
      this.written.set(k, draftFingerprint(next.meta, next.doc))
    })
  }

  /**
   * After a save: drops the draft only when it holds exactly what was saved. A draft journaled after
   * the save began (newer text) stays, waiting for the next save.
   */
  async clearIfSaved(id: string, meta: ReviewMeta, doc: EditorDocument): Promise<void> {
    const library = this.options.libraries.current()
    const k = reviewKey(library, checkedReviewId(id))
    const saved = draftFingerprint(meta, doc)
    await this.serial.run(k, async () => {
      if (this.pending.has(k)) return
      let fingerprint = this.written.get(k)
      if (fingerprint === undefined) {
        const draft = await this.readDraft(library, id).catch(() => undefined)
        if (!draft) return
        fingerprint = draftFingerprint(draft.meta, draft.doc)
      }
      if (fingerprint === saved) await this.remove(library, k, id)
    })
  }

  /** Drops the draft whatever it holds (the user's choice, or the editor has nothing unsaved). */
  async discard(id: string): Promise<void> {
    const library = this.options.libraries.current()
    const k = reviewKey(library, checkedReviewId(id))
    this.pending.delete(k)
    await this.serial.run(k, () => this.remove(library, k, id))
  }

  /**
   * Drafts of the library, newest first. A draft identical to its saved file is dropped here
   * (nothing to recover); an unreadable one is logged and left on disk.
   */
  async list(): Promise<RecoveredDraft[]> {
    const library = this.options.libraries.current()
    const dir = await existingLocalDir(library.stateDir, RECOVERY_DIR)
    if (!dir) return []
    const rows: RecoveredDraft[] = []
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.json')) continue
      const id = name.slice(0, -'.json'.length)
      if (!reviewId.safeParse(id).success) continue
      const k = reviewKey(library, id)
      await this.serial.run(k, async () => {
        let draft: DraftFile
        try {
          draft = await this.readDraft(library, id)
        } catch (error) {
          this.log(`Recovery: the draft ${name} cannot be read and was left as it is`, error)
          return
        }
        const file = await this.savedText(library, id)
        if (file !== undefined && matchesFile(draft, file)) {
          await this.remove(library, k, id)
          return
        }
        rows.push({
          id,
          title: draft.meta.title || id,
          at: draft.at,
          wordCount: wordCountOf(draft.doc),
          reviewExists: file !== undefined,
        })
      })
    }
    return rows.sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id))
  }

  async read(id: string): Promise<Draft & { at: string }> {
    const library = this.options.libraries.current()
    const k = reviewKey(library, checkedReviewId(id))
    return this.serial.run(k, async () => {
      try {
        const { meta, doc, baseHash, at } = await this.readDraft(library, id)
        return { meta, doc, baseHash, at }
      } catch (error) {
        if (isErrnoCode(error, 'ENOENT', 'ELOOP')) fail('NOT_FOUND', `There is no recovered text for “${id}”.`)
        throw error
      }
    })
  }

  /**
   * The review's folder was renamed: its draft follows it, unless a draft under the new id exists.
   * Never throws: the rename itself has happened, and a draft left under the old id is still listed.
   */
  async follow(from: string, to: string): Promise<void> {
    const library = this.options.libraries.current()
    const [a, b] = [reviewKey(library, checkedReviewId(from)), reviewKey(library, checkedReviewId(to))]
    await this.serial.run(a, () =>
      this.serial.run(b, async () => {
        try {
          const dir = await existingLocalDir(library.stateDir, RECOVERY_DIR)
          if (!dir || this.pending.has(a)) return
          const names = new Set(await readdir(dir))
          if (!names.has(`${from}.json`) || names.has(`${to}.json`)) return
          const draft = await this.readDraft(library, from)
          await writeFileAtomic(join(dir, `${to}.json`), JSON.stringify({ ...draft, id: to }))
          await this.remove(library, a, from)
          this.written.set(b, draftFingerprint(draft.meta, draft.doc))
        } catch (error) {
          this.log(`Recovery: the draft of “${from}” stays under that name after the rename to “${to}”`, error)
        }
      }),
    )
  }

  /** Waits for queued journal writes (tests, and before quitting). */
  idle(): Promise<void> {
    return this.serial.idle()
  }

  private async readDraft(library: Library, id: string): Promise<DraftFile> {
    const dir = await existingLocalDir(library.stateDir, RECOVERY_DIR)
    if (!dir) throw Object.assign(new Error('no recovery folder'), { code: 'ENOENT' })
    const raw: unknown = JSON.parse((await readPlainFile(join(dir, `${id}.json`))).toString('utf8'))
    if (!draftHeader.safeParse(raw).success) fail('INVALID_ARGUMENT', `${id}.json is not a Verdict draft.`)
    return { format: 'verdict-draft', version: 1, id, ...draftContent.parse(raw) }
  }

  /** The review's file as text; undefined when the folder or file no longer exists. */
  private async savedText(library: Library, id: string): Promise<Buffer | undefined> {
    try {
      return await readPlainFile(await library.reviewFile(id))
    } catch {
      return undefined
    }
  }

  private async remove(library: Library, k: string, id: string): Promise<void> {
    const dir = await existingLocalDir(library.stateDir, RECOVERY_DIR)
    this.written.delete(k)
    if (!dir) return
    try {
      await rm(join(dir, `${id}.json`), { force: true })
    } catch (error) {
      throw describeIoError(error, `remove the recovered text of “${id}”`)
    }
  }
}

/** True when saving the draft would write nothing: the file already holds it. */
function matchesFile(draft: Draft, file: Buffer): boolean {
  if (file.byteLength > MAX_REVIEW_BYTES) return false
  try {
    // What the file lacks reads as the draft has it (the library gives missing keys the same fallbacks).
    const { title, created, updated, date } = draft.meta
    return !reviseReview(file, { title, created, updated, date }, draft.meta, draft.doc, updated).changed
  } catch {
    return false
  }
}

