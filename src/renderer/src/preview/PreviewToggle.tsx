import { useCallback, useState } from 'react'
import { COMMANDS } from '@shared/commands'
import { ariaKeys } from '@renderer/commands/commands'
import '../styles/preview.css'

// Whether the pane was last open, so the next review opens the same way while the app runs.
let lastOpen = false

/** The preview pane's open state, toggled by the button and by the `togglePreview` command (Mod+Alt+P). */
export function usePreviewToggle(): [open: boolean, toggle: () => void] {
  const [open, setOpen] = useState(lastOpen)
  const toggle = useCallback(() => {
    setOpen((shown) => {
      lastOpen = !shown
      return !shown
    })
  }, [])
  return [open, toggle]
}

const PREVIEW_KEYS = ariaKeys(COMMANDS.togglePreview.keys)

export function PreviewToggle({ open, onToggle, className }: { open: boolean; onToggle: () => void; className?: string }) {
  return (
    <button
      type="button"
      className={`button button-quiet topbar-action preview-toggle${className ? ` ${className}` : ''}`}
      aria-pressed={open}
      aria-keyshortcuts={PREVIEW_KEYS}
      onClick={onToggle}
    >
      Preview
    </button>
  )
}
