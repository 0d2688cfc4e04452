import { forwardRef, useEffect, useRef, type KeyboardEvent } from 'react'
import type { FindOptions } from './textSearch'

interface Props {
  replacing: boolean
  query: string
  replacement: string
  options: FindOptions
  /** "3 of 12", "No matches", or nothing before a query. */
  status: string
  canStep: boolean
  onQuery: (query: string) => void
  onReplacement: (text: string) => void
  onOptions: (patch: Partial<FindOptions>) => void
  onStep: (by: 1 | -1) => void
  onReplace: () => void
  onReplaceAll: () => void
  onToggleReplace: () => void
  onClose: () => void
}

const STEPS = [
  [-1, 'Previous match', '↑'],
  [1, 'Next match', '↓'],
] as const
const OPTIONS = [
  ['matchCase', 'Match case'],
  ['wholeWord', 'Whole word'],
] as const satisfies readonly (readonly [keyof FindOptions, string])[]

interface FieldProps {
  type: 'search' | 'text'
  /** Its accessible name and its placeholder. */
  label: string
  value: string
  onChange: (value: string) => void
  onEnter: (event: KeyboardEvent) => void
}

/** The find and the replace fields: Enter acts (find next, replace) instead of submitting. */
const FindField = forwardRef<HTMLInputElement, FieldProps>(function FindField({ type, label, value, onChange, onEnter }, ref) {
  return (
    <input
      ref={ref}
      className="find-input"
      type={type}
      aria-label={label}
      placeholder={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return
        event.preventDefault()
        onEnter(event)
      }}
    />
  )
})

/** The find bar's view; FindPlugin holds its state and does the searching. */
export function FindBar(props: Props) {
  const { replacing, query, replacement, options, status, canStep } = props
  const findRef = useRef<HTMLInputElement>(null)
  // Each Mod+F (or Mod+H) lands in the query, its text selected, ready to be typed over.
  useEffect(() => {
    findRef.current?.focus()
    findRef.current?.select()
  }, [replacing])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      props.onClose()
    }
  }
  const onFindEnter = (event: KeyboardEvent) => props.onStep(event.shiftKey ? -1 : 1)

  return (
    <div className="find-bar" role="search" aria-label="Find and replace" onKeyDown={onKeyDown}>
      <div className="find-row">
        <button
          type="button"
          className="icon-button find-toggle"
          aria-label="Show replace"
          aria-expanded={replacing}
          onClick={props.onToggleReplace}
        >
          {replacing ? '▾' : '▸'}
        </button>
        <FindField ref={findRef} type="search" label="Find" value={query} onChange={props.onQuery} onEnter={onFindEnter} />
        <span className="find-status" role="status">
          {status}
        </span>
        {STEPS.map(([by, label, arrow]) => (
          <button key={label} type="button" className="icon-button" aria-label={label} disabled={!canStep} onClick={() => props.onStep(by)}>
            {arrow}
          </button>
        ))}
        {OPTIONS.map(([option, label]) => (
          <label key={option} className="find-option">
            <input type="checkbox" checked={options[option]} onChange={(event) => props.onOptions({ [option]: event.target.checked })} />
            {label}
          </label>
        ))}
        <button type="button" className="icon-button" aria-label="Close find" onClick={props.onClose}>
          ×
        </button>
      </div>
      {replacing && (
        <div className="find-row">
          <FindField type="text" label="Replace with" value={replacement} onChange={props.onReplacement} onEnter={props.onReplace} />
          <button type="button" className="button" disabled={!canStep} onClick={props.onReplace}>
            Replace
          </button>
          <button type="button" className="button" disabled={!canStep} onClick={props.onReplaceAll}>
            Replace all
          </button>
        </div>
      )}
    </div>
  )
}
