import { $getRoot, $parseSerializedNode, HISTORY_MERGE_TAG, type LexicalEditor, type SerializedEditorState, type SerializedLexicalNode } from 'lexical'
import type { BlockJSON, EditorDocument } from '@shared/document'

/**
 * Opening a long review: the editor starts with the blocks of its first screen, editable at once,
 * and the rest is appended in slices of at most 8 ms each, run when nothing more urgent waits (a
 * 50,000-word review built whole held the renderer for a few hundred milliseconds before anything
 * showed). Until the
 * rest is built, whatever needs the whole text builds it first and at once: the text or the
 * editor's toolbar and find bar taking focus (before any key, select-all, copy or Ctrl+End reaches
 * Lexical), an image replaced by a smaller one, and the saver, which is sent the blocks not built
 * yet as they came (serialize.ts), so a save never writes part of the review.
 *
 * The slices are no step of the undo history (HISTORY_MERGE_TAG): they merge into the state the
 * history starts from, and no edit can come before the last of them, as an edit needs the focus.
 */

/** Marks the updates that append the rest of the opened review (serialize.ts maps them to the opened blocks). */
export const OPENING_TAG = 'verdict-opening'

/** More text than the first screen of the widest window shows, so the rest is appended out of sight. */
const FIRST_SCREEN_CHARS = 6000
/** A slice's time, appending and the DOM Lexical writes for it, in milliseconds. */
const SLICE_MS = 8
/** Blocks in one slice at most, whatever the last slice took. */
const MAX_PER_SLICE = 64

const openings = new WeakMap<LexicalEditor, Opening>()

/**
 * Chromium's task scheduler (not in TypeScript's DOM types yet): its background tasks run whenever
 * nothing more urgent waits, where idle callbacks get one turn per frame, so the rest is built
 * several times sooner and a key still runs between two slices.
 */
const background = (globalThis as { scheduler?: { postTask(task: () => void, options: { priority: 'background' }): Promise<void> } }).scheduler

/** The document to set first: the first screen's blocks (all of a short review). */
export function firstScreen(doc: EditorDocument): { state: SerializedEditorState; rest: readonly BlockJSON[] } {
  const blocks = doc.root.children
  let chars = 0
  let count = 0
  while (count < blocks.length && chars < FIRST_SCREEN_CHARS) chars += JSON.stringify(blocks[count++]).length
  const state = { root: { ...doc.root, children: blocks.slice(0, count) } } as unknown as SerializedEditorState
  return { state, rest: blocks.slice(count) }
}

/** Starts appending `rest` in idle time; `editor` holds the blocks before it. */
export function buildRest(editor: LexicalEditor, rest: readonly BlockJSON[]): void {
  if (rest.length > 0) openings.set(editor, new Opening(editor, rest))
}

/** The opened review's blocks not in the editor yet, in order (none once it is whole). */
export function unbuiltBlocks(editor: LexicalEditor): readonly BlockJSON[] {
  return openings.get(editor)?.unbuilt() ?? []
}

/** Builds the rest of the opened review now, when it is not whole yet: before anything that reads or edits the whole text. */
export function completeDocument(editor: LexicalEditor): void {
  openings.get(editor)?.finish()
}

class Opening {
  readonly #editor: LexicalEditor
  readonly #rest: readonly BlockJSON[]
  /** The first block of `#rest` not appended yet. */
  #next = 0
  /** Blocks per slice, adjusted to the time the last slice took. */
  #perSlice = 16

  constructor(editor: LexicalEditor, rest: readonly BlockJSON[]) {
    this.#editor = editor
    this.#rest = rest
    this.#schedule()
  }

  unbuilt(): readonly BlockJSON[] {
    return this.#rest.slice(this.#next)
  }

  /** A slice still scheduled then finds nothing left to append. */
  finish(): void {
    this.#append(this.#rest.length - this.#next)
  }

  #schedule(): void {
    const slice = () => {
      const count = Math.min(this.#perSlice, this.#rest.length - this.#next)
      if (count <= 0) return
      const started = performance.now()
      this.#append(count)
      const took = performance.now() - started
      // Aim at half the slice's time, growing at most twofold: the next slice's cost is a guess from
      // this one's, and its blocks may be heavier (a trace of the 50k review showed 16-18 ms slices
      // when the count followed the last slice alone).
      const fits = Math.round((count * (SLICE_MS / 2)) / Math.max(took, 0.25))
      this.#perSlice = Math.max(1, Math.min(fits, count * 2, MAX_PER_SLICE))
      if (this.#next < this.#rest.length) this.#schedule()
    }
    if (background) void background.postTask(slice, { priority: 'background' })
    else requestIdleCallback(slice)
  }

  #append(count: number): void {
    if (count <= 0) return
    const blocks = this.#rest.slice(this.#next, this.#next + count)
    this.#next += count
    this.#editor.update(
      () => {
        const root = $getRoot()
        for (const block of blocks) root.append($parseSerializedNode(block as unknown as SerializedLexicalNode))
      },
      { discrete: true, tag: [HISTORY_MERGE_TAG, OPENING_TAG] },
    )
    if (this.#next === this.#rest.length) openings.delete(this.#editor)
  }
}
