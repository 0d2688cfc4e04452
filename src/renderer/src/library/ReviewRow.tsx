import { memo, useCallback, useEffect, useRef, type Ref } from 'react'
import type { ReviewSummary } from '@shared/model'
import { Icon, type IconName } from '@renderer/components/Icon'
import { StatusBadge } from '@renderer/components/StatusBadge'
import { relativeTime } from '@renderer/lib/time'
import { KIND_LABELS, scoreText, subjectLine } from './subjectText'

/** What a row can do, the same object for every row so that rows re-render only when their own props change. */
export interface RowActions {
  select?: (id: string, selected: boolean) => void
  open: (review: ReviewSummary) => void
  rename: (review: ReviewSummary) => void
  duplicate: (review: ReviewSummary) => void
  delete: (review: ReviewSummary) => void
  resolve: (review: ReviewSummary) => void
}

interface Props {
  review: ReviewSummary
  actions: RowActions
  /** Ticked for a batch export. */
  selected?: boolean
  /** Just imported: drawn out and scrolled into view. */
  highlighted?: boolean
  /** Place in the whole list (from 0) and its length, for assistive technology when only the rows in view are rendered. */
  index?: number
  count?: number
  ref?: Ref<HTMLLIElement>
}

export const ReviewRow = memo(function ReviewRow({ review, actions, selected = false, highlighted = false, index, count, ref }: Props) {
  const title = review.title || 'Untitled review'
  const own = useRef<HTMLLIElement>(null)
  const setRef = useCallback(
    (node: HTMLLIElement | null) => {
      own.current = node
      if (typeof ref === 'function') ref(node)
      else if (ref) ref.current = node
    },
    [ref],
  )
  useEffect(() => {
    if (highlighted) own.current?.scrollIntoView({ block: 'nearest' })
  }, [highlighted])
  const onOpen = () => actions.open(review)
  return (
    // A click anywhere on the card opens it; keyboard users have the Open button.
    <li
      ref={setRef}
      className={highlighted ? 'review-card review-card-highlight' : 'review-card'}
      aria-label={title}
      data-review-id={review.id}
      onClick={onOpen}
      {...(index !== undefined ? { 'data-index': index, 'aria-posinset': index + 1, 'aria-setsize': count } : {})}
    >
      <div className="review-card-main">
        <div className="review-card-heading">
          {actions.select && (
            // Ticking chooses the review for export; it must not open it.
            <label className="review-select" onClick={(event) => event.stopPropagation()}>
              <input type="checkbox" aria-label={`Select “${title}”`} checked={selected} onChange={(event) => actions.select?.(review.id, event.target.checked)} />
            </label>
          )}
          <h2 className="review-card-title">{title}</h2>
          {review.problem ? (
            <span className="badge badge-problem" title={review.problem}>
              Can’t be read
            </span>
          ) : (
            <StatusBadge status={review.status} />
          )}
          {review.conflict && (
            <span className="badge badge-conflict" title="Changed on two machines: both versions are kept until you resolve the conflict.">
              In conflict
            </span>
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
        {review.conflict && <Action icon="warning" label="Resolve conflict…" onClick={() => actions.resolve(review)} />}
        <Action icon="open" label="Open" onClick={onOpen} />
        <Action icon="rename" label="Rename…" onClick={() => actions.rename(review)} />
        <Action icon="copy" label="Duplicate" onClick={() => actions.duplicate(review)} />
        <Action icon="trash" label="Delete" onClick={() => actions.delete(review)} />
      </div>
    </li>
  )
})

function Action({ icon, label, onClick }: { icon: IconName; label: string; onClick: () => void }) {
  return (
    <button type="button" className="small-action" title={label} onClick={onClick}>
      <Icon name={icon} size={16} />
      <span>{label}</span>
    </button>
  )
}
