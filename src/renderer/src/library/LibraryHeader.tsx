import { memo, useId, type ReactNode, type RefObject } from 'react'
import { Icon } from '@renderer/components/Icon'
import { MenuButton } from '@renderer/components/MenuButton'
import { Options } from '@renderer/components/Options'
import { KIND_PLURALS } from './subjectText'
import { FILTER_LABELS, type Filter, type KindFilter } from './LibrarySidebar'
import type { Sort } from './useLibraryListing'

const SORTS: Record<Sort, string> = { updated: 'Last edited', title: 'Title', score: 'Score' }
const isSort = (value: string): value is Sort => value in SORTS

interface Props {
  headingRef: RefObject<HTMLHeadingElement | null>
  filter: Filter
  kindFilter: KindFilter
  /** How many reviews are shown; null while the library loads. */
  subtitle: ReactNode
  /** The subtitle counts search results as they come: read out when it changes. */
  searching: boolean
  query: string
  onQuery: (query: string) => void
  /** Enter in the search field: open the best match, at the match. */
  onOpenBest: () => void
  sort: Sort
  onSort: (sort: Sort) => void
  /** The archive's charts are shown instead of the list. */
  archiveShown: boolean
  onToggleArchive: () => void
  canExport: boolean
  onImport: () => void
  onExportAll: () => void
  onLetterboxdImport: () => void
  onLetterboxdExport: () => void
  onCreate: () => void
}

/** The library's heading (what the sidebar picked, how many), its search, order and library-wide actions. */
export function LibraryHeader(props: Props) {
  const { headingRef, filter, kindFilter, subtitle, searching } = props
  return (
    <header className="library-header">
      <div className="library-heading">
        <h1 ref={headingRef} className="library-title" tabIndex={-1}>
          {props.archiveShown ? 'Archive' : FILTER_LABELS[filter]}
          {kindFilter !== 'all' && !props.archiveShown && <span className="library-title-kind"> · {KIND_PLURALS[kindFilter]}</span>}
        </h1>
        {subtitle !== null && (
          <p className="library-subtitle" role={searching ? 'status' : undefined}>
            {subtitle}
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
            title="Words, &quot;a phrase&quot;, and filters: kind:film year:2025 score:>8 tag:horror status:draft by:&quot;Len Wiseman&quot; date:2025-06"
            value={props.query}
            onChange={(event) => props.onQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') props.onOpenBest()
            }}
          />
        </label>
        <LibraryTools
          sort={props.sort}
          onSort={props.onSort}
          archiveShown={props.archiveShown}
          onToggleArchive={props.onToggleArchive}
          canExport={props.canExport}
          onImport={props.onImport}
          onExportAll={props.onExportAll}
          onLetterboxdImport={props.onLetterboxdImport}
          onLetterboxdExport={props.onLetterboxdExport}
          onCreate={props.onCreate}
        />
      </div>
    </header>
  )
}

type ToolsProps = Pick<
  Props,
  'sort' | 'onSort' | 'archiveShown' | 'onToggleArchive' | 'canExport' | 'onImport' | 'onExportAll' | 'onLetterboxdImport' | 'onLetterboxdExport' | 'onCreate'
>

/** The header's order and library-wide actions: memoised (with stable handlers), so a search key does not render them again. */
const LibraryTools = memo(function LibraryTools(props: ToolsProps) {
  const sortId = useId()
  return (
    <>
    <div className="sort">
      <label htmlFor={sortId}>Sort by</label>
      <select id={sortId} value={props.sort} onChange={(event) => isSort(event.target.value) && props.onSort(event.target.value)}>
        <Options labels={SORTS} />
      </select>
    </div>
    <button type="button" className="button" aria-pressed={props.archiveShown} onClick={props.onToggleArchive}>
      Archive
    </button>
    <MenuButton
      label="Import & export"
      menuLabel="Import and export"
      items={[
        { id: 'import', name: 'Import…', onChoose: props.onImport },
        ...(props.canExport ? [{ id: 'export', name: 'Export all…', onChoose: props.onExportAll }] : []),
        { id: 'letterboxd-import', name: 'Import from Letterboxd…', onChoose: props.onLetterboxdImport },
        { id: 'letterboxd-export', name: 'Export for Letterboxd…', onChoose: props.onLetterboxdExport },
      ]}
    />
    <button type="button" className="button button-primary" onClick={props.onCreate}>
      <Icon name="plus" size={16} /> New review
    </button>
    </>
  )
})
