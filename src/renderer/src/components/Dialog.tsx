import { useId, useLayoutEffect, useRef, type FormEvent, type ReactNode } from 'react'

interface Props {
  title: string
  description?: ReactNode
  /** Called on Escape, Cancel and a click on the backdrop. */
  onClose: () => void
  onSubmit: () => void
  children: ReactNode
  /** The footer's buttons; the submit button submits the dialog's form. */
  actions: ReactNode
  busy?: boolean
}

/**
 * A modal form on the native <dialog>: the browser provides the dialog role, the focus trap and
 * Escape. The element marked `data-autofocus` gets focus (and its text selected); on closing, focus
 * goes back to what had it before (the button that opened the dialog).
 */
export function Dialog({ title, description, onClose, onSubmit, children, actions, busy = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()

  // A layout effect: its cleanup runs while the dialog is still in the document. A passive effect's
  // ran after React had removed it, and the browser, whose dialog was gone, left focus on <body>.
  useLayoutEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    dialog.showModal()
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]')
    first?.focus()
    if (first instanceof HTMLInputElement) first.select()
    return () => {
      dialog.close()
      if (opener?.isConnected && opener !== document.body) opener.focus()
    }
  }, [])

  const submit = (event: FormEvent) => {
    // Never a real submission: the CSP forbids form actions, and the app handles the data itself.
    event.preventDefault()
    if (!busy) onSubmit()
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      {/* noValidate: each dialog validates itself and explains the problem next to the field. */}
      <form className="dialog-body" onSubmit={submit} aria-busy={busy} noValidate>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {description && (
          <p id={descriptionId} className="dialog-description">
            {description}
          </p>
        )}
        {children}
        <div className="dialog-actions">{actions}</div>
      </form>
    </dialog>
  )
}

/** The usual footer: Cancel, and the submit button that says what it does (and that it is doing it). */
export function DialogActions({
  busy,
  label,
  busyLabel = label,
  cancelLabel = 'Cancel',
  disabled = false,
  onCancel,
}: {
  busy: boolean
  label: string
  busyLabel?: string
  cancelLabel?: string
  /** Nothing to submit yet (besides while busy). */
  disabled?: boolean
  onCancel: () => void
}) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button type="submit" className="button button-primary" disabled={busy || disabled}>
        {busy ? busyLabel : label}
      </button>
    </>
  )
}

/** What a dialog shows and how it is closed, as the dialogs built on `Dialog` take it. */
type Shown = Pick<Props, 'title' | 'description' | 'onClose' | 'children'>

/** A dialog that only shows something: one Close button, Enter or Escape closes it. */
export function InfoDialog(shown: Shown) {
  const close = (
    <button type="submit" className="button button-primary" data-autofocus>
      Close
    </button>
  )
  return <Dialog {...shown} onSubmit={shown.onClose} actions={close} />
}

/**
 * A dialog that does its work through one form's state (`useFieldForm`, `usePickedPath`): busy
 * while the work runs, with the usual footer.
 */
export function FormDialog({ form, submitLabel, busyLabel, ...shown }: Shown & { form: { busy: boolean; submit: () => Promise<void> }; submitLabel: string; busyLabel: string }) {
  const actions = <DialogActions busy={form.busy} label={submitLabel} busyLabel={busyLabel} onCancel={shown.onClose} />
  return <Dialog {...shown} busy={form.busy} onSubmit={() => void form.submit()} actions={actions} />
}
