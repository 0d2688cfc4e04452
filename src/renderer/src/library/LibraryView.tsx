import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { TagRenameResult } from '@shared/contract'
import type { LayoutKind, ReviewSummary } from '@shared/model'
import { api } from '@renderer/api'
import { ArchiveView } from '@renderer/archive/ArchiveView'
import { SkipLink } from '@renderer/components/SkipLink'
import { Toast, useToast } from '@renderer/components/Toast'
import { errorMessage } from '@renderer/lib/errorMessage'
import { useHandlers } from '@renderer/lib/useHandlers'
import { useCommand } from '@renderer/commands/commands'
import { warmUpEditor } from '@renderer/editor/warmUp'
import { ResolveConflictDialog } from '@renderer/conflicts/ResolveConflictDialog'
import { ExportDialog } from '@renderer/export/ExportDialog'
import { ImportDialog } from '@renderer/export/ImportDialog'
import { SearchResultList, type FoundReview } from '@renderer/search/SearchResultList'
import { useLibrarySearch, type SearchState } from '@renderer/search/useLibrarySearch'
import { useLetterboxd } from '@renderer/letterboxd/useLetterboxd'
import { TagsDialog } from '@renderer/tags/TagsDialog'
import { renamedText, undoneText } from '@renderer/tags/useTagRename'
import { LibraryHeader } from './LibraryHeader'
import { LibrarySidebar, type Filter, type KindFilter } from './LibrarySidebar'
import { ListingNotices } from './ListingNotices'
import { ReviewList } from './ReviewList'
import type { RowActions } from './ReviewRow'
import { RenameDialog } from './RenameDialog'
import { SwitchLibraryDialog } from './SwitchLibraryDialog'
import { useLibraryDialog } from './useLibraryDialog'
import { useLibraryListing, useShownReviews, type Sort } from './useLibraryListing'

interface Props {
  /** `focus`: text to land on in the opened review (a search match). */
  onOpen: (id: string, isNew?: boolean, focus?: string) => void
  onOpenSettings: () => void
  /** The review the user comes back from: its row takes the focus. */
  returnFrom?: string
}

export function LibraryView({ onOpen, onOpenSettings, returnFrom }: Props) {
  const { library, listing, reviews, reload, reloadAnew } = useLibraryListing()
  // Once the rows show, the editor's code is compiled for the first review opened (warmUp.tsx).
  const listed = listing.kind === 'loaded'
  useEffect(() => {
    if (listed) warmUpEditor()
  }, [listed])
  const [query, setQuery] = useState('')
  const [filter, setFilter] = useState<Filter>('all')
  const [kindFilter, setKindFilter] = useState<KindFilter>('all')
  const [sort, setSort] = useState<Sort>('updated')
  const { dialog, show, close, finished } = useLibraryDialog(reload)
  // Reviews ticked for a batch export.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [highlighted, setHighlighted] = useState<string | null>(null)
  // The archive's charts take the list's place while shown.
  const [archiveShown, setArchiveShown] = useState(false)
  const { toast, notify, dismiss: dismissToast } = useToast()
  // The row to focus once it is listed: the review come back from, the next one after a delete.
  const [focusId, setFocusId] = useState<string | null>(returnFrom ?? null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // The rows as listed, for the actions defined before the list is computed.
  const shownRef = useRef<ReviewSummary[]>([])
  const focused = useCallback((found: boolean) => {
    setFocusId(null)
    // The review is gone (or filtered out): the screen's heading is the named place instead.
    if (!found) headingRef.current?.focus()
  }, [])


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
  useCommand('openLibrary', () => show({ name: 'switch' }), library !== null)
  useCommand('importReview', () => show({ name: 'import' }))

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

  const exportAll = () => show({ name: 'export', ids: reviews.map((review) => review.id) })
  useCommand('exportReviews', exportAll, reviews.length > 0)
  // In list order, and only reviews that still exist (one may have been deleted or renamed meanwhile).
  const selectedIds = useMemo(() => reviews.filter((review) => selected.has(review.id)).map((review) => review.id), [reviews, selected])
  const toggleSelected = (id: string, on: boolean) =>
    setSelected((old) => {
      const next = new Set(old)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })

  const rowActions = useHandlers<RowActions>({
    select: toggleSelected,
    open: (review) => onOpen(review.id),
    rename: (review) => show({ name: 'rename', review }),
    duplicate: (review) => void duplicate(review),
    delete: (review) => void remove(review),
    resolve: (review) => show({ name: 'resolve', review }),
  })
  const contentRef = useRef<HTMLDivElement>(null)
  const scrollElement = useCallback(() => contentRef.current, [])

  const renamedTag = (result: TagRenameResult, from: string, to: string) => {
    void reload()
    const { undo } = result
    notify(
      renamedText(result, from, to),
      undo === undefined ? undefined : {
        label: 'Undo',
        run: () =>
          void attempt(async () => {
            const undone = await api.undoTagRename({ undo })
            await reload()
            notify(undoneText(undone))
          }),
      },
    )
  }

  const letterboxd = useLetterboxd({
    imported: () => {
      // The new reviews show wherever the list was: no filter or search may hide them.
      setQuery('')
      setFilter('all')
      void reload()
    },
    notify,
  })

  const imported = finished((review: ReviewSummary) => {
    // Show the new review wherever the list was: no filter or search may hide it.
    setQuery('')
    setFilter('all')
    setHighlighted(review.id)
    notify(`Imported “${review.title || 'Untitled review'}”`, { label: 'Open', run: () => onOpen(review.id) })
  })
  const { counts, kinds, visible, shownBySidebar } = useShownReviews(reviews, { sort, filter, kindFilter })

  // With a query, the full-text search's hits (best first) take the list's place.
  const searching = query.trim() !== ''
  const { search, showMore } = useLibrarySearch(query, listing)
  // Once per listing, not at every answer (10,000 rows).
  const byId = useMemo(() => new Map(reviews.map((review) => [review.id, review])), [reviews])
  const found = useMemo(() => {
    if (search.kind !== 'done') return []
    return search.results.hits.flatMap((hit): FoundReview[] => {
      const review = byId.get(hit.id)
      return review && shownBySidebar(review) ? [{ hit, review }] : []
    })
  }, [search, byId, shownBySidebar])
  // The same function while typing: the results are memoised on it.
  const openHit = useCallback((hit: FoundReview['hit']) => onOpen(hit.id, false, hit.focus), [onOpen])
  const showAll = () => {
    setQuery('')
    setFilter('all')
    setKindFilter('all')
  }
  /** The list again, searched with `text` and nothing else narrowing it (a bar of the archive, a typed query). */
  const searchFor = (text: string) => {
    setArchiveShown(false)
    setQuery(text)
  }
  const listBar = (text: string) => {
    showAll()
    searchFor(text)
  }
  useLayoutEffect(() => {
    shownRef.current = visible
  })
  // The same functions at every render: the sidebar and the header's tools are memoised on them.
  const on = useHandlers({
    filter: (chosen: Filter) => {
      setArchiveShown(false)
      setFilter(chosen)
    },
    kindFilter: (chosen: KindFilter) => {
      setArchiveShown(false)
      setKindFilter(chosen)
    },
    switchLibrary: () => show({ name: 'switch' }),
    layout: (kind: LayoutKind) =>
      void attempt(async () => {
        if (!library) return
        await api.setLibraryLayout({ ...library.layout, kind })
        await reloadAnew()
      }),
    openTags: () => show({ name: 'tags' }),
    openSettings: onOpenSettings,
    toggleArchive: () => setArchiveShown((shown) => !shown),
    import: () => show({ name: 'import' }),
    exportAll,
    letterboxdImport: letterboxd.openImport,
    letterboxdExport: letterboxd.openExport,
    create: () => void create(),
  })

  return (
    <div className="screen library-screen">
      <SkipLink label="Skip to the reviews" onSkip={() => headingRef.current?.focus()} />
      <LibrarySidebar
        library={library}
        filter={filter}
        onFilter={on.filter}
        counts={listing.kind === 'loaded' ? counts : null}
        kindFilter={kindFilter}
        onKindFilter={on.kindFilter}
        kinds={kinds}
        total={reviews.length}
        onSwitchLibrary={on.switchLibrary}
        onLayout={on.layout}
        onOpenTags={on.openTags}
        onOpenSettings={on.openSettings}
      />

      <main className="library-main">
        <LibraryHeader
          headingRef={headingRef}
          filter={filter}
          kindFilter={kindFilter}
          subtitle={
            listing.kind !== 'loaded' || archiveShown ? null : searching ? (
              <SearchCount search={search} shown={found.length} />
            ) : visible.length === reviews.length ? (
              `${reviews.length} ${reviews.length === 1 ? 'review' : 'reviews'}`
            ) : (
              `${visible.length} of ${reviews.length} reviews`
            )
          }
          searching={searching}
          query={query}
          onQuery={searchFor}
          archiveShown={archiveShown}
          onToggleArchive={on.toggleArchive}
          onOpenBest={() => found[0] && openHit(found[0].hit)}
          sort={sort}
          onSort={setSort}
          canExport={reviews.length > 0}
          onImport={on.import}
          onExportAll={on.exportAll}
          onLetterboxdImport={on.letterboxdImport}
          onLetterboxdExport={on.letterboxdExport}
          onCreate={on.create}
        />

        <div className="library-content" ref={contentRef}>
          {selectedIds.length > 0 && (
            <div className="selection-bar" role="region" aria-label="Selection">
              <span>
                {selectedIds.length} {selectedIds.length === 1 ? 'review' : 'reviews'} selected
              </span>
              <button type="button" className="button button-primary" onClick={() => show({ name: 'export', ids: selectedIds })}>
                Export selected…
              </button>
              <button type="button" className="button button-quiet" onClick={() => setSelected(new Set())}>
                Clear selection
              </button>
            </div>
          )}
          {archiveShown ? (
            <ArchiveView listingVersion={listing} onFilter={listBar} onOpen={(id) => onOpen(id)} />
          ) : (
            <>
              <ListingNotices
                listing={listing}
                search={searching ? search : null}
                found={found.length}
                visible={visible.length}
                filter={filter}
                kindFilter={kindFilter}
                query={query}
                onRetry={() => void reload()}
                onCreate={() => void create()}
                onShowAll={showAll}
              />
              {searching && found.length > 0 && <SearchResultList found={found} onOpen={openHit} onShowMore={showMore} />}
              {visible.length > 0 && (
                <ReviewList
                  hidden={searching}
                  reviews={visible}
                  selected={selected}
                  highlighted={highlighted}
                  actions={rowActions}
                  scrollElement={scrollElement}
                  focusId={listing.kind === 'loaded' ? focusId : null}
                  onFocused={focused}
                />
              )}
            </>
          )}
        </div>
      </main>

      {dialog?.name === 'rename' && (
        <RenameDialog review={dialog.review} onClose={close} onRenamed={finished((renamed) => notify(`Renamed to “${renamed.title}” (folder “${renamed.id}”)`))} />
      )}
      {dialog?.name === 'resolve' && (
        <ResolveConflictDialog
          review={dialog.review}
          onClose={close}
          onResolved={finished((resolved) => {
            setFocusId(resolved.id)
            notify(`Resolved the conflict in “${resolved.title || 'Untitled review'}”`)
          })}
        />
      )}
      {dialog?.name === 'switch' && library && (
        <SwitchLibraryDialog
          library={library}
          onClose={close}
          onSwitched={() => {
            close()
            void reloadAnew()
          }}
        />
      )}
      {dialog?.name === 'export' && <ExportDialog ids={dialog.ids} subject={exportSubject(dialog.ids, reviews)} onClose={close} />}
      {dialog?.name === 'tags' && <TagsDialog reviews={reviews} onRenamed={renamedTag} onClose={close} />}
      {letterboxd.dialogs}
      {dialog?.name === 'import' && <ImportDialog onImported={imported} onClose={close} />}
      <Toast toast={toast} onDismiss={dismissToast} />
    </div>
  )
}

/** What the export dialog names: the one review's title, or how many. */
function exportSubject(ids: readonly string[], reviews: readonly ReviewSummary[]): string {
  if (ids.length !== 1) return `${ids.length} reviews`
  return `“${reviews.find((review) => review.id === ids[0])?.title || 'Untitled review'}”`
}

/** "3 results", "50 of 1,204 results", "Reading the library for search: 3,200 of 10,000". */
function SearchCount({ search, shown }: { search: SearchState; shown: number }) {
  if (search.kind === 'searching') return <>Searching…</>
  if (search.kind !== 'done') return null
  const { total, more, indexing } = search.results
  const count = `${more ? `${total}+` : total.toLocaleString()} ${total === 1 && !more ? 'result' : 'results'}`
  const text = shown < total ? `${shown} shown of ${count}` : count
  return <>{indexing ? `${text} · indexing ${indexing.done.toLocaleString()} of ${indexing.total.toLocaleString()} reviews` : text}</>
}
