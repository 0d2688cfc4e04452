import { useId, useState } from 'react'
import type { PostDate, PreflightProblem, PublishRecord, PublishStatus } from '@shared/publish'
import { Dialog, DialogActions } from '@renderer/components/Dialog'
import { ErrorLine } from '@renderer/components/ErrorLine'
import { RadioGroup, type RadioOption } from '@renderer/components/RadioGroup'
import { TextField } from '@renderer/components/TextField'
import { formatDay } from '@renderer/lib/time'
import { BlogsDialog } from './BlogsDialog'
import { BylineSection } from './BylineSection'
import { BLOG_KIND_DESCRIPTORS } from '@shared/blogKinds'
import { defaultBlogId, initialChoice, zone } from './publishChoice'
import { Outcome, ProblemList } from './PublishOutcome'
import { PublishedList, PublishLogList } from './PublishRecords'
import { STATE_WORDS, stepLabel } from './publishWords'
import { usePreflight } from './usePreflight'
import { usePublishLog } from './usePublishLog'
import { usePublishRun, type Step } from './usePublishRun'
import { useBlogs } from './useBlogs'
import { useByline } from './useByline'
import '../styles/publish.css'

const STATUSES: ReadonlyArray<RadioOption<PublishStatus>> = [
  { value: 'published', label: 'Publish now' },
  { value: 'draft', label: 'Save as draft on the blog' },
  { value: 'scheduled', label: 'Schedule' },
]

/** The dates a post can carry, the review's own in words. */
function dateOptions(reviewDate: string): ReadonlyArray<RadioOption<PostDate>> {
  return [
    { value: 'now', label: 'The day it goes live', hint: 'a post already live keeps its date' },
    { value: 'review', label: `The review’s date, ${formatDay(reviewDate)}` },
  ]
}

interface Props {
  reviewId: string
  title: string
  /** The review's `date` (`YYYY-MM-DD`): the post can be dated with it. */
  date: string
  /** The date the post will carry (kept by the review's view: its "As on" preview shows it too). */
  dated: PostDate
  onDated: (dated: PostDate) => void
  /** Where the review went so far (its front matter's `published`). */
  published: PublishRecord[]
  /**
   * Saves pending edits: pre-flight and publishing read the saved file. Resolves to the review's id
   * after that save, which may have moved its folder after its title.
   */
  prepare: () => Promise<string>
  /** Puts a smaller copy of the image in its place in the text and saves; rejects with a message. */
  downscale: (path: string, limitBytes: number | undefined) => Promise<void>
  onClose: () => void
}

type Managing = { form: 'add' } | { form: 'edit'; blogId: string } | 'list'

/** Publishes the review to one of the library's blogs: the choice, the checks, live progress and the outcome. */
export function PublishDialog({ reviewId, title, date, dated, onDated, published, prepare, downscale, onClose }: Props) {
  const { listed, error: blogsError, reload: reloadBlogs } = useBlogs()
  const [initial] = useState(() => initialChoice(published))
  const [picked, setPicked] = useState<string | null>(null)
  const [status, setStatus] = useState<PublishStatus>(initial.status)
  const [scheduleAt, setScheduleAt] = useState(initial.scheduleAt)
  const [managing, setManaging] = useState<Managing | null>(null)
  const blogId = useId()

  const blogs = listed?.blogs ?? []
  const chosen = blogs.find((blog) => blog.id === picked) ?? blogs.find((blog) => blog.id === defaultBlogId(blogs, published))
  const scheduleIso = status === 'scheduled' && scheduleAt && !Number.isNaN(Date.parse(scheduleAt)) ? new Date(scheduleAt).toISOString() : null
  const { checks, recheck } = usePreflight({ blogId: chosen?.id, status, scheduleIso, prepare })
  const { byline, choice: bylineChoice, choose: chooseByline, saving: savingByline } = useByline({ blog: chosen, prepare, onBlogChanged: reloadBlogs })
  const { log, logError, toggleLog, refreshLog } = usePublishLog(reviewId)
  const { run, steps, progressRef, publish, keep, shrink, downscaling, downscaleError } = usePublishRun({
    reviewId,
    blog: chosen,
    status,
    scheduleIso,
    dated,
    prepare,
    downscale,
    recheck,
    onFinished: refreshLog,
  })
  const running = run.kind === 'running'

  const problemActions = {
    downscaling,
    onDownscale: (image: NonNullable<PreflightProblem['downscale']>) => void shrink(image),
    onOpenBlogs: () => setManaging(chosen ? { form: 'edit', blogId: chosen.id } : 'list'),
  }

  return (
    <>
      <Dialog
        title={`Publish “${title || 'Untitled review'}”`}
        busy={running}
        onClose={onClose}
        onSubmit={() => void publish()}
        actions={
          <DialogActions busy={running} disabled={!chosen} label="Publish" busyLabel="Publishing…" cancelLabel="Close" onCancel={onClose} />
        }
      >
        <div className="dialog-fields publish-form">
          {blogsError && <ErrorLine>The blogs could not be read: {blogsError}</ErrorLine>}
          {listed && blogs.length === 0 && (
            <div className="publish-empty">
              <p>No blog is set up for this library yet. A folder on this computer needs no account: Verdict writes the page, its images, an index and a feed there.</p>
              <button type="button" className="button button-primary" onClick={() => setManaging({ form: 'add' })}>
                Add blog
              </button>
            </div>
          )}
          {chosen && (
            <>
              <div className="field-row">
                <div className="field grow">
                  <label htmlFor={blogId}>Blog</label>
                  <select id={blogId} value={chosen.id} disabled={running} onChange={(event) => setPicked(event.target.value)}>
                    {blogs.map((blog) => (
                      <option key={blog.id} value={blog.id}>
                        {blog.name} ({BLOG_KIND_DESCRIPTORS[blog.kind].label})
                      </option>
                    ))}
                  </select>
                </div>
                <button type="button" className="button" onClick={() => setManaging('list')}>
                  Blogs
                </button>
              </div>

              <RadioGroup legend="When" name="publish-status" className="choice-row" value={status} options={STATUSES} onChange={setStatus} disabled={running} />
              {status === 'scheduled' && (
                <TextField
                  label="Publish at"
                  hint={`In your time zone, ${zone}.`}
                  type="datetime-local"
                  disabled={running}
                  value={scheduleAt}
                  onChange={(event) => setScheduleAt(event.target.value)}
                />
              )}

              {status !== 'scheduled' && (
                <RadioGroup legend="Date on the post" name="publish-date" value={dated} options={dateOptions(date)} onChange={onDated} disabled={running} />
              )}

              <BylineSection blogName={chosen.name} state={byline} choice={bylineChoice} onChoose={(next) => void chooseByline(next)} disabled={running || savingByline} />

              <PublishedList records={published} blogs={blogs} />

              <section className="publish-section" aria-label="Checks">
                <h3 className="panel-heading">Before publishing</h3>
                {checks.kind === 'checking' && <p className="publish-muted">Checking…</p>}
                {checks.kind === 'failed' && <ErrorLine>The check failed: {checks.message}</ErrorLine>}
                {checks.kind === 'done' && checks.problems.length === 0 && <p className="publish-ok">Ready: nothing to fix.</p>}
                {checks.kind === 'done' && checks.problems.length > 0 && <ProblemList label="Problems" problems={checks.problems} {...problemActions} />}
                {downscaleError && <ErrorLine>{downscaleError}</ErrorLine>}
              </section>
            </>
          )}

          <section ref={progressRef} className="publish-progress" tabIndex={-1} aria-label="Publishing">
            {steps.length > 0 && <PublishSteps steps={steps} />}

            <Outcome run={run} onOverwrite={() => void publish(true)} onKeep={keep} onOpenBlogs={(blog) => setManaging({ form: 'edit', blogId: blog.id })} problemActions={problemActions} />
          </section>

          {listed && blogs.length > 0 && (
            <div className="publish-log">
              <button
                type="button"
                className="button button-quiet"
                aria-expanded={log !== null}
                onClick={toggleLog}
              >
                Publish log
              </button>
              {log && <PublishLogList entries={log} blogs={blogs} />}
              {logError && <ErrorLine>The publish log could not be read: {logError}</ErrorLine>}
            </div>
          )}
        </div>
      </Dialog>
      {managing && (
        <BlogsDialog
          {...(managing === 'list' ? {} : { start: managing })}
          onClose={() => setManaging(null)}
          onChanged={() => {
            void reloadBlogs()
            recheck()
          }}
        />
      )}
    </>
  )
}

/** The steps of the publish under way, each with its state. */
function PublishSteps({ steps }: { steps: Step[] }) {
  return (
    <ol className="publish-steps" aria-label="Progress">
      {steps.map((step) => (
        <li key={step.step} aria-label={stepLabel(step.step)} className={`publish-step publish-step-${step.state}`}>
          <span className="publish-step-name">{stepLabel(step.step)}</span>
          <span className="publish-step-state">{STATE_WORDS[step.state]}</span>
          {step.message && <span className="publish-step-message">{step.message}</span>}
        </li>
      ))}
    </ol>
  )
}
