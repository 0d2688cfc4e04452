import { useEffect, useMemo, useState, type RefObject } from 'react'
import { versionedUrl, type LandedImages } from '@renderer/review/useLandedImages'
import { estimateHeight, type PageModel, type Size } from './estimateHeight'
import { PREVIEW_WIDTHS, type PreviewWidth } from './usePreviewChoices'

/** Space around the page inside the pane, px (see .preview-viewport and .preview-window). */
export const GUTTER = 16

const NO_IMAGES: string[] = []

/**
 * The page's box: its device width and (estimated) full height, scaled down to fit the pane's
 * viewport, which scrolls over that height. The frame itself is only as tall as the viewport shows
 * (`windowHeight`, in the page's px) and scrolls its own page to the viewport's place, so that a
 * patch lays out and repaints the pane's share of a long page, not the whole of it.
 */
export function useFrameLayout(viewport: RefObject<HTMLElement | null>, model: PageModel | null, width: PreviewWidth, images: LandedImages) {
  const box = useBoxSize(viewport)
  const frameWidth = PREVIEW_WIDTHS[width]
  const sizes = useImageSizes(model?.images ?? NO_IMAGES, images.versionOf)
  const estimated = useMemo(() => (model ? estimateHeight(model, frameWidth, (src) => sizes.get(src)) : 0), [model, frameWidth, sizes])
  const scale = box.width > 0 ? Math.min(1, (box.width - 2 * GUTTER) / frameWidth) : 1
  const frameHeight = Math.ceil(Math.max(heightStep(estimated), (box.height - 2 * GUTTER) / scale))
  return { frameWidth, frameHeight, windowHeight: Math.min(frameHeight, (box.height + 2 * GUTTER) / scale), scale }
}

/** CSS px: the page's height moves in steps of this, so typing a few words does not resize it. */
const HEIGHT_STEP = 1200

/**
 * The estimate rounded up to a step: a new height changes the viewport's scroll range, and with it
 * the place the editor's scrolling maps to, which should not shift while the critic types.
 */
function heightStep(estimated: number): number {
  return Math.ceil(estimated / HEIGHT_STEP) * HEIGHT_STEP
}

/** The content box of an element, kept up to date. */
function useBoxSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 })
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return
      const { width, height } = entry.contentRect
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return size
}

const imageSizes = new Map<string, Size | null>()
const imageListeners = new Set<() => void>()

/**
 * Natural sizes of the page's images, for the height estimate. The app may load the review's own
 * asset URLs (and data: images); anything else is left unmeasured rather than fetched. Each is
 * measured per version of its file, so an image that landed or changed is measured again.
 */
function useImageSizes(srcs: string[], versionOf: (src: string) => number): ReadonlyMap<string, Size> {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const changed = () => setVersion((n) => n + 1)
    imageListeners.add(changed)
    for (const src of new Set(srcs)) {
      const foreign = /^[a-z][a-z0-9+.-]*:/i.test(src) && !/^(data|verdict-asset):/i.test(src)
      const url = versionedUrl(src, versionOf(src))
      if (foreign || imageSizes.has(url)) continue
      imageSizes.set(url, null)
      const image = new Image()
      image.onload = () => {
        imageSizes.set(url, { width: image.naturalWidth, height: image.naturalHeight })
        for (const listener of imageListeners) listener()
      }
      image.onerror = () => imageSizes.delete(url)
      image.src = url
    }
    return () => void imageListeners.delete(changed)
  }, [srcs, versionOf])
  return useMemo(() => {
    void version
    const known = new Map<string, Size>()
    for (const src of srcs) {
      const size = imageSizes.get(versionedUrl(src, versionOf(src)))
      if (size) known.set(src, size)
    }
    return known
  }, [srcs, versionOf, version])
}
