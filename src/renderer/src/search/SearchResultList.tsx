import { memo } from 'react'
import type { SearchHit } from '@shared/contract'
import type { ReviewSummary } from '@shared/model'
import { StatusBadge } from '@renderer/components/StatusBadge'
import { KIND_LABELS, scoreText, subjectLine } from '@renderer/library/subjectText'

const FIELD_LABELS: Record<SearchHit['field'], string> = {
  title: 'Title',
  subject: 'What is reviewed',
  tags: 'Tags',
  excerpt: 'Excerpt',
  verdict: 'Verdict',
  body: 'Text',
}

export interface FoundReview {
  hit: SearchHit
  review: ReviewSummary
}

interface Props {
  found: readonly FoundReview[]
  onOpen: (hit: SearchHit) => void
  /** Asks for more hits of the same search; null when all are shown. */
  onShowMore: (() => void) | null
}

/** Search results: each review with the sentence that matched, the matched words marked. */
export function SearchResultList({ found, onOpen, onShowMore }: Props) {
  return (
    <>
      <ol className="review-list search-results" aria-label="Search results">
        {found.map(({ hit, review }) => (
          <SearchResult key={hit.id} hit={hit} review={review} onOpen={onOpen} />
        ))}
      </ol>
      {onShowMore && (
        <button type="button" className="button button-quiet search-more" onClick={onShowMore}>
          Show more results
        </button>
      )}
    </>
  )
}

/**
 * One result, rendered again only when its own hit or row changes: a key typed in the search field
 * renders the library screen again, and the hits of the next answer are mostly the same reviews.
 */
const SearchResult = memo(function SearchResult({ hit, review, onOpen }: FoundReview & Pick<Props, 'onOpen'>) {
  const title = review.title || 'Untitled review'
  return (
    <li className="review-card search-result" onClick={() => onOpen(hit)}>
      <div className="review-card-main">
        <div className="review-card-heading">
          <h3 className="review-card-title">
            {/* The title is the result's one control: Enter on it opens the review at the match. */}
            <button type="button" className="search-result-open" onClick={(event) => {
                event.stopPropagation()
                onOpen(hit)
              }}>
              {title}
            </button>
          </h3>
          <StatusBadge status={review.status} />
          {review.score && <span className="review-card-score">{scoreText(review.score)}</span>}
        </div>
        {review.subject && (
          <p className="review-card-subject">
            <span className="review-card-kind">{KIND_LABELS[review.subject.kind]}</span> {subjectLine(review.subject)}
          </p>
        )}
        {hit.snippet && (
          <p className="search-snippet">
            <span className="search-snippet-field">{FIELD_LABELS[hit.field]}: </span>
            <Marked text={hit.snippet} marks={hit.marks} />
          </p>
        )}
      </div>
    </li>
  )
}, sameResult)

/** Answers are new objects each time: the same hit is the same sentence with the same marks. */
function sameResult(before: FoundReview & Pick<Props, 'onOpen'>, after: FoundReview & Pick<Props, 'onOpen'>): boolean {
  const [a, b] = [before.hit, after.hit]
  return (
    before.review === after.review &&
    before.onOpen === after.onOpen &&
    a.id === b.id &&
    a.field === b.field &&
    a.snippet === b.snippet &&
    a.focus === b.focus &&
    a.marks.length === b.marks.length &&
    a.marks.every(([start, end], index) => b.marks[index]![0] === start && b.marks[index]![1] === end)
  )
}

/** The snippet with its matched words in <mark>, which assistive technology announces as highlighted. */
function Marked({ text, marks }: { text: string; marks: SearchHit['marks'] }) {
  const parts: Array<string | { mark: string }> = []
  let at = 0
  for (const [start, end] of marks) {
    if (start < at) continue
    if (start > at) parts.push(text.slice(at, start))
    parts.push({ mark: text.slice(start, end) })
    at = end
  }
  if (at < text.length) parts.push(text.slice(at))
  return (
    <>
      {parts.map((part, index) => (typeof part === 'string' ? part : <mark key={index}>{part.mark}</mark>))}
    </>
  )
}
