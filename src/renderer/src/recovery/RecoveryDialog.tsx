import type { RecoveredDraft } from '@shared/contract'
import { Dialog } from '@renderer/components/Dialog'
import { ErrorLine } from '@renderer/components/ErrorLine'
import { useAction } from '@renderer/components/useAction'
import '../styles/durability.css'

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** Offers the writing a crash (or a quit with unsaved edits) left in the journal: restore or discard each. */
export function RecoveryDialog({
  drafts,
  afterCrash = false,
  onRestore,
  onDiscard,
  onClose,
}: {
  drafts: RecoveredDraft[]
  /** The window was reloaded because it crashed just now (not a start after an earlier crash). */
  afterCrash?: boolean
  onRestore: (draft: RecoveredDraft) => Promise<void>
  onDiscard: (draft: RecoveredDraft) => Promise<void>
  onClose: () => void
}) {
  const { busy, error: problem, run } = useAction()
  return (
    <Dialog
      title="Recovered unsaved writing"
      description={
        afterCrash
          ? 'Verdict’s window stopped unexpectedly and was reloaded before these edits were saved. Restore them to keep writing, or discard them.'
          : 'Verdict closed before these edits were saved. Restore them to keep writing, or discard them.'
      }
      onClose={onClose}
      onSubmit={onClose}
      busy={busy}
      actions={
        <button type="submit" className="button">
          Decide later
        </button>
      }
    >
      <ul className="recovered-list" aria-label="Recovered drafts">
        {drafts.map((draft) => {
          const title = draft.title || 'Untitled review'
          return (
            <li key={draft.id} aria-label={title} className="recovered-item">
              <div>
                <strong>{title}</strong>
                <p className="recovered-detail">
                  <time dateTime={draft.at}>{timeFormat.format(new Date(draft.at))}</time> · {draft.wordCount}{' '}
                  {draft.wordCount === 1 ? 'word' : 'words'}
                  {!draft.reviewExists && ' · its review is gone: restoring makes a new one'}
                </p>
              </div>
              <div className="notice-actions">
                <button type="button" className="button button-primary" disabled={busy} onClick={() => void run(() => onRestore(draft))}>
                  Restore
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => void run(() => onDiscard(draft))}>
                  Discard
                </button>
              </div>
            </li>
          )
        })}
      </ul>
      {problem && <ErrorLine>{problem}</ErrorLine>}
    </Dialog>
  )
}
