import type { ReviewMeta } from '@shared/model'
import type { PublishRecord } from '@shared/publish'

export type PublishedPatch = Pick<ReviewMeta, 'published' | 'date'> & Partial<Pick<ReviewMeta, 'status'>>

/**
 * What main's record write changed in the front matter: the records, and the status when a publish
 * went live (main marks the review published then; a save must not write the old status back), and
 * the date the post carries. Only the final write of a publish sets a new `at`.
 */
export function publishedPatch(before: PublishRecord[] | undefined, after: PublishRecord[], date: string): PublishedPatch {
  const wentLive = after.some((record) => record.status === 'published' && record.at !== '' && before?.find((old) => old.target === record.target)?.at !== record.at)
  return { published: after, date, ...(wentLive ? { status: 'published' as const } : {}) }
}
