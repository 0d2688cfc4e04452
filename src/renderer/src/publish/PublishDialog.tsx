import { useEffect, useId, useRef, useState } from 'react'
import { VerdictError } from '@shared/contract'
import type { BlogView, PreflightProblem, PublishLogEntry, PublishRecord, PublishRequest, PublishStatus } from '@shared/publish'
import { api } from '@renderer/api'
import { Dialog } from '@renderer/components/Dialog'
import { RadioGroup, type RadioOption } from '@renderer/components/RadioGroup'
import { TextField } from '@renderer/components/TextField'
import { errorMessage } from '@renderer/lib/errors'
import { BlogsDialog } from './BlogsDialog'
import { BLOG_KIND_DESCRIPTORS } from '@shared/blogKinds'
import { formatWhen, STATE_WORDS, STATUS_WORDS, stepLabel } from './publishWords'
import { useBlogs } from './useBlogs'
import '../styles/publish.css'

/** The blog last published to from this computer: the default for a review not yet published. */
const LAST_BLOG_KEY = 'verdict.lastBlog'

const STATUSES: ReadonlyArray<RadioOption<PublishStatus>> = [
  { value: 'published', label: 'Publish now' },
  { value: 'draft', label: 'Save as draft on the blog' },
  { value: 'scheduled', label: 'Schedule' },
]

interface Props {
  reviewId: string
  title: string
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

type Checks = { kind: 'checking' } | { kind: 'done'; problems: PreflightProblem[] } | { kind: 'failed'; message: string }

type Run =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'published'; record: PublishRecord; blog: BlogView }
  | { kind: 'blocked'; problems: PreflightProblem[] }
  | { kind: 'queued'; reason: string; blog: BlogView }
  | { kind: 'unauthorized'; message: string; blog: BlogView }
  | { kind: 'conflict'; message: string }
  | { kind: 'failed'; message: string }

type Step = Pick<PublishLogEntry, 'step' | 'state' | 'message'>

type Managing = { form: 'add' } | { form: 'edit'; blogId: string } | 'list'

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone

/** The newest record first: the blog this review was last published to. */
function newest(records: PublishRecord[]): PublishRecord | undefined {
  return [...records].sort((a, b) => b.at.localeCompare(a.at))[0]
}

/** `datetime-local` wants the local wall-clock time, minutes only. */
function toLocalInput(time: number): string {
  const date = new Date(time)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** The start of the next hour but one: a time a scheduled post can sensibly start from. */
function defaultScheduleTime(): string {
  const next = new Date()
  next.setHours(next.getHours() + 2, 0, 0, 0)
  return toLocalInput(next.getTime())
}

function initialChoice(published: PublishRecord[]): { status: PublishStatus; scheduleAt: string } {
  const last = newest(published)
  const at = last?.status === 'scheduled' && last.scheduled ? Date.parse(last.scheduled.at) : NaN
  // A review scheduled for later stays scheduled unless the critic chooses otherwise.
  if (at > Date.now()) return { status: 'scheduled', scheduleAt: toLocalInput(at) }
  return { status: last?.status === 'draft' ? 'draft' : 'published', scheduleAt: defaultScheduleTime() }
}

function defaultBlogId(blogs: BlogView[], published: PublishRecord[]): string | null {
  const known = published.filter((record) => blogs.some((blog) => blog.id === record.target))
  const last = newest(known)?.target ?? localStorage.getItem(LAST_BLOG_KEY)
  return blogs.some((blog) => blog.id === last) ? last : (blogs[0]?.id ?? null)
}

/** Publishes the review to one of the library's blogs: the choice, the checks, live progress and the outcome. */
export function PublishDialog({ reviewId, title, published, prepare, downscale, onClose }: Props) {
  const { listed, error: blogsError, reload: reloadBlogs } = useBlogs()
  const [initial] = useState(() => initialChoice(published))
  const [picked, setPicked] = useState<string | null>(null)
  const [status, setStatus] = useState<PublishStatus>(initial.status)
  const [scheduleAt, setScheduleAt] = useState(initial.scheduleAt)
  const [checks, setChecks] = useState<Checks>({ kind: 'checking' })
  // Bumped to check again after something the request does not show changed (a blog, an image).
  const [checkRound, setCheckRound] = useState(0)
  const [run, setRun] = useState<Run>({ kind: 'idle' })
  const [steps, setSteps] = useState<Step[]>([])
  const [managing, setManaging] = useState<Managing | null>(null)
  const [downscaling, setDownscaling] = useState<string | null>(null)
  const [downscaleError, setDownscaleError] = useState<string | null>(null)
  const [log, setLog] = useState<PublishLogEntry[] | null>(null)
  const [logError, setLogError] = useState<string | null>(null)
  // The blog of the publish under way: progress events of other publishes (the outbox's) are not shown.
  const tracking = useRef<string | null>(null)
  const progressRef = useRef<HTMLElement>(null)
  const blogId = useId()

  const blogs = listed?.blogs ?? []
  const chosen = blogs.find((blog) => blog.id === picked) ?? blogs.find((blog) => blog.id === defaultBlogId(blogs, published))
  const scheduleIso = status === 'scheduled' && scheduleAt && !Number.isNaN(Date.parse(scheduleAt)) ? new Date(scheduleAt).toISOString() : null
  const chosenId = chosen?.id
  const running = run.kind === 'running'

  useEffect(() => {
    if (!chosenId) return
    let current = true
    // A typed time settles before the blog is asked.
    const timer = setTimeout(
      () => {
        setChecks({ kind: 'checking' })
        prepare()
          .then((id) => api.preflightPublish({ id, blogId: chosenId, status, ...(scheduleIso ? { schedule: { at: scheduleIso, zone } } : {}) }))
          .then(
            (problems) => current && setChecks({ kind: 'done', problems }),
            (failure: unknown) => current && setChecks({ kind: 'failed', message: errorMessage(failure) }),
          )
      },
      status === 'scheduled' ? 400 : 0,
    )
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [chosenId, status, scheduleIso, prepare, checkRound])

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'publish-progress' || event.id !== reviewId || event.entry.blogId !== tracking.current) return
        const { step, state, message } = event.entry
        setSteps((old) => (old.some((each) => each.step === step) ? old.map((each) => (each.step === step ? { step, state, message } : each)) : [...old, { step, state, message }]))
      }),
    [reviewId],
  )

  const loadLog = () =>
    api.readPublishLog({ id: reviewId }).then(
      (entries) => {
        setLog([...entries].reverse())
        setLogError(null)
      },
      (failure: unknown) => setLogError(errorMessage(failure)),
    )

  const publish = async (overwrite = false) => {
    if (!chosen) return
    // The Publish button is about to be disabled under the focus: the progress, then the outcome, take it.
    progressRef.current?.focus()
    tracking.current = chosen.id
    setSteps([])
    setRun({ kind: 'running' })
    let id: string
    try {
      id = await prepare()
    } catch (failure) {
      setRun({ kind: 'failed', message: `The review could not be saved, so nothing was published: ${errorMessage(failure)}` })
      return
    }
    const request: PublishRequest = {
      id,
      blogId: chosen.id,
      status,
      ...(scheduleIso ? { schedule: { at: scheduleIso, zone } } : {}),
      ...(overwrite ? { overwrite: true } : {}),
    }
    try {
      localStorage.setItem(LAST_BLOG_KEY, chosen.id)
      const outcome = await api.publishReview(request)
      if (outcome.kind === 'published') setRun({ kind: 'published', record: outcome.record, blog: chosen })
      else if (outcome.kind === 'blocked') setRun({ kind: 'blocked', problems: outcome.problems })
      else setRun({ kind: 'queued', reason: outcome.reason, blog: chosen })
    } catch (failure) {
      const message = errorMessage(failure)
      const code = failure instanceof VerdictError ? failure.code : null
      setRun(code === 'UNAUTHORIZED' ? { kind: 'unauthorized', message, blog: chosen } : code === 'CONFLICT' ? { kind: 'conflict', message } : { kind: 'failed', message })
    }
    if (log) void loadLog()
  }

  const shrink = async ({ path, limitBytes }: NonNullable<PreflightProblem['downscale']>) => {
    setDownscaling(path)
    setDownscaleError(null)
    try {
      await downscale(path, limitBytes)
      if (run.kind === 'blocked') setRun({ kind: 'idle' })
      setCheckRound((n) => n + 1)
    } catch (failure) {
      setDownscaleError(`The image could not be downscaled: ${errorMessage(failure)}`)
    } finally {
      setDownscaling(null)
    }
  }

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
          <>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <button type="submit" className="button button-primary" disabled={running || !chosen}>
              {running ? 'Publishing…' : 'Publish'}
            </button>
          </>
        }
      >
        <div className="publish-form">
          {blogsError && (
            <p className="field-error" role="alert">
              The blogs could not be read: {blogsError}
            </p>
          )}
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

              <PublishedList records={published} blogs={blogs} />

              <section className="publish-section" aria-label="Checks">
                <h3 className="panel-heading">Before publishing</h3>
                {checks.kind === 'checking' && <p className="publish-muted">Checking…</p>}
                {checks.kind === 'failed' && (
                  <p className="field-error" role="alert">
                    The check failed: {checks.message}
                  </p>
                )}
                {checks.kind === 'done' && checks.problems.length === 0 && <p className="publish-ok">Ready: nothing to fix.</p>}
                {checks.kind === 'done' && checks.problems.length > 0 && <ProblemList label="Problems" problems={checks.problems} {...problemActions} />}
                {downscaleError && (
                  <p className="field-error" role="alert">
                    {downscaleError}
                  </p>
                )}
              </section>
            </>
          )}

          <section ref={progressRef} className="publish-progress" tabIndex={-1} aria-label="Publishing">
          {steps.length > 0 && (
            <ol className="publish-steps" aria-label="Progress">
              {steps.map((step) => (
                <li key={step.step} aria-label={stepLabel(step.step)} className={`publish-step publish-step-${step.state}`}>
                  <span className="publish-step-name">{stepLabel(step.step)}</span>
                  <span className="publish-step-state">{STATE_WORDS[step.state]}</span>
                  {step.message && <span className="publish-step-message">{step.message}</span>}
                </li>
              ))}
            </ol>
          )}

          <Outcome run={run} onOverwrite={() => void publish(true)} onKeep={() => setRun({ kind: 'idle' })} onOpenBlogs={(blog) => setManaging({ form: 'edit', blogId: blog.id })} problemActions={problemActions} />
          </section>

          {listed && blogs.length > 0 && (
            <div className="publish-log">
              <button
                type="button"
                className="button button-quiet"
                aria-expanded={log !== null}
                onClick={() => (log ? setLog(null) : void loadLog())}
              >
                Publish log
              </button>
              {log && <PublishLogList entries={log} blogs={blogs} />}
              {logError && (
                <p className="field-error" role="alert">
                  The publish log could not be read: {logError}
                </p>
              )}
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
            setCheckRound((n) => n + 1)
          }}
        />
      )}
    </>
  )
}

function blogName(blogs: BlogView[], id: string): string {
  return blogs.find((blog) => blog.id === id)?.name ?? 'A blog no longer set up'
}

/**
 * A post's address: a link opened in the system browser where the app lets links out (https); the
 * file's path for a folder; the address as text otherwise (plain http on this computer).
 */
function PostAddress({ url }: { url: string }) {
  const [failure, setFailure] = useState<string | null>(null)
  if (url.startsWith('file:')) return <code className="publish-address">{decodeURIComponent(new URL(url).pathname)}</code>
  if (!url.startsWith('https:')) return <code className="publish-address">{url}</code>
  return (
    <span className="publish-address">
      <a
        href={url}
        onClick={(event) => {
          event.preventDefault()
          api.openExternal({ url }).then(
            () => setFailure(null),
            (error: unknown) => setFailure(errorMessage(error)),
          )
        }}
      >
        {url}
      </a>
      {failure && <span className="field-error"> The link was not opened: {failure}</span>}
    </span>
  )
}

function PublishedList({ records, blogs }: { records: PublishRecord[]; blogs: BlogView[] }) {
  if (records.length === 0) return null
  return (
    <section className="publish-section" aria-label="Already published">
      <h3 className="panel-heading">Already published</h3>
      <ul className="publish-records">
        {records.map((record) => (
          <li key={record.target} aria-label={blogName(blogs, record.target)}>
            <strong>{blogName(blogs, record.target)}</strong>
            <span>
              {!record.at
                ? 'Not finished: publishing again completes it.'
                : record.status === 'scheduled' && record.scheduled
                  ? `${STATUS_WORDS.scheduled} for ${formatWhen(record.scheduled.at)}`
                  : `${STATUS_WORDS[record.status]} · ${formatWhen(record.at)}`}
            </span>
            {record.url && <PostAddress url={record.url} />}
          </li>
        ))}
      </ul>
    </section>
  )
}

interface ProblemActions {
  downscaling: string | null
  onDownscale: (image: NonNullable<PreflightProblem['downscale']>) => void
  onOpenBlogs: () => void
}

function ProblemList({ label, problems, downscaling, onDownscale, onOpenBlogs }: { label: string; problems: PreflightProblem[] } & ProblemActions) {
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

function Outcome({
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

function PublishLogList({ entries, blogs }: { entries: PublishLogEntry[]; blogs: BlogView[] }) {
  if (entries.length === 0) return <p className="publish-muted">Nothing has been published from this review yet.</p>
  return (
    <ol className="publish-steps publish-log-list" aria-label="Publish log">
      {entries.map((entry, index) => (
        <li key={index} className={`publish-step publish-step-${entry.state}`}>
          <span className="publish-step-name">
            {formatWhen(entry.at)} · {blogName(blogs, entry.blogId)} · {stepLabel(entry.step)}
          </span>
          <span className="publish-step-state">{STATE_WORDS[entry.state]}</span>
          {entry.message && <span className="publish-step-message">{entry.message}</span>}
        </li>
      ))}
    </ol>
  )
}
