import { useEffect, useState } from 'react'
import { documentText, type EditorDocument } from '@shared/document'
import { countWords } from '@shared/text'
import type { LatestDocument } from './latestDocument'

/**
 * The word count of the newest editor state, computed when the browser is idle after a change (at
 * most a second later) from the serialisation autosave and the preview share, so long reviews never
 * slow typing down and no state is serialised twice. Counts like the library does.
 */
export function useWordCount(doc: LatestDocument): number | null {
  const [words, setWords] = useState<number | null>(null)
  useEffect(() => {
    let pending: number | undefined
    const schedule = () => {
      if (pending !== undefined) cancelIdleCallback(pending)
      pending = requestIdleCallback(
        () => {
          pending = undefined
          setWords(countWords(documentText(doc.current.toJSON() as EditorDocument)))
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
  return words
}
