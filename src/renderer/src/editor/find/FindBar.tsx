import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { FindOptions } from './search'

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
  const onFindKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    props.onStep(event.shiftKey ? -1 : 1)
  }
  const onReplaceKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    props.onReplace()
  }

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
        <input
          ref={findRef}
          className="find-input"
          type="search"
          aria-label="Find"
          placeholder="Find"
          value={query}
          onChange={(event) => props.onQuery(event.target.value)}
          onKeyDown={onFindKey}
        />
        <span className="find-status" role="status">
          {status}
        </span>
        <button type="button" className="icon-button" aria-label="Previous match" disabled={!canStep} onClick={() => props.onStep(-1)}>
          ↑
        </button>
        <button type="button" className="icon-button" aria-label="Next match" disabled={!canStep} onClick={() => props.onStep(1)}>
          ↓
        </button>
        <label className="find-option">
          <input type="checkbox" checked={options.matchCase} onChange={(event) => props.onOptions({ matchCase: event.target.checked })} />
          Match case
        </label>
        <label className="find-option">
          <input type="checkbox" checked={options.wholeWord} onChange={(event) => props.onOptions({ wholeWord: event.target.checked })} />
          Whole word
        </label>
        <button type="button" className="icon-button" aria-label="Close find" onClick={props.onClose}>
          ×
        </button>
      </div>
      {replacing && (
        <div className="find-row">
          <input
            className="find-input"
            type="text"
            aria-label="Replace with"
            placeholder="Replace with"
            value={replacement}
            onChange={(event) => props.onReplacement(event.target.value)}
            onKeyDown={onReplaceKey}
          />
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
