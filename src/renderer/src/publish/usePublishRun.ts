import { useEffect, useRef, useState } from 'react'
import { VerdictError } from '@shared/contract'
import type { BlogView, PostDate, PreflightProblem, PublishLogEntry, PublishRecord, PublishRequest, PublishStatus } from '@shared/publish'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'
import { LAST_BLOG_KEY, zone } from './publishChoice'

export type Run =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'published'; record: PublishRecord; blog: BlogView }
  | { kind: 'blocked'; problems: PreflightProblem[] }
  | { kind: 'queued'; reason: string; blog: BlogView }
  | { kind: 'unauthorized'; message: string; blog: BlogView }
  | { kind: 'conflict'; message: string }
  | { kind: 'failed'; message: string }

export type Step = Pick<PublishLogEntry, 'step' | 'state' | 'message'>

interface Options {
  reviewId: string
  blog: BlogView | undefined
  status: PublishStatus
  scheduleIso: string | null
  /** The date the post carries (written back to the review). */
  dated: PostDate
  /** Saves pending edits (publishing reads the saved file); resolves to the review's id after it. */
  prepare: () => Promise<string>
  /** Puts a smaller copy of the image in its place in the text and saves; rejects with a message. */
  downscale: (path: string, limitBytes: number | undefined) => Promise<void>
  /** The checks must run again (an image was downscaled). */
  recheck: () => void
  /** After each publish, whatever its outcome. */
  onFinished: () => void
}

/** One publish at a time: its live steps, its outcome, and the fixes (downscaling) that let it go ahead. */
export function usePublishRun({ reviewId, blog, status, scheduleIso, dated, prepare, downscale, recheck, onFinished }: Options) {
  const [run, setRun] = useState<Run>({ kind: 'idle' })
  const [steps, setSteps] = useState<Step[]>([])
  const [downscaling, setDownscaling] = useState<string | null>(null)
  const [downscaleError, setDownscaleError] = useState<string | null>(null)
  // The blog of the publish under way: progress events of other publishes (the outbox's) are not shown.
  const tracking = useRef<string | null>(null)
  const progressRef = useRef<HTMLElement>(null)

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'publish-progress' || event.id !== reviewId || event.entry.blogId !== tracking.current) return
        const { step, state, message } = event.entry
        setSteps((old) => (old.some((each) => each.step === step) ? old.map((each) => (each.step === step ? { step, state, message } : each)) : [...old, { step, state, message }]))
      }),
    [reviewId],
  )

  const publish = async (overwrite = false) => {
    if (!blog) return
    // The Publish button is about to be disabled under the focus: the progress, then the outcome, take it.
    progressRef.current?.focus()
    tracking.current = blog.id
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
      blogId: blog.id,
      status,
      ...(scheduleIso ? { schedule: { at: scheduleIso, zone } } : { dated }),
      ...(overwrite ? { overwrite: true } : {}),
    }
    try {
      localStorage.setItem(LAST_BLOG_KEY, blog.id)
      const outcome = await api.publishReview(request)
      if (outcome.kind === 'published') setRun({ kind: 'published', record: outcome.record, blog })
      else if (outcome.kind === 'blocked') setRun({ kind: 'blocked', problems: outcome.problems })
      else setRun({ kind: 'queued', reason: outcome.reason, blog })
    } catch (failure) {
      const message = errorMessage(failure)
      const code = failure instanceof VerdictError ? failure.code : null
      setRun(code === 'UNAUTHORIZED' ? { kind: 'unauthorized', message, blog } : code === 'CONFLICT' ? { kind: 'conflict', message } : { kind: 'failed', message })
    }
    onFinished()
  }

  const shrink = async ({ path, limitBytes }: NonNullable<PreflightProblem['downscale']>) => {
    setDownscaling(path)
    setDownscaleError(null)
    try {
      await downscale(path, limitBytes)
      if (run.kind === 'blocked') setRun({ kind: 'idle' })
      recheck()
    } catch (failure) {
      setDownscaleError(`The image could not be downscaled: ${errorMessage(failure)}`)
    } finally {
      setDownscaling(null)
    }
  }

  return { run, steps, progressRef, publish, keep: () => setRun({ kind: 'idle' }), shrink, downscaling, downscaleError }
}
