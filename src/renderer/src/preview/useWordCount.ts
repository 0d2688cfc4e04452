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

/** Quiet time after the last edit before the count is taken (a typist's keys come every 100–300 ms). */
const AFTER_TYPING_MS = 500

/**
 * The word count of the newest editor state, computed once typing pauses, when the browser is idle
 * (at most a second later), from the serialization autosave and the preview share, so no state is
 * serialized twice. Not while keys arrive: a new count re-renders its view, and every React commit
 * while the editor has focus walks the whole editable element to save the selection (react-dom's
 * getSelectionInformation), a cost that grows with the review. Blocks not counted yet are counted
 * over as many idle periods as they take; a count that did not change renders nothing.
 */
export function useWordCount(doc: LatestDocument): TextMeasure | null {
  const [measure, setMeasure] = useState<TextMeasure | null>(null)
  useEffect(() => {
    const counter = new BlockWordCounter()
    let pending: number | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const count = () => {
      pending = requestIdleCallback(
        () => {
          pending = undefined
          // Slices of a few milliseconds: a key pressed meanwhile waits for the slice to end.
          const end = performance.now() + 4
          const counted = counter.count(doc.current.toJSON() as EditorDocument, () => performance.now() < end)
          if (counted === null) count()
          else setMeasure((old) => (old && sameMeasure(old, counted) ? old : counted))
        },
        { timeout: 1000 },
      )
    }
    const schedule = () => {
      clearTimeout(timer)
      if (pending !== undefined) cancelIdleCallback(pending)
      pending = undefined
      timer = setTimeout(count, AFTER_TYPING_MS)
    }
    count()
    const unsubscribe = doc.subscribe(schedule)
    return () => {
      unsubscribe()
      clearTimeout(timer)
      if (pending !== undefined) cancelIdleCallback(pending)
    }
  }, [doc])
  return measure
}

function sameMeasure(a: TextMeasure, b: TextMeasure): boolean {
  return a.words === b.words && a.characterWords === b.characterWords && a.characters === b.characters
}
