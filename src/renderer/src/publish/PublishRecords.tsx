import { useState } from 'react'
import type { BlogView, PublishLogEntry, PublishRecord } from '@shared/publish'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'
import { formatWhen, STATE_WORDS, STATUS_WORDS, stepLabel } from './publishWords'

function blogName(blogs: BlogView[], id: string): string {
  return blogs.find((blog) => blog.id === id)?.name ?? 'A blog no longer set up'
}

/**
 * A post's address: a link opened in the system browser where the app lets links out (https); the
 * file's path for a folder; the address as text otherwise (plain http on this computer).
 */
export function PostAddress({ url }: { url: string }) {
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

/** Where the review went so far. */
export function PublishedList({ records, blogs }: { records: PublishRecord[]; blogs: BlogView[] }) {
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

/** Every step of every publish of this review, newest first. */
export function PublishLogList({ entries, blogs }: { entries: PublishLogEntry[]; blogs: BlogView[] }) {
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
