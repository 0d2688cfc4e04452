import { useCallback, useState } from 'react'
import type { ReviewSaver } from './saver'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'

/** Saving the edits as a new review in a folder the user picks, while they cannot be saved here. */
export function useSaveAs(reviewId: string, notify: (text: string) => void) {
  const [savedCopy, setSavedCopy] = useState<Awaited<ReturnType<typeof api.saveReviewAs>> | null>(null)
  const [savingAs, setSavingAs] = useState(false)

  const saveElsewhere = async (saver: ReviewSaver) => {
    setSavingAs(true)
    try {
      const folder = await api.pickFolder({ purpose: 'save-as' })
      if (!folder) return
      const { meta, doc } = saver.latest()
      const copy = await api.saveReviewAs({ id: reviewId, meta, doc, folder: folder.token })
      setSavedCopy(copy)
      notify(`Saved a copy: ${copy.path}`)
    } catch (error) {
      notify(`The copy could not be saved: ${errorMessage(error)}`)
    } finally {
      setSavingAs(false)
    }
  }
  // Once the review saves again, the copy is no longer news.
  const forgetCopy = useCallback(() => setSavedCopy(null), [])

  return { savedCopy, savingAs, saveElsewhere, forgetCopy }
}
