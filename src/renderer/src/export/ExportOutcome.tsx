import type { ReactNode } from 'react'
import type { ExportSummary } from '@shared/contract'
import { FoldedWarnings } from '@renderer/components/Warnings'

/** How the export went: what was exported where, with each file's warnings, and what was not and why. */
export function ExportOutcome({ summary, destDir }: { summary: ExportSummary; destDir: string }) {
  const { succeeded, failed, total } = summary
  return (
    <section className="export-summary" aria-label="Export summary">
      <p role="status" className={failed.length ? 'export-outcome export-outcome-partial' : 'export-outcome'}>
        {failed.length === 0
          ? `Exported ${total === 1 ? 'the review' : `all ${total} reviews`} to ${destDir}.`
          : `Exported ${succeeded.length} of ${total}; ${failed.length} could not be exported.`}
      </p>
      {succeeded.length > 0 && (
        <ResultList title="Exported files">
          {succeeded.map((item) => (
            <li key={item.id}>
              <code>{item.path}</code>
              {item.warnings.length > 0 && (
                <FoldedWarnings
                  warnings={item.warnings}
                  summary={
                    <>
                      {item.warnings.length} {item.warnings.length === 1 ? 'warning' : 'warnings'}
                    </>
                  }
                />
              )}
            </li>
          ))}
        </ResultList>
      )}
      {failed.length > 0 && (
        <ResultList title="Not exported" failed>
          {failed.map((item) => (
            <li key={item.id}>
              <strong>{item.id}</strong>
              <span>{item.reason}</span>
            </li>
          ))}
        </ResultList>
      )}
    </section>
  )
}

/** A part of the summary: its heading, and the list named by it. */
function ResultList({ title, failed, children }: { title: string; failed?: boolean; children: ReactNode }) {
  return (
    <>
      <h3 className="panel-heading">{title}</h3>
      <ul className={failed ? 'export-list export-failed' : 'export-list'} aria-label={title}>
        {children}
      </ul>
    </>
  )
}
