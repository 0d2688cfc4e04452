/** Per-render state carried on the VFile, so the unified processor itself is built once. */
import type { PostForm } from '../../../shared/blogKinds'
import type { AnyNode } from './criticElements'
import type { ImageDetails, PostImage, PostScore } from './postModel'
import type { TextMeasure } from '../../../shared/text'

export interface ScoreRecord {
  overall: boolean
  label: string
  score?: PostScore
}

export interface RenderContext {
  source: string
  online: boolean
  playerSizedCards: boolean
  spoilersOpen: boolean
  creditPrefix: string
  form: PostForm
  /** The featured image's path in the review, when it has one. */
  featuredPath?: string
  imageDetails(path: string): ImageDetails | undefined
  /** The body opens with the review's spoiler warning. */
  spoilerNotice: boolean
  /** Blocks that open the body whatever their place in the Markdown (a featured image's credit line). */
  opening: AnyNode[]
  /** Checks a path or URL from the Markdown and maps it through the caller's resolver (cached). */
  resolveImage(raw: string): { path: string; src: string } | undefined
  warnings: string[]
  images: PostImage[]
  scores: ScoreRecord[]
  /** Plain text of the root-level paragraphs, spoilers left out: the excerpt's source. */
  excerptParts: string[]
  /** Every text of the final HTML, for the word count. */
  words: TextMeasure
}

declare module 'vfile' {
  interface DataMap {
    verdict: RenderContext
  }
}
