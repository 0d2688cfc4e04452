import { useId, type InputHTMLAttributes } from 'react'
import { ErrorLine } from './ErrorLine'

type Props = {
  label: string
  hint?: string
  /** Shown under the field and announced; marks the input invalid. */
  error?: string | null
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>

/** A visibly labelled input with its hint and error wired up for assistive technology. */
export function TextField({ label, hint, error, className, ...input }: Props) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
        {...input}
      />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && <ErrorLine id={errorId}>{error}</ErrorLine>}
    </div>
  )
}
