/** What the library shows of a review's subject and score: labels, card lines, and the score order. */
import { CREATOR_ROLE, checkScore, formatScore, scaleBest, type ScoreSummary, type Subject, type SubjectKind } from '@shared/critic'

export const KIND_LABELS: Record<SubjectKind, string> = {
  film: 'Film',
  series: 'Series',
  season: 'Season',
  episode: 'Episode',
  book: 'Book',
  game: 'Game',
  album: 'Album',
  show: 'Show',
  other: 'Other',
}

/** For the kind filter: "Films", "Books"… */
export const KIND_PLURALS: Record<SubjectKind, string> = {
  film: 'Films',
  series: 'Series',
  season: 'Seasons',
  episode: 'Episodes',
  book: 'Books',
  game: 'Games',
  album: 'Albums',
  show: 'Shows',
  other: 'Other',
}

/** "Ballerina (2025) · Director: Len Wiseman" */
export function subjectLine(subject: Subject): string {
  const name = [subject.title, subject.year ? `(${subject.year})` : ''].filter(Boolean).join(' ')
  const creators = subject.creators.length > 0 ? `${CREATOR_ROLE[subject.kind]}: ${subject.creators.slice(0, 3).join(', ')}` : ''
  return [name, creators].filter(Boolean).join(' · ')
}

/** "9.5/10", or the value as written when it does not read on its scale. */
export function scoreText(score: ScoreSummary): string {
  return checkScore(score.value, score.scale).ok ? formatScore(score.value, score.scale) : score.value
}

/** 0–1 across scales (9.5/10 = 0.95, B+ = 9/12); null for no score or one that does not read. */
export function scoreRank(score: ScoreSummary | undefined): number | null {
  if (!score) return null
  const check = checkScore(score.value, score.scale)
  return check.ok ? check.value / scaleBest(score.scale) : null
}
