import '../styles/choices.css'

export interface RadioOption<T extends string> {
  value: T
  label: string
  /** Read after the label, as part of the radio's name. */
  hint?: string
}

interface Props<T extends string> {
  legend: string
  /** Shared by the radios: the browser groups them by it, for arrow keys and Tab. */
  name: string
  value: T
  options: ReadonlyArray<RadioOption<T>>
  onChange: (value: T) => void
  disabled?: boolean
  /** Layout classes beside `choice-list` (e.g. `choice-row`). */
  className?: string
  /** Takes the dialog's first focus on the checked radio. */
  autofocus?: boolean
}

/** A labelled radio group of native radios (so arrow keys, Tab and disabling behave as the platform's), each a card with an optional hint. */
export function RadioGroup<T extends string>({ legend, name, value, options, onChange, disabled, className, autofocus }: Props<T>) {
  return (
    <fieldset role="radiogroup" className={className ? `choice-list ${className}` : 'choice-list'} disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((option) => {
        const checked = option.value === value
        return (
          <label key={option.value} className="choice">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={checked}
              data-autofocus={autofocus && checked ? true : undefined}
              onChange={() => onChange(option.value)}
            />
            <span className="choice-text">
              <span className="choice-label">{option.label}</span>
              {option.hint && <span className="choice-hint">{option.hint}</span>}
            </span>
          </label>
        )
      })}
    </fieldset>
  )
}
