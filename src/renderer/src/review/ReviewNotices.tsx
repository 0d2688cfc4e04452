import { useId, useState } from 'react'
import { Icon } from '@renderer/components/Icon'
import { WarningList } from '@renderer/components/Warnings'
import type { Problem } from './useReviewEditorServices'

/**
 * Above the text: what the file holds that Verdict reports but keeps as written (from opening it),
 * and the last refusal (an image that was not added). Both can be dismissed.
 */
export function ReviewNotices({ warnings, problem, onDismissProblem }: { warnings: string[]; problem: Problem | null; onDismissProblem: () => void }) {
  const [showWarnings, setShowWarnings] = useState(warnings.length > 0)
  if (!problem && !(showWarnings && warnings.length > 0)) return null
  return (
    <div className="review-notices">
      {problem && (
        <div className="notice notice-error review-problem" role="alert" key={problem.id}>
          <Icon name="warning" />
          <div>
            <strong>Nothing was added.</strong>
            <p>{problem.text}</p>
          </div>
          <button type="button" className="icon-button" aria-label="Dismiss message" title="Dismiss" onClick={onDismissProblem}>
            <Icon name="close" size={16} />
          </button>
        </div>
      )}
      {showWarnings && warnings.length > 0 && (
        <section className="notice notice-warning review-warnings" aria-label="Notes on this file">
          <Icon name="warning" />
          <div>
            <strong>{warnings.length === 1 ? 'One thing in this file is kept as written:' : `${warnings.length} things in this file are kept as written:`}</strong>
            <WarningList warnings={warnings} />
            <p>Verdict leaves them untouched when it saves. Fix them here or in another editor.</p>
          </div>
          <button type="button" className="icon-button" aria-label="Dismiss notes" title="Dismiss" onClick={() => setShowWarnings(false)}>
            <Icon name="close" size={16} />
          </button>
        </section>
      )}
    </div>
  )
}

/**
 * Saving keeps failing (a full disk, a read-only folder, a locked file): the edits stay in the editor
 * and autosave keeps trying, and "Save as…" puts them in a new review in another folder meanwhile.
 */
export function SaveFailedNotice({
  message,
  copy,
  busy,
  onSaveAs,
}: {
  message: string
  /** The copy saved with "Save as…", if any. */
  copy: { path: string; skipped: string[] } | null
  busy: boolean
  onSaveAs: () => void
}) {
  const headingId = useId()
  return (
    <div className="notice notice-error" role="alert" aria-labelledby={headingId}>
      <Icon name="warning" />
      <div>
        <strong id={headingId}>Your edits could not be saved.</strong>
        <p>{message}</p>
        <p>They are still here, and Verdict keeps trying. To keep them safe now, save them as a new review in another folder.</p>
        {copy && (
          <p>
            Saved a copy: {copy.path}
            {copy.skipped.length > 0 && ` (without ${copy.skipped.length === 1 ? 'an image' : `${copy.skipped.length} images`} that could not be copied: ${copy.skipped.join(', ')})`}
          </p>
        )}
        <div className="notice-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={onSaveAs}>
            Save as…
          </button>
        </div>
      </div>
    </div>
  )
}

/** Edits recovered from the journal are on screen, being saved: said once, until dismissed. */
export function RecoveredNotice() {
  const [shown, setShown] = useState(true)
  if (!shown) return null
  return (
    <div className="notice recovered" role="region" aria-label="Recovered">
      <Icon name="warning" />
      <div>
        <strong>Recovered: this is the writing Verdict had not saved when it closed.</strong>
        <p>It is being saved now; autosave carries on as usual.</p>
        <div className="notice-actions">
          <button type="button" className="button" onClick={() => setShown(false)}>
            Dismiss
          </button>
        </div>
      </div>
    </div>
  )
}
