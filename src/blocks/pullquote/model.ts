/** The pull quote in the document model (docs/format.md, "Pull quote"): one paragraph of inline text. */
import type { ElementBase, InlineJSON } from '../../shared/document'

export interface PullQuoteJSON extends ElementBase {
  type: 'pullquote'
  children: InlineJSON[]
}
