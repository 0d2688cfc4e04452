/** An image of the review's own assets in the document model, with its caption and credit line (docs/format.md, "Image"). */
import { z } from 'zod'
import { IMAGE_WIDTHS, type ImageWidth } from '../../shared/critic'
import type { CriticBlockModel, NodeBase } from '../../shared/document'
import { nodeFields, type NodeSchema } from '../../shared/documentSchema'

export interface ImageJSON extends NodeBase {
  type: 'image'
  /** Relative to the review folder: `assets/<hash>.<ext>`. */
  src: string
  alt: string
  caption: string
  credit: string
  width: ImageWidth
}

declare module '../../shared/document' {
  interface CriticBlocks {
    image: ImageJSON
  }
}

/** Any path: which ones stay inside the review's folder or its site's is the format's to say. */
export const imageSchema = z.object({
  type: z.literal('image'),
  ...nodeFields,
  src: z.string(),
  alt: z.string(),
  caption: z.string(),
  credit: z.string(),
  width: z.enum(IMAGE_WIDTHS),
}) satisfies NodeSchema<ImageJSON>

export const imageModel: CriticBlockModel<'image'> = { type: 'image', schema: imageSchema, insert: { name: 'image', key: 'G', order: 2 } }
