import { useEffect, useState } from 'react'
import type { ArchiveStats } from '@shared/archive'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'

export type ArchiveState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; stats: ArchiveStats }

/** The archive's numbers as main counts them, counted again whenever the library's listing changes. */
export function useArchive(listingVersion: unknown): ArchiveState {
  const [state, setState] = useState<ArchiveState>({ kind: 'loading' })
  useEffect(() => {
    let current = true
    api.archiveStats().then(
      (stats) => current && setState({ kind: 'loaded', stats }),
      (error: unknown) => current && setState({ kind: 'failed', message: errorMessage(error) }),
    )
    return () => {
      current = false
    }
  }, [listingVersion])
  return state
}
