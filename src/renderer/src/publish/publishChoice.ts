// What the publish dialog starts from: the blog, whether now, as a draft or scheduled, and when.
import type { BlogView, PublishRecord, PublishStatus } from '@shared/publish'

/** The blog last published to from this computer: the default for a review not yet published. */
export const LAST_BLOG_KEY = 'verdict.lastBlog'

/** The critic's time zone: scheduled times are given in it. */
export const zone = Intl.DateTimeFormat().resolvedOptions().timeZone

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

export function initialChoice(published: PublishRecord[]): { status: PublishStatus; scheduleAt: string } {
  const last = newest(published)
  const at = last?.status === 'scheduled' && last.scheduled ? Date.parse(last.scheduled.at) : NaN
  // A review scheduled for later stays scheduled unless the critic chooses otherwise.
  if (at > Date.now()) return { status: 'scheduled', scheduleAt: toLocalInput(at) }
  return { status: last?.status === 'draft' ? 'draft' : 'published', scheduleAt: defaultScheduleTime() }
}

export function defaultBlogId(blogs: BlogView[], published: PublishRecord[]): string | null {
  const known = published.filter((record) => blogs.some((blog) => blog.id === record.target))
  const last = newest(known)?.target ?? localStorage.getItem(LAST_BLOG_KEY)
  return blogs.some((blog) => blog.id === last) ? last : (blogs[0]?.id ?? null)
}
