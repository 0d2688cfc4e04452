/** A trailer or video in the document model (docs/format.md, "Embed"): stored as its YouTube or Vimeo URL. */
import type { CriticBlockModel, NodeBase } from '../../shared/document'

export interface EmbedJSON extends NodeBase {
  type: 'embed'
  url: string
}

declare module '../../shared/document' {
  interface CriticBlocks {
    embed: EmbedJSON
  }
}

export const embedModel: CriticBlockModel<'embed'> = { type: 'embed', insert: { name: 'embed', key: 'Y', order: 5 } }
