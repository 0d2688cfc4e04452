/**
 * The critic blocks of docs/format.md as registry entries (blocks.ts): score, image, spoiler, pull
 * quote and embed, plus what the review API derives from them (warnings, the front matter's score).
 *
 * Reading is exact or not at all: a directive with an attribute, label or content its node cannot
 * hold stays a raw block, written back byte for byte. Decisions where the format leaves a choice:
 * - Labels are written whenever they are not empty, the defaults too (`::score[Overall Score]`).
 *   A score without a label reads as the empty label, so a file's `::score{…}` is not given one; a
 *   spoiler always has one (SpoilerJSON, and the editor's node): without, it is "Spoilers". Labels
 *   are one line of plain text; the writer escapes what Markdown would read otherwise (`]`, `*`, …).
 * - Attribute values (score value, credit, embed url) hold any character: quotes, `&` and line
 *   endings are written as character references (`&#x22;`), which reading decodes.
 * - Plain-text fields (verdict, pros, cons, caption, labels, alt) follow the inline rules of
 *   inline.ts for text without formats: a newline is a hard line break (a space in labels and alt),
 *   and spaces at the edges go. Text with formatting in a file keeps the whole block raw.
 * - A score's value is kept exactly as written, checked only for the warnings (never clamped);
 *   sub-score values are one word (`9`, `4.5`, `B+`), as `- Story: 9` must read back.
 * - An image with a title (`![a](b "t")`) stays raw: ImageJSON has no title to keep it in.
 * - Empty rows (sub-scores, pros, cons) and empty pull quotes are dropped; an empty spoiler is kept.
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive'
import {
  checkScore,
  DEFAULT_SCORE_LABEL,
  IMAGE_WIDTHS,
  isSafeAssetPath,
  parseEmbedUrl,
  SCORE_SCALES,
  type ImageWidth,
  type ScoreScale,
  type ScoreSummary,
  type SubScore,
} from '../../../shared/critic'
import type {
  BlockJSON,
  EditorDocument,
  EmbedJSON,
  ImageJSON,
  InlineJSON,
  ScoreJSON,
  SpoilerContentJSON,
  SpoilerJSON,
} from '../../../shared/document'
import type { BlockConverter, ReadContext } from './blocks'
import { attributesOf, isVerdict, SCORE_SECTION_TITLES, scoreSectionOf, splitLabel, withoutLabel, withoutVerdictPrefix } from './directive'
import { inlineFromMdast, inlineToMdast, normalizeInline, Unrepresentable, type InlineBlock } from './inline'
import { childrenOf, malformed, stringField, textField, type LooseNode } from './nodes'

type Directive = ContainerDirective | LeafDirective

// ── Shared pieces ──────────────────────────────────────────────────────────────────────────────

/** Text of inline Markdown without formats or links (hard breaks are newlines); else the block stays raw. */
function plainFromMdast(nodes: readonly PhrasingContent[]): string {
  return inlineFromMdast(nodes)
    .map((node) => {
      if (node.type === 'linebreak') return '\n'
      if (node.type === 'text' && node.format === 0) return node.text
      throw new Unrepresentable('formatted text')
    })
    .join('')
}

/** Plain text as Markdown holds it: the rules of inline.ts, for a paragraph or one line (heading). */
function plainInline(text: string, block: InlineBlock): InlineJSON[] {
  return normalizeInline({ type: 'text', children: [{ type: 'text', text, format: 0 }] }, block)
}

const plainText = (nodes: readonly InlineJSON[]): string =>
  nodes.map((node) => (node.type === 'text' ? node.text : node.type === 'linebreak' ? '\n' : '')).join('')

const normalizePlain = (text: string, block: InlineBlock): string => plainText(plainInline(text, block))

function paragraphOf(text: string, block: InlineBlock = 'paragraph'): Paragraph {
  return { type: 'paragraph', children: inlineToMdast(plainInline(text, block)) }
}

function labelParagraph(label: string): Paragraph[] {
  return label ? [{ type: 'paragraph', data: { directiveLabel: true }, children: inlineToMdast(plainInline(label, 'heading')) }] : []
}

function oneOf<T extends string>(node: LooseNode, key: string, values: readonly T[]): T {
  const value = node[key]
  return values.includes(value as T) ? (value as T) : malformed(node.type, `has the ${key} "${String(value)}" (one of ${values.join(', ')})`)
}

function arrayField(node: LooseNode, key: string): unknown[] {
  const value = node[key]
  return Array.isArray(value) ? value : malformed(node.type, `has no list "${key}"`)
}

/** A string from a list of a node, as `stringField` reads one. */
function stringItem(node: LooseNode, key: string, item: unknown): string {
  return typeof item === 'string' ? stringField({ type: node.type, item }, 'item') : malformed(node.type, `holds something other than text in "${key}"`)
}

// ── Score ──────────────────────────────────────────────────────────────────────────────────────

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

const score: BlockConverter<ScoreJSON, Directive> = {
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
    const attributes = attributesOf(node, ['value', 'scale', 'overall'], read)
    const { label: labelNodes, content } = splitLabel(node)
    const label = plainFromMdast(labelNodes)
    const scale = attributes['scale'] ?? '10'
    if (!(SCORE_SCALES as readonly string[]).includes(scale)) {
      read.warn(`${scoreName(label)}: the scale “${scale}” is not one of ${SCORE_SCALES.join(', ')}; the block is kept as written.`)
      throw new Unrepresentable('an unknown scale')
    }
    const overall = attributes['overall']
    if (overall !== undefined && overall !== '' && overall !== 'true' && overall !== 'false') throw new Unrepresentable('overall')
    const sections: Pick<ScoreJSON, 'verdict' | 'subScores' | 'pros' | 'cons'> = { verdict: '', subScores: [], pros: [], cons: [] }
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
    return { type: 'score', value: attributes['value'] ?? '', scale: scale as ScoreScale, label, overall: overall === '' || overall === 'true', ...sections }
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

// ── Image ──────────────────────────────────────────────────────────────────────────────────────

/** The image of a paragraph holding only one, untitled, whose path stays inside the review folder. */
function imageOf(paragraph: RootContent | undefined, read: ReadContext): Pick<ImageJSON, 'src' | 'alt'> {
  if (paragraph?.type !== 'paragraph') throw new Unrepresentable('a figure without its image')
  const [only, ...rest] = paragraph.children
  if (only?.type !== 'image' || rest.length > 0) throw new Unrepresentable('not a lone image')
  if (!isSafeAssetPath(only.url)) {
    read.warn(`The image “${only.url}” was refused because its path leaves the review folder; it is kept as written.`)
    throw new Unrepresentable('an image outside the review folder')
  }
  if (only.title != null) throw new Unrepresentable('an image title')
  return { src: only.url, alt: only.alt ?? '' }
}

/** A paragraph holding only `![alt](src)`, or a `:::figure` holding it and a caption paragraph. */
export const image: BlockConverter<ImageJSON, Paragraph | ContainerDirective> = {
  type: 'image',
  reads: ['paragraph', 'containerDirective:figure'],
  normalize: (node) => {
    const src = stringField(node, 'src')
    if (!isSafeAssetPath(src)) malformed('image', `has the path “${src}”, which leaves the review folder`)
    return {
      type: 'image',
      src,
      alt: normalizePlain(stringField(node, 'alt'), 'heading'),
      caption: normalizePlain(stringField(node, 'caption'), 'paragraph'),
      credit: stringField(node, 'credit'),
      width: oneOf(node, 'width', IMAGE_WIDTHS),
    }
  },
  fromMdast: (node, read) => {
    if (node.type === 'paragraph') return { type: 'image', ...imageOf(node, read), caption: '', credit: '', width: 'inline' }
    const attributes = attributesOf(node, ['credit', 'width'], read)
    const [picture, caption, ...rest] = withoutLabel(node)
    const found = imageOf(picture, read)
    if (rest.length > 0 || (caption && caption.type !== 'paragraph')) throw new Unrepresentable('more than a caption in a figure')
    const width = attributes['width'] ?? 'inline'
    if (!(IMAGE_WIDTHS as readonly string[]).includes(width)) throw new Unrepresentable('an unknown width')
    return {
      type: 'image',
      ...found,
      caption: caption ? plainFromMdast(caption.children) : '',
      credit: attributes['credit'] ?? '',
      width: width as ImageWidth,
    }
  },
  toMdast: (node) => {
    const picture: Paragraph = { type: 'paragraph', children: [{ type: 'image', url: node.src, alt: node.alt, title: null }] }
    if (!node.caption && !node.credit && node.width === 'inline') return picture
    return {
      type: 'containerDirective',
      name: 'figure',
      attributes: { credit: node.credit || undefined, width: node.width === 'inline' ? undefined : node.width },
      children: [picture, ...(node.caption ? [paragraphOf(node.caption)] : [])],
    }
  },
}

// ── Spoiler, embed ─────────────────────────────────────────────────────────────────────────────

/** What a spoiler without a label is called (SpoilerJSON); the editor's node uses the same. */
export const DEFAULT_SPOILER_LABEL = 'Spoilers'

/** A label of only white space (any Unicode space, as the editor's node reads it) is no label. */
function orDefaultLabel(label: string): string {
  return label.trim() === '' ? DEFAULT_SPOILER_LABEL : label
}

/** Every block but another spoiler and the critic blocks that belong to the review itself. */
export const SPOILER_CONTENT: ReadonlySet<BlockJSON['type']> = new Set<SpoilerContentJSON['type']>([
  'paragraph',
  'heading',
  'quote',
  'list',
  'horizontalrule',
  'raw-block',
  'image',
])

const spoiler: BlockConverter<SpoilerJSON, ContainerDirective> = {
  type: 'spoiler',
  reads: ['containerDirective:spoiler'],
  normalize: (node, blocks) => {
    const children = blocks(childrenOf(node))
    for (const child of children) {
      if (!SPOILER_CONTENT.has(child.type)) malformed('spoiler', `holds a "${child.type}", which a spoiler cannot hold`)
    }
    const label = orDefaultLabel(normalizePlain(stringField(node, 'label'), 'heading'))
    return { type: 'spoiler', label, children: children as SpoilerContentJSON[] }
  },
  fromMdast: (node, read) => {
    attributesOf(node, [], read)
    const { label, content } = splitLabel(node)
    const text = orDefaultLabel(plainFromMdast(label))
    return { type: 'spoiler', label: text, children: read.blocks(content, SPOILER_CONTENT) as SpoilerContentJSON[] }
  },
  toMdast: (node, blocks) =>
    ({ type: 'containerDirective', name: 'spoiler', attributes: {}, children: [...labelParagraph(node.label), ...blocks(node.children)] }) as ContainerDirective,
}

const embed: BlockConverter<EmbedJSON, LeafDirective> = {
  type: 'embed',
  reads: ['leafDirective:embed'],
  normalize: (node) => {
    const url = stringField(node, 'url')
    return parseEmbedUrl(url) ? { type: 'embed', url } : malformed('embed', `has the address “${url}”, which is not a YouTube or Vimeo video`)
  },
  fromMdast: (node, read) => {
    const { url } = attributesOf(node, ['url'], read)
    withoutLabel(node)
    if (url === undefined || !parseEmbedUrl(url)) {
      read.warn(url ? `The embed “${url}” is not a YouTube or Vimeo video; it is kept as written.` : 'An embed without a url is kept as written.')
      throw new Unrepresentable('an embed of something else')
    }
    return { type: 'embed', url }
  },
  toMdast: (node) => ({ type: 'leafDirective', name: 'embed', attributes: { url: node.url }, children: [] }),
}

/** The image is registered on its own, before the paragraph (blocks.ts). */
export const CRITIC_BLOCKS = { score, spoiler, embed }
