import { useCallback, useEffect, useState } from 'react'
import type { BlogView, OutboxJob } from '@shared/publish'
import { api } from '@renderer/api'
import { Dialog, DialogActions } from '@renderer/components/Dialog'
import { ErrorLine } from '@renderer/components/ErrorLine'
import { useAction } from '@renderer/components/useAction'
import { afterNextPaint } from '@renderer/lib/background'
import { formatWhen } from './publishWords'
import '../styles/publish.css'

/** "2 waiting to publish": publishes the outbox holds until their blogs can be reached; nothing when it is empty. */
export function OutboxIndicator({ className }: { className?: string }) {
  const [jobs, setJobs] = useState<OutboxJob[]>([])
  const [open, setOpen] = useState(false)
  const load = useCallback(() => api.listOutbox().then(setJobs, () => undefined), [])

  useEffect(() => {
    // Asked once the screen around it is painted: opening a review shows it in the status bar, and
    // its request (and the render its answer makes) would otherwise come before the text's first frame.
    const cancel = afterNextPaint(() => void load())
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'outbox-changed') void load()
    })
    return () => {
      cancel()
      unsubscribe()
    }
  }, [load])

  if (jobs.length === 0 && !open) return null
  return (
    <>
      {jobs.length > 0 && (
        <button type="button" className={className ? `button outbox-button ${className}` : 'button outbox-button'} onClick={() => setOpen(true)}>
          {jobs.length} waiting to publish
        </button>
      )}
      {open && <OutboxDialog jobs={jobs} onSent={setJobs} onClose={() => setOpen(false)} />}
    </>
  )
}

function OutboxDialog({ jobs, onSent, onClose }: { jobs: OutboxJob[]; onSent: (jobs: OutboxJob[]) => void; onClose: () => void }) {
  const [blogs, setBlogs] = useState<BlogView[]>([])
  const { busy, error, run } = useAction()

  useEffect(() => {
    api.listBlogs().then((listed) => setBlogs(listed.blogs), () => undefined)
  }, [])

  const send = () => run(async () => onSent(await api.sendOutbox()))

  return (
    <Dialog
      title="Waiting to publish"
      description="Publishes that could not reach their blog. Verdict sends them by itself when it can; or try now."
      busy={busy}
      onClose={onClose}
      onSubmit={() => void send()}
      actions={
        <DialogActions busy={busy} disabled={jobs.length === 0} label="Send now" busyLabel="Sending…" cancelLabel="Close" onCancel={onClose} />
      }
    >
      <div className="dialog-fields publish-form">
        {jobs.length === 0 ? (
          <p className="publish-ok" role="status">
            Everything has been sent.
          </p>
        ) : (
          <ul className="publish-records" aria-label="Waiting">
            {jobs.map((job) => {
              const blog = blogs.find((candidate) => candidate.id === job.request.blogId)?.name ?? 'its blog'
              return (
                <li key={job.jobId} aria-label={`“${job.request.id}” to ${blog}`}>
                  <strong>
                    “{job.request.id}” to {blog}
                  </strong>
                  <span>{job.lastError}</span>
                  <span className="publish-muted">
                    Tried {job.attempts} {job.attempts === 1 ? 'time' : 'times'}; next try {formatWhen(job.nextAttemptAt)}.
                  </span>
                </li>
              )
            })}
          </ul>
        )}
        {error && <ErrorLine>{error}</ErrorLine>}
      </div>
    </Dialog>
  )
}
