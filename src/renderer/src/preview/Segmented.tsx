import { useId } from 'react'
import '../styles/preview.css'

interface Props<T extends string> {
  label: string
  value: T
  options: ReadonlyArray<{ value: T; label: string }>
  onChange: (value: T) => void
  disabled?: boolean
}

/** A row of mutually exclusive choices: native radio buttons (arrow keys move between them), drawn as a segmented control. */
export function Segmented<T extends string>({ label, value, options, onChange, disabled = false }: Props<T>) {
  const id = useId()
  return (
    <div className="segmented-field">
      <span id={`${id}-label`} className="segmented-label">
        {label}
      </span>
      <div role="radiogroup" aria-labelledby={`${id}-label`} className="segmented">
        {options.map((option) => (
          <label key={option.value} className="segmented-option">
            <input
              type="radio"
              name={id}
              value={option.value}
              checked={option.value === value}
              disabled={disabled}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </div>
  )
}
