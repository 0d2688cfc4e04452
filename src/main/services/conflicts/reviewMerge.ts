/**
 * Three-way merge of two versions of a `review.md`: the body block by block (blockMerge.ts), the
 * front matter key by key the same way (a key changed on one side is taken from it, one changed
 * differently on both is the critic's to pick). The result is ours — the file that kept the name —
 * with the other side's changes made in it, so its formatting, key order and comments stay.
 */
import { rewriteReview } from '../format'
import { readFrontMatter, type FrontMatter } from '../format/frontMatter'
import type { KeyEdit } from '../format/frontMatterEdit'
import { readSourceBlocks } from '../format/markdown'
import { sameValue } from '../format/meta'
import { mergeBodies, mergedBody, type BodyMerge, type Pick, type Side } from './blockMerge'

export interface KeyConflict {
  key: string
  /** Undefined where that side has no such key. */
  ours: unknown
  theirs: unknown
}

export interface ReviewMerge {
  body: BodyMerge
  /** Keys whose merged value differs from ours, taken without asking. */
  taken: KeyEdit[]
  conflicts: KeyConflict[]
  /** Ours as read: the merged file is written over its text. */
  front: FrontMatter
}

export interface MergePicks {
  /** One per body conflict, in order. */
  body: readonly Pick[]
  /** One per key conflict. */
  keys: Readonly<Record<string, Side>>
}

/**
 * Throws ReviewParseError when a side cannot be read as a review (it can still be kept whole).
 * `suspect`: the body blocks of versions older than the base (see mergeBodies).
 */
export function mergeReviews(base: Uint8Array | undefined, ours: Uint8Array, theirs: Uint8Array, suspect?: ReadonlySet<string>): ReviewMerge {
  const [front, other] = [readFrontMatter(ours), readFrontMatter(theirs)]
  const origin = base === undefined ? undefined : readFrontMatter(base)
  const body = mergeBodies(origin && readSourceBlocks(origin.body), readSourceBlocks(front.body), readSourceBlocks(other.body), suspect)
  const taken: KeyEdit[] = []
  const conflicts: KeyConflict[] = []
  const keys = new Set([...Object.keys(front.data), ...Object.keys(other.data)])
  for (const key of keys) {
    const [mine, theirsValue] = [front.data[key], other.data[key]]
    // Both sides set `updated` on each save: the merge is a save of its own (mergedReview).
    if (key === 'updated' || sameValue(mine, theirsValue)) continue
    // Without a base, a key only one side has is taken: it was added there, or removed on the other side.
    const was = origin ? origin.data[key] : undefined
    if (sameValue(mine, was)) {
      taken.push({ key, value: theirsValue })
    } else if (!sameValue(theirsValue, was)) {
      conflicts.push({ key, ours: mine, theirs: theirsValue })
    }
  }
  return { body, taken, conflicts, front }
}

/** The merged file; `now` becomes its `updated` where it keeps one. */
export function mergedReview(merge: ReviewMerge, picks: MergePicks, now: string): string {
  const missing = merge.conflicts.find(({ key }) => picks.keys[key] === undefined)
  if (missing) throw new Error(`No side was picked for the key “${missing.key}”.`)
  const edits: KeyEdit[] = [...merge.taken, ...merge.conflicts.flatMap(({ key, theirs }) => (picks.keys[key] === 'theirs' ? [{ key, value: theirs }] : []))]
  if (Object.hasOwn(merge.front.data, 'updated')) edits.push({ key: 'updated', value: now })
  return rewriteReview(merge.front, edits, mergedBody(merge.body, picks.body))
}
