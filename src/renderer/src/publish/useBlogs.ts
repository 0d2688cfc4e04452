import { useCallback, useEffect, useState } from 'react'
import type { BlogView, SecretBackend } from '@shared/publish'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'

export interface BlogList {
  blogs: BlogView[]
  /** Where sign-in details entered now are kept on this computer. */
  secrets: SecretBackend
}

/** The library's blogs as main lists them (never their secrets); `reload` after a change. */
export function useBlogs(): { listed: BlogList | null; error: string | null; reload: () => Promise<BlogList | null> } {
  const [listed, setListed] = useState<BlogList | null>(null)
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(
    () =>
      api.listBlogs().then(
        (next) => {
          setListed(next)
          setError(null)
          return next
        },
        (failure: unknown) => {
          setError(errorMessage(failure))
          return null
        },
      ),
    [],
  )
  useEffect(() => {
    void reload()
  }, [reload])
  return { listed, error, reload }
}
