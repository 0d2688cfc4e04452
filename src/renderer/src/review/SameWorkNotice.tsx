import { useEffect, useState } from 'react'
import type { Subject } from '@shared/critic'
import type { ReviewSummary } from '@shared/model'
import { sameWork } from '@shared/sameWork'
import { api } from '@renderer/api'
import { scoreText } from '@renderer/library/subjectText'

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
/** Waits for typing in the subject's fields to pause before asking for the library. */
const SETTLE_MS = 400

/** "4 June 2025", from the review's `YYYY-MM-DD` date (or when it was created). */
function reviewedOn(review: ReviewSummary): string {
  const day = review.date || review.created.slice(0, 10)
  const time = Date.parse(`${day}T00:00:00Z`)
  return Number.isNaN(time) ? day : LONG_DATE.format(time)
}

/**
 * Under "What is reviewed": the critic's other reviews of the same work (same id, or same title and
 * year), each with its date and score and a link to it. A re-review stays possible: this only tells.
 */
export function SameWorkNotice({ id, subject, onOpenReview }: { id: string; subject: Subject | undefined; onOpenReview: (id: string) => void }) {
  const [earlier, setEarlier] = useState<ReviewSummary[]>([])
  useEffect(() => {
    if (!subject) return
    let current = true
    const timer = setTimeout(() => {
      api.listReviews().then(
        (reviews) => {
          if (current) setEarlier(reviews.filter((review) => review.id !== id && review.subject && sameWork(subject, review.subject)))
        },
        () => undefined,
      )
    }, SETTLE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [id, subject])
  if (!subject || earlier.length === 0) return null
  return (
    <section className="notice same-work" aria-label="Reviewed before">
      <ul>
        {earlier.map((review) => (
          <li key={review.id}>
            You reviewed {review.subject!.title}
            {review.subject!.year ? ` (${review.subject!.year})` : ''} on {reviewedOn(review)}
            {review.score ? `: ${scoreText(review.score)}` : ''}{' '}
            <button type="button" className="link-button" onClick={() => onOpenReview(review.id)}>
              Open “{review.title || 'Untitled review'}”
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
