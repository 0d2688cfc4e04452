import {
  $exportNodeJSON,
  $getRoot,
  $getSlot,
  $getSlotNames,
  $isElementNode,
  $withCompactExport,
  HISTORIC_TAG,
  type EditorState,
  type LexicalNode,
  type NodeKey,
  type SerializedEditorState,
  type SerializedElementNode,
  type SerializedLexicalNode,
  type SerializedRootNode,
  type UpdateListenerPayload,
} from 'lexical'
import type { BlockJSON, EditorDocument } from '@shared/document'
import { OPENING_TAG } from './opening'

interface Block {
  node: LexicalNode
  json: SerializedLexicalNode
}

/**
 * `editorState.toJSON()` at the cost of the blocks an edit touched. Lexical keeps every node it did
 * not write identical from one state to the next and marks each written node and its ancestors
 * dirty, so the JSON of a top-level block stays valid until an update lists that block as dirty.
 * Starts from an editor's current state and is fed every update after it (`follow`); serializes
 * the newest state (older ones in full).
 *
 * A block's JSON is the same object from one serialization to the next until an edit touches the
 * block: the saver tells main which blocks it already has by that identity (shared/delta.ts). Given
 * the document the editor was opened with, it also says which exported blocks are still exactly
 * the opened ones (`openedIndexOf`): top-level node `i` of the starting state stands for opened
 * block `i` until an update marks it, once its export is checked to hold the same content.
 *
 * While a long review is still being opened (opening.ts), the blocks not built yet follow the
 * built ones in every serialization as main sent them (`unbuilt`), so a save is always the whole
 * review; the blocks appended by the opening's updates stand for the opened blocks they were read from.
 */
export class IncrementalSerializer {
  /** The state the cached blocks belong to. */
  #state: EditorState
  #blocks = new Map<NodeKey, Block>()
  readonly #opened: readonly BlockJSON[]
  /** Top-level nodes not written since the start, to the index of the opened block each was read from. */
  readonly #unwritten = new Map<NodeKey, number>()
  /** Exported blocks checked to equal an opened block, to its index. */
  readonly #openedIndex = new WeakMap<object, number>()
  readonly #unbuilt: () => readonly BlockJSON[]

  constructor(state: EditorState, opened?: EditorDocument, unbuilt: () => readonly BlockJSON[] = () => []) {
    this.#state = state
    this.#opened = opened?.root.children ?? []
    this.#unbuilt = unbuilt
    state.read(() => this.#matchOpened(() => true))
  }

  /** Notes the top-level nodes `which` picks as the opened blocks at their places. */
  #matchOpened(which: (key: NodeKey) => boolean): void {
    const keys = $getRoot().getChildrenKeys()
    // Another count means Lexical read the blocks otherwise (it joins neighbouring lists): none is matched.
    if (keys.length + this.#unbuilt().length !== this.#opened.length) return
    keys.forEach((key, index) => {
      if (which(key)) this.#unwritten.set(key, index)
    })
  }

  follow({ prevEditorState, editorState, dirtyElements, dirtyLeaves, tags }: UpdateListenerPayload): void {
    // Undo, redo and other swapped-in states change nodes without marking them: only the root,
    // unintentionally, is listed.
    const swapped = tags.has(HISTORIC_TAG) || (dirtyElements.size === 1 && dirtyElements.get('root') === false && dirtyLeaves.size === 0)
    if (this.#state !== prevEditorState || swapped) {
      this.#blocks.clear()
      this.#unwritten.clear()
    } else {
      for (const key of dirtyElements.keys()) this.#forget(key)
      for (const key of dirtyLeaves) this.#forget(key)
      if (tags.has(OPENING_TAG)) editorState.read(() => this.#matchOpened((key) => dirtyElements.has(key)))
    }
    this.#state = editorState
  }

  /** Where an exported top-level block stands in the opened document, when it is still that block. */
  openedIndexOf(block: object): number | undefined {
    return this.#openedIndex.get(block)
  }

  #forget(key: NodeKey): void {
    this.#blocks.delete(key)
    this.#unwritten.delete(key)
  }

  /** A top-level block's JSON, noted as an opened block's when it still is one. */
  #export(node: LexicalNode): Block {
    const block = { node, json: $exportTree(node) }
    const at = this.#unwritten.get(node.getKey())
    if (at !== undefined && sameContent(block.json, this.#opened[at])) this.#openedIndex.set(block.json, at)
    return block
  }

  toJSON(state: EditorState): SerializedEditorState {
    if (state !== this.#state) return state.toJSON()
    return $withCompactExport(false, () =>
      state.read(() => {
        const root = $getRoot()
        const json = $exportNodeJSON(root) as SerializedRootNode
        const blocks = new Map<NodeKey, Block>()
        for (const node of root.getChildren()) {
          const cached = this.#blocks.get(node.getKey())
          const block = cached?.node === node ? cached : this.#export(node)
          blocks.set(node.getKey(), block)
          json.children.push(block.json)
        }
        this.#blocks = blocks
        const built = json.children.length
        this.#unbuilt().forEach((block, index) => {
          if (this.#opened[built + index] === block) this.#openedIndex.set(block, built + index)
          json.children.push(block as unknown as SerializedLexicalNode)
        })
        return { root: json }
      }),
    )
  }

  /**
   * Exports the newest state's blocks not cached yet, until `hasTime` says stop (an idle period
   * ends): after opening, so the first edit does not export the whole review. True when done.
   */
  prime(hasTime: () => boolean): boolean {
    const state = this.#state
    return $withCompactExport(false, () =>
      state.read(() => {
        for (const node of $getRoot().getChildren()) {
          if (this.#blocks.get(node.getKey())?.node === node) continue
          if (!hasTime()) return false
          this.#blocks.set(node.getKey(), this.#export(node))
        }
        return true
      }),
    )
  }
}

/**
 * What `EditorState.toJSON` writes for a node and everything below it. Walks with its own stack:
 * lists nest as deep as anyone indents them.
 */
function $exportTree(top: LexicalNode): SerializedLexicalNode {
  const exported = (node: LexicalNode): Block => ({ node, json: $exportNodeJSON(node) as SerializedLexicalNode })
  const root = exported(top)
  const pending = [root]
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, json } = next
    if ($isElementNode(node)) {
      for (const child of node.getChildren()) {
        const block = exported(child)
        ;(json as SerializedElementNode).children.push(block.json)
        pending.push(block)
      }
    }
    const slots = $getSlotNames(node)
    if (slots.length > 0) {
      json.$slots = Object.fromEntries(
        slots.map((name) => {
          const block = exported($getSlot(node, name)!)
          pending.push(block)
          return [name, block.json]
        }),
      )
    }
  }
  return root.json
}

/**
 * The fields of Lexical's export that main's documents leave out and Markdown keeps none of, with
 * the values a block read from Markdown has in them.
 */
const LAYOUT_FIELDS: Record<string, (value: unknown) => boolean> = {
  direction: (value) => value === null || value === 'ltr' || value === 'rtl',
  format: (value) => value === '',
  // Nested list items are indented; Markdown nests by structure.
  indent: (value) => Number.isInteger(value),
  // A list's tag follows its list type.
  tag: (value) => value === 'ul' || value === 'ol',
  rel: (value) => value === null,
  target: (value) => value === null,
  version: (value) => value === 1,
  textFormat: (value) => value === 0,
  textStyle: (value) => value === '',
  detail: (value) => value === 0,
  mode: (value) => value === 'normal',
  style: (value) => value === '',
}

/**
 * Whether an exported block holds exactly what main sent (`sent`): every field main sent, the same;
 * any other only one of Lexical's layout fields at its default. When unsure it says no, and the
 * block is sent again.
 */
function sameContent(exported: unknown, sent: unknown): boolean {
  const pending: Array<[unknown, unknown]> = [[exported, sent]]
  for (let pair = pending.pop(); pair; pair = pending.pop()) {
    const [ours, theirs] = pair
    if (typeof theirs !== 'object' || theirs === null || typeof ours !== 'object' || ours === null) {
      if (ours !== theirs) return false
      continue
    }
    if (Array.isArray(theirs) || Array.isArray(ours)) {
      if (!Array.isArray(theirs) || !Array.isArray(ours) || theirs.length !== ours.length) return false
      theirs.forEach((item, index) => pending.push([ours[index], item]))
      continue
    }
    // A field set to undefined is one left out, as JSON has it.
    const [mine, sentFields] = [ours as Record<string, unknown>, theirs as Record<string, unknown>]
    for (const key of Object.keys(mine)) {
      if (sentFields[key] !== undefined) pending.push([mine[key], sentFields[key]])
      else if (mine[key] !== undefined && !LAYOUT_FIELDS[key]?.(mine[key])) return false
    }
    if (Object.keys(sentFields).some((key) => sentFields[key] !== undefined && mine[key] === undefined)) return false
  }
  return true
}
