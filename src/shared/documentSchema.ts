/**
 * The editor document's schemas, node by node: main checks every document the renderer sends (a
 * save, a draft, a preview) and every draft it reads back against them, and what passes is the
 * typed document, no cast. Markdown's own nodes are here; each critic block's schema is in its
 * model.ts, and main joins them (`documentSchemas`) with its registry of blocks (src/main/blocks),
 * so a new block needs no line here. Each schema is held to its node's type (`NodeSchema`; the
 * unit tests check the other direction), and nodes are objects that drop fields they do not name:
 * Lexical's export carries layout fields Markdown keeps none of. What a field's value means (a
 * path, a score on its scale, a blank raw block) is the format service's to check, with its own words.
 */
import { z } from 'zod'
import type { DocumentDelta } from './delta'
import {
  HEADING_TAGS,
  type BlockJSON,
  type EditorDocument,
  type HeadingJSON,
  type HorizontalRuleJSON,
  type InlineImageJSON,
  type InlineJSON,
  type LineBreakJSON,
  type LinkJSON,
  type ListItemJSON,
  type ListJSON,
  type ParagraphJSON,
  type QuoteJSON,
  type RawBlockJSON,
  type TextJSON,
} from './document'

/** A node's schema: it parses exactly the node's type, and its literal `type` lets a union pick it by that type. */
export type NodeSchema<T> = z.ZodType<T, T> & z.core.$ZodTypeDiscriminable

/** NodeBase's fields. */
export const nodeFields = { version: z.number().optional() }

/** ElementBase's fields: Lexical's layout, which Markdown keeps none of. */
export const elementFields = {
  ...nodeFields,
  direction: z.enum(['ltr', 'rtl']).nullable().optional(),
  format: z.union([z.string(), z.number()]).optional(),
  indent: z.number().optional(),
}

/** The nodes that may stand at a place, by type; any other type is refused naming itself and those. */
export function nodeUnion<const Options extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(where: string, options: Options) {
  const allowed = options.flatMap((option) => [...(option._zod.propValues['type'] ?? [])]).join(', ')
  return z.discriminatedUnion('type', options, {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined
      const type = typeof issue.input === 'object' && issue.input !== null && 'type' in issue.input ? issue.input.type : undefined
      return typeof type === 'string'
        ? `a "${type.slice(0, 64)}" node cannot stand ${where}: the review format has only ${allowed} there`
        : `a node ${where} needs a "type": ${allowed}`
    },
  })
}

export const textNode = z.object({
  type: z.literal('text'),
  ...nodeFields,
  text: z.string(),
  format: z.number().int(),
  detail: z.number().optional(),
  mode: z.enum(['normal', 'token', 'segmented']).optional(),
  style: z.string().optional(),
}) satisfies NodeSchema<TextJSON>

export const lineBreakNode = z.object({ type: z.literal('linebreak'), ...nodeFields }) satisfies NodeSchema<LineBreakJSON>

export const inlineImageNode = z.object({
  type: z.literal('inline-image'),
  ...nodeFields,
  src: z.string(),
  alt: z.string(),
  title: z.string().nullable(),
  markdown: z.string(),
}) satisfies NodeSchema<InlineImageJSON>

export const linkNode = z.object({
  type: z.literal('link'),
  ...elementFields,
  url: z.string(),
  title: z.string().nullable().optional(),
  rel: z.string().nullable().optional(),
  target: z.string().nullable().optional(),
  children: z.array(nodeUnion('inside a link', [textNode, lineBreakNode, inlineImageNode])),
}) satisfies NodeSchema<LinkJSON>

/** Inline content, as paragraphs, headings, quotes, list items and pull quotes hold it. */
export const inlineContent = z.array(nodeUnion('inside text', [textNode, lineBreakNode, linkNode, inlineImageNode])) satisfies z.ZodType<InlineJSON[], InlineJSON[]>

export const paragraphNode = z.object({
  type: z.literal('paragraph'),
  ...elementFields,
  children: inlineContent,
  textFormat: z.number().optional(),
  textStyle: z.string().optional(),
}) satisfies NodeSchema<ParagraphJSON>

export const headingNode = z.object({ type: z.literal('heading'), ...elementFields, tag: z.enum(HEADING_TAGS), children: inlineContent }) satisfies NodeSchema<HeadingJSON>

export const quoteNode = z.object({ type: z.literal('quote'), ...elementFields, children: inlineContent }) satisfies NodeSchema<QuoteJSON>

// A list and its items hold each other: the list's children are read through a getter, once both exist.
export const listNode: NodeSchema<ListJSON> = z.object({
  type: z.literal('list'),
  ...elementFields,
  listType: z.enum(['bullet', 'number']),
  start: z.number().int(),
  tag: z.enum(['ul', 'ol']).optional(),
  get children() {
    return z.array(listItemNode)
  },
})

const listItemNode: NodeSchema<ListItemJSON> = z.object({
  type: z.literal('listitem'),
  ...elementFields,
  value: z.number(),
  checked: z.boolean().optional(),
  children: z.union([inlineContent, z.tuple([listNode])], { error: 'a list item holds text, or one nested list alone' }),
})

export const horizontalRuleNode = z.object({ type: z.literal('horizontalrule'), ...nodeFields }) satisfies NodeSchema<HorizontalRuleJSON>

export const rawBlockNode = z.object({ type: z.literal('raw-block'), ...nodeFields, markdown: z.string() }) satisfies NodeSchema<RawBlockJSON>

/** Markdown's own blocks. */
export const CORE_BLOCK_SCHEMAS = [paragraphNode, headingNode, quoteNode, listNode, horizontalRuleNode, rawBlockNode] as const

/** The schemas of whole documents and of deltas, made by main with every critic block's schema. */
export interface DocumentSchemas {
  editorDocument: z.ZodType<EditorDocument, EditorDocument>
  documentDelta: z.ZodType<DocumentDelta, DocumentDelta>
  /** What a save or a draft carries: the whole document, or its changes to the base main holds. */
  savedDocument: z.ZodType<EditorDocument | DocumentDelta, EditorDocument | DocumentDelta>
}

/** `critic`: the critic blocks' schemas (their model.ts), which stand among Markdown's own blocks anywhere a block may. */
export function documentSchemas(critic: ReadonlyArray<NodeSchema<BlockJSON>>): DocumentSchemas {
  const block = nodeUnion('as a block', [...CORE_BLOCK_SCHEMAS, ...critic])
  const editorDocument = z.strictObject({
    root: z.object({ type: z.literal('root'), ...elementFields, children: z.array(block) }),
  })
  /** A document as changes to a base main holds (delta.ts): runs `[from, to)` of the base's blocks, and blocks. */
  const documentDelta = z.strictObject({
    base: z.uuid(),
    blocks: z.array(z.union([z.tuple([z.number().int().min(0), z.number().int().min(1)]), block])).max(1_000_000),
  })
  return { editorDocument, documentDelta, savedDocument: z.union([editorDocument, documentDelta]) }
}
