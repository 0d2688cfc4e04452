import type { ReactNode } from 'react'
import { Icon } from '@renderer/components/Icon'

/** A review screen without an editor: loading, failed to open, or a file shown read-only. */
export function ReadOnlyReview({
  title,
  badge,
  onClose,
  children,
}: {
  title: string
  badge?: string
  onClose: () => void
  children: ReactNode
}) {
  return (
    <div className="screen review-screen">
      <header className="topbar">
        <button type="button" className="button button-quiet" onClick={onClose}>
          <Icon name="back" /> Library
        </button>
        <h1 className="topbar-title" title={title || undefined}>
          {title}
        </h1>
        {badge && <span className="badge badge-problem">{badge}</span>}
      </header>
      <main className="read-only">{children}</main>
    </div>
  )
}
