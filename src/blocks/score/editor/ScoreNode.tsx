import { lazy, Suspense, type JSX } from 'react'
import {
  $create,
  $getRoot,
  $getDocument,
  $getState,
  $setState,
  type DOMConversionMap,
  type DOMExportOutput,
  type LexicalNode,
  type StateValueOrUpdater,
} from 'lexical'
import { DEFAULT_SCORE_LABEL, formatScore, type ScoreFields } from '@shared/critic'
import type { ScoreJSON } from '../model'
import {
  consState,
  labelState,
  overallState,
  parseScoreFields,
  prosState,
  scaleState,
  subScoresState,
  valueState,
  verdictState,
} from './scoreState'
import { BlockDecoratorNode, defineFields, readFieldsAttribute } from '@renderer/editor/nodes/fieldsNode'
import './score.css'

const ScoreComponent = lazy(() => import('./ScoreComponent'))

export type SerializedScoreNode = ScoreJSON & { version: 1 }

const DOM_ATTRIBUTE = 'data-verdict-score'

const fields = defineFields<ScoreFields>({
  value: valueState,
  scale: scaleState,
  label: labelState,
  overall: overallState,
  verdict: verdictState,
  subScores: subScoresState,
  pros: prosState,
  cons: consState,
})

/**
 * A score widget (docs/format.md, "Score"): value on a scale, label, verdict, sub-scores, pros and
 * cons. Every field is NodeState whose parse validates what it is given, so JSON from a file, the
 * clipboard or another editor can only ever produce a well-formed node.
 */
export class ScoreNode extends BlockDecoratorNode {
  override $config() {
    return this.config('score', { extends: BlockDecoratorNode, stateConfigs: fields.stateConfigs })
  }

  /** Copy and paste through HTML: the fields travel as JSON on the exported element. */
  static override importDOM(): DOMConversionMap {
    return {
      section: (element) =>
        element.hasAttribute(DOM_ATTRIBUTE)
          ? {
              conversion: (section) => {
                // Not JSON after all: an empty score rather than nothing, the text is still below.
                const fields = readFieldsAttribute<ScoreFields>(section, DOM_ATTRIBUTE) ?? {}
                // A pasted score never takes "overall" from another: the plugin decides that.
                return { node: $createScoreNode({ ...fields, overall: false }) }
              },
              priority: 2,
            }
          : null,
    }
  }

  /** Exactly the document shape, every field written (the format service expects them all). */
  override exportJSON(): SerializedScoreNode {
    return { type: 'score', version: 1, ...this.getFields() }
  }

  override exportDOM(): DOMExportOutput {
    const doc = $getDocument()
    const fields = this.getFields()
    const section = doc.createElement('section')
    section.setAttribute(DOM_ATTRIBUTE, JSON.stringify(fields))
    const heading = doc.createElement('p')
    const strong = doc.createElement('strong')
    strong.textContent = `${fields.label}: ${fields.value ? formatScore(fields.value, fields.scale) : '–'}`
    heading.append(strong)
    section.append(heading)
    if (fields.verdict) {
      const verdict = doc.createElement('p')
      verdict.textContent = `Verdict: ${fields.verdict}`
      section.append(verdict)
    }
    const list = (title: string, items: string[]) => {
      if (items.length === 0) return
      const p = doc.createElement('p')
      p.textContent = `${title}:`
      const ul = doc.createElement('ul')
      for (const item of items) {
        const li = doc.createElement('li')
        li.textContent = item
        ul.append(li)
      }
      section.append(p, ul)
    }
    list('Sub-scores', fields.subScores.map((sub) => `${sub.label}: ${sub.value}`))
    list('Pros', fields.pros)
    list('Cons', fields.cons)
    return { element: section }
  }

  override getTextContent(): string {
    const { label, value, scale, verdict } = this.getFields()
    return `${label}: ${value ? formatScore(value, scale) : ''}${verdict ? `\n${verdict}` : ''}\n`
  }

  getFields(): ScoreFields {
    return fields.get(this)
  }

  isOverall(): boolean {
    return $getState(this, overallState)
  }

  /** Sets any fields; each value goes through its state's parse, so nothing malformed gets in. */
  setFields(patch: Partial<ScoreFields>): this {
    return fields.set(this, patch)
  }

  setOverall(overall: StateValueOrUpdater<typeof overallState>): this {
    return $setState(this, overallState, overall)
  }

  override decorate(): JSX.Element {
    const fields = this.getFields()
    return (
      <Suspense
        fallback={
          <p className="score-fallback">
            {fields.label}: {fields.value ? formatScore(fields.value, fields.scale) : '–'}
          </p>
        }
      >
        <ScoreComponent nodeKey={this.getKey()} fields={fields} />
      </Suspense>
    )
  }
}

export function $createScoreNode(fields: Partial<ScoreFields> = {}): ScoreNode {
  return $create(ScoreNode).setFields(parseScoreFields({ label: DEFAULT_SCORE_LABEL, ...fields }))
}

export function $isScoreNode(node: LexicalNode | null | undefined): node is ScoreNode {
  return node instanceof ScoreNode
}

/** The review's scores: they live at the top level of the text only. */
export function $scoreNodes(): ScoreNode[] {
  return $getRoot().getChildren().filter($isScoreNode)
}

/** Makes `target` the review's overall score (or not): at most one score is overall. */
export function $setOverallScore(target: ScoreNode, overall: boolean): void {
  if (overall) {
    for (const node of $scoreNodes()) if (!node.is(target) && node.isOverall()) node.setOverall(false)
  }
  target.setOverall(overall)
}
