import { secretName, signsIn } from '@shared/blogKinds'
import type { BlogView, PublishLogEntry, PublishStatus } from '@shared/publish'

/** "Signed in", or what the critic has to do. */
export function signInState(blog: BlogView): string {
  if (!signsIn(blog.kind)) return 'No sign-in needed'
  return blog.signedIn ? 'Signed in' : `Not signed in — enter the ${secretName(blog.kind)} again`
}

const when = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' })

/** An instant in the critic's own time zone, e.g. "3 Mar 2026, 14:05 CET". */
export function formatWhen(iso: string): string {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? iso : when.format(time)
}

export const STATUS_WORDS: Record<PublishStatus, string> = { published: 'Live', draft: 'Draft on the blog', scheduled: 'Scheduled' }

/** A log step in words: `image:assets/x.png` → "Image assets/x.png". */
export function stepLabel(step: PublishLogEntry['step']): string {
  if (step.startsWith('image:')) return `Image ${step.slice('image:'.length)}`
  return STEP_LABELS[step] ?? step
}

const STEP_LABELS: Record<string, string> = {
  check: 'Checking the blog',
  post: 'The post',
  verify: 'Checking what the blog shows',
  outbox: 'Outbox',
}

export const STATE_WORDS: Record<PublishLogEntry['state'], string> = {
  started: 'in progress…',
  done: 'done',
  skipped: 'skipped',
  failed: 'failed',
  waiting: 'waiting',
}
