/** The pull quote in the document model (docs/format.md, "Pull quote"): one paragraph of inline text. */
import type { CriticBlockModel, ElementBase, InlineJSON } from '../../shared/document'

export interface PullQuoteJSON extends ElementBase {
  type: 'pullquote'
  children: InlineJSON[]
}

declare module '../../shared/document' {
  interface CriticBlocks {
    pullquote: PullQuoteJSON
  }
}

export const pullquoteModel: CriticBlockModel<'pullquote'> = { type: 'pullquote', insert: { name: 'pull quote', key: "'", order: 4 } }
