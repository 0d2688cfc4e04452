import { useState } from 'react'
import { errorMessage } from '@renderer/lib/errorMessage'

interface RunOptions {
  /** A dialog that closes on success keeps its controls disabled until it is gone. */
  staysBusy?: boolean
}

/**
 * Runs the critic's action with the controls disabled meanwhile and its failure kept to show:
 * the one busy/error pattern behind every dialog's button.
 */
export function useAction(explain: (message: string) => string = (message) => message) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = async (action: () => Promise<void>, { staysBusy = false }: RunOptions = {}) => {
    setBusy(true)
    setError(null)
    try {
      await action()
      if (!staysBusy) setBusy(false)
    } catch (failure) {
      setError(explain(errorMessage(failure)))
      setBusy(false)
    }
  }

  return { busy, error, setError, run }
}
