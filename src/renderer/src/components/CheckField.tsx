import { useId } from 'react'

interface Props {
  label: string
  /** Said under the box and announced with it. */
  hint: string
  checked: boolean
  onChange: (checked: boolean) => void
}

/** A labelled checkbox with its hint wired up for assistive technology. */
export function CheckField({ label, hint, checked, onChange }: Props) {
  const hintId = `${useId()}-hint`
  return (
    <div className="field">
      <label className="field-check">
        <input type="checkbox" aria-describedby={hintId} checked={checked} onChange={(event) => onChange(event.target.checked)} />
        {label}
      </label>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
    </div>
  )
}
