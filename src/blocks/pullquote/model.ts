/** The pull quote in the document model (docs/format.md, "Pull quote"): one paragraph of inline text. */
import { z } from 'zod'
import type { CriticBlockModel, ElementBase, InlineJSON } from '../../shared/document'
import { elementFields, inlineContent, type NodeSchema } from '../../shared/documentSchema'

export interface PullQuoteJSON extends ElementBase {
  type: 'pullquote'
  children: InlineJSON[]
}

declare module '../../shared/document' {
  interface CriticBlocks {
    pullquote: PullQuoteJSON
  }
}

export const pullquoteSchema = z.object({ type: z.literal('pullquote'), ...elementFields, children: inlineContent }) satisfies NodeSchema<PullQuoteJSON>

export const pullquoteModel: CriticBlockModel<'pullquote'> = { type: 'pullquote', schema: pullquoteSchema, insert: { name: 'pull quote', key: "'", order: 4 } }
