import { useId } from 'react'
import { LETTER_GRADES, scaleBest, type ScoreScale } from '@shared/critic'
import { Options } from '@renderer/components/Options'
import { useDraft } from '@renderer/editor/nodes/fields'
import { scoreProblem, scoreRatio, typedScore } from './scoreState'

/** The control for a value on its scale: a number, half stars, or a letter grade. */
export function ScoreValue({
  value,
  scale,
  name,
  big = false,
  disabled,
  onChange,
}: {
  value: string
  scale: ScoreScale
  /** For a sub-score: its accessible name ("Sub-score 1 score"). */
  name?: string
  big?: boolean
  disabled: boolean
  onChange: (value: string) => void
}) {
  if (scale === 'letter') {
    const known = (LETTER_GRADES as readonly string[]).includes(value.trim().toUpperCase())
    return (
      <select
        className={big ? 'score-letter score-letter-big' : 'score-letter'}
        aria-label={name ?? 'Letter grade'}
        value={known ? value.trim().toUpperCase() : value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        {value.trim() === '' && <option value="">–</option>}
        {!known && value.trim() !== '' && <option value={value}>{value} (not a grade)</option>}
        <Options values={LETTER_GRADES} />
      </select>
    )
  }
  if (scale === '5' && big) return <Stars value={value} disabled={disabled} onChange={onChange} />
  return <NumberScore value={value} scale={scale} name={name} big={big} disabled={disabled} onChange={onChange} />
}

function NumberScore({
  value,
  scale,
  name,
  big,
  disabled,
  onChange,
}: {
  value: string
  scale: Exclude<ScoreScale, 'letter'>
  name?: string
  big: boolean
  disabled: boolean
  onChange: (value: string) => void
}) {
  const draft = useDraft(value)
  const max = scaleBest(scale)
  const step = scale === '5' ? 0.5 : scale === '100' ? 1 : 0.1
  return (
    <span className={big ? 'score-number score-number-big' : 'score-number'}>
      <input
        type="number"
        inputMode="decimal"
        min={0}
        max={max}
        step={step}
        placeholder="–"
        aria-label={name ?? `Score out of ${max}`}
        aria-invalid={scoreProblem(value, scale) ? true : undefined}
        disabled={disabled}
        value={draft.draft}
        onFocus={draft.onFocus}
        onBlur={draft.onBlur}
        onChange={(event) => {
          draft.setDraft(event.target.value)
          // "9." is not a number yet: wait for the next key rather than clearing the score.
          if (event.target.validity.badInput) return
          onChange(typedScore(event.target.value, scale))
        }}
      />
      <span className="score-max" aria-hidden="true">
        /{max}
      </span>
    </span>
  )
}

const STAR = 'M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z'

/** Half stars as a radio group: arrow keys move by half a star, as in any radio group. */
function Stars({ value, disabled, onChange }: { value: string; disabled: boolean; onChange: (value: string) => void }) {
  const group = useId()
  const ratio = scoreRatio(value, '5')
  const current = ratio === null ? null : ratio * 5
  const halves = Array.from({ length: 10 }, (_, i) => (i + 1) / 2)
  return (
    <span className="score-stars-wrap">
      <span className="score-stars" role="radiogroup" aria-label="Stars out of 5">
        {halves.map((stars) => {
          const right = stars % 1 === 0
          return (
            <label key={stars} className={`star-half ${right ? 'star-right' : 'star-left'}${current !== null && current >= stars ? ' star-on' : ''}`}>
              <input
                type="radio"
                name={group}
                value={stars}
                className="visually-hidden"
                aria-label={`${stars} ${stars === 1 ? 'star' : 'stars'}`}
                checked={current === stars}
                disabled={disabled}
                onChange={() => onChange(String(stars))}
              />
              <svg viewBox={right ? '12 0 12 24' : '0 0 12 24'} aria-hidden="true" focusable="false">
                <path d={STAR} />
              </svg>
            </label>
          )
        })}
      </span>
      <span className="score-max">{current === null ? '–' : current}/5</span>
    </span>
  )
}
