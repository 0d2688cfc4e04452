import type { BlogKind, BlogView, PublishLogEntry, PublishStatus } from '@shared/publish'

export const KIND_LABELS: Record<BlogKind, string> = { folder: 'Folder', wordpress: 'WordPress', ghost: 'Ghost', micropub: 'Micropub' }

export const KIND_HINTS: Record<BlogKind, string> = {
  folder: 'Publish to a folder on this computer (GitHub Pages, Netlify…)',
  wordpress: 'A WordPress site, signed in with an application password',
  ghost: 'A Ghost site, signed in with an Admin API key',
  micropub: 'Any Micropub site (IndieWeb), signed in with an access token',
}

/** What the blog's secret is called, as a field label. */
export const SECRET_LABELS: Record<Exclude<BlogKind, 'folder'>, string> = {
  wordpress: 'Application password',
  ghost: 'Admin API key',
  micropub: 'Access token',
}

const SECRET_NAMES: Record<Exclude<BlogKind, 'folder'>, string> = {
  wordpress: 'application password',
  ghost: 'Admin API key',
  micropub: 'access token',
}

/** The secret in a sentence: "enter the application password again". */
export function secretName(kind: Exclude<BlogKind, 'folder'>): string {
  return SECRET_NAMES[kind]
}

/** "Signed in", or what the critic has to do. */
export function signInState(blog: BlogView): string {
  if (blog.kind === 'folder') return 'No sign-in needed'
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
