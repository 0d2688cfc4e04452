/**
 * The archive's numbers as labelled charts: each bar with the cells of its table row and the
 * library search that lists its reviews (the search language of shared/search.ts), when one can.
 */
import { SCORE_BANDS, type ArchiveStats, type AverageScore, type PeriodTally } from '@shared/archive'
import type { SubjectKind } from '@shared/critic'
import { STATUS_LABELS } from '@renderer/components/StatusBadge'
import { KIND_PLURALS } from '@renderer/library/subjectText'

export interface Bar {
  label: string
  /** The bar's length, in the chart's unit. */
  value: number
  /** The table row's cells after the label, as shown. */
  cells: string[]
  /** The library search listing this bar's reviews; none where the language cannot say it. */
  query?: string
}

export interface Chart {
  title: string
  /** Column headings of the table: the label's, then each cell's. */
  columns: string[]
  bars: Bar[]
  /** `columns`: one upright bar per period or band, in order; `rows`: one named bar per line. */
  layout: 'columns' | 'rows'
  /** The longest a bar can be (100 for averages on 0–100); the longest bar otherwise. */
  max?: number
}

const count = (n: number) => n.toLocaleString('en')
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })

export function monthLabel(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number]
  return MONTH.format(Date.UTC(year, month - 1, 1))
}

/** `by:"…"` and `tag:"…"` take any name without a double quote, which would end the value. */
const named = (field: 'by' | 'tag', name: string) => (name.includes('"') ? undefined : `${field}:"${name}"`)

function bandQuery(band: number, kind: SubjectKind | 'all'): string {
  const step = 100 / SCORE_BANDS
  const low = band * step
  const range = band === SCORE_BANDS - 1 ? `score:>=${low}/100` : `score:>=${low}/100 score:<${low + step}/100`
  return kind === 'all' ? range : `kind:${kind} ${range}`
}

function bandLabel(band: number): string {
  const step = 100 / SCORE_BANDS
  return band === SCORE_BANDS - 1 ? `${band * step}–100` : `${band * step}–${band * step + step - 1}`
}

const perPeriod = (periods: PeriodTally[], measure: 'reviews' | 'words', label: (period: string) => string): Bar[] =>
  periods.map((tally) => ({ label: label(tally.period), value: tally[measure], cells: [count(tally[measure])], query: `date:${tally.period}` }))

const averages = (names: AverageScore[], field: 'by' | 'tag'): Bar[] =>
  names.map(({ name, reviews, average }) => ({ label: name, value: average, cells: [String(average), count(reviews)], query: named(field, name) }))

export function archiveCharts(stats: ArchiveStats): Chart[] {
  const scoreCharts = stats.scores.map(
    ({ kind, bands }): Chart => ({
      title: kind === 'all' ? 'Scores of every review (out of 100)' : `Scores of ${KIND_PLURALS[kind].toLowerCase()} (out of 100)`,
      columns: ['Score', 'Reviews'],
      layout: 'columns',
      bars: bands.map((reviews, band) => ({ label: bandLabel(band), value: reviews, cells: [count(reviews)], query: bandQuery(band, kind) })),
    }),
  )
  const charts: Chart[] = [
    ...scoreCharts,
    { title: 'Reviews per year', columns: ['Year', 'Reviews'], layout: 'columns', bars: perPeriod(stats.years, 'reviews', String) },
    { title: 'Reviews per month', columns: ['Month', 'Reviews'], layout: 'columns', bars: perPeriod(stats.months, 'reviews', monthLabel) },
    { title: 'Words written per month', columns: ['Month', 'Words'], layout: 'columns', bars: perPeriod(stats.months, 'words', monthLabel) },
    {
      title: 'Reviews by kind',
      columns: ['Kind', 'Reviews'],
      layout: 'rows',
      bars: stats.kinds.map(({ kind, reviews }) =>
        kind === 'none' ? { label: 'Nothing named', value: reviews, cells: [count(reviews)] } : { label: KIND_PLURALS[kind], value: reviews, cells: [count(reviews)], query: `kind:${kind}` },
      ),
    },
    {
      title: 'Reviews by status',
      columns: ['Status', 'Reviews'],
      layout: 'rows',
      bars: stats.statuses.map(({ status, reviews }) => ({ label: STATUS_LABELS[status], value: reviews, cells: [count(reviews)], query: `status:${status}` })),
    },
    { title: 'Average score by creator (out of 100)', columns: ['Creator', 'Average score', 'Scored reviews'], layout: 'rows', max: 100, bars: averages(stats.creators, 'by') },
    { title: 'Average score by tag (out of 100)', columns: ['Tag', 'Average score', 'Scored reviews'], layout: 'rows', max: 100, bars: averages(stats.tags, 'tag') },
  ]
  // A chart with nothing to draw (no scores yet, no tags) is left out rather than drawn empty.
  return charts.filter((chart) => chart.bars.some((bar) => bar.value > 0))
}
