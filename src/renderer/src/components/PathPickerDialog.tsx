import type { ReactNode } from 'react'
import { FormDialog } from './Dialog'
import { PathField } from './PathField'
import type { usePickedPath } from './usePickedPath'

interface Props {
  form: ReturnType<typeof usePickedPath>
  title: string
  description: string
  /** The path field's label, and what it shows while nothing is picked. */
  label: string
  placeholder: string
  hint?: string
  submitLabel: string
  busyLabel: string
  /** Replaces a plain browse, for a dialog that must forget another choice first. */
  onBrowse?: () => void
  onClose: () => void
  /** Other ways to choose, under the field. */
  children?: ReactNode
}

/** A dialog whose one input is a path picked with Browse… (import, switch library), submitted to do its work. */
export function PathPickerDialog({ form, title, description, label, placeholder, hint, submitLabel, busyLabel, onBrowse, onClose, children }: Props) {
  return (
    <FormDialog title={title} description={description} form={form} submitLabel={submitLabel} busyLabel={busyLabel} onClose={onClose}>
      <PathField
        label={label}
        path={form.picked?.path ?? ''}
        placeholder={placeholder}
        hint={hint}
        error={form.error}
        disabled={form.busy}
        autofocus
        onBrowse={onBrowse ?? (() => void form.browse())}
      />
      {children}
    </FormDialog>
  )
}
