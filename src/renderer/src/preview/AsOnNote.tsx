import type { PreviewPage } from '@shared/contract'
import { Icon } from '@renderer/components/Icon'

interface Props {
  blogName: string
  /** What the last render said of the blog's look (absent until one is shown). */
  shown: PreviewPage['asOn']
  onRefresh: () => void
}

/** Where the blog's look comes from, whether it is today's, and the one control that fetches it again. */
export function AsOnNote({ blogName, shown, onRefresh }: Props) {
  const day = shown && new Date(shown.fetchedAt).toLocaleDateString(undefined, { dateStyle: 'long' })
  return (
    <p className={shown?.unreachable ? 'preview-problem' : 'preview-note'} role="status">
      {shown?.unreachable && <Icon name="warning" size={16} />}
      <span>
        {!shown
          ? `Fetching one page of ${blogName} for its look…`
          : shown.unreachable
            ? `Shown as on ${shown.blogName} on ${day}; could not reach it now (${shown.unreachable}).`
            : `Shown as on ${shown.blogName}, from its page fetched on ${day}.`}
      </span>
      <button type="button" className="button" onClick={onRefresh}>
        Refresh
      </button>
    </p>
  )
}
