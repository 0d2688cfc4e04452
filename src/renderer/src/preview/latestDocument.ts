/** Anything with Lexical's `toJSON()` (an EditorState, or what the saver already holds). */
export interface DocumentSource {
  toJSON(): unknown
  /** Where a top-level block of the JSON stands in the document main opened, while it is still that block (delta saves). */
  openedIndexOf?(block: object): number | undefined
}

/**
 * Wraps an editor state so it is serialized at most once, by whoever asks first: autosave and the
 * layout preview then share one `toJSON()` per state, and neither runs it on the keystroke path.
 */
export function serializeOnce(state: DocumentSource): DocumentSource {
  let json: unknown
  let done = false
  return {
    ...(state.openedIndexOf && { openedIndexOf: (block: object) => state.openedIndexOf?.(block) }),
    toJSON() {
      if (!done) {
        json = state.toJSON()
        done = true
      }
      return json
    },
  }
}

/**
 * The newest editor state of an open review. Setting it only stores a reference and pings the
 * listeners (which restart a timer): readers serialize it later, at their own pace.
 */
export class LatestDocument {
  #current: DocumentSource
  readonly #listeners = new Set<() => void>()

  constructor(initial: DocumentSource) {
    this.#current = initial
  }

  get current(): DocumentSource {
    return this.#current
  }

  set(doc: DocumentSource): void {
    this.#current = doc
    for (const listener of this.#listeners) listener()
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }
}
