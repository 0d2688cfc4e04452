import { useCallback, useEffect, useState } from 'react'
import '../styles/preview.css'

// Whether the pane was last open, so the next review opens the same way while the app runs.
let lastOpen = false

/** The preview pane's open state, toggled by the button and by Mod+Shift+P anywhere on the screen. */
export function usePreviewToggle(): [open: boolean, toggle: () => void] {
  const [open, setOpen] = useState(lastOpen)
  const toggle = useCallback(() => {
    setOpen((shown) => {
      lastOpen = !shown
      return !shown
    })
  }, [])
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // The letter P, or the P key's position when the layout types no Latin letter there.
      const key = event.key.toLowerCase()
      const isP = key === 'p' || (!/^[a-z]$/.test(key) && event.code === 'KeyP')
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && isP) {
        event.preventDefault()
        toggle()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [toggle])
  return [open, toggle]
}

export function PreviewToggle({ open, onToggle, className }: { open: boolean; onToggle: () => void; className?: string }) {
  return (
    <button
      type="button"
      className={`button button-quiet topbar-action preview-toggle${className ? ` ${className}` : ''}`}
      aria-pressed={open}
      aria-keyshortcuts="Control+Shift+P Meta+Shift+P"
      onClick={onToggle}
    >
      Preview
    </button>
  )
}
