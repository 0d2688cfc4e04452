import { useId } from 'react'
import type { NodeKey } from 'lexical'
import { SCORE_SCALES, type ScoreFields, type ScoreScale } from '@shared/critic'
import { Icon } from '@renderer/components/Icon'
import { isOption, Options } from '@renderer/components/Options'
import { DraftInput, DraftTextarea, textField } from '@renderer/editor/nodes/fields'
import { useNodeControl } from '@renderer/editor/nodes/useNodeControl'
import { $isScoreNode, $setOverallScore } from './ScoreNode'
import { ItemList, SubScores } from './ScoreSections'
import { ScoreValue } from './ScoreValue'
import { convertScore, scoreProblem, scoreRatio } from './scoreState'

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
