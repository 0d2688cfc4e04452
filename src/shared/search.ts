/**
 * The library search's language and words, shared by main (the index) and the renderer (help text):
 *
 * - Words are folded (`Amélie` = `amelie`, `STRASSE` = `strasse`) and cut at anything that is not a
 *   letter, mark or digit; runs of Chinese, Japanese, Thai, Lao, Khmer or Burmese, written without
 *   spaces, are cut into words by `Intl.Segmenter` (the ICU dictionaries).
 * - A query is words (each must appear, prefix and small typos allowed), `"quoted phrases"` (their
 *   words in that order) and filters a critic types: `kind:film year:2025 score:>8 tag:horror
 *   status:draft by:"Len Wiseman"`. `year` is the reviewed work's year (`2020..2025`, `>=2020`).
 *   `score` compares every scale on 0–100: a bare number is out of 10 (`score:>8` is above 80 %),
 *   `4/5`, `85/100` and letter grades (`score:>=B+`) say their own scale. `date` is the review's own
 *   date, a year, a month or a day (`date:2025`, `date:2025-06`, `date:2025-06-04`).
 * - Text that is not a known filter (`12:30`, `https://…`) is searched as words; a known filter with
 *   a value it cannot take is reported in `problems` and left out.
 */
import { checkScore, SCORE_SCALES, scaleBest, SUBJECT_KINDS, type ScoreScale, type ScoreSummary, type SubjectKind } from './critic'
import { REVIEW_STATUSES, type ReviewStatus, type ReviewSummary } from './model'
import { isOneOf } from './oneOf'

/** What the index searches, most telling first (titles weigh most). */
export const SEARCH_FIELDS = ['title', 'subject', 'tags', 'excerpt', 'verdict', 'body'] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]

// ── Words ──────────────────────────────────────────────────────────────────────────────────────

/** Lower case without accents or compatibility forms: what both the index and the query compare. */
const ASCII = /^[ -~\t\n\r]*$/

export function foldText(text: string): string {
  // Plain ASCII, most words of most reviews, has nothing to decompose.
  if (ASCII.test(text)) return text.toLowerCase()
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
}

const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu
/** What WORD_RUN finds in plain ASCII text, and an ASCII word. */
const ASCII_RUN = /[A-Za-z0-9]+/g
const ASCII_WORD = /^[A-Za-z0-9]+$/
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u
let segmenter: Intl.Segmenter | undefined

/** A word of `text` where it stands (`start`..`end`) and as it is compared (`term`). */
export interface WordSpan {
  start: number
  end: number
  term: string
}

/** The words of `text` in order, with their places in the original text (for highlighting). */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = []
  // As searchTerms: plain ASCII the short way (each search hit's sentence is found among its review's words).
  const ascii = ASCII.test(text)
  for (const run of text.matchAll(ascii ? ASCII_RUN : WORD_RUN)) {
    const start = run.index
    const word = run[0]
    if (ascii || ASCII_WORD.test(word)) spans.push({ start, end: start + word.length, term: word.toLowerCase() })
    else if (!UNSPACED.test(word)) spans.push({ start, end: start + word.length, term: foldText(word) })
    else spans.push(...segmentedSpans(word, start))
  }
  return spans
}

/** The words of a run of Chinese, Japanese, Thai… text, cut by the ICU dictionaries. */
function segmentedSpans(run: string, start: number): WordSpan[] {
  const spans: WordSpan[] = []
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' })
  for (const part of segmenter.segment(run)) {
    if (part.isWordLike) spans.push({ start: start + part.index, end: start + part.index + part.segment.length, term: foldText(part.segment) })
  }
  return spans
}

/**
 * The folded words of `text`, as the index stores them. Plain ASCII (a whole text, or one word) takes
 * the short way: a 10,000-review index cuts ten million words, and the Unicode classes cost 3× more.
 */
export function searchTerms(text: string): string[] {
  if (ASCII.test(text)) return text.toLowerCase().match(ASCII_RUN) ?? []
  const terms: string[] = []
  for (const [word] of text.matchAll(WORD_RUN)) {
    if (ASCII_WORD.test(word)) terms.push(word.toLowerCase())
    else if (!UNSPACED.test(word)) terms.push(foldText(word))
    else for (const span of segmentedSpans(word, 0)) terms.push(span.term)
  }
  return terms
}

// ── Queries ────────────────────────────────────────────────────────────────────────────────────

export interface NumberRange {
  /** Inclusive bounds; a strict comparison moves the bound by a hair. */
  min: number
  max: number
}

export type SearchFilter =
  | { field: 'kind'; value: SubjectKind }
  | { field: 'status'; value: ReviewStatus }
  | { field: 'tag'; value: string }
  | { field: 'by'; value: string }
  | { field: 'year'; range: NumberRange }
  | { field: 'score'; range: NumberRange }
  /** The review's date starts with this `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  | { field: 'date'; value: string }

export const FILTER_FIELDS = ['kind', 'status', 'tag', 'by', 'year', 'score', 'date'] as const
export type FilterField = (typeof FILTER_FIELDS)[number]

export interface SearchQuery {
  /** Folded words, each of which must match. */
  terms: string[]
  /** Each phrase as its folded words, which must appear in this order. */
  phrases: string[][]
  filters: SearchFilter[]
  /** Filters that were left out, and why, in the critic's words. */
  problems: string[]
}

/** `field:value`, `field:"two words"`, `"a phrase"`, or a bare word. */
const PART = /(?:([A-Za-z]+):(?:"([^"]*)"?|(\S*)))|"([^"]*)"?|(\S+)/g
/** Scores are compared to four decimals (8/10 and 4/5 are both 80 exactly); a strict bound moves by less. */
const EPSILON = 1e-6
const percent = (value: number, best: number): number => Math.round((value / best) * 1e6) / 1e4

export function parseQuery(input: string): SearchQuery {
  const query: SearchQuery = { terms: [], phrases: [], filters: [], problems: [] }
  for (const part of input.matchAll(PART)) {
    const [whole, name, quotedValue, plainValue, phrase, word] = part
    const field = name?.toLowerCase()
    if (field && isOneOf(FILTER_FIELDS, field)) {
      const value = (quotedValue ?? plainValue ?? '').trim()
      if (value === '') continue // still being typed
      const filter = parseFilter(field, value)
      if (typeof filter === 'string') query.problems.push(filter)
      else query.filters.push(filter)
    } else if (phrase !== undefined) {
      const words = searchTerms(phrase)
      if (words.length > 1) query.phrases.push(words)
      query.terms.push(...words)
    } else {
      query.terms.push(...searchTerms(word ?? whole))
    }
  }
  return query
}

function parseFilter(field: FilterField, value: string): SearchFilter | string {
  const folded = foldText(value)
  switch (field) {
    case 'kind':
      return isOneOf(SUBJECT_KINDS, folded) ? { field, value: folded } : `kind: is one of ${SUBJECT_KINDS.join(', ')}`
    case 'status':
      return isOneOf(REVIEW_STATUSES, folded) ? { field, value: folded } : `status: is one of ${REVIEW_STATUSES.join(', ')}`
    case 'tag':
    case 'by':
      return { field, value: folded }
    case 'year': {
      const range = parseRange(value, (text) => (/^\d{4}$/.test(text) ? Number(text) : undefined), 1)
      return range ? { field, range } : `year: takes a year like 2025, >=2020 or 2020..2025`
    }
    case 'score': {
      const range = parseRange(value, percentOf, 0)
      return range ? { field, range } : `score: takes a score like >8, 4/5, >=85/100 or B+`
    }
    case 'date':
      return /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value) ? { field, value } : `date: takes a year, a month or a day like 2025, 2025-06 or 2025-06-04`
  }
}

/** `8` (out of 10), `4/5`, `85/100`, `B+`: as 0–100. */
function percentOf(text: string): number | undefined {
  const [value = '', scale] = text.split('/')
  if (scale === undefined && /^[A-Fa-f][+-]?$/.test(value)) return percentOfScore(value, 'letter')
  const chosen = scale ?? '10'
  if (!isOneOf(SCORE_SCALES, chosen) || chosen === 'letter' || !/^\d+(\.\d+)?$/.test(value)) return undefined
  const number = Number(value)
  const best = scaleBest(chosen)
  return number <= best ? percent(number, best) : undefined
}

/**
 * `>x`, `>=x`, `<x`, `<=x`, `x..y` or `x`. An exact value matches its whole step (`year:2025`; `score:8`
 * takes 8/10 as 80 exactly); `step` widens bounds for whole-number fields.
 */
function parseRange(text: string, read: (text: string) => number | undefined, step: number): NumberRange | undefined {
  const between = /^(.+?)\.\.(.+)$/.exec(text)
  if (between) {
    const min = read(between[1]!)
    const max = read(between[2]!)
    return min === undefined || max === undefined || min > max ? undefined : { min, max }
  }
  const compared = /^(>=|<=|>|<|=)?(.+)$/.exec(text)
  const value = compared ? read(compared[2]!) : undefined
  if (value === undefined) return undefined
  const strict = step || EPSILON
  switch (compared![1]) {
    case '>':
      return { min: value + strict, max: Infinity }
    case '>=':
      return { min: value, max: Infinity }
    case '<':
      return { min: -Infinity, max: value - strict }
    case '<=':
      return { min: -Infinity, max: value }
    default:
      return { min: value, max: value }
  }
}

// ── Filters on library rows ────────────────────────────────────────────────────────────────────

/** A score as 0–100 across scales (9.5/10 = 95, 4/5 = 80, B+ = 75); undefined when it does not read. */
export function percentOfScore(value: string, scale: ScoreScale): number | undefined {
  const check = checkScore(value, scale)
  return check.ok ? percent(check.value, scaleBest(scale)) : undefined
}

export function scorePercent(score: ScoreSummary | undefined): number | undefined {
  return score ? percentOfScore(score.value, score.scale) : undefined
}

/** The day a review is dated: its `date`, else the day it was created (a review with no date set). */
export function reviewDay(review: Pick<ReviewSummary, 'date' | 'created'>): string {
  return review.date || review.created.slice(0, 10)
}

const inRange = (value: number | undefined, range: NumberRange): boolean =>
  value !== undefined && value >= range.min && value <= range.max

/** Whether a library row passes every filter. */
export function matchesFilters(review: ReviewSummary, filters: readonly SearchFilter[]): boolean {
  return filters.every((filter) => {
    switch (filter.field) {
      case 'kind':
        return review.subject?.kind === filter.value
      case 'status':
        return review.status === filter.value
      case 'tag':
        return review.tags.some((tag) => foldText(tag) === filter.value)
      case 'by':
        return (review.subject?.creators ?? []).some((creator) => foldText(creator).includes(filter.value))
      case 'year':
        return inRange(review.subject?.year, filter.range)
      case 'score':
        return inRange(scorePercent(review.score), filter.range)
      case 'date':
        return reviewDay(review).startsWith(filter.value)
    }
  })
}
