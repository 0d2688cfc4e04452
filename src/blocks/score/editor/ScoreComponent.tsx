import { useId, useRef } from 'react'
import type { NodeKey } from 'lexical'
import { LETTER_GRADES, SCORE_SCALES, scaleBest, type ScoreFields, type ScoreScale, type SubScore } from '@shared/critic'
import { Icon } from '@renderer/components/Icon'
import { isOption, Options } from '@renderer/components/Options'
import { DraftInput, DraftTextarea, textField, useDraft } from '@renderer/editor/nodes/fields'
import { useNodeControl } from '@renderer/editor/nodes/useNodeControl'
import { $isScoreNode, $setOverallScore } from './ScoreNode'
import { convertScore, scoreProblem, scoreRatio, typedScore } from './scoreState'

interface Props {
  nodeKey: NodeKey
  fields: ScoreFields
}

const LABEL_FIELD = { key: 'label', label: 'Score label', placeholder: 'Score', maxLength: 300 } as const

const SCALE_LABELS: Record<ScoreScale, string> = {
  '10': 'Out of 10',
  '5': 'Out of 5 stars',
  '100': 'Out of 100',
  letter: 'Letter grade',
}

/** The score widget, edited in place: it reads like the published score box, every part a labelled control. */
export default function ScoreComponent({ nodeKey, fields }: Props) {
  const { editable, change } = useNodeControl(nodeKey, $isScoreNode)
  const overallId = useId()
  const verdictId = useId()
  const { value, scale, label, overall, verdict, subScores, pros, cons } = fields

  const update = (patch: Partial<ScoreFields>) => change((node) => node.setFields(patch))
  const setOverall = (on: boolean) => change((node) => $setOverallScore(node, on))

  const changeScale = (next: ScoreScale) =>
    update({
      scale: next,
      value: convertScore(value, scale, next),
      subScores: subScores.map((sub) => ({ ...sub, value: convertScore(sub.value, scale, next) })),
    })

  const problem = scoreProblem(value, scale)
  const ratio = scoreRatio(value, scale)
  const name = label.trim() || 'Score'

  return (
    <section
      className={`score-card critic-card critic-fields${overall ? ' score-card-overall' : ''}`}
      role="group"
      aria-label={name}
      aria-roledescription="score"
      data-scale={scale}
    >
      <div className="score-head">
        <div className="score-heading">
          <DraftInput className="score-label-input" {...textField(fields, LABEL_FIELD, editable, update)} />
          <div className="score-overall">
            <input id={overallId} type="checkbox" checked={overall} disabled={!editable} onChange={(event) => setOverall(event.target.checked)} />
            <label htmlFor={overallId}>Overall score of the review</label>
          </div>
        </div>
        <div className="score-figure">
          <ScoreValue value={value} scale={scale} disabled={!editable} big onChange={(next) => update({ value: next })} />
          <select className="score-scale" aria-label="Scale" value={scale} disabled={!editable} onChange={(event) => isOption({ values: SCORE_SCALES }, event.target.value) && changeScale(event.target.value)}>
            <Options values={SCORE_SCALES} label={(option) => SCALE_LABELS[option]} />
          </select>
        </div>
      </div>

      {ratio !== null && scale !== '5' && scale !== 'letter' && (
        <div className="score-meter" aria-hidden="true">
          <span style={{ width: `${Math.round(ratio * 1000) / 10}%` }} />
        </div>
      )}
      {problem && (
        <p className="score-problem" role="alert">
          <Icon name="warning" size={16} /> {problem}. Choose a value to replace it.
        </p>
      )}

      <div className="score-verdict">
        <label htmlFor={verdictId}>Verdict</label>
        <DraftTextarea
          id={verdictId}
          maxLength={5000}
          placeholder="The review in one sentence."
          disabled={!editable}
          value={verdict}
          onCommit={(text) => update({ verdict: text })}
        />
      </div>

      <SubScores subScores={subScores} scale={scale} disabled={!editable} onChange={(next) => update({ subScores: next })} />

      <div className="score-proscons">
        <ItemList title="Pros" singular="pro" items={pros} disabled={!editable} onChange={(next) => update({ pros: next })} />
        <ItemList title="Cons" singular="con" items={cons} disabled={!editable} onChange={(next) => update({ cons: next })} />
      </div>
    </section>
  )
}

/** The control for a value on its scale: a number, half stars, or a letter grade. */
function ScoreValue({
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

/** A section's heading line with its "Add …" button, so a long score stays compact. */
function SectionHead({ id, title, addLabel, disabled, onAdd }: { id: string; title: string; addLabel: string; disabled: boolean; onAdd: () => void }) {
  return (
    <div className="score-section-head">
      <span id={id} className="score-section-title">
        {title}
      </span>
      <button type="button" className="small-action score-add" disabled={disabled} onClick={onAdd}>
        <Icon name="plus" size={14} />
        {` ${addLabel}`}
      </button>
    </div>
  )
}

function SubScores({
  subScores,
  scale,
  disabled,
  onChange,
}: {
  subScores: SubScore[]
  scale: ScoreScale
  disabled: boolean
  onChange: (next: SubScore[]) => void
}) {
  const focus = useFocusWhenAdded()
  const headId = useId()

  const set = (index: number, patch: Partial<SubScore>) => onChange(subScores.map((sub, i) => (i === index ? { ...sub, ...patch } : sub)))

  return (
    <div className="score-section score-subs" role="group" aria-labelledby={headId}>
      <SectionHead
        id={headId}
        title="Sub-scores"
        addLabel="Add sub-score"
        disabled={disabled}
        onAdd={() => {
          focus.request(subScores.length)
          onChange([...subScores, { label: '', value: '' }])
        }}
      />
      {subScores.length > 0 && (
        <ul>
          {subScores.map((sub, index) => {
            const problem = scoreProblem(sub.value, scale)
            const ratio = scoreRatio(sub.value, scale)
            return (
              <li key={index} className="score-sub">
                <div className="score-sub-row">
                  <DraftInput
                    ref={focus.refFor(index)}
                    className="score-sub-label"
                    aria-label={`Sub-score ${index + 1} name`}
                    placeholder="Story, acting, …"
                    maxLength={300}
                    disabled={disabled}
                    value={sub.label}
                    onCommit={(text) => set(index, { label: text })}
                  />
                  <span className="score-sub-meter" aria-hidden="true">
                    {ratio !== null && <span style={{ width: `${Math.round(ratio * 1000) / 10}%` }} />}
                  </span>
                  <ScoreValue
                    value={sub.value}
                    scale={scale}
                    name={`Sub-score ${index + 1} score`}
                    disabled={disabled}
                    onChange={(next) => set(index, { value: next })}
                  />
                  <RemoveRow label={`Remove sub-score ${index + 1}`} rows={subScores} index={index} disabled={disabled} onChange={onChange} />
                </div>
                {problem && (
                  <p className="score-problem" role="alert">
                    <Icon name="warning" size={14} /> {problem}.
                  </p>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}

function ItemList({
  title,
  singular,
  items,
  disabled,
  onChange,
}: {
  title: string
  singular: string
  items: string[]
  disabled: boolean
  onChange: (next: string[]) => void
}) {
  const focus = useFocusWhenAdded()
  const headId = useId()
  const Name = singular[0]!.toUpperCase() + singular.slice(1)

  return (
    <div className={`score-section score-items score-${singular}s`} role="group" aria-labelledby={headId}>
      <SectionHead
        id={headId}
        title={title}
        addLabel={`Add ${singular}`}
        disabled={disabled}
        onAdd={() => {
          focus.request(items.length)
          onChange([...items, ''])
        }}
      />
      {items.length > 0 && (
        <ul>
          {items.map((item, index) => (
            <li key={index} className="score-item">
              <span className="score-item-mark" aria-hidden="true">
                {singular === 'pro' ? '+' : '–'}
              </span>
              <DraftTextarea
                ref={focus.refFor(index)}
                aria-label={`${Name} ${index + 1}`}
                maxLength={1000}
                disabled={disabled}
                value={item}
                onCommit={(text) => onChange(items.map((other, i) => (i === index ? text : other)))}
                onKeyDown={(event) => {
                  // Enter in the last item starts the next one, as in a list.
                  if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
                    event.preventDefault()
                    if (index === items.length - 1 && item.trim() !== '') {
                      focus.request(items.length)
                      onChange([...items, ''])
                    }
                  }
                }}
              />
              <RemoveRow label={`Remove ${singular} ${index + 1}`} rows={items} index={index} disabled={disabled} onChange={onChange} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** A sub-score's or a pro's or con's remove button: `onChange` gets the rows without this one. */
function RemoveRow<T>({ label, rows, index, disabled, onChange }: { label: string; rows: T[]; index: number; disabled: boolean; onChange: (next: T[]) => void }) {
  return (
    <button type="button" className="icon-button score-remove" aria-label={label} title="Remove" disabled={disabled} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
      <Icon name="close" size={14} />
    </button>
  )
}

/** Focuses the row added by a click once it exists (the node update renders it a moment later). */
function useFocusWhenAdded() {
  const pending = useRef<number | null>(null)
  return {
    request: (index: number) => {
      pending.current = index
    },
    refFor: (index: number) => (element: HTMLInputElement | HTMLTextAreaElement | null) => {
      if (element && pending.current === index) {
        pending.current = null
        element.focus()
      }
    },
  }
}
