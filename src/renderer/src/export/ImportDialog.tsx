import type { ReviewSummary } from '@shared/model'
import { api } from '@renderer/api'
import { PathPickerDialog } from '@renderer/components/PathPickerDialog'
import { usePickedPath } from '@renderer/components/usePickedPath'

/** What can be imported: bundles made by export, and Markdown files from anywhere. */
export const IMPORT_EXTENSIONS = ['zip', 'md', 'markdown', 'txt']

interface Props {
  onImported: (review: ReviewSummary) => void
  onClose: () => void
}

/** Imports a Markdown bundle (.zip) or a Markdown file, picked in main's dialog, as a new review of the library. */
export function ImportDialog({ onImported, onClose }: Props) {
  const form = usePickedPath({
    pick: () => api.pickFile({ purpose: 'import', extensions: IMPORT_EXTENSIONS }),
    empty: 'Choose the file to import with “Browse…”.',
    run: (picked) => api.importReview({ file: picked.token }),
    done: onImported,
    explain: (message) => `This file could not be imported. ${message}`,
  })

  return (
    <PathPickerDialog
      form={form}
      title="Import a review"
      description="A Markdown bundle (.zip) made by Verdict’s export, or a Markdown file (.md). It becomes a new review; the file itself is left as it is."
      label="File"
      placeholder="No file chosen"
      submitLabel="Import"
      busyLabel="Importing…"
      onClose={onClose}
    />
  )
}
