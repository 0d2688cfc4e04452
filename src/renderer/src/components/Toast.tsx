import { memo, useCallback, useEffect, useState } from 'react'
import { Icon } from './Icon'

export interface ToastMessage {
  /** Distinguishes two toasts with the same text, so each gets its own timer. */
  id: number
  text: string
  action?: { label: string; run: () => void }
}

/** The toast a screen shows, what shows one (`notify`) and what takes it away. */
export function useToast() {
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const notify = useCallback((text: string, action?: ToastMessage['action']) => setToast({ id: Date.now(), text, ...(action ? { action } : {}) }), [])
  const dismiss = useCallback(() => setToast(null), [])
  return { toast, notify, dismiss }
}

/**
 * A snackbar at the bottom of the window; it dismisses itself after a while (longer with an action),
 * but never while the pointer is over it or the focus in it. The live region is always there, so a
 * screen reader hears a message that arrives in it. Memoised: the screens around it re-render at every key.
 */
export const Toast = memo(function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  // The toast (by id) the pointer is over and the one holding the focus: a new toast starts unheld.
  const [hovered, setHovered] = useState<number | null>(null)
  const [focused, setFocused] = useState<number | null>(null)
  const held = toast !== null && (hovered === toast.id || focused === toast.id)

  useEffect(() => {
    if (!toast || held) return
    const timer = setTimeout(onDismiss, toast.action ? 10_000 : 5_000)
    return () => clearTimeout(timer)
  }, [toast, onDismiss, held])

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div
          className="toast"
          key={toast.id}
          onMouseEnter={() => setHovered(toast.id)}
          onMouseLeave={() => setHovered(null)}
          onFocus={() => setFocused(toast.id)}
          onBlur={(event) => {
            if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setFocused(null)
          }}
        >
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
})
