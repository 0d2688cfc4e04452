import { useState } from 'react'
import type { ReviewConflict, ReviewSummary } from '@shared/model'
import { Icon } from '@renderer/components/Icon'
import { conflictSource, otherVersion, ResolveConflictDialog } from '@renderer/conflicts/ResolveConflictDialog'

interface Props {
  id: string
  title: string
  conflict: ReviewConflict
  /** Writes the editor's pending edits first, so this machine's version is the one on screen; rejects when they could not be saved. */
  prepare: () => Promise<void>
  onResolved: (review: ReviewSummary) => void
}

/** The open review has another version (another machine's, git's): said above the text, resolved in the library's Resolve conflict dialog. */
export function ReviewConflictNotice({ id, title, conflict, prepare, onResolved }: Props) {
  const [resolving, setResolving] = useState(false)
  const [busy, setBusy] = useState(false)

  const open = async () => {
    setBusy(true)
    try {
      await prepare()
      setResolving(true)
    } catch {
      // The status bar says why the edits could not be saved; resolving waits until they are.
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="notice notice-error conflict" role="region" aria-label="Conflicting version">
      <Icon name="warning" />
      <div>
        <strong>This review has a conflicting version from {conflictSource(conflict)}.</strong>
        <p>The other version is {otherVersion(conflict)}. Your text stays as it is until you resolve it.</p>
        <div className="notice-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void open()}>
            Resolve conflict…
          </button>
        </div>
      </div>
      {resolving && (
        <ResolveConflictDialog
          review={{ id, title, conflict }}
          onClose={() => setResolving(false)}
          onResolved={(review) => {
            setResolving(false)
            onResolved(review)
          }}
        />
      )}
    </div>
  )
}
