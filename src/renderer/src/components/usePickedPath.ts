import { useState } from 'react'
import type { PickedPath } from '@shared/contract'
import { errorMessage } from '@renderer/lib/errorMessage'
import { useAction } from './useAction'

interface Options<T> {
  /** Main's picker for this field (`api.pickFolder` / `api.pickFile` with its purpose); null when cancelled. */
  pick: () => Promise<PickedPath | null>
  /** Shown when submitted with nothing chosen. */
  empty: string
  /** Does the work with the choice; its failure is shown under the field. */
  run: (picked: PickedPath) => Promise<T>
  done: (result: T) => void
  explain?: (message: string) => string
}

/** A dialog whose one input is a path picked in main's dialog (import, switch library): choice, error, busy, browse, submit. */
export function usePickedPath<T>({ pick, empty, run, done, explain = (message) => message }: Options<T>) {
  const [picked, setPicked] = useState<PickedPath | null>(null)
  const { busy, error, setError, run: act } = useAction(explain)

  const choose = (next: PickedPath | null) => {
    setPicked(next)
    setError(null)
  }

  const browse = async () => {
    try {
      const next = await pick()
      if (next) choose(next)
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  const submit = async (choice = picked) => {
    if (!choice) return setError(empty)
    await act(async () => done(await run(choice)), { staysBusy: true })
  }

  return { picked, choose, error, busy, browse, submit }
}
