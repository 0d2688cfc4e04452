import { useEffect, useId, useState } from 'react'
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
 * year), each with its date and score and a link to it, and the reviews this one is linked to as a
 * re-review (`relates:`). A re-review stays possible: the notice tells, and a tick links the two.
 */
export function SameWorkNotice({ id, subject, relates, onRelates, onOpenReview }: Props) {
  const [reviews, setReviews] = useState<ReviewSummary[]>([])
  useEffect(() => {
    if (!subject && !relates?.length) return
    let current = true
    const timer = setTimeout(() => {
      api.listReviews().then(
        (listed) => {
          if (current) setReviews(listed)
        },
        () => undefined,
      )
    }, SETTLE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [id, subject, relates])
  const linked = new Set(relates ?? [])
  const earlier = subject ? reviews.filter((review) => review.id !== id && review.subject && sameWork(subject, review.subject)) : []
  // Linked reviews no longer of the same work (or gone) are still shown, so the link can be seen and undone.
  const otherLinks = [...linked].filter((other) => !earlier.some((review) => review.id === other))
  if (earlier.length === 0 && otherLinks.length === 0) return null
  const link = (other: string, on: boolean) => {
    const next = on ? [...linked, other] : [...linked].filter((each) => each !== other)
    onRelates(next.length ? next : undefined)
  }
  const titleOf = (other: string) => reviews.find((review) => review.id === other)?.title || other
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
            <RelatesCheck title={review.title || 'Untitled review'} checked={linked.has(review.id)} onChange={(on) => link(review.id, on)} />
          </li>
        ))}
        {otherLinks.map((other) => (
          <li key={other}>
            A re-review of{' '}
            {reviews.some((review) => review.id === other) ? (
              <button type="button" className="link-button" onClick={() => onOpenReview(other)}>
                “{titleOf(other)}”
              </button>
            ) : (
              <>“{other}” (no longer in the library)</>
            )}
            <RelatesCheck title={titleOf(other)} checked onChange={(on) => link(other, on)} />
          </li>
        ))}
      </ul>
    </section>
  )
}

interface Props {
  id: string
  subject: Subject | undefined
  /** The earlier reviews this one is linked to as a re-review, by id. */
  relates: string[] | undefined
  onRelates: (relates: string[] | undefined) => void
  onOpenReview: (id: string) => void
}

/** Whether this review is a re-review of the other one (written as `relates:` when ticked). */
function RelatesCheck({ title, checked, onChange }: { title: string; checked: boolean; onChange: (on: boolean) => void }) {
  const checkId = useId()
  return (
    <div className="field-check">
      <input id={checkId} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={checkId}>This review is a re-review of “{title}”</label>
    </div>
  )
}
