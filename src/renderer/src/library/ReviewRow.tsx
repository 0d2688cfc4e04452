import { useEffect, useRef } from 'react'
import type { ReviewSummary } from '@shared/model'
import { Icon, type IconName } from '@renderer/components/Icon'
import { StatusBadge } from '@renderer/components/StatusBadge'
import { relativeTime } from '@renderer/lib/time'
import { KIND_LABELS, scoreText, subjectLine } from './critic'

interface Props {
  review: ReviewSummary
  /** Ticked for a batch export. */
  selected?: boolean
  /** Just imported: drawn out and scrolled into view. */
  highlighted?: boolean
  onSelect?: (selected: boolean) => void
  onOpen: () => void
  onRename: () => void
  onDuplicate: () => void
  onDelete: () => void
}

export function ReviewRow({ review, selected = false, highlighted = false, onSelect, onOpen, onRename, onDuplicate, onDelete }: Props) {
  const title = review.title || 'Untitled review'
  const ref = useRef<HTMLLIElement>(null)
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: 'nearest' })
  }, [highlighted])
  return (
    // A click anywhere on the card opens it; keyboard users have the Open button.
    <li ref={ref} className={highlighted ? 'review-card review-card-highlight' : 'review-card'} aria-label={title} onClick={onOpen}>
      <div className="review-card-main">
        <div className="review-card-heading">
          {onSelect && (
            // Ticking chooses the review for export; it must not open it.
            <label className="review-select" onClick={(event) => event.stopPropagation()}>
              <input type="checkbox" aria-label={`Select “${title}”`} checked={selected} onChange={(event) => onSelect(event.target.checked)} />
            </label>
          )}
          <h3 className="review-card-title">{title}</h3>
          {review.problem ? (
            <span className="badge badge-problem" title={review.problem}>
              Can’t be read
            </span>
          ) : (
            <StatusBadge status={review.status} />
          )}
          {review.score && (
            <span className="review-card-score" title={review.score.label}>
              {scoreText(review.score)}
            </span>
          )}
        </div>
        {review.subject && (
          <p className="review-card-subject">
            <span className="review-card-kind">{KIND_LABELS[review.subject.kind]}</span> {subjectLine(review.subject)}
          </p>
        )}
        <p className="review-card-meta">
          {[
            review.author,
            `${review.wordCount.toLocaleString()} ${review.wordCount === 1 ? 'word' : 'words'}`,
            `Edited ${relativeTime(review.updated)}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {review.excerpt && <p className="review-card-excerpt">{review.excerpt}</p>}
        {review.tags.length > 0 && (
          <ul className="tags" aria-label="Tags">
            {review.tags.map((tag) => (
              <li key={tag} className="tag">
                {tag}
              </li>
            ))}
          </ul>
        )}
      </div>
      {/* Stop the card's own click: these buttons do something else than open. */}
      <div className="review-card-actions" onClick={(event) => event.stopPropagation()}>
        <Action icon="open" label="Open" onClick={onOpen} />
        <Action icon="rename" label="Rename…" onClick={onRename} />
        <Action icon="copy" label="Duplicate" onClick={onDuplicate} />
        <Action icon="trash" label="Delete" onClick={onDelete} />
      </div>
    </li>
  )
}

function Action({ icon, label, onClick }: { icon: IconName; label: string; onClick: () => void }) {
  return (
    <button type="button" className="card-action" title={label} onClick={onClick}>
      <Icon name={icon} size={16} />
      <span>{label}</span>
    </button>
  )
}
