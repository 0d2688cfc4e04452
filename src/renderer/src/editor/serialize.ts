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
 */
export class IncrementalSerializer {
  /** The state the cached blocks belong to. */
  #state: EditorState
  #blocks = new Map<NodeKey, Block>()

  constructor(state: EditorState) {
    this.#state = state
  }

  follow({ prevEditorState, editorState, dirtyElements, dirtyLeaves, tags }: UpdateListenerPayload): void {
    // Undo, redo and other swapped-in states change nodes without marking them: only the root,
    // unintentionally, is listed.
    const swapped = tags.has(HISTORIC_TAG) || (dirtyElements.size === 1 && dirtyElements.get('root') === false && dirtyLeaves.size === 0)
    if (this.#state !== prevEditorState || swapped) this.#blocks.clear()
    else {
      for (const key of dirtyElements.keys()) this.#blocks.delete(key)
      for (const key of dirtyLeaves) this.#blocks.delete(key)
    }
    this.#state = editorState
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
          const block = cached?.node === node ? cached : { node, json: $exportTree(node) }
          blocks.set(node.getKey(), block)
          json.children.push(block.json)
        }
        this.#blocks = blocks
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
          this.#blocks.set(node.getKey(), { node, json: $exportTree(node) })
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
