import type { ReviewSummary } from '@shared/model'
import { api } from '@renderer/api'
import { FormDialog } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
import { useFieldForm } from '@renderer/components/useFieldForm'

interface Props {
  review: ReviewSummary
  onRenamed: (renamed: ReviewSummary) => void
  onClose: () => void
}

/** Renames a review; main moves its folder to the new title's slug. */
export function RenameDialog({ review, onRenamed, onClose }: Props) {
  const form = useFieldForm({
    initial: review.title,
    empty: 'A review needs a title.',
    run: (title) => api.renameReview({ id: review.id, title }),
    done: onRenamed,
  })

  return (
    <FormDialog
      title="Rename review"
      description="The review’s folder is renamed to match the new title."
      form={form}
      submitLabel="Rename"
      busyLabel="Renaming…"
      onClose={onClose}
    >
      <TextField label="Title" data-autofocus value={form.value} error={form.error} onChange={(event) => form.change(event.target.value)} />
    </FormDialog>
  )
}
