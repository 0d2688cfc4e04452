/**
 * The shape of a critic's archive: what main counts over the library's rows (`archiveStats`) and
 * what the archive export writes, one row per review. Plain data; the renderer draws and labels it.
 */
import type { SubjectKind } from './critic'
import type { ReviewStatus } from './model'

/** Score bands of the distribution: 0–9, 10–19, …, 80–89, and 90–100 (a perfect score in the last). */
export const SCORE_BANDS = 10
/** Creators and tags shown with their average score: the most reviewed, as a chart stays readable. */
export const TOP_NAMES = 20
/** Longest and shortest reviews listed. */
export const EXTREMES = 5

/** How many reviews fall in each score band, every scale taken on 0–100. */
export interface ScoreDistribution {
  /** `all`: every kind together. */
  kind: SubjectKind | 'all'
  /** `SCORE_BANDS` counts, lowest band first. */
  bands: number[]
}

export interface PeriodTally {
  /** `YYYY` or `YYYY-MM`. */
  period: string
  reviews: number
  words: number
}

/** The average score (0–100) of the scored reviews of a creator or a tag. */
export interface AverageScore {
  name: string
  /** Scored reviews the average is over. */
  reviews: number
  average: number
}

export interface ReviewLength {
  id: string
  title: string
  words: number
}

export interface ArchiveStats {
  /** Reviews counted: every readable review of the library. */
  reviews: number
  /** Reviews left out because their file could not be read. */
  unreadable: number
  words: number
  /** Reviews with a score that reads on its scale. */
  scored: number
  /** All kinds first, then each kind that has a scored review. */
  scores: ScoreDistribution[]
  /** Every month from the first review's to the last one's, months without a review included. */
  months: PeriodTally[]
  years: PeriodTally[]
  /** `none`: reviews that say nothing of what they review. */
  kinds: Array<{ kind: SubjectKind | 'none'; reviews: number }>
  statuses: Array<{ status: ReviewStatus; reviews: number }>
  /** The `TOP_NAMES` creators with most scored reviews. */
  creators: AverageScore[]
  tags: AverageScore[]
  longest: ReviewLength[]
  shortest: ReviewLength[]
}

export const ARCHIVE_FORMATS = ['csv', 'json'] as const
export type ArchiveFormat = (typeof ARCHIVE_FORMATS)[number]

/** One review in the archive export. */
export interface ArchiveRow {
  id: string
  title: string
  kind: string
  subject: string
  year: number | null
  creators: string[]
  /** The review's date, `YYYY-MM-DD`. */
  date: string
  /** As written: `9.5/10`, `4/5`, `B+`; empty when unscored. */
  score: string
  /** The score on 0–100; null when unscored. */
  score100: number | null
  status: ReviewStatus
  words: number
  tags: string[]
  /** Addresses the review was published at. */
  published: string[]
}
