import type { ReviewSummary } from '@shared/model'
import { api } from '@renderer/api'
import { Dialog, DialogActions } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
import { useFieldForm } from '@renderer/components/useFieldForm'

/** What can be imported: bundles made by export, and Markdown files from anywhere. */
export const IMPORT_EXTENSIONS = ['zip', 'md', 'markdown', 'txt']

interface Props {
  onImported: (review: ReviewSummary) => void
  onClose: () => void
}

/** Imports a Markdown bundle (.zip) or a Markdown file as a new review of the library. */
export function ImportDialog({ onImported, onClose }: Props) {
  const form = useFieldForm({
    initial: '',
    empty: 'Enter the file to import.',
    run: (path) => api.importReview({ path }),
    done: onImported,
    explain: (message) => `This file could not be imported. ${message}`,
    pick: () => api.pickFile({ extensions: IMPORT_EXTENSIONS }),
  })

  return (
    <Dialog
      title="Import a review"
      description="A Markdown bundle (.zip) made by Verdict’s export, or a Markdown file (.md). It becomes a new review; the file itself is left as it is."
      busy={form.busy}
      onClose={onClose}
      onSubmit={() => void form.submit()}
      actions={<DialogActions busy={form.busy} label="Import" busyLabel="Importing…" onCancel={onClose} />}
    >
      <div className="field-row">
        <TextField
          className="grow"
          label="File"
          spellCheck={false}
          data-autofocus
          placeholder="review.zip or review.md"
          value={form.value}
          error={form.error}
          onChange={(event) => form.change(event.target.value)}
        />
        <button type="button" className="button" onClick={() => void form.browse()}>
          Browse…
        </button>
      </div>
    </Dialog>
  )
}
