import { useState } from 'react'
import type { ReviewSummary } from '@shared/model'
import { api } from '@renderer/api'
import { Dialog } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
import { errorMessage } from '@renderer/lib/errors'

/** What can be imported: bundles made by export, and Markdown files from anywhere. */
export const IMPORT_EXTENSIONS = ['zip', 'md', 'markdown', 'txt']

interface Props {
  onImported: (review: ReviewSummary) => void
  onClose: () => void
}

/** Imports a Markdown bundle (.zip) or a Markdown file as a new review of the library. */
export function ImportDialog({ onImported, onClose }: Props) {
  const [path, setPath] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const browse = async () => {
    try {
      const picked = await api.pickFile({ extensions: IMPORT_EXTENSIONS })
      if (picked !== null) {
        setPath(picked)
        setError(null)
      }
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  const submit = async () => {
    const trimmed = path.trim()
    if (!trimmed) return setError('Enter the file to import.')
    setBusy(true)
    try {
      onImported(await api.importReview({ path: trimmed }))
    } catch (failure) {
      setError(`This file could not be imported. ${errorMessage(failure)}`)
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="Import a review"
      description="A Markdown bundle (.zip) made by Verdict’s export, or a Markdown file (.md). It becomes a new review; the file itself is left as it is."
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </>
      }
    >
      <div className="field-row">
        <TextField
          className="grow"
          label="File"
          spellCheck={false}
          data-autofocus
          placeholder="review.zip or review.md"
          value={path}
          error={error}
          onChange={(event) => {
            setPath(event.target.value)
            setError(null)
          }}
        />
        <button type="button" className="button" onClick={() => void browse()}>
          Browse…
        </button>
      </div>
    </Dialog>
  )
}
