import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { SUBJECT_KINDS, type SubjectKind } from '@shared/critic'
import type { LibraryInfo, ReviewSummary } from '@shared/model'
import { api } from '@renderer/api'
import { Icon } from '@renderer/components/Icon'
import { SkipLink } from '@renderer/components/SkipLink'
import { Toast, type ToastMessage } from '@renderer/components/Toast'
import { errorMessage } from '@renderer/lib/errors'
import { useCommand } from '@renderer/commands/commands'
import { ExportDialog } from '@renderer/export/ExportDialog'
import { ImportDialog } from '@renderer/export/ImportDialog'
import { SearchResultList, type FoundReview } from '@renderer/search/SearchResultList'
import { useLibrarySearch } from '@renderer/search/useLibrarySearch'
import { KIND_PLURALS, scoreRank } from './critic'
import { FILTER_LABELS, LibrarySidebar, type Filter, type KindFilter } from './LibrarySidebar'
import { ReviewList } from './ReviewList'
import type { RowActions } from './ReviewRow'
import { RenameDialog } from './RenameDialog'
import { SwitchLibraryDialog } from './SwitchLibraryDialog'

type Sort = 'updated' | 'title' | 'score'
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

type Listing = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; reviews: ReviewSummary[] }

async function loadLibrary(): Promise<{ info?: LibraryInfo; listing: Listing }> {
  try {
    const [info, reviews] = await Promise.all([api.getLibrary(), api.listReviews()])
    return { info, listing: { kind: 'loaded', reviews } }
  } catch (error) {
    return { listing: { kind: 'failed', message: errorMessage(error) } }
  }
}

interface Props {
  /** `focus`: text to land on in the opened review (a search match). */
  onOpen: (id: string, isNew?: boolean, focus?: string) => void
  onOpenSettings: () => void
  /** The review the user comes back from: its row takes the focus. */
  returnFrom?: string
}

export function LibraryView({ onOpen, onOpenSettings, returnFrom }: Props) {
  const [library, setLibrary] = useState<LibraryInfo | null>(null)
  const [listing, setListing] = useState<Listing>({ kind: 'loading' })
  const [query, setQuery] = useState('')
  const [filter, setFilter] = useState<Filter>('all')
  const [kindFilter, setKindFilter] = useState<KindFilter>('all')
  const [sort, setSort] = useState<Sort>('updated')
  const [renaming, setRenaming] = useState<ReviewSummary | null>(null)
  const [switching, setSwitching] = useState(false)
  // Reviews ticked for a batch export; the export dialog's reviews while it is open.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [exportIds, setExportIds] = useState<string[] | null>(null)
  const [importing, setImporting] = useState(false)
  const [highlighted, setHighlighted] = useState<string | null>(null)
  const [toast, setToast] = useState<ToastMessage | null>(null)
  // The row to focus once it is listed: the review come back from, the next one after a delete.
  const [focusId, setFocusId] = useState<string | null>(returnFrom ?? null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // The rows as listed, for the actions defined before the list is computed.
  const shownRef = useRef<ReviewSummary[]>([])
  const sortId = useId()
  const focused = useCallback((found: boolean) => {
    setFocusId(null)
    // The review is gone (or filtered out): the screen's heading is the named place instead.
    if (!found) headingRef.current?.focus()
  }, [])

  const notify = useCallback((text: string, action?: ToastMessage['action']) => {
    setToast({ id: Date.now(), text, action })
  }, [])
  const dismissToast = useCallback(() => setToast(null), [])

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

  useEffect(() => {
    void reload()
    return api.onEvent((event) => {
      if (event.type === 'library-changed') void reload()
    })
  }, [reload])

  /** Runs a library action; a failure is reported in the snackbar rather than lost. */
  const attempt = async (action: () => Promise<void>) => {
    try {
      await action()
    } catch (error) {
      notify(errorMessage(error))
    }
  }

  const create = () =>
    attempt(async () => {
      const review = await api.createReview({})
      onOpen(review.id, true)
    })

  useCommand('newReview', () => void create())
  useCommand('openLibrary', () => setSwitching(true), library !== null)
  useCommand('importReview', () => setImporting(true))

  const duplicate = (review: ReviewSummary) =>
    attempt(async () => {
      const copy = await api.duplicateReview({ id: review.id })
      await reload()
      notify(`Duplicated as “${copy.title}”`)
    })

  const remove = (review: ReviewSummary) =>
    attempt(async () => {
      // The focus moves on to the next row (the one before, at the end of the list).
      const shown = shownRef.current
      const place = shown.findIndex((each) => each.id === review.id)
      const next = shown[place + 1] ?? shown[place - 1]
      const { trashId } = await api.trashReview({ id: review.id })
      await reload()
      if (next) setFocusId(next.id)
      else headingRef.current?.focus()
      notify(`Moved “${review.title || 'Untitled review'}” to the trash`, {
        label: 'Undo',
        run: () =>
          void attempt(async () => {
            const restored = await api.restoreReview({ trashId })
            await reload()
            setFocusId(restored.id)
            notify(`Restored “${restored.title}”`)
          }),
      })
    })

  const reviews = useMemo(() => (listing.kind === 'loaded' ? listing.reviews : []), [listing])
  useCommand('exportReviews', () => setExportIds(reviews.map((review) => review.id)), reviews.length > 0)
  // In list order, and only reviews that still exist (one may have been deleted or renamed meanwhile).
  const selectedIds = useMemo(() => reviews.filter((review) => selected.has(review.id)).map((review) => review.id), [reviews, selected])
  const toggleSelected = (id: string, on: boolean) =>
    setSelected((old) => {
      const next = new Set(old)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })

  // One actions object for every row and every render, so memoised rows skip re-rendering; it
  // calls the latest handlers.
  const handlers = useRef<RowActions | null>(null)
  const latestHandlers: RowActions = {
    select: toggleSelected,
    open: (review) => onOpen(review.id),
    rename: setRenaming,
    duplicate: (review) => void duplicate(review),
    delete: (review) => void remove(review),
  }
  useLayoutEffect(() => {
    handlers.current = latestHandlers
  })
  const rowActions = useMemo<RowActions>(
    () => ({
      select: (id, on) => handlers.current?.select?.(id, on),
      open: (review) => handlers.current?.open(review),
      rename: (review) => handlers.current?.rename(review),
      duplicate: (review) => handlers.current?.duplicate(review),
      delete: (review) => handlers.current?.delete(review),
    }),
    [],
  )
  const contentRef = useRef<HTMLDivElement>(null)
  const scrollElement = useCallback(() => contentRef.current, [])

  const imported = (review: ReviewSummary) => {
    setImporting(false)
    // Show the new review wherever the list was: no filter or search may hide it.
    setQuery('')
    setFilter('all')
    setHighlighted(review.id)
    void reload()
    notify(`Imported “${review.title || 'Untitled review'}”`, { label: 'Open', run: () => onOpen(review.id) })
  }
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

  // With a query, the full-text search's hits (best first) take the list's place.
  const searching = query.trim() !== ''
  const search = useLibrarySearch(query, listing)
  const found = useMemo(() => {
    if (search.kind !== 'done') return []
    const byId = new Map(reviews.map((review) => [review.id, review]))
    return search.results.hits.flatMap((hit): FoundReview[] => {
      const review = byId.get(hit.id)
      return review && shownBySidebar(review) ? [{ hit, review }] : []
    })
  }, [search, reviews, shownBySidebar])
  const openHit = (hit: FoundReview['hit']) => onOpen(hit.id, false, hit.focus)
  const showAll = () => {
    setQuery('')
    setFilter('all')
    setKindFilter('all')
  }
  useLayoutEffect(() => {
    shownRef.current = visible
  })

  return (
    <div className="screen library-screen">
      <SkipLink label="Skip to the reviews" onSkip={() => headingRef.current?.focus()} />
      <LibrarySidebar
        library={library}
        filter={filter}
        onFilter={setFilter}
        counts={listing.kind === 'loaded' ? counts : null}
        kindFilter={kindFilter}
        onKindFilter={setKindFilter}
        kinds={kinds}
        total={reviews.length}
        onSwitchLibrary={() => setSwitching(true)}
        onOpenSettings={onOpenSettings}
      />

      <main className="library-main">
        <header className="library-header">
          <div className="library-heading">
            <h1 ref={headingRef} className="library-title" tabIndex={-1}>
              {FILTER_LABELS[filter]}
              {kindFilter !== 'all' && <span className="library-title-kind"> · {KIND_PLURALS[kindFilter]}</span>}
            </h1>
            {listing.kind === 'loaded' && searching && (
              <p className="library-subtitle" role="status">
                <SearchCount search={search} shown={found.length} />
              </p>
            )}
            {listing.kind === 'loaded' && !searching && (
              <p className="library-subtitle">
                {visible.length === reviews.length
                  ? `${reviews.length} ${reviews.length === 1 ? 'review' : 'reviews'}`
                  : `${visible.length} of ${reviews.length} reviews`}
              </p>
            )}
          </div>
          <div className="library-tools">
            <label className="search">
              <Icon name="search" size={16} />
              <input
                type="search"
                aria-label="Search reviews"
                placeholder="Search every word (kind:film score:>8 tag:horror)"
                title="Words, &quot;a phrase&quot;, and filters: kind:film year:2025 score:>8 tag:horror status:draft by:&quot;Len Wiseman&quot;"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                onKeyDown={(event) => {
                  // Enter opens the best match, at the match.
                  if (event.key === 'Enter' && found[0]) openHit(found[0].hit)
                }}
              />
            </label>
            <div className="sort">
              <label htmlFor={sortId}>Sort by</label>
              <select id={sortId} value={sort} onChange={(event) => setSort(event.target.value as Sort)}>
                <option value="updated">Last edited</option>
                <option value="title">Title</option>
                <option value="score">Score</option>
              </select>
            </div>
            <button type="button" className="button" onClick={() => setImporting(true)}>
              Import…
            </button>
            <button type="button" className="button" disabled={reviews.length === 0} onClick={() => setExportIds(reviews.map((review) => review.id))}>
              Export all…
            </button>
            <button type="button" className="button button-primary" onClick={() => void create()}>
              <Icon name="plus" size={16} /> New review
            </button>
          </div>
        </header>

        <div className="library-content" ref={contentRef}>
          {selectedIds.length > 0 && (
            <div className="selection-bar" role="region" aria-label="Selection">
              <span>
                {selectedIds.length} {selectedIds.length === 1 ? 'review' : 'reviews'} selected
              </span>
              <button type="button" className="button button-primary" onClick={() => setExportIds(selectedIds)}>
                Export selected…
              </button>
              <button type="button" className="button button-quiet" onClick={() => setSelected(new Set())}>
                Clear selection
              </button>
            </div>
          )}
          {listing.kind === 'loading' && (
            <p className="loading" aria-busy="true">
              Loading reviews…
            </p>
          )}
          {listing.kind === 'failed' && (
            <div className="notice notice-error" role="alert">
              <Icon name="warning" />
              <div>
                <strong>The library could not be read.</strong>
                <p>{listing.message}</p>
                <button type="button" className="button" onClick={() => void reload()}>
                  Try again
                </button>
              </div>
            </div>
          )}
          {listing.kind === 'loaded' && reviews.length === 0 && (
            <div className="empty-state">
              <h2>No reviews yet</h2>
              <p>Your reviews live as Markdown files in this library’s folder. Start the first one.</p>
              <button type="button" className="button button-primary" onClick={() => void create()}>
                <Icon name="plus" size={16} /> New review
              </button>
            </div>
          )}
          {listing.kind === 'loaded' && searching && search.kind === 'failed' && (
            <div className="notice notice-error" role="alert">
              <Icon name="warning" />
              <p>The search failed: {search.message}</p>
            </div>
          )}
          {listing.kind === 'loaded' && searching && search.kind === 'done' && search.results.problems.length > 0 && (
            <ul className="notice search-problems" aria-label="Filters left out">
              {search.results.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          {listing.kind === 'loaded' && searching && search.kind === 'done' && found.length === 0 && (
            <div className="empty-state">
              <h2>No matching reviews</h2>
              <p>No {filter === 'all' ? '' : `${FILTER_LABELS[filter].toLowerCase()} `}review matches “{query.trim()}”.</p>
              <button type="button" className="button" onClick={showAll}>
                Show all reviews
              </button>
            </div>
          )}
          {searching && found.length > 0 && <SearchResultList found={found} onOpen={openHit} />}
          {listing.kind === 'loaded' && !searching && reviews.length > 0 && visible.length === 0 && (
            <div className="empty-state">
              <h2>No matching reviews</h2>
              <p>
                {filter === 'all'
                  ? `No review of ${kindFilter === 'all' ? 'this kind' : KIND_PLURALS[kindFilter].toLowerCase()} yet.`
                  : `Nothing is marked ${FILTER_LABELS[filter].toLowerCase()} yet.`}
              </p>
              <button type="button" className="button" onClick={showAll}>
                Show all reviews
              </button>
            </div>
          )}
          {!searching && visible.length > 0 && (
            <ReviewList
              reviews={visible}
              selected={selected}
              highlighted={highlighted}
              actions={rowActions}
              scrollElement={scrollElement}
              focusId={listing.kind === 'loaded' ? focusId : null}
              onFocused={focused}
            />
          )}
        </div>
      </main>

      {renaming && (
        <RenameDialog
          review={renaming}
          onClose={() => setRenaming(null)}
          onRenamed={(renamed) => {
            setRenaming(null)
            void reload()
            notify(`Renamed to “${renamed.title}” (folder “${renamed.id}”)`)
          }}
        />
      )}
      {switching && library && (
        <SwitchLibraryDialog
          library={library}
          onClose={() => setSwitching(false)}
          onSwitched={() => {
            setSwitching(false)
            setListing({ kind: 'loading' })
            void reload()
          }}
        />
      )}
      {exportIds && (
        <ExportDialog
          ids={exportIds}
          subject={exportIds.length === 1 ? `“${reviews.find((review) => review.id === exportIds[0])?.title || 'Untitled review'}”` : `${exportIds.length} reviews`}
          onClose={() => setExportIds(null)}
        />
      )}
      {importing && <ImportDialog onImported={imported} onClose={() => setImporting(false)} />}
      <Toast toast={toast} onDismiss={dismissToast} />
    </div>
  )
}

/** "3 results", "50 of 1,204 results", "Reading the library for search: 3,200 of 10,000". */
function SearchCount({ search, shown }: { search: ReturnType<typeof useLibrarySearch>; shown: number }) {
  if (search.kind === 'searching') return <>Searching…</>
  if (search.kind !== 'done') return null
  const { total, more, indexing } = search.results
  const count = `${more ? `${total}+` : total.toLocaleString()} ${total === 1 && !more ? 'result' : 'results'}`
  const text = shown < total ? `${shown} shown of ${count}` : count
  return <>{indexing ? `${text} · indexing ${indexing.done.toLocaleString()} of ${indexing.total.toLocaleString()} reviews` : text}</>
}
