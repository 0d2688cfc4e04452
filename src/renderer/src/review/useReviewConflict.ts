import { useEffect, useState } from 'react'
import type { ReviewConflict } from '@shared/model'
import { api } from '@renderer/api'

/**
 * Whether the open review is in conflict (another machine's version beside it, git's markers in
 * it), as main's watcher reports it from the moment it watches the review; `resolved` clears it at
 * once after a resolution from here, before the watcher sees the copy go.
 */
export function useReviewConflict(reviewId: string): { conflict: ReviewConflict | null; resolved: () => void } {
  const [conflict, setConflict] = useState<ReviewConflict | null>(null)
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'review-conflict' && event.id === reviewId) setConflict(event.conflict)
      }),
    [reviewId],
  )
  return { conflict, resolved: () => setConflict(null) }
}
