/**
 * What the critic blocks' converters (`src/blocks/<block>/markdown.ts`) share: their plain-text
 * fields and labels, and the checks of fields arriving from the renderer.
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
 */
import type { Paragraph, PhrasingContent } from 'mdast'
import type { InlineJSON } from '../../../shared/document'
import { inlineFromMdast, inlineToMdast, normalizeInline, Unrepresentable, type InlineBlock } from './inline'
import { malformed, stringField, type LooseNode } from './nodes'

/** Text of inline Markdown without formats or links (hard breaks are newlines); else the block stays raw. */
export function plainFromMdast(nodes: readonly PhrasingContent[]): string {
  return inlineFromMdast(nodes)
    .map((node) => {
      if (node.type === 'linebreak') return '\n'
      if (node.type === 'text' && node.format === 0) return node.text
      throw new Unrepresentable('formatted text')
    })
    .join('')
}

/** Plain text as Markdown holds it: the rules of inline.ts, for a paragraph or one line (heading). */
export function plainInline(text: string, block: InlineBlock): InlineJSON[] {
  return normalizeInline({ type: 'text', children: [{ type: 'text', text, format: 0 }] }, block)
}

const plainText = (nodes: readonly InlineJSON[]): string =>
  nodes.map((node) => (node.type === 'text' ? node.text : node.type === 'linebreak' ? '\n' : '')).join('')

export const normalizePlain = (text: string, block: InlineBlock): string => plainText(plainInline(text, block))

export function paragraphOf(text: string, block: InlineBlock = 'paragraph'): Paragraph {
  return { type: 'paragraph', children: inlineToMdast(plainInline(text, block)) }
}

export function labelParagraph(label: string): Paragraph[] {
  return label ? [{ type: 'paragraph', data: { directiveLabel: true }, children: inlineToMdast(plainInline(label, 'heading')) }] : []
}

export function oneOf<T extends string>(node: LooseNode, key: string, values: readonly T[]): T {
  const value = node[key]
  return values.includes(value as T) ? (value as T) : malformed(node.type, `has the ${key} "${String(value)}" (one of ${values.join(', ')})`)
}

export function arrayField(node: LooseNode, key: string): unknown[] {
  const value = node[key]
  return Array.isArray(value) ? value : malformed(node.type, `has no list "${key}"`)
}

/** A string from a list of a node, as `stringField` reads one. */
export function stringItem(node: LooseNode, key: string, item: unknown): string {
  return typeof item === 'string' ? stringField({ type: node.type, item }, 'item') : malformed(node.type, `holds something other than text in "${key}"`)
}
