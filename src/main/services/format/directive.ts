/**
 * The directive syntax of docs/format.md, read the same way by the format (each block's markdown.ts, which keeps
 * anything it cannot hold exactly as a raw block) and by the HTML pipeline (each block's html.ts,
 * which renders whatever it can). Where the two differ it is only in leniency, chosen by the caller.
 */
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive'
import type { PhrasingContent, RootContent } from 'mdast'
import type { ReadContext } from './markdownBlocks'
import { Unrepresentable } from './inline'

type Directive = ContainerDirective | LeafDirective

/** The shape both readers share: mdast's directives and the pipeline's looser nodes. */
interface DirectiveShape {
  type: string
  data?: object
  children?: readonly DirectiveShape[]
  attributes?: Record<string, string | null | undefined> | null
}

interface Split<Label, Content> {
  label: Label[]
  content: Content[]
}

/** A container carries its `[label]` as a first paragraph flagged `directiveLabel`; a leaf's children are its label. */
export function splitLabel(node: ContainerDirective | LeafDirective): Split<PhrasingContent, RootContent>
export function splitLabel<N extends DirectiveShape>(node: N & { children?: readonly N[] }): Split<N, N>
export function splitLabel(node: DirectiveShape): Split<DirectiveShape, DirectiveShape> {
  const children = node.children ?? []
  if (node.type !== 'containerDirective') return { label: [...children], content: [] }
  const [first, ...rest] = children
  return first?.type === 'paragraph' && isLabel(first)
    ? { label: [...(first.children ?? [])], content: rest }
    : { label: [], content: [...children] }
}

const isLabel = ({ data }: DirectiveShape): boolean => data !== undefined && 'directiveLabel' in data && data.directiveLabel === true

/** An attribute's text; a bare key (`{overall}`) is the empty string, an absent one undefined. */
export function attributeOf(node: DirectiveShape, key: string): string | undefined {
  const value = node.attributes?.[key]
  return typeof value === 'string' ? value : undefined
}

/**
 * A directive's attributes, when every one is among `known`; any other (an `#id`, a `.class`, a
 * key this version does not know) keeps the block raw (the format's strict reading).
 */
export function attributesOf(node: Directive, known: readonly string[], read: ReadContext): Record<string, string | undefined> {
  const attributes = node.attributes ?? {}
  for (const [key, value] of Object.entries(attributes)) {
    if (!known.includes(key) || value == null) throw new Unrepresentable(`the attribute "${key}"`)
  }
  if (protoAttribute(node, read.source)) throw new Unrepresentable('the attribute "__proto__"')
  return attributes as Record<string, string | undefined>
}

/**
 * A `__proto__` attribute cannot be seen in the parsed object (assigning it a string does nothing),
 * so it is looked for in the source: after the label, outside quoted values (where the writer puts
 * every value). An unquoted value `__proto__` in a file also keeps the block raw, which is safe.
 */
function protoAttribute(node: Directive, source: string): boolean {
  const start = node.position?.start.offset ?? 0
  const lineEnd = source.indexOf('\n', start)
  const [first] = node.children
  const label = node.type === 'leafDirective' ? node.children.at(-1) : first?.type === 'paragraph' && first.data?.directiveLabel ? first : undefined
  const from = Math.max(start, label?.position?.end.offset ?? start)
  return source.slice(from, lineEnd === -1 ? undefined : lineEnd).replace(/"[^"]*"|'[^']*'/g, '').includes('__proto__')
}

/** A directive's content, when it has no label (the format's strict reading). */
export function withoutLabel(node: Directive): RootContent[] {
  const { label, content } = splitLabel(node)
  if (label.length > 0) throw new Unrepresentable(`a label on ${node.name}`)
  return content
}

// ── The score's sections ───────────────────────────────────────────────────────────────────────

export type ScoreSection = 'subScores' | 'pros' | 'cons'

/**
 * `strict` is what the format reads back exactly (spaces and tabs only, the text starting at the
 * word); `lenient` is what the pipeline renders from a hand-written file (any white space).
 */
export type Leniency = 'strict' | 'lenient'

const VERDICT: Record<Leniency, RegExp> = { strict: /^verdict[ \t]*:[ \t]*/i, lenient: /^\s*verdict\s*:\s*/i }
const SECTION: Record<Leniency, RegExp> = { strict: /^(sub-?scores|pros|cons)[ \t]*:?$/i, lenient: /^(sub-?scores|pros|cons)\s*:?$/i }

/** The titles the format writes above each section's list. */
export const SCORE_SECTION_TITLES: Record<ScoreSection, string> = { subScores: 'Sub-scores:', pros: 'Pros:', cons: 'Cons:' }

/** Whether a paragraph's text starts `Verdict:`. */
export const isVerdict = (text: string, leniency: Leniency): boolean => VERDICT[leniency].test(text)

/** A verdict paragraph's text without its `Verdict:`. */
export const withoutVerdictPrefix = (text: string, leniency: Leniency): string => text.replace(VERDICT[leniency], '')

/** The section a paragraph's text titles (`Pros:`, `Sub-scores`), if any. */
export function scoreSectionOf(text: string, leniency: Leniency): ScoreSection | undefined {
  const name = SECTION[leniency].exec(text)?.[1]?.toLowerCase()
  if (name === undefined) return undefined
  return name.startsWith('sub') ? 'subScores' : name === 'pros' ? 'pros' : 'cons'
}
