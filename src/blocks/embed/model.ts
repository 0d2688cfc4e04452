/** A trailer or video in the document model (docs/format.md, "Embed"): stored as its YouTube or Vimeo URL. */
import { z } from 'zod'
import type { CriticBlockModel, NodeBase } from '../../shared/document'
import { nodeFields, type NodeSchema } from '../../shared/documentSchema'

export interface EmbedJSON extends NodeBase {
  type: 'embed'
  url: string
}

declare module '../../shared/document' {
  interface CriticBlocks {
    embed: EmbedJSON
  }
}

/** Any address: which ones embed is the format's to say. */
export const embedSchema = z.object({ type: z.literal('embed'), ...nodeFields, url: z.string() }) satisfies NodeSchema<EmbedJSON>

export const embedModel: CriticBlockModel<'embed'> = { type: 'embed', schema: embedSchema, insert: { name: 'embed', key: 'Y', order: 5 } }
