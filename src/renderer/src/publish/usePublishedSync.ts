import { useEffect } from 'react'
import { api } from '@renderer/api'
import type { ReviewSaver } from '@renderer/review/saver'
import { publishedPatch, type PublishedPatch } from './records'

/** Keeps the open review in step while main writes publish records into its file (from the dialog or the outbox). */
export function usePublishedSync(reviewId: string, saver: ReviewSaver, onPatch: (patch: PublishedPatch) => void): void {
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'review-published' || event.id !== reviewId) return
        const patch = publishedPatch(saver.meta.published, event.published, event.date)
        saver.writtenByMain(event.hash, patch)
        onPatch(patch)
      }),
    [reviewId, saver, onPatch],
  )
}
