import { useState } from 'react'
import { useCommand } from '@renderer/commands/commands'
import { usePreviewToggle } from '@renderer/preview/PreviewToggle'

/** Which panes and dialogs of the review screen are open, with the menu commands that open them. */
export function useReviewLayout() {
  const [showDetails, setShowDetails] = useState(true)
  const [showPreview, togglePreview] = usePreviewToggle()
  const [exporting, setExporting] = useState(false)
  const [publishing, setPublishing] = useState(false)
  const toggleDetails = () => setShowDetails((shown) => !shown)

  useCommand('exportReviews', () => setExporting(true))
  useCommand('publish', () => setPublishing(true))
  useCommand('togglePreview', togglePreview)
  useCommand('toggleDetails', toggleDetails)

  return { showDetails, toggleDetails, showPreview, togglePreview, exporting, setExporting, publishing, setPublishing }
}
