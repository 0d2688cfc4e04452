/** The score in the document model (docs/format.md, "Score"); values are checked with `checkScore` (shared/critic.ts). */
import type { ScoreFields } from '../../shared/critic'
import type { CriticBlockModel, NodeBase } from '../../shared/document'

export interface ScoreJSON extends NodeBase, ScoreFields {
  type: 'score'
}

declare module '../../shared/document' {
  interface CriticBlocks {
    score: ScoreJSON
  }
}

export const scoreModel: CriticBlockModel<'score'> = { type: 'score', insert: { name: 'score', key: 'S', order: 1 } }
