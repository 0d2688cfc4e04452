import type { ExportProgress as Progress } from './useExportRun'

/** The export's progress bar, and which review it is at (or that it is done). */
export function ExportProgress({ progress, busy }: { progress: Progress; busy: boolean }) {
  return (
    <div className="export-progress">
      <div
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.completed}
        aria-valuetext={`${progress.completed} of ${progress.total} ${progress.total === 1 ? 'review' : 'reviews'}`}
        className="progress"
      >
        <div className="progress-fill" style={{ width: `${progress.total ? (100 * progress.completed) / progress.total : 0}%` }} />
      </div>
      <p className="export-progress-text">
        {busy
          ? `Exporting ${Math.min(progress.completed + 1, progress.total)} of ${progress.total}${progress.current ? ` — ${progress.current}` : ''}…`
          : `${progress.total} of ${progress.total} done`}
      </p>
    </div>
  )
}
