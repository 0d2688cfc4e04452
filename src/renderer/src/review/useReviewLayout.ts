import { useEffect, useState, type RefObject } from 'react'
import type { LexicalEditor } from 'lexical'
import { api } from '@renderer/api'
import { dialogOpen, useCommand } from '@renderer/commands/commands'
import { usePreviewToggle } from '@renderer/preview/PreviewToggle'

/** Which panes and dialogs of the review screen are open, with the menu commands that open them. */
export function useReviewLayout(editorRef: RefObject<LexicalEditor | null>) {
  const [showDetails, setShowDetails] = useState(true)
  const [showPreview, togglePreview] = usePreviewToggle()
  const [exporting, setExporting] = useState(false)
  const [publishing, setPublishing] = useState(false)
  // Focus mode hides the panes without closing them: leaving it shows them as they were.
  const [focusMode, setFocusMode] = useState(false)
  const toggleDetails = () => setShowDetails((shown) => !shown)

  useCommand('exportReviews', () => setExporting(true))
  useCommand('publish', () => setPublishing(true))
  useCommand('togglePreview', togglePreview)
  useCommand('toggleDetails', toggleDetails)
  useCommand('focusMode', () => setFocusMode((on) => !on))
  // The menu's Focus mode item is checked while it is on; closing the review leaves it too.
  useEffect(() => {
    if (!focusMode) return
    const report = (on: boolean) => void api.reportFocusMode({ on }).catch(() => undefined)
    report(true)
    return () => report(false)
  }, [focusMode])
  // Escape leaves focus mode, unless something in the text (a menu, the find bar) used it.
  useEffect(() => {
    if (!focusMode) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || dialogOpen()) return
      setFocusMode(false)
      // Lexical's Escape takes the focus out of the text; leaving focus mode goes on writing where
      // the caret was (still the editor's selection: the blur's selectionchange comes later).
      const editor = editorRef.current
      if (editor && event.target instanceof Node && editor.getRootElement()?.contains(event.target)) editor.focus()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [focusMode, editorRef])

  return {
    showDetails: showDetails && !focusMode,
    toggleDetails,
    showPreview: showPreview && !focusMode,
    togglePreview,
    focusMode,
    leaveFocusMode: () => setFocusMode(false),
    exporting,
    setExporting,
    publishing,
    setPublishing,
  }
}
