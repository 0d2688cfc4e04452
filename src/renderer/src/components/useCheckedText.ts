import { useState, type ChangeEvent } from 'react'

/**
 * A field's text and what its check last found wrong with it. `field` is the `TextField` props:
 * typing clears the error, which stays until the text is checked again.
 */
export function useCheckedText(initial: string) {
  const [text, setText] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const field = {
    value: text,
    error,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      setText(event.target.value)
      setError(null)
    },
  }
  return { text, refuse: setError, field }
}
