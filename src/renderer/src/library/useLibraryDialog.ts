import { useCallback, useState } from 'react'
import type { ReviewSummary } from '@shared/model'

/** The library screen's dialogs, and what each was opened for. One is open at a time. */
export type LibraryDialog =
  | { name: 'rename'; review: ReviewSummary }
  | { name: 'resolve'; review: ReviewSummary }
  | { name: 'switch' }
  | { name: 'export'; ids: string[] }
  | { name: 'import' }
  | { name: 'tags' }

/**
 * Which dialog the library shows. `finished(then)` is a dialog's done callback: it closes the
 * dialog and lists the library again (what the dialog did changed it), then does `then`.
 */
export function useLibraryDialog(reload: () => Promise<void>) {
  const [dialog, show] = useState<LibraryDialog | null>(null)
  const close = useCallback(() => show(null), [])
  const finished =
    <T>(then: (result: T) => void) =>
    (result: T) => {
      show(null)
      void reload()
      then(result)
    }
  return { dialog, show, close, finished }
}
