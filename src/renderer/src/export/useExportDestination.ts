import { useState } from 'react'
import type { PickedPath } from '@shared/contract'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'

/** The export's folder: main's remembered (or default) one until another is picked, and what is wrong with it. */
export function useExportDestination() {
  /** Where the export goes unless another folder is picked (main's remembered or default folder). */
  const [exportDir, setExportDir] = useState('')
  const [picked, setPicked] = useState<PickedPath | null>(null)
  const [error, setError] = useState<string | null>(null)

  const browse = async () => {
    try {
      const next = await api.pickFolder({ purpose: 'export' })
      if (next !== null) {
        setPicked(next)
        setError(null)
      }
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  return { path: picked?.path ?? exportDir, picked, error, refuse: setError, setExportDir, browse }
}
