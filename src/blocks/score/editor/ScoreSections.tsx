import { useId, useRef } from 'react'
import type { ScoreScale, SubScore } from '@shared/critic'
import { Icon } from '@renderer/components/Icon'
import { DraftInput, DraftTextarea } from '@renderer/editor/nodes/fields'
import { ScoreValue } from './ScoreValue'
import { scoreProblem, scoreRatio } from './scoreState'

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

/** The sub-scores (story, acting, …): each a name, a meter and a value on the score's scale. */
export function SubScores({
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

/** Pros or cons: short texts, where Enter in the last one starts the next. */
export function ItemList({
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
