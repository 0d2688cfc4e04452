import { memo } from 'react'
import type { SubjectKind } from '@shared/critic'
import { REVIEW_STATUSES, type LayoutKind, type LibraryInfo, type ReviewStatus } from '@shared/model'
import { Icon } from '@renderer/components/Icon'
import { LibraryPublishTools } from '@renderer/publish/LibraryPublishTools'
import { LibraryLayoutSelect } from './LibraryLayoutSelect'
import { KIND_PLURALS } from './subjectText'

export type Filter = ReviewStatus | 'all'
export type KindFilter = SubjectKind | 'all'

export const FILTER_LABELS: Record<Filter, string> = { all: 'All reviews', draft: 'Drafts', ready: 'Ready', published: 'Published' }

function folderName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path
}

interface Props {
  library: LibraryInfo | null
  filter: Filter
  onFilter: (filter: Filter) => void
  /** How many reviews each status filter shows; null while the list is not loaded. */
  counts: Record<Filter, number> | null
  kindFilter: KindFilter
  onKindFilter: (kind: KindFilter) => void
  /** The kinds this library reviews, with how many of each. */
  kinds: ReadonlyArray<readonly [SubjectKind, number]>
  total: number
  onSwitchLibrary: () => void
  onLayout: (kind: LayoutKind) => void
  onOpenTags: () => void
  onOpenSettings: () => void
}

/**
 * The library screen's sidebar: filters by status and kind, the library open, and its settings.
 * Memoised: given stable handlers, a search key does not render it again.
 */
export const LibrarySidebar = memo(function LibrarySidebar({ library, filter, onFilter, counts, kindFilter, onKindFilter, kinds, total, onSwitchLibrary, onLayout, onOpenTags, onOpenSettings }: Props) {
  return (
    <nav className="sidebar" aria-label="Library">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          V
        </span>
        Verdict
      </div>
      <ul className="sidebar-nav" aria-label="Filter by status">
        {(['all', ...REVIEW_STATUSES] as Filter[]).map((value) => (
          <li key={value}>
            <button
              type="button"
              className="sidebar-item"
              aria-pressed={filter === value}
              onClick={() => onFilter(value)}
            >
              {value !== 'all' && <span className={`dot dot-${value}`} aria-hidden="true" />}
              <span className="sidebar-item-label">{FILTER_LABELS[value]}</span>
              <span className="sidebar-count">{counts ? counts[value] : ''}</span>
            </button>
          </li>
        ))}
      </ul>
      {kinds.length > 0 && (
        <div className="sidebar-section">
          <p className="sidebar-label">What is reviewed</p>
          <ul className="sidebar-nav" aria-label="Filter by kind">
            {([['all', total], ...kinds] as Array<readonly [KindFilter, number]>).map(([kind, count]) => (
              <li key={kind}>
                <button type="button" className="sidebar-item" aria-pressed={kindFilter === kind} onClick={() => onKindFilter(kind)}>
                  <span className="sidebar-item-label">{kind === 'all' ? 'All kinds' : KIND_PLURALS[kind]}</span>
                  <span className="sidebar-count">{count}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="sidebar-footer">
        <p className="sidebar-label">Library</p>
        <div className="library-path" title={library?.path}>
          <Icon name="folder" size={16} />
          <div>
            <p className="library-name">{library ? folderName(library.path) : '…'}</p>
            {/* Long paths are cut at the start: the end says most about which folder this is. */}
            <p className="library-full-path">
              <bdi>{library?.path}</bdi>
            </p>
          </div>
        </div>
        {library && <LibraryLayoutSelect layout={library.layout} onChange={onLayout} />}
        <button type="button" className="button button-quiet sidebar-button" disabled={!library} onClick={onSwitchLibrary}>
          <Icon name="swap" size={16} /> Switch library…
        </button>
        <button type="button" className="button button-quiet sidebar-button" disabled={!library} onClick={onOpenTags}>
          <Icon name="tag" size={16} /> Tags…
        </button>
        <button type="button" className="button button-quiet sidebar-button" onClick={onOpenSettings}>
          <Icon name="settings" size={16} /> Settings
        </button>
        <LibraryPublishTools />
      </div>
    </nav>
  )
})
