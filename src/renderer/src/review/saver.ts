import { VerdictError, type Args, type Result } from '@shared/contract'
import type { EditorDocument } from '@shared/document'
import type { ReviewMeta } from '@shared/model'
import { errorMessage } from '@renderer/lib/errorMessage'
import type { DocumentSource } from '@renderer/preview/latestDocument'
import { BlockDeltas } from './blockDeltas'

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  /** `conflict`: the file changed on disk since it was opened, so main refused to write over it. */
  | { kind: 'error'; message: string; conflict: boolean }

interface Snapshot {
  meta: ReviewMeta
  /** Serialized when the save runs, off the typing path. */
  doc: DocumentSource
}

type Save = (args: Args<'saveReview'>) => Promise<Result<'saveReview'>>
type Journal = (args: Args<'journalDraft'>) => Promise<void>
type ClearJournal = (id: string) => Promise<void>

/**
 * Autosave for one open review. The id changes only when main says a save moved the review's
 * folder (it follows the title), so content can never be written under another review's id; saves
 * never overlap, and a change made during a save is queued and written (only its latest version)
 * once that save returns.
 */
export class ReviewSaver {
  #id: string
  readonly #onMoved: ((id: string) => void) | undefined
  readonly #save: Save
  readonly #onState: (state: SaveState) => void
  readonly #delay: number
  readonly #journal: Journal | undefined
  readonly #clearJournal: ClearJournal | undefined
  readonly #journalAfter: number
  /** The journal write in flight: a draft older than a save must not outlive it. */
  #journaling: Promise<void> = Promise.resolve()
  #journalTimer: ReturnType<typeof setTimeout> | undefined
  /** When the oldest change not journaled yet was made, if any. */
  #unjournaledSince: number | undefined
  #lastChange = 0
  #baseHash: string
  #deltas: BlockDeltas
  /**
   * Until the rest of a review opened in parts has come: the editor holds only its first part, so
   * nothing is saved or journaled before (a save then would write the review's start alone).
   */
  readonly #arrival: Promise<void>
  /** The review was read again whole instead (ReviewRest): its new editor saves, never this one. */
  #superseded = false
  #latest: Snapshot
  #dirty = false
  #timer: ReturnType<typeof setTimeout> | undefined
  #running: Promise<void> | null = null
  #state: SaveState = { kind: 'saved' }

  constructor(options: {
    id: string
    baseHash: string
    initial: Snapshot
    save: Save
    onState: (state: SaveState) => void
    delay?: number
    /** Sends unsaved edits that no save covers to the crash-recovery journal (see #scheduleJournal). */
    journal?: Journal
    /** Drops the review's journaled draft once everything is saved. */
    clearJournal?: ClearJournal
    /** A save moved the review to this id (its folder followed the title). */
    onMoved?: (id: string) => void
    /** How old unsaved edits get, while typing goes on without a pause, before they are journaled. */
    journalAfter?: number
    /** The token of the document main opened, when the editor starts from it: saves send only changed blocks. */
    base?: string
    /**
     * `initial` is the first part of a review opened in parts: the whole document as opened and its
     * base once the rest has come (undefined when it is read again whole instead).
     */
    arriving?: Promise<{ doc: DocumentSource; base: string } | undefined>
  }) {
    this.#id = options.id
    this.#baseHash = options.baseHash
    this.#deltas = new BlockDeltas(options.base)
    this.#latest = options.initial
    this.#save = options.save
    this.#onState = options.onState
    this.#delay = options.delay ?? 600
    this.#journal = options.journal
    this.#clearJournal = options.clearJournal
    this.#onMoved = options.onMoved
    this.#journalAfter = options.journalAfter ?? 3000
    this.#arrival = Promise.resolve(options.arriving).then((arrived) => {
      if (!arrived) return void (this.#superseded = options.arriving !== undefined)
      // No edit reaches the text before the rest (holdInput.ts): the opened document is the whole one.
      if (this.#latest.doc === options.initial.doc) this.#latest = { ...this.#latest, doc: arrived.doc }
      this.#deltas = new BlockDeltas(arrived.base)
    })
  }

  /** The review's id, as the last save left it. */
  get id(): string {
    return this.#id
  }

  /** True while some change has not been written (pending, being written, or refused). */
  get dirty(): boolean {
    return this.#dirty || this.#running !== null
  }

  /** The newest content, serialized (once, shared with the save). */
  latest(): { meta: ReviewMeta; doc: EditorDocument } {
    return { meta: this.#latest.meta, doc: this.#latest.doc.toJSON() as EditorDocument }
  }

  /** The newest front matter, as the next save will send it. */
  get meta(): ReviewMeta {
    return this.#latest.meta
  }

  /**
   * Main wrote its own part of the front matter (a publish record) and the file now has `hash`:
   * the next save builds on it. Not while a save is running (its reply is at least as new, and
   * main forwards a base its own write replaced), nor in a conflict (another program changed the
   * file, and taking its hash would write over that version).
   */
  writtenByMain(hash: string, patch: Partial<ReviewMeta>): void {
    this.#latest = { ...this.#latest, meta: { ...this.#latest.meta, ...patch } }
    if (this.#running === null && !(this.#state.kind === 'error' && this.#state.conflict)) this.#baseHash = hash
  }

  /** Marks the current content unsaved (restored from the recovery journal) and saves it soon. */
  markDirty(): void {
    this.change({})
  }

  /**
   * The journal holds what the saves do not, without sending the review over the bridge while keys
   * arrive: it is due just after the save of a typing pause, so a save that starts makes it
   * unnecessary and only a failed or refused one leaves the edits to it; typing that goes on
   * without a pause is journaled once its oldest unsaved edit is `journalAfter` old.
   */
  #scheduleJournal(): void {
    if (!this.#journal) return
    const now = Date.now()
    this.#unjournaledSince ??= now
    const due = Math.min(this.#lastChange + this.#delay + 50, this.#unjournaledSince + this.#journalAfter)
    clearTimeout(this.#journalTimer)
    this.#journalTimer = setTimeout(() => {
      this.#journalTimer = undefined
      this.#unjournaledSince = undefined
      // Saved meanwhile: the file holds it, and an older draft would only offer stale text.
      if (!this.dirty || !this.#journal) return void this.#dropObsoleteDraft()
      // A save in flight holds every change: it drops the draft when it is done, or journals if it fails.
      if (!this.#dirty) return
      // Serialized at most once per state: the save reuses the same serializeOnce wrapper.
      this.#journaling = this.#sendDraft(this.#id).catch(() => undefined)
    }, Math.max(0, due - now))
  }

  /** Records the newest content and saves it once typing pauses. */
  change(patch: Partial<Snapshot>): void {
    this.#latest = { ...this.#latest, ...patch }
    this.#dirty = true
    this.#lastChange = Date.now()
    this.#scheduleJournal()
    // After a conflict every save would be refused the same way: wait for rebase() or a reload.
    if (this.#state.kind === 'error' && this.#state.conflict) return
    this.#report({ kind: 'saving' })
    clearTimeout(this.#timer)
    // The error is already reported through onState; nothing else awaits a debounced save.
    this.#timer = setTimeout(() => void this.flush().catch(() => undefined), this.#delay)
  }

  /** Saves pending changes now; resolves once everything changed so far is on disk, rejects on failure. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer)
    await this.#arrived()
    while (this.#running) await this.#running.catch(() => undefined)
    if (!this.#dirty || this.#superseded) return
    // No await between the check above and claiming #running: two flushes cannot both start a save.
    const snapshot = this.#latest
    this.#dirty = false
    this.#running = this.#write(snapshot)
    try {
      await this.#running
    } finally {
      this.#running = null
    }
  }

  /**
   * Before the app quits: saves now; when the save fails (a conflict, a full disk), the edits go to
   * the recovery journal instead, to be offered at the next start.
   */
  async saveOrJournal(): Promise<void> {
    try {
      await this.flush()
    } catch (error) {
      if (!this.#journal) throw error
      await this.#sendDraft(this.#id)
    }
  }

  /** Takes `hash` as the version the edits apply to (to write over a file changed elsewhere), and saves. */
  rebase(hash: string): Promise<void> {
    this.#baseHash = hash
    this.#dirty = true
    return this.flush()
  }

  /** Forgets the unsaved edits (the user took another version, or saved them elsewhere): nothing more is written or journaled. */
  abandon(): void {
    this.#dirty = false
    this.dispose()
  }

  /** Cancels the debounce timer (the review is closing and has been flushed). */
  dispose(): void {
    clearTimeout(this.#timer)
    clearTimeout(this.#journalTimer)
  }

  /** Reports only actual changes: a keystroke while already "Saving…" must not re-render the screen. */
  #report(state: SaveState): void {
    if (JSON.stringify(state) === JSON.stringify(this.#state)) return
    this.#state = state
    this.#onState(state)
  }

  /**
   * Everything is on disk: a draft journaled before (or while) this save holds nothing newer, so it
   * would only offer stale text after a restart. Waits for a journal write in flight first.
   */
  async #dropObsoleteDraft(): Promise<void> {
    if (!this.#clearJournal) return
    await this.#journaling
    if (!this.#dirty && this.#journalTimer === undefined) await this.#clearJournal(this.#id).catch(() => undefined)
  }

  /**
   * Main moved the review and its draft to `to`. A draft sent meanwhile may have landed under the
   * old id after that: the unsaved edits are journaled under the new id before it is dropped.
   */
  async #moved(to: string): Promise<void> {
    const from = this.#id
    this.#id = to
    this.#onMoved?.(to)
    await this.#journaling
    if (this.#dirty && this.#journal) {
      this.#journaling = this.#sendDraft(to).catch(() => undefined)
      await this.#journaling
    }
    await this.#clearJournal?.(from).catch(() => undefined)
  }

  /** Once the whole review is in the editor (`#arrival`); a rest that could not come is this save's failure. */
  async #arrived(): Promise<void> {
    try {
      await this.#arrival
    } catch (error) {
      this.#report({ kind: 'error', message: errorMessage(error), conflict: false })
      throw error
    }
  }

  /** Journals the newest content under `id` (the journal is set: callers check). */
  async #sendDraft(id: string): Promise<void> {
    await this.#arrival
    if (this.#superseded) return
    const { meta, doc } = this.#latest
    await this.#deltas.send(doc, (changes) => this.#journal!({ id, meta, doc: changes, baseHash: this.#baseHash }))
  }

  async #write(snapshot: Snapshot): Promise<void> {
    this.#report({ kind: 'saving' })
    try {
      const { doc, reply: result } = await this.#deltas.send(snapshot.doc, (changes) =>
        this.#save({ id: this.#id, meta: snapshot.meta, doc: changes, baseHash: this.#baseHash }),
      )
      this.#baseHash = result.hash
      this.#deltas.adopt(doc, result.base)
      if (result.movedTo) await this.#moved(result.movedTo)
      if (!this.#dirty) this.#report({ kind: 'saved' })
      await this.#dropObsoleteDraft()
    } catch (error) {
      // The edits stay in the editor and count as unsaved: the next change or flush retries them.
      this.#dirty = true
      this.#scheduleJournal()
      const conflict = error instanceof VerdictError && error.code === 'CONFLICT'
      this.#report({ kind: 'error', message: errorMessage(error), conflict })
      throw error
    }
  }
}
