import { useMemo } from 'react'
import type { ArchiveStats, ReviewLength } from '@shared/archive'
import { TableHead } from '@renderer/components/TableHead'
import { ArchiveExport } from './ArchiveExport'
import { archiveCharts } from './archiveCharts'
import { BarChart } from './BarChart'
import { useArchive } from './useArchive'

interface Props {
  /** The library's listing: the archive is counted again when it changes. */
  listingVersion: unknown
  /** A bar was chosen: the library lists its reviews with this search. */
  onFilter: (query: string) => void
  onOpen: (id: string) => void
}

/** The shape of the critic's work: scores, reviews and words over time, by kind, status, creator and tag. */
export function ArchiveView({ listingVersion, onFilter, onOpen }: Props) {
  const archive = useArchive(listingVersion)
  if (archive.kind === 'loading') return <p className="archive-note">Counting the archive…</p>
  if (archive.kind === 'failed') return <p role="alert">The archive could not be counted: {archive.message}</p>
  return <ArchiveCharts stats={archive.stats} onFilter={onFilter} onOpen={onOpen} />
}

function ArchiveCharts({ stats, onFilter, onOpen }: { stats: ArchiveStats } & Pick<Props, 'onFilter' | 'onOpen'>) {
  const charts = useMemo(() => archiveCharts(stats), [stats])
  const n = (count: number) => count.toLocaleString('en')
  return (
    <section className="archive" aria-label="Archive">
      <p className="archive-note">
        {n(stats.reviews)} {stats.reviews === 1 ? 'review' : 'reviews'}, {n(stats.words)} words, {n(stats.scored)} scored. Choose a bar to list its reviews.
        {stats.unreadable > 0 && ` ${n(stats.unreadable)} unreadable ${stats.unreadable === 1 ? 'file is' : 'files are'} left out.`}
      </p>
      <ArchiveExport />
      {charts.map((chart) => (
        <BarChart key={chart.title} chart={chart} onFilter={onFilter} />
      ))}
      {stats.reviews > 0 && (
        <div className="archive-lengths">
          <LengthTable title="Longest reviews" reviews={stats.longest} onOpen={onOpen} />
          {stats.shortest.length > 0 && <LengthTable title="Shortest reviews" reviews={stats.shortest} onOpen={onOpen} />}
        </div>
      )}
    </section>
  )
}

function LengthTable({ title, reviews, onOpen }: { title: string; reviews: ReviewLength[]; onOpen: (id: string) => void }) {
  return (
    <table className="archive-table">
      <caption>{title}</caption>
      <TableHead columns={['Review', 'Words']} />
      <tbody>
        {reviews.map((review) => (
          <tr key={review.id}>
            <th scope="row">
              <button type="button" className="link-button" onClick={() => onOpen(review.id)}>
                {review.title || 'Untitled review'}
              </button>
            </th>
            <td>{review.words.toLocaleString('en')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
