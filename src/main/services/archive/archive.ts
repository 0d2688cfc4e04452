/**
 * The critic's archive, counted from the library's rows (the library index, indexStore.ts): no
 * review file is read here. Scores of every scale are compared on 0–100 (`scorePercent`), dates are
 * the review's own (`reviewDay`). The export writes one row per review as CSV or JSON.
 */
import Papa from 'papaparse'
import { formatScore, SUBJECT_KINDS, type ScoreSummary, type SubjectKind } from '../../../shared/critic'
import {
  EXTREMES,
  SCORE_BANDS,
  TOP_NAMES,
  type ArchiveFormat,
  type ArchiveRow,
  type ArchiveStats,
  type AverageScore,
  type PeriodTally,
  type ReviewLength,
} from '../../../shared/archive'
import { REVIEW_STATUSES, type ReviewSummary } from '../../../shared/model'
import { foldText, reviewDay, scorePercent } from '../../../shared/search'
import { describeIoError } from '../errors'
import { freeName } from '../export/batch'
import { writeFileAtomic } from '../fs/atomicWrite'

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export function archiveStats(rows: readonly ReviewSummary[]): ArchiveStats {
  const readable = rows.filter((row) => row.problem === undefined)
  const bands = new Map<SubjectKind | 'all', number[]>([['all', new Array<number>(SCORE_BANDS).fill(0)]])
  const months = new Map<string, PeriodTally>()
  const kinds = new Map<SubjectKind | 'none', number>()
  const statuses = new Map(REVIEW_STATUSES.map((status) => [status, 0]))
  const creators = new Averages()
  const tags = new Averages()
  const percents = new ScorePercents()
  let words = 0
  let scored = 0
  for (const row of readable) {
    words += row.wordCount
    const kind = row.subject?.kind ?? 'none'
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
    statuses.set(row.status, (statuses.get(row.status) ?? 0) + 1)
    const month = reviewDay(row).slice(0, 7)
    if (MONTH.test(month)) {
      const tally = months.get(month) ?? { period: month, reviews: 0, words: 0 }
      tally.reviews++
      tally.words += row.wordCount
      months.set(month, tally)
    }
    const percent = row.score && percents.of(row.score)
    if (percent === undefined) continue
    scored++
    const band = Math.min(SCORE_BANDS - 1, Math.floor(percent / (100 / SCORE_BANDS)))
    bands.get('all')![band]!++
    if (kind !== 'none') {
      if (!bands.has(kind)) bands.set(kind, new Array<number>(SCORE_BANDS).fill(0))
      bands.get(kind)![band]!++
    }
    for (const creator of new Set(row.subject?.creators ?? [])) creators.add(creator, percent)
    for (const tag of new Set(row.tags)) tags.add(tag, percent)
  }
  const filledMonths = everyMonth([...months.keys()]).map((month) => months.get(month) ?? { period: month, reviews: 0, words: 0 })
  return {
    reviews: readable.length,
    unreadable: rows.length - readable.length,
    words,
    scored,
    scores: [...bands].sort(([a], [b]) => kindOrder(a) - kindOrder(b)).map(([kind, counts]) => ({ kind, bands: counts })),
    months: filledMonths,
    years: byYear(filledMonths),
    kinds: [...kinds].sort(([a], [b]) => kindOrder(a) - kindOrder(b)).map(([kind, reviews]) => ({ kind, reviews })),
    statuses: [...statuses].map(([status, reviews]) => ({ status, reviews })),
    creators: creators.top(TOP_NAMES),
    tags: tags.top(TOP_NAMES),
    ...extremes(readable),
  }
}

/** Kinds in the order the app lists them; `all` first and `none` last. */
function kindOrder(kind: SubjectKind | 'all' | 'none'): number {
  return kind === 'all' ? -1 : kind === 'none' ? SUBJECT_KINDS.length : SUBJECT_KINDS.indexOf(kind)
}

/** `scorePercent` once per distinct score: a library holds a few dozen, over thousands of reviews. */
class ScorePercents {
  private readonly known = new Map<string, number | undefined>()

  of(score: ScoreSummary): number | undefined {
    const key = `${score.scale} ${score.value}`
    if (!this.known.has(key)) this.known.set(key, scorePercent(score))
    return this.known.get(key)
  }
}

/** Sums and counts per name; names that differ only in case or accents are one (the first spelling met). */
class Averages {
  private readonly totals = new Map<string, { name: string; sum: number; reviews: number }>()

  add(name: string, percent: number): void {
    const key = foldText(name.trim())
    if (!key) return
    const total = this.totals.get(key) ?? { name: name.trim(), sum: 0, reviews: 0 }
    total.sum += percent
    total.reviews++
    this.totals.set(key, total)
  }

  /** The `count` names with most reviews (then by name), each with its average to one decimal. */
  top(count: number): AverageScore[] {
    return [...this.totals.values()]
      .sort((a, b) => b.reviews - a.reviews || a.name.localeCompare(b.name))
      .slice(0, count)
      .map(({ name, sum, reviews }) => ({ name, reviews, average: Math.round((sum / reviews) * 10) / 10 }))
  }
}

/** Every `YYYY-MM` from the earliest to the latest of `months`, in order. */
function everyMonth(months: string[]): string[] {
  if (months.length === 0) return []
  const sorted = months.sort()
  const [firstYear, firstMonth] = sorted[0]!.split('-').map(Number) as [number, number]
  const last = sorted.at(-1)!
  const all: string[] = []
  for (let index = firstYear * 12 + firstMonth - 1; ; index++) {
    const month = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
    all.push(month)
    if (month === last) return all
  }
}

function byYear(months: readonly PeriodTally[]): PeriodTally[] {
  const years = new Map<string, PeriodTally>()
  for (const { period, reviews, words } of months) {
    const year = period.slice(0, 4)
    const tally = years.get(year) ?? { period: year, reviews: 0, words: 0 }
    tally.reviews += reviews
    tally.words += words
    years.set(year, tally)
  }
  return [...years.values()]
}

function extremes(rows: readonly ReviewSummary[]): { longest: ReviewLength[]; shortest: ReviewLength[] } {
  const lengths = rows.map((row): ReviewLength => ({ id: row.id, title: row.title, words: row.wordCount }))
  lengths.sort((a, b) => b.words - a.words || a.title.localeCompare(b.title))
  const longest = lengths.slice(0, EXTREMES)
  // A review is listed once: in a small library the shortest are those not already the longest.
  const shortest = lengths.slice(Math.max(longest.length, lengths.length - EXTREMES)).reverse()
  return { longest, shortest }
}

// ── The export ─────────────────────────────────────────────────────────────────────────────────

/** One row per readable review, newest first. */
export function archiveRows(rows: readonly ReviewSummary[]): ArchiveRow[] {
  return rows
    .filter((row) => row.problem === undefined)
    .map((row): ArchiveRow => {
      const percent = scorePercent(row.score)
      return {
        id: row.id,
        title: row.title,
        kind: row.subject?.kind ?? '',
        subject: row.subject?.title ?? '',
        year: row.subject?.year ?? null,
        creators: row.subject?.creators ?? [],
        date: reviewDay(row),
        score: row.score ? formatScore(row.score.value, row.score.scale) : '',
        score100: percent ?? null,
        status: row.status,
        words: row.wordCount,
        tags: row.tags,
        published: (row.published ?? []).map((record) => record.url).filter(Boolean),
      }
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title))
}

/** The CSV's columns, in order (its header row names them as the JSON's keys). */
export const ARCHIVE_COLUMNS: Array<keyof ArchiveRow> = ['id', 'title', 'kind', 'subject', 'year', 'creators', 'date', 'score', 'score100', 'status', 'words', 'tags', 'published']

/** Lists in one CSV cell: joined by this, which names and addresses rarely hold. */
const LIST_SEPARATOR = '; '

export function serializeArchive(rows: readonly ArchiveRow[], format: ArchiveFormat): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`
  const flat = rows.map((row) => ({
    ...row,
    year: row.year ?? '',
    score100: row.score100 ?? '',
    creators: row.creators.join(LIST_SEPARATOR),
    tags: row.tags.join(LIST_SEPARATOR),
    published: row.published.join(' '),
  }))
  // A title starting with = + - or @ would run as a formula in a spreadsheet: papaparse quotes it with a leading '.
  return Papa.unparse(flat, { columns: ARCHIVE_COLUMNS, escapeFormulae: true, newline: '\r\n' })
}

/**
 * Writes the archive of these rows into `destDir` as `verdict-archive-<day>.<format>` (suffixed,
 * never over an existing file), atomically; returns the file's path and how many reviews it holds.
 */
export async function exportArchive(
  rows: readonly ReviewSummary[],
  format: ArchiveFormat,
  destDir: string,
  today = new Date().toISOString().slice(0, 10),
): Promise<{ path: string; reviews: number }> {
  const archive = archiveRows(rows)
  const path = await freeName(destDir, `verdict-archive-${today}`, `.${format}`, new Set())
  try {
    await writeFileAtomic(path, serializeArchive(archive, format))
  } catch (error) {
    throw describeIoError(error, `write the archive to “${destDir}”`)
  }
  return { path, reviews: archive.length }
}
