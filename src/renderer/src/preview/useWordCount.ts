import { useEffect, useState } from 'react'
import { documentText, type BlockJSON, type EditorDocument } from '@shared/document'
import { measureText, type TextMeasure } from '@shared/text'
import type { LatestDocument } from './latestDocument'

/**
 * Measures like the library counts (`countWords(documentText(doc))`), block by block: the shared
 * serialization keeps an unchanged top-level block's JSON object from one state to the next, so
 * only blocks edited since the last count are counted again.
 */
export class BlockWordCounter {
  readonly #counted = new WeakMap<BlockJSON, TextMeasure>()

  /** The document's measure, or null when `hasTime` said stop first (what was counted is kept). */
  count(doc: EditorDocument, hasTime: () => boolean = () => true): TextMeasure | null {
    const total: TextMeasure = { words: 0, characterWords: 0, characters: 0 }
    const add = (measure: TextMeasure) => {
      total.words += measure.words
      total.characterWords += measure.characterWords
      total.characters += measure.characters
    }
    // Every block's text ends with a line break, so block measures add up to the document's.
    for (const block of doc.root.children) {
      let counted = this.#counted.get(block)
      if (!counted) {
        if (!hasTime()) return null
        counted = measureText(documentText({ root: { type: 'root', children: [block] } }).slice(0, -1))
        this.#counted.set(block, counted)
      }
      add(counted)
    }
    return total
  }
}

/**
 * The word count of the newest editor state, computed when the browser is idle after a change (at
 * most a second later) from the serialization autosave and the preview share, so long reviews never
 * slow typing down and no state is serialized twice. Blocks not counted yet are counted over as many
 * idle periods as they take.
 */
export function useWordCount(doc: LatestDocument): TextMeasure | null {
  const [measure, setMeasure] = useState<TextMeasure | null>(null)
  useEffect(() => {
    const counter = new BlockWordCounter()
    let pending: number | undefined
    const schedule = () => {
      if (pending !== undefined) cancelIdleCallback(pending)
      pending = requestIdleCallback(
        () => {
          pending = undefined
          // Slices of a few milliseconds: a key pressed meanwhile waits for the slice to end.
          const end = performance.now() + 4
          const counted = counter.count(doc.current.toJSON() as EditorDocument, () => performance.now() < end)
          if (counted === null) schedule()
          else setMeasure(counted)
        },
        { timeout: 1000 },
      )
    }
    schedule()
    const unsubscribe = doc.subscribe(schedule)
    return () => {
      unsubscribe()
      if (pending !== undefined) cancelIdleCallback(pending)
    }
  }, [doc])
  return measure
}
