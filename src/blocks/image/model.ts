/** An image of the review's own assets in the document model, with its caption and credit line (docs/format.md, "Image"). */
import type { ImageWidth } from '../../shared/critic'
import type { CriticBlockModel, NodeBase } from '../../shared/document'

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

export const imageModel: CriticBlockModel<'image'> = { type: 'image', insert: { name: 'image', key: 'G', order: 2 } }
