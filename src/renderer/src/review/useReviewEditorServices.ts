import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { DEFAULT_SETTINGS } from '@shared/model'
import { api } from '@renderer/api'
import type { EditorServices } from '@renderer/editor/EditorServices'
import type { LandedImages } from './useLandedImages'

export interface Problem {
  /** Distinguishes two refusals with the same text. */
  id: number
  text: string
}

/**
 * The services the editor's nodes use, bound to one open review: its asset URLs (new ones for images
 * that landed on disk since it opened), image import into
 * its folder, the featured image of its front matter, and where refusals are shown.
 */
export function useReviewEditorServices({
  reviewId,
  images,
  featuredImage,
  onFeaturedImage,
}: {
  reviewId: string
  images: LandedImages
  featuredImage: string | undefined
  onFeaturedImage: (path: string | undefined) => void
}): { services: EditorServices; problem: Problem | null; dismissProblem: () => void } {
  const [maxImageBytes, setMaxImageBytes] = useState(DEFAULT_SETTINGS.maxImageBytes)
  const [problem, setProblem] = useState<Problem | null>(null)
  // The latest handler, without making the services (and every image) change with each render.
  const featuredHandler = useRef(onFeaturedImage)
  useLayoutEffect(() => {
    featuredHandler.current = onFeaturedImage
  })

  useEffect(() => {
    // The defaults stand in until (or if ever) the stored settings arrive.
    api.getSettings().then((settings) => setMaxImageBytes(settings.maxImageBytes), () => undefined)
  }, [])

  const services = useMemo<EditorServices>(
    () => ({
      assetUrl: images.url,
      imageFailed: images.failed,
      importImage: ({ fileName, data }) => api.importImage({ id: reviewId, fileName, data }),
      maxImageBytes,
      featuredImage,
      setFeaturedImage: (path) => featuredHandler.current(path),
      reportProblem: (text) => setProblem({ id: Date.now(), text }),
    }),
    [reviewId, images, maxImageBytes, featuredImage],
  )

  return { services, problem, dismissProblem: () => setProblem(null) }
}
