import { VerdictError, type Args, type Result } from '@shared/contract'
import type { EditorDocument } from '@shared/document'
import type { ReviewMeta } from '@shared/model'
import { errorMessage } from '@renderer/lib/errors'

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  /** `conflict`: the file changed on disk since it was opened, so main refused to write over it. */
  | { kind: 'error'; message: string; conflict: boolean }

/** Anything with Lexical's `toJSON()`: serialising waits until the save runs, off the typing path. */
export interface DocumentSource {
  toJSON(): unknown
}

interface Snapshot {
  meta: ReviewMeta
  doc: DocumentSource
}

type Save = (args: Args<'saveReview'>) => Promise<Result<'saveReview'>>

/**
 * Autosave for one open review. The id is fixed at construction, so content can never be written
 * under another review's id; saves never overlap, and a change made during a save is queued and
 * written (only its latest version) once that save returns.
 */
export class ReviewSaver {
  readonly #id: string
  readonly #save: Save
  readonly #onState: (state: SaveState) => void
  readonly #delay: number
  #baseHash: string
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
  }) {
    this.#id = options.id
    this.#baseHash = options.baseHash
    this.#latest = options.initial
    this.#save = options.save
    this.#onState = options.onState
    this.#delay = options.delay ?? 600
  }

  /** Records the newest content and saves it once typing pauses. */
  change(patch: Partial<Snapshot>): void {
    this.#latest = { ...this.#latest, ...patch }
    this.#dirty = true
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
    while (this.#running) await this.#running.catch(() => undefined)
    if (!this.#dirty) return
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

  /** Takes `hash` as the version the edits apply to (to write over a file changed elsewhere), and saves. */
  rebase(hash: string): Promise<void> {
    this.#baseHash = hash
    this.#dirty = true
    return this.flush()
  }

  /** Cancels the debounce timer (the review is closing and has been flushed). */
  dispose(): void {
    clearTimeout(this.#timer)
  }

  /** Reports only actual changes: a keystroke while already "Saving…" must not re-render the screen. */
  #report(state: SaveState): void {
    if (JSON.stringify(state) === JSON.stringify(this.#state)) return
    this.#state = state
    this.#onState(state)
  }

  async #write(snapshot: Snapshot): Promise<void> {
    this.#report({ kind: 'saving' })
    try {
      const result = await this.#save({
        id: this.#id,
        meta: snapshot.meta,
        doc: snapshot.doc.toJSON() as EditorDocument,
        baseHash: this.#baseHash,
      })
      this.#baseHash = result.hash
      if (!this.#dirty) this.#report({ kind: 'saved' })
    } catch (error) {
      // The edits stay in the editor and count as unsaved: the next change or flush retries them.
      this.#dirty = true
      const conflict = error instanceof VerdictError && error.code === 'CONFLICT'
      this.#report({ kind: 'error', message: errorMessage(error), conflict })
      throw error
    }
  }
}
