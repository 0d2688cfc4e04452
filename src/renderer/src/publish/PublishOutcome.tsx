import type { BlogView, PreflightProblem } from '@shared/publish'
import { PostAddress } from './PublishRecords'
import { formatWhen } from './publishWords'
import type { Run } from './usePublishRun'

export interface ProblemActions {
  downscaling: string | null
  onDownscale: (image: NonNullable<PreflightProblem['downscale']>) => void
  onOpenBlogs: () => void
}

/** Problems found before publishing, with the fixes the dialog can make itself. */
export function ProblemList({ label, problems, downscaling, onDownscale, onOpenBlogs }: { label: string; problems: PreflightProblem[] } & ProblemActions) {
  return (
    <ul className="publish-problems" aria-label={label}>
      {problems.map((problem, index) => {
        const oversized = problem.downscale
        return (
          <li key={`${problem.subject}-${index}`}>
            <strong>{problem.message}</strong>
            <span>{problem.fix}</span>
            {oversized && (
              <button type="button" className="button" disabled={downscaling !== null} onClick={() => onDownscale(oversized)}>
                {downscaling === oversized.path ? 'Downscaling…' : 'Downscale'}
              </button>
            )}
            {problem.subject === 'credentials' && (
              <button type="button" className="button" onClick={onOpenBlogs}>
                Open Blogs
              </button>
            )}
          </li>
        )
      })}
    </ul>
  )
}

/** How the last publish ended. */
export function Outcome({
  run,
  onOverwrite,
  onKeep,
  onOpenBlogs,
  problemActions,
}: {
  run: Run
  onOverwrite: () => void
  onKeep: () => void
  onOpenBlogs: (blog: BlogView) => void
  problemActions: ProblemActions
}) {
  switch (run.kind) {
    case 'idle':
    case 'running':
      return null
    case 'published': {
      const { record, blog } = run
      return (
        <div className="publish-outcome publish-outcome-done" role="status">
          <strong>
            {record.status === 'draft'
              ? `Saved as a draft on ${blog.name}.`
              : record.status === 'scheduled' && record.scheduled
                ? `Scheduled on ${blog.name} for ${formatWhen(record.scheduled.at)}.`
                : `Published on ${blog.name}.`}
          </strong>
          {record.url && <PostAddress url={record.url} />}
        </div>
      )
    }
    case 'blocked':
      return (
        <div className="publish-outcome publish-outcome-problem" role="status">
          <strong>Not published: fix these first.</strong>
          <ProblemList label="What stopped publishing" problems={run.problems} {...problemActions} />
        </div>
      )
    case 'queued':
      return (
        <div className="publish-outcome" role="status">
          <strong>Waiting in the outbox: will be sent when {run.blog.name} can be reached.</strong>
          <span>{run.reason}</span>
        </div>
      )
    case 'unauthorized':
      return (
        <div className="publish-outcome publish-outcome-problem" role="alert">
          <strong>{run.message}</strong>
          <button type="button" className="button" onClick={() => onOpenBlogs(run.blog)}>
            Enter the sign-in details again
          </button>
        </div>
      )
    case 'conflict':
      return (
        <div className="publish-outcome publish-outcome-problem" role="alert">
          <strong>{run.message}</strong>
          <span>Overwrite the blog’s version?</span>
          <div className="notice-actions">
            <button type="button" className="button button-primary" onClick={onOverwrite}>
              Overwrite
            </button>
            <button type="button" className="button" onClick={onKeep}>
              Keep the blog’s version
            </button>
          </div>
        </div>
      )
    case 'failed':
      return (
        <p className="publish-outcome publish-outcome-problem" role="alert">
          {run.message}
        </p>
      )
  }
}
