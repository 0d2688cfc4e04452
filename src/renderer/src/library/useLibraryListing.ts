import { useCallback, useEffect, useMemo, useState } from 'react'
import { SUBJECT_KINDS, type SubjectKind } from '@shared/critic'
import type { LibraryInfo, ReviewSummary } from '@shared/model'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'
import { scoreRank } from './subjectText'
import type { Filter, KindFilter } from './LibrarySidebar'

export type Listing = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; reviews: ReviewSummary[] }
export type Sort = 'updated' | 'title' | 'score'

async function loadLibrary(): Promise<{ info?: LibraryInfo; listing: Listing }> {
  try {
    const [info, reviews] = await Promise.all([api.getLibrary(), api.listReviews()])
    return { info, listing: { kind: 'loaded', reviews } }
  } catch (error) {
    return { listing: { kind: 'failed', message: errorMessage(error) } }
  }
}

/** The library and its reviews as main lists them, read again whenever main says the library changed. */
export function useLibraryListing() {
  const [library, setLibrary] = useState<LibraryInfo | null>(null)
  const [listing, setListing] = useState<Listing>({ kind: 'loading' })

  // A promise callback rather than code after an await: the hooks linter then sees the state is set
  // asynchronously, not while the effect that loads it runs.
  const reload = useCallback(
    () =>
      loadLibrary().then(({ info, listing }) => {
        if (info) setLibrary(info)
        setListing(listing)
      }),
    [],
  )
  /** Another library was opened: nothing of the old one stays listed while the new one loads. */
  const reloadAnew = useCallback(() => {
    setListing({ kind: 'loading' })
    return reload()
  }, [reload])

  useEffect(() => {
    void reload()
    return api.onEvent((event) => {
      if (event.type === 'library-changed') void reload()
    })
  }, [reload])

  const reviews = useMemo(() => (listing.kind === 'loaded' ? listing.reviews : []), [listing])
  return { library, listing, reviews, reload, reloadAnew }
}

const byTitle = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Best score first, across scales; reviews without a (readable) score after all scored ones. */
function byScore(a: ReviewSummary, b: ReviewSummary): number {
  const left = scoreRank(a.score)
  const right = scoreRank(b.score)
  if (left === right) return byTitle.compare(a.title, b.title)
  if (left === null) return 1
  if (right === null) return -1
  return right - left
}

/** What the sidebar counts and what the list shows: the reviews sorted, then filtered by status and kind. */
export function useShownReviews(reviews: ReviewSummary[], { sort, filter, kindFilter }: { sort: Sort; filter: Filter; kindFilter: KindFilter }) {
  const counts = useMemo(() => {
    const result: Record<Filter, number> = { all: reviews.length, draft: 0, ready: 0, published: 0 }
    for (const review of reviews) result[review.status] += 1
    return result
  }, [reviews])

  // The kinds of what this library reviews, in the vocabulary's order, with how many of each.
  const kinds = useMemo(() => {
    const result = new Map<SubjectKind, number>()
    for (const review of reviews) if (review.subject) result.set(review.subject.kind, (result.get(review.subject.kind) ?? 0) + 1)
    return SUBJECT_KINDS.filter((kind) => result.has(kind)).map((kind) => [kind, result.get(kind)!] as const)
  }, [reviews])

  // Sorted once per listing and order.
  const sorted = useMemo(
    () => [...reviews].sort((a, b) => (sort === 'title' ? byTitle.compare(a.title, b.title) : sort === 'score' ? byScore(a, b) : b.updated.localeCompare(a.updated))),
    [reviews, sort],
  )
  const shownBySidebar = useCallback(
    (review: ReviewSummary) => (filter === 'all' || review.status === filter) && (kindFilter === 'all' || review.subject?.kind === kindFilter),
    [filter, kindFilter],
  )
  const visible = useMemo(() => sorted.filter(shownBySidebar), [sorted, shownBySidebar])
  return { counts, kinds, visible, shownBySidebar }
}
