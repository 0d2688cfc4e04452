import { useEffect, useRef, useState } from 'react'
import type { Result } from '@shared/contract'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'
import type { LandedImages } from '@renderer/review/useLandedImages'
import type { LatestDocument } from './latestDocument'
import { LivePreview, type PreviewInputs } from './livePreview'
import type { FramePage } from './useFramePage'

type Rendered = Result<'renderPreview'> | null

interface Options {
  /** The editor's newest state; read (and serialized) only once typing pauses. */
  doc: LatestDocument
  /** What the page is rendered with; null until the theme is known. */
  inputs: PreviewInputs | null
  /** Images that landed on disk after the review opened: the page is laid out again with them. */
  images: LandedImages
  /** The frame the answers are shown in. */
  page: Pick<FramePage, 'shown' | 'show'>
}

/** The page kept in step with the editor (see LivePreview): main's newest answer, or why it failed. */
export function useLivePreview({ doc, inputs, images, page }: Options): { rendered: Rendered; error: string | null } {
  const [rendered, setRendered] = useState<Rendered>(null)
  const [error, setError] = useState<string | null>(null)
  const live = useRef<LivePreview | null>(null)
  const { shown, show } = page

  useEffect(() => {
    const preview = new LivePreview({
      doc,
      render: (args) => api.renderPreview(args),
      shown,
      onResult: (result: Result<'renderPreview'>) => {
        if (!show(result)) return false
        setRendered(result)
        setError(null)
        return true
      },
      onError: (failure) => setError(errorMessage(failure)),
    })
    live.current = preview
    return () => {
      preview.dispose()
      live.current = null
    }
  }, [doc, shown, show])

  useEffect(() => {
    if (inputs) live.current?.update(inputs)
  }, [doc, inputs])

  // An image landed or changed: the same text, laid out again in a new page that loads it.
  const firstImages = useRef(images)
  useEffect(() => {
    if (images !== firstImages.current) live.current?.refresh()
  }, [images])

  return { rendered, error }
}
