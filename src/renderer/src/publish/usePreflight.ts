import { useEffect, useState } from 'react'
import type { PreflightProblem, PublishStatus } from '@shared/publish'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'
import { zone } from './publishChoice'

type Checks = { kind: 'checking' } | { kind: 'done'; problems: PreflightProblem[] } | { kind: 'failed'; message: string }

interface Options {
  blogId: string | undefined
  status: PublishStatus
  scheduleIso: string | null
  /** Saves pending edits (the checks read the saved file); resolves to the review's id after it. */
  prepare: () => Promise<string>
}

/** The checks before publishing, run again whenever the choice changes or `recheck` is called. */
export function usePreflight({ blogId, status, scheduleIso, prepare }: Options) {
  const [checks, setChecks] = useState<Checks>({ kind: 'checking' })
  // Bumped to check again after something the request does not show changed (a blog, an image).
  const [checkRound, setCheckRound] = useState(0)

  useEffect(() => {
    if (!blogId) return
    let current = true
    // A typed time settles before the blog is asked.
    const timer = setTimeout(
      () => {
        setChecks({ kind: 'checking' })
        prepare()
          .then((id) => api.preflightPublish({ id, blogId, status, ...(scheduleIso ? { schedule: { at: scheduleIso, zone } } : {}) }))
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
  }, [blogId, status, scheduleIso, prepare, checkRound])

  return { checks, recheck: () => setCheckRound((n) => n + 1) }
}
