import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type RefObject } from 'react'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'

/** The narrowest preview pane worth showing, px. */
export const MIN_PANE_WIDTH = 320
/** The editor's own minimum width, px (.review-main's min-width): the pane never takes it. */
const MIN_EDITOR_WIDTH = 400
/** One arrow key press, px; Shift moves five times as far. */
const STEP = 24

interface Props {
  /** The pane's width now, px. */
  width: number
  /** The widest the pane may be now: what the editor can give up above its minimum. */
  maxWidth: () => number
  /** While dragging or on each key: the pane's new width. */
  onResize: (width: number) => void
  /** The drag ended or a key moved it: the width to keep. */
  onCommit: (width: number) => void
  /** The element whose right edge the pane ends at (the drag measures from it). */
  endRef: RefObject<HTMLElement | null>
}

// Remembered while the app runs (and in the settings), so the pane reopens as wide as it was left.
let lastWidth = 0

/**
 * The preview pane's width: half the room until the critic drags the splitter, then what they
 * chose, kept in the settings (the pane reads them once and hands the width to `restore`). The pane gives way first when the window narrows (it may shrink).
 */
export function useResizablePane(
  pane: RefObject<HTMLElement | null>,
  editor: RefObject<HTMLElement | null>,
  notify: (text: string) => void,
): { style: CSSProperties | undefined; splitter: Props; restore: (stored: number) => void } {
  const [chosen, setChosen] = useState(lastWidth)
  const [shown, setShown] = useState(0)
  useEffect(() => {
    const element = pane.current
    if (!element) return
    const observer = new ResizeObserver(() => setShown(Math.round(element.getBoundingClientRect().width)))
    observer.observe(element)
    return () => observer.disconnect()
  }, [pane])
  const resize = (width: number) => setChosen((lastWidth = width))
  return {
    style: chosen ? { flex: `0 1 ${chosen}px` } : undefined,
    splitter: {
      width: shown,
      maxWidth: () => (pane.current?.getBoundingClientRect().width ?? 0) + (editor.current?.getBoundingClientRect().width ?? 0) - MIN_EDITOR_WIDTH,
      onResize: resize,
      onCommit: (width) => {
        resize(width)
        api.updateSettings({ previewPaneWidth: width }).catch((failure: unknown) => notify(`The preview width could not be remembered: ${errorMessage(failure)}`))
      },
      endRef: pane,
    },
    /** The width kept in the settings, once they are read (0: none chosen). */
    restore: (stored) => {
      if (stored) resize(stored)
    },
  }
}

/**
 * The bar between the editor and the preview pane: drag it, or focus it and use the arrow keys
 * (Home: widest, End: narrowest), as a window splitter is used (WAI-ARIA separator pattern).
 */
export function PaneSplitter({ width, maxWidth, onResize, onCommit, endRef }: Props) {
  const dragging = useRef(false)
  const clamp = (wanted: number) => Math.round(Math.max(MIN_PANE_WIDTH, Math.min(maxWidth(), wanted)))
  const max = Math.max(MIN_PANE_WIDTH, maxWidth())

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? STEP * 5 : STEP
    const next = {
      ArrowLeft: width + step,
      ArrowRight: width - step,
      Home: Number.POSITIVE_INFINITY,
      End: 0,
    }[event.key]
    if (next === undefined) return
    event.preventDefault()
    const clamped = clamp(next)
    onResize(clamped)
    onCommit(clamped)
  }
  const widthAt = (event: PointerEvent) => clamp((endRef.current?.getBoundingClientRect().right ?? window.innerWidth) - event.clientX)
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    dragging.current = true
    event.currentTarget.setPointerCapture(event.pointerId)
    event.currentTarget.focus()
  }
  const onPointerMove = (event: PointerEvent) => {
    if (dragging.current) onResize(widthAt(event))
  }
  const onPointerUp = (event: PointerEvent) => {
    if (!dragging.current) return
    dragging.current = false
    onCommit(widthAt(event))
  }

  return (
    <div
      className="pane-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Preview width"
      aria-valuemin={MIN_PANE_WIDTH}
      aria-valuemax={max}
      aria-valuenow={Math.min(width, max)}
      aria-valuetext={`${Math.min(width, max)} pixels`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  )
}
