import { useState } from 'react'
import { useAction } from './useAction'

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
  const { busy, error, setError, run: act } = useAction(explain)

  /** A new value clears the last error. */
  const change = (next: string) => {
    setValue(next)
    setError(null)
  }

  const submit = async () => {
    const trimmed = value.trim()
    if (!trimmed) return setError(empty)
    await act(async () => done(await run(trimmed)), { staysBusy: true })
  }

  return { value, change, error, busy, submit }
}
