/** The score in the document model (docs/format.md, "Score"); values are checked with `checkScore` (shared/critic.ts). */
import { z } from 'zod'
import { SCORE_SCALES, type ScoreFields } from '../../shared/critic'
import type { CriticBlockModel, NodeBase } from '../../shared/document'
import { nodeFields, type NodeSchema } from '../../shared/documentSchema'

export interface ScoreJSON extends NodeBase, ScoreFields {
  type: 'score'
}

declare module '../../shared/document' {
  interface CriticBlocks {
    score: ScoreJSON
  }
}

/** A value of any text: whether it is a score on its scale is `checkScore`'s to say, and the file keeps it all the same. */
export const scoreSchema = z.object({
  type: z.literal('score'),
  ...nodeFields,
  value: z.string(),
  scale: z.enum(SCORE_SCALES),
  label: z.string(),
  overall: z.boolean(),
  verdict: z.string(),
  subScores: z.array(z.object({ label: z.string(), value: z.string() })),
  pros: z.array(z.string()),
  cons: z.array(z.string()),
}) satisfies NodeSchema<ScoreJSON>

export const scoreModel: CriticBlockModel<'score'> = { type: 'score', schema: scoreSchema, insert: { name: 'score', key: 'S', order: 1 } }
