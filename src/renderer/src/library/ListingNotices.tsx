import { Icon } from '@renderer/components/Icon'
import type { SearchState } from '@renderer/search/useLibrarySearch'
import { KIND_PLURALS } from './subjectText'
import { FILTER_LABELS, type Filter, type KindFilter } from './LibrarySidebar'
import type { Listing } from './useLibraryListing'

interface Props {
  listing: Listing
  /** The search's state while the critic searches; null otherwise. */
  search: SearchState | null
  /** How many search hits and how many listed reviews the filters leave. */
  found: number
  visible: number
  filter: Filter
  kindFilter: KindFilter
  query: string
  onRetry: () => void
  onCreate: () => void
  onShowAll: () => void
}

/** What stands in the list's place when there is no list to show: loading, a failure, an empty library, nothing matching. */
export function ListingNotices({ listing, search, found, visible, filter, kindFilter, query, onRetry, onCreate, onShowAll }: Props) {
  if (listing.kind === 'loading')
    return (
      <p className="loading" aria-busy="true">
        Loading reviews…
      </p>
    )
  if (listing.kind === 'failed')
    return (
      <div className="notice notice-error" role="alert">
        <Icon name="warning" />
        <div>
          <strong>The library could not be read.</strong>
          <p>{listing.message}</p>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      </div>
    )
  const showAll = (
    <button type="button" className="button" onClick={onShowAll}>
      Show all reviews
    </button>
  )
  if (listing.reviews.length === 0 && !search)
    return (
      <div className="empty-state">
        <h2>No reviews yet</h2>
        <p>Your reviews live as Markdown files in this library’s folder. Start the first one.</p>
        <button type="button" className="button button-primary" onClick={onCreate}>
          <Icon name="plus" size={16} /> New review
        </button>
      </div>
    )
  if (search?.kind === 'failed')
    return (
      <div className="notice notice-error" role="alert">
        <Icon name="warning" />
        <p>The search failed: {search.message}</p>
      </div>
    )
  if (search?.kind === 'done')
    return (
      <>
        {search.results.problems.length > 0 && (
          <ul className="notice search-problems" aria-label="Filters left out">
            {search.results.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        {found === 0 && (
          <div className="empty-state">
            <h2>No matching reviews</h2>
            <p>No {filter === 'all' ? '' : `${FILTER_LABELS[filter].toLowerCase()} `}review matches “{query.trim()}”.</p>
            {showAll}
          </div>
        )}
      </>
    )
  if (!search && visible === 0)
    return (
      <div className="empty-state">
        <h2>No matching reviews</h2>
        <p>
          {filter === 'all'
            ? `No review of ${kindFilter === 'all' ? 'this kind' : KIND_PLURALS[kindFilter].toLowerCase()} yet.`
            : `Nothing is marked ${FILTER_LABELS[filter].toLowerCase()} yet.`}
        </p>
        {showAll}
      </div>
    )
  return null
}
