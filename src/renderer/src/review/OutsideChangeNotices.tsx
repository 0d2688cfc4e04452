import { Icon } from '@renderer/components/Icon'
import type { OutsideChoice } from './useOutsideChanges'

interface Props {
  /** What another program did to the file while it is open. */
  outside: 'changed' | 'missing' | null
  busy: boolean
  /** A save was refused: the file changed since it was read. */
  conflict: boolean
  onResolve: (choice: OutsideChoice) => void
  onKeepMine: () => void
  onReload: () => void
}

/** Another program changed or removed the file: what happened, and the choices that answer it. */
export function OutsideChangeNotices({ outside, busy, conflict, onResolve, onKeepMine, onReload }: Props) {
  return (
    <>
    {outside === 'changed' && (
      <div className="notice notice-error conflict" role="region" aria-label="Changed outside Verdict">
        <Icon name="warning" />
        <div>
          <strong>This review was changed outside Verdict while you were editing it.</strong>
          <p>Your edits are still here. Keep yours (replacing the file), take the other version, or keep both.</p>
          <div className="notice-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => onResolve('mine')}>
              Keep mine
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => onResolve('theirs')}>
              Take theirs
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => onResolve('both')}>
              Keep both
            </button>
          </div>
        </div>
      </div>
    )}
    {outside === 'missing' && (
      <div className="notice notice-error" role="region" aria-label="Moved or deleted">
        <Icon name="warning" />
        <div>
          <strong>This review was moved or deleted outside Verdict.</strong>
          <p>Your text is still here. Save it as a new review to keep it.</p>
          <div className="notice-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => onResolve('new')}>
              Save as new review
            </button>
          </div>
        </div>
      </div>
    )}
    {outside === null && conflict && (
      <div className="notice notice-error conflict" role="alert">
        <Icon name="warning" />
        <div>
          <strong>This review was changed by another program.</strong>
          <p>Your edits are still here, not saved. Keep them (replacing the other version), or load the version on disk.</p>
          <div className="notice-actions">
            <button type="button" className="button button-primary" onClick={onKeepMine}>
              Keep my version
            </button>
            <button type="button" className="button" onClick={onReload}>
              Load the version on disk
            </button>
          </div>
        </div>
      </div>
    )}
    </>
  )
}
