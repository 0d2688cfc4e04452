import { useEffect } from 'react'
import { Icon } from './Icon'

export interface ToastMessage {
  /** Distinguishes two toasts with the same text, so each gets its own timer. */
  id: number
  text: string
  action?: { label: string; run: () => void }
}

/** A snackbar at the bottom of the window; it dismisses itself after a while (longer with an action). */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(onDismiss, toast.action ? 10_000 : 5_000)
    return () => clearTimeout(timer)
  }, [toast, onDismiss])

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" key={toast.id}>
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                toast.action?.run()
                onDismiss()
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="icon-button toast-close" aria-label="Dismiss" onClick={onDismiss}>
            <Icon name="close" size={16} />
          </button>
        </div>
      )}
    </div>
  )
}
