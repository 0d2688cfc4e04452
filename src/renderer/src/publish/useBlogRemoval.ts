import { useState } from 'react'
import type { BlogView } from '@shared/publish'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'

/** The blog whose removal the critic is asked to confirm, and the removal's failure. */
export function useBlogRemoval(removed: () => Promise<void>) {
  const [removing, setRemoving] = useState<BlogView | null>(null)
  const [error, setError] = useState<string | null>(null)

  const ask = (blog: BlogView) => {
    setError(null)
    setRemoving(blog)
  }

  const remove = async () => {
    if (!removing) return
    try {
      await api.removeBlog({ id: removing.id })
      setRemoving(null)
      await removed()
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  return { removing, error, ask, cancel: () => setRemoving(null), remove }
}
