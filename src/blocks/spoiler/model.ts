/** The spoiler in the document model (docs/format.md, "Spoiler"): blocks hidden until the reader reveals them. */
import { z } from 'zod'
import type { CriticBlockModel, ElementBase, HeadingJSON, HorizontalRuleJSON, ListJSON, ParagraphJSON, QuoteJSON, RawBlockJSON } from '../../shared/document'
import { elementFields, headingNode, horizontalRuleNode, listNode, nodeUnion, paragraphNode, quoteNode, rawBlockNode, type NodeSchema } from '../../shared/documentSchema'
import { imageSchema, type ImageJSON } from '../image/model'

/** Blocks a spoiler may hold: everything but another spoiler and the critic blocks that belong to the review itself. */
export type SpoilerContentJSON = ParagraphJSON | HeadingJSON | QuoteJSON | ListJSON | HorizontalRuleJSON | RawBlockJSON | ImageJSON

export interface SpoilerJSON extends ElementBase {
  type: 'spoiler'
  /** Shown on the collapsed block; DEFAULT_SPOILER_LABEL by default. */
  label: string
  children: SpoilerContentJSON[]
}

declare module '../../shared/document' {
  interface CriticBlocks {
    spoiler: SpoilerJSON
  }
}

/** The types of SpoilerContentJSON, for the readers of a spoiler (the format's, the editor's transform). */
export const SPOILER_CONTENT: ReadonlySet<string> = new Set<SpoilerContentJSON['type']>([
  'paragraph',
  'heading',
  'quote',
  'list',
  'horizontalrule',
  'raw-block',
  'image',
])

/** What a spoiler without a label is called, in the file and in the editor. */
export const DEFAULT_SPOILER_LABEL = 'Spoilers'

export const spoilerSchema = z.object({
  type: z.literal('spoiler'),
  ...elementFields,
  label: z.string(),
  children: z.array(nodeUnion('inside a spoiler', [paragraphNode, headingNode, quoteNode, listNode, horizontalRuleNode, rawBlockNode, imageSchema])),
}) satisfies NodeSchema<SpoilerJSON>

export const spoilerModel: CriticBlockModel<'spoiler'> = { type: 'spoiler', schema: spoilerSchema, insert: { name: 'spoiler', key: 'H', order: 3 } }
