import { TextField } from './TextField'

interface Props {
  label: string
  /** The chosen path, shown as text: paths are picked with Browse…, never typed (main takes only its own picks). */
  path: string
  placeholder?: string
  hint?: string
  error?: string | null
  disabled?: boolean
  /** Takes the dialog's first focus (a dialog whose one input this is). */
  autofocus?: boolean
  onBrowse: () => void
}

/** A read-only field showing a folder or file picked in main's dialog, with its "Browse…" button. */
export function PathField({ label, path, placeholder, hint, error, disabled, autofocus, onBrowse }: Props) {
  return (
    <div className="field-row">
      <TextField className="grow" label={label} readOnly spellCheck={false} value={path} placeholder={placeholder} hint={hint} error={error} />
      <button type="button" className="button" disabled={disabled} data-autofocus={autofocus || undefined} onClick={onBrowse}>
        Browse…
      </button>
    </div>
  )
}
