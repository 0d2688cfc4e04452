/** Per-render state carried on the VFile, so the unified processor itself is built once. */
import type { PostImage, PostScore } from './types'
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
