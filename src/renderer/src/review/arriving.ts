import type { OpenedReview, ReviewFirstPart } from '@shared/contract'
import type { EditorDocument } from '@shared/document'
import { api } from '@renderer/api'

/** The rest of a review opened in parts, as the editor takes it: the whole document (the first part's block objects, then the rest's), its warnings and base. */
export interface ArrivedRest {
  doc: EditorDocument
  warnings: string[]
  base: string
}

/** A review the editor shows: opened whole, or its first part with the rest on its way (ReviewFirstPart). */
export type ShownReview = Extract<OpenedReview, { kind: 'editable' }> | (Omit<ReviewFirstPart, 'rest'> & { rest: Promise<ArrivedRest | undefined> })

/**
 * Asks main for the rest of `part` at once. Resolves with it, or with undefined once `reread` has
 * been handed the review read whole instead (the first part did not begin it, or it is read-only).
 */
export async function restOf(part: ReviewFirstPart, reread: (review: OpenedReview) => void): Promise<ArrivedRest | undefined> {
  const rest = await api.openReviewRest({ rest: part.rest })
  if (rest.kind === 'whole') {
    reread(rest.review)
    return undefined
  }
  return { doc: { root: { ...part.doc.root, children: [...part.doc.root.children, ...rest.blocks] } }, warnings: rest.warnings, base: rest.base }
}
