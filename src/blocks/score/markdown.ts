/**
 * The score in Markdown (docs/format.md, "Score"): `::score[label]{value scale overall}`, or a
 * `:::score` container holding its verdict, sub-scores, pros and cons. A score's value is kept
 * exactly as written, checked only for the warnings (never clamped); sub-score values are one word
 * (`9`, `4.5`, `B+`), as `- Story: 9` must read back. A score without a label reads as the empty
 * label, so a file's `::score{…}` is not given one. Empty rows (sub-scores, pros, cons) are dropped.
 */
import type { RootContent } from 'mdast'
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive'
import { checkScore, DEFAULT_SCORE_LABEL, SCORE_SCALES, type ScoreScale, type ScoreSummary, type SubScore } from '../../shared/critic'
import type { EditorDocument } from '../../shared/document'
import type { BlockConverter } from '../../main/services/format/markdownBlocks'
import { attributesOf, isVerdict, SCORE_SECTION_TITLES, scoreSectionOf, splitLabel, withoutVerdictPrefix } from '../../main/services/format/directive'
import { inlineToMdast, Unrepresentable } from '../../main/services/format/inline'
import { malformed, stringField, textField } from '../../main/services/format/nodes'
import { arrayField, labelParagraph, normalizePlain, oneOf, paragraphOf, plainFromMdast, plainInline, stringItem } from '../../main/services/format/plain'
import type { ScoreJSON } from './model'

type Directive = ContainerDirective | LeafDirective

/** `label: value`, the label running to the last colon followed by the value (or by nothing). */
const SUB_SCORE = /^(.*):(?: ([^\s:]+))?$/s

const verdictOf = (paragraph: string): string => withoutVerdictPrefix(paragraph, 'strict')

/** A verdict as its paragraph `Verdict: …` reads back. */
const normalizeVerdict = (verdict: string): string => verdictOf(normalizePlain(`Verdict: ${verdict}`, 'paragraph'))

function listTexts(list: RootContent | undefined): string[] {
  if (list?.type !== 'list') throw new Unrepresentable('a score section without its list')
  return list.children.map((item) => {
    const [only, ...rest] = item.children
    if (item.checked != null || rest.length > 0 || (only && only.type !== 'paragraph')) throw new Unrepresentable('a score list item')
    return only ? plainFromMdast(only.children) : ''
  })
}

function subScoreFrom(text: string): SubScore {
  const match = SUB_SCORE.exec(text)
  if (!match) throw new Unrepresentable('a sub-score without "label: value"')
  return { label: match[1]!, value: match[2] ?? '' }
}

const SCORE_ATTRIBUTES = ['value', 'scale', 'overall']

type Sections = Pick<ScoreJSON, 'verdict' | 'subScores' | 'pros' | 'cons'>

/** A score's attributes, as both readings take them (the parser's and `scoreLine`'s); undefined for a scale or `overall` this version does not know. */
function scoreHead(attributes: Readonly<Record<string, string | undefined>>): Pick<ScoreJSON, 'value' | 'scale' | 'overall'> | undefined {
  const scale = attributes['scale'] ?? '10'
  const overall = attributes['overall']
  if (!(SCORE_SCALES as readonly string[]).includes(scale)) return undefined
  if (overall !== undefined && overall !== '' && overall !== 'true' && overall !== 'false') return undefined
  return { value: attributes['value'] ?? '', scale: scale as ScoreScale, overall: overall === '' || overall === 'true' }
}

export const scoreMarkdown: BlockConverter<ScoreJSON, Directive> = {
  type: 'score',
  reads: ['leafDirective:score', 'containerDirective:score'],
  normalize: (node) => {
    const subScores = arrayField(node, 'subScores').flatMap((item): SubScore[] => {
      if (typeof item !== 'object' || item === null) malformed('score', 'has a sub-score that is not a label and a value')
      const fields = { ...(item as Record<string, unknown>), type: 'score' }
      const label = normalizePlain(stringField(fields, 'label'), 'heading')
      const value = textField(fields, 'value').trim()
      if (/[\s:]/.test(value)) {
        malformed('score', `has the sub-score value “${value}” for “${label}”: a sub-score value is one word, such as 9, 4.5 or B+`)
      }
      return label || value ? [{ label, value }] : []
    })
    const texts = (key: 'pros' | 'cons'): string[] =>
      arrayField(node, key).map((item) => normalizePlain(stringItem(node, key, item), 'paragraph')).filter(Boolean)
    if (typeof node.overall !== 'boolean') malformed('score', 'has no true or false "overall"')
    return {
      type: 'score',
      value: stringField(node, 'value'),
      scale: oneOf(node, 'scale', SCORE_SCALES),
      label: normalizePlain(stringField(node, 'label'), 'heading'),
      overall: node.overall,
      verdict: normalizeVerdict(stringField(node, 'verdict')),
      subScores,
      pros: texts('pros'),
      cons: texts('cons'),
    }
  },
  fromMdast: (node, read) => {
    const attributes = attributesOf(node, SCORE_ATTRIBUTES, read)
    const { label: labelNodes, content } = splitLabel(node)
    const label = plainFromMdast(labelNodes)
    const scale = attributes['scale'] ?? '10'
    if (!(SCORE_SCALES as readonly string[]).includes(scale)) {
      read.warn(`${scoreName(label)}: the scale “${scale}” is not one of ${SCORE_SCALES.join(', ')}; the block is kept as written.`)
      throw new Unrepresentable('an unknown scale')
    }
    const head = scoreHead(attributes)
    if (!head) throw new Unrepresentable('overall')
    const sections: Sections = { verdict: '', subScores: [], pros: [], cons: [] }
    const seen = new Set<string>()
    for (let index = 0; index < content.length; index++) {
      const child = content[index]!
      if (child.type !== 'paragraph') throw new Unrepresentable(`${child.type} in a score`)
      const text = plainFromMdast(child.children)
      const section = isVerdict(text, 'strict') ? 'verdict' : scoreSectionOf(text, 'strict')
      if (!section || seen.has(section)) throw new Unrepresentable('a paragraph in a score')
      seen.add(section)
      if (section === 'verdict') sections.verdict = verdictOf(text)
      else if (section === 'subScores') sections.subScores = listTexts(content[++index]).map(subScoreFrom)
      else sections[section] = listTexts(content[++index])
    }
    return { type: 'score', ...head, label, ...sections }
  },
  toMdast: (node) => {
    // No value yet is no `value` attribute, which reads back as the same empty score.
    const attributes = { value: node.value || undefined, scale: node.scale, overall: node.overall ? '' : undefined }
    const list = (texts: readonly string[]): RootContent => ({
      type: 'list',
      ordered: false,
      spread: false,
      children: texts.map((text) => ({ type: 'listItem', spread: false, children: [paragraphOf(text)] })),
    })
    const content: RootContent[] = []
    if (node.verdict) content.push(paragraphOf(`Verdict: ${node.verdict}`))
    const sections = [
      ['subScores', node.subScores.map(({ label, value }) => (value ? `${label}: ${value}` : `${label}:`))],
      ['pros', node.pros],
      ['cons', node.cons],
    ] as const
    for (const [key, texts] of sections) if (texts.length) content.push(paragraphOf(SCORE_SECTION_TITLES[key]), list(texts))
    if (content.length === 0) {
      return { type: 'leafDirective', name: 'score', attributes, children: inlineToMdast(plainInline(node.label, 'heading')) }
    }
    return { type: 'containerDirective', name: 'score', attributes, children: [...labelParagraph(node.label), ...content] } as ContainerDirective
  },
}

const scoreName = (label: string): string => (label ? `Score “${label}”` : 'Score')

/**
 * What the editor reports about the scores of a document but keeps as written: values outside
 * their scale (sub-scores on their score's scale), and more than one overall score (the first counts).
 */
export function scoreWarnings(doc: EditorDocument): string[] {
  const warnings: string[] = []
  let first: ScoreJSON | undefined
  for (const block of doc.root.children) {
    if (block.type !== 'score') continue
    const name = scoreName(block.label)
    // A score or sub-score with no value yet is a draft's valid state, not a mistake.
    const checked = checkScore(block.value, block.scale)
    if (!checked.ok && block.value.trim()) warnings.push(`${name}: ${checked.message}`)
    for (const sub of block.subScores) {
      if (!sub.value.trim()) continue
      const subChecked = checkScore(sub.value, block.scale)
      if (!subChecked.ok) warnings.push(`${name}, sub-score “${sub.label}”: ${subChecked.message}`)
    }
    if (!block.overall) continue
    if (first) warnings.push(`${name} is marked overall too; only the first overall score${first.label ? ` (“${first.label}”)` : ''} counts.`)
    else first = block
  }
  return warnings
}

const MAX_MIRROR_LABEL = 300

/**
 * The front matter's `score:`: the document's first overall score, when its value fits its scale
 * (an invalid one has a warning, not a place in the library). Numbers are written as the YAML
 * number reads back (`9.50` → `9.5`), letters in capitals, and an unnamed score as "Overall Score".
 */
export function scoreMirror(doc: EditorDocument): ScoreSummary | undefined {
  const overall = doc.root.children.find((block): block is ScoreJSON => block.type === 'score' && block.overall)
  if (!overall || !checkScore(overall.value, overall.scale).ok) return undefined
  const value = overall.value.trim()
  let label = overall.label || DEFAULT_SCORE_LABEL
  if (label.length > MAX_MIRROR_LABEL) label = `${label.slice(0, MAX_MIRROR_LABEL - 1).replace(/[\uD800-\uDBFF]$/, '')}…`
  return { value: overall.scale === 'letter' ? value.toUpperCase() : String(Number(value)), scale: overall.scale, label }
}

/**
 * `::score[Overall Score]{value="9" scale="10" overall}`, a score without sections as `toMdast`
 * writes it (a label of plain words, quoted values), read without the parser: the library's index
 * scan reads most reviews' scores so. Undefined for anything else, which is parsed.
 */
const LEAF_LINE = /^::score\[([\p{L}\p{N}.,'’()?/-]+(?: [\p{L}\p{N}.,'’()?/-]+)*|)\]\{([^{}\\&\n]*)\} *$/u
const LEAF_ATTRIBUTE = /^(?:(value|scale)="([^"]*)"|(overall)(?:="(true|false|)")?)$/

export function scoreLine(line: string): ScoreJSON | undefined {
  const leaf = LEAF_LINE.exec(line)
  if (!leaf) return undefined
  const attributes = new Map<string, string>()
  for (const part of leaf[2]!.split(' ')) {
    const attribute = LEAF_ATTRIBUTE.exec(part)
    if (!attribute) return undefined
    const key = attribute[1] ?? attribute[3]!
    if (attributes.has(key)) return undefined
    attributes.set(key, attribute[2] ?? attribute[4] ?? '')
  }
  const head = scoreHead(Object.fromEntries(attributes))
  return head && { type: 'score', ...head, label: leaf[1]!, verdict: '', subScores: [], pros: [], cons: [] }
}
