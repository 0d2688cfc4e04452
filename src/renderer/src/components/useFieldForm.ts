import { useState } from 'react'
import { errorMessage } from '@renderer/lib/errors'

interface Options<T> {
  initial: string
  /** Shown when the field is submitted empty. */
  empty: string
  /** Does the work with the trimmed value; its failure is shown under the field. */
  run: (value: string) => Promise<T>
  done: (result: T) => void
  /** Turns a failure's message into the sentence shown (default: the message itself). */
  explain?: (message: string) => string
}

/** The state of a one-field dialog (rename): value, error, busy, submit. */
export function useFieldForm<T>({ initial, empty, run, done, explain = (message) => message }: Options<T>) {
  const [value, setValue] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  /** A new value clears the last error. */
  const change = (next: string) => {
    setValue(next)
    setError(null)
  }

  const submit = async () => {
    const trimmed = value.trim()
    if (!trimmed) return setError(empty)
    setBusy(true)
    try {
      done(await run(trimmed))
    } catch (failure) {
      setError(explain(errorMessage(failure)))
      setBusy(false)
    }
  }

  return { value, change, error, busy, submit }
}
