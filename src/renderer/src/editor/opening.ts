import { $getRoot, $parseSerializedNode, HISTORY_MERGE_TAG, type LexicalEditor, type SerializedEditorState, type SerializedLexicalNode } from 'lexical'
import type { BlockJSON, EditorDocument } from '@shared/document'
import { inBackground } from '@renderer/lib/background'

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
 *
 * A long review main had not read yet comes in two parts (ReviewFirstPart): the rest's blocks
 * arrive later (`arriving`). A focus before then cannot build them: the editor waits for them
 * (`whenWhole`, input held back meanwhile: holdInput.ts), builds them at once when they come, and
 * only then takes the keys held.
 */

/** Marks the updates that append the rest of the opened review (serialize.ts maps them to the opened blocks). */
export const OPENING_TAG = 'verdict-opening'

/** The text's line height in pixels (editor.css: 19 px at 1.7), and more characters than one of its lines holds (68ch). */
const LINE_PX = 32
const LINE_CHARS = 120
/** A block's JSON is longer than its text: about 1.7 times in the bench's reviews. */
const JSON_PER_CHAR = 2
/** A slice's time, appending and the DOM Lexical writes for it, in milliseconds. */
const SLICE_MS = 8
/** Blocks in one slice at most, whatever the last slice took. */
const MAX_PER_SLICE = 64

const openings = new WeakMap<LexicalEditor, Opening>()

/**
 * More characters of text than the window shows at once, so the rest is appended out of sight
 * (3,000 in a 1280×800 window): main reads this much of a long review first (openReviewInParts).
 */
export function screenChars(): number {
  return Math.ceil(window.innerHeight / LINE_PX) * LINE_CHARS
}

/** The document to set first: the first screen's blocks (all of a short review); `screen`: the characters of text it shows. */
export function firstScreen(doc: EditorDocument, screen = screenChars()): { state: SerializedEditorState; rest: readonly BlockJSON[] } {
  const blocks = doc.root.children
  const enough = screen * JSON_PER_CHAR
  let chars = 0
  let count = 0
  while (count < blocks.length && chars < enough) chars += JSON.stringify(blocks[count++]).length
  const state = { root: { ...doc.root, children: blocks.slice(0, count) } } as unknown as SerializedEditorState
  return { state, rest: blocks.slice(count) }
}

/**
 * Starts appending `rest` in idle time; `editor` holds the blocks before it. `arriving`: the blocks
 * after `rest`, once main has read them (undefined when the review is read again whole instead).
 */
export function buildRest(editor: LexicalEditor, rest: readonly BlockJSON[], arriving?: Promise<readonly BlockJSON[] | undefined>): void {
  if (rest.length > 0 || arriving) openings.set(editor, new Opening(editor, rest, arriving))
}

/** The opened review's blocks not in the editor yet, in order (none once it is whole). */
export function unbuiltBlocks(editor: LexicalEditor): readonly BlockJSON[] {
  return openings.get(editor)?.unbuilt() ?? []
}

/**
 * Builds the rest of the opened review now, when it is not whole yet: before anything that reads or
 * edits the whole text. False while its last blocks are still on their way from main: they are
 * built as soon as they come (`whenWhole` says when).
 */
export function completeDocument(editor: LexicalEditor): boolean {
  return openings.get(editor)?.finish() ?? true
}

/** Resolves once the opened review is whole in the editor (at once when it is). */
export function whenWhole(editor: LexicalEditor): Promise<void> {
  return openings.get(editor)?.whole ?? Promise.resolve()
}

class Opening {
  readonly #editor: LexicalEditor
  #rest: readonly BlockJSON[]
  /** The first block of `#rest` not appended yet. */
  #next = 0
  /** Blocks per slice, adjusted to the time the last slice took. */
  #perSlice = 16
  /** The rest's last blocks are still on their way from main. */
  #arriving: boolean
  /** Asked for whole while they were: built at once when they come. */
  #wanted = false
  #done: () => void = () => undefined
  readonly whole = new Promise<void>((resolve) => (this.#done = resolve))

  constructor(editor: LexicalEditor, rest: readonly BlockJSON[], arriving: Promise<readonly BlockJSON[] | undefined> | undefined) {
    this.#editor = editor
    this.#rest = rest
    this.#arriving = arriving !== undefined
    void arriving?.then(
      (blocks) => this.#arrived(blocks ?? []),
      () => this.#arrived([]),
    )
    this.#schedule()
  }

  unbuilt(): readonly BlockJSON[] {
    return this.#rest.slice(this.#next)
  }

  /** A slice still scheduled then finds nothing left to append. False while the last blocks are on their way. */
  finish(): boolean {
    this.#append(this.#rest.length - this.#next)
    this.#wanted ||= this.#arriving
    return !this.#arriving
  }

  #arrived(blocks: readonly BlockJSON[]): void {
    const scheduled = this.#next < this.#rest.length
    this.#rest = [...this.#rest, ...blocks]
    this.#arriving = false
    if (this.#wanted) this.finish()
    else if (!scheduled) this.#schedule()
    this.#closeIfWhole()
  }

  #closeIfWhole(): void {
    if (this.#next < this.#rest.length || this.#arriving) return
    if (openings.get(this.#editor) === this) openings.delete(this.#editor)
    this.#done()
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
      else this.#closeIfWhole()
    }
    inBackground(slice)
  }

  #append(count: number): void {
    if (count <= 0) return this.#closeIfWhole()
    const blocks = this.#rest.slice(this.#next, this.#next + count)
    this.#next += count
    this.#editor.update(
      () => {
        const root = $getRoot()
        for (const block of blocks) root.append($parseSerializedNode(block as unknown as SerializedLexicalNode))
      },
      { discrete: true, tag: [HISTORY_MERGE_TAG, OPENING_TAG] },
    )
    this.#closeIfWhole()
  }
}
