import { useState } from 'react'
import type { ReviewSummary } from '@shared/model'
import { api } from '@renderer/api'
import { Dialog } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
import { errorMessage } from '@renderer/lib/errors'

interface Props {
  review: ReviewSummary
  onRenamed: (renamed: ReviewSummary) => void
  onClose: () => void
}

/** Renames a review; main moves its folder to the new title's slug. */
export function RenameDialog({ review, onRenamed, onClose }: Props) {
  const [title, setTitle] = useState(review.title)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const trimmed = title.trim()
    if (!trimmed) return setError('A review needs a title.')
    setBusy(true)
    try {
      onRenamed(await api.renameReview({ id: review.id, title: trimmed }))
    } catch (failure) {
      setError(errorMessage(failure))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="Rename review"
      description="The review’s folder is renamed to match the new title."
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Renaming…' : 'Rename'}
          </button>
        </>
      }
    >
      <TextField
        label="Title"
        data-autofocus
        value={title}
        error={error}
        onChange={(event) => {
          setTitle(event.target.value)
          setError(null)
        }}
      />
    </Dialog>
  )
}
