import { useLayoutEffect, useMemo, useRef, useState } from 'react'
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
  maxImageBytes,
  featuredImage,
  onFeaturedImage,
}: {
  reviewId: string
  images: LandedImages
  /** The settings' limit, as the app holds them (asked for here, the answer re-rendered every image after the first frame). */
  maxImageBytes: number
  featuredImage: string | undefined
  onFeaturedImage: (path: string | undefined) => void
}): { services: EditorServices; problem: Problem | null; dismissProblem: () => void } {
  const [problem, setProblem] = useState<Problem | null>(null)
  // The latest handler, without making the services (and every image) change with each render.
  const featuredHandler = useRef(onFeaturedImage)
  useLayoutEffect(() => {
    featuredHandler.current = onFeaturedImage
  })

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
