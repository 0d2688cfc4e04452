import { useEffect, useMemo, useRef, useState } from 'react'
import { api } from '@renderer/api'

/**
 * The open review's image files that arrived or changed on disk since it was opened (a sync engine
 * often brings `assets/poster.jpg` after the review.md showing it). Each gets a version that its URL
 * carries: the page keeps an image it loaded (or failed to load) under a URL, so only a new URL makes
 * it read the file again.
 */
export interface LandedImages {
  /** The URL of a file of the review (`assets/x.jpg`), versioned once the file changed on disk. */
  url(path: string): string
  /** How many times the file behind a URL main made (the preview's) changed on disk: 0 while it did not. */
  versionOf(url: string): number
  /** An image did not load: once main watches the review's images, it is tried again (it may have landed meanwhile). */
  failed(path: string): void
}

/** `url` as one that names `version` of the file: the asset routes read only the path. */
export function versionedUrl(url: string, version: number): string {
  return version > 0 ? `${url}?v=${version}` : url
}

let nextVersion = 0

/** `versions` with a new version for each of `paths`. */
function bumped(versions: ReadonlyMap<string, number>, paths: readonly string[]): ReadonlyMap<string, number> {
  if (paths.length === 0) return versions
  const next = new Map(versions)
  for (const path of paths) next.set(path, ++nextVersion)
  return next
}

/** `watching`: main has taken its first look at the review's images; what changed later it reports. */
export function useLandedImages(reviewId: string, watching: boolean): LandedImages {
  const [versions, setVersions] = useState<ReadonlyMap<string, number>>(new Map())
  const failedBeforeWatching = useRef(new Set<string>())
  const watched = useRef(false)

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'review-images-changed' && event.id === reviewId) setVersions((old) => bumped(old, event.paths))
      }),
    [reviewId],
  )

  useEffect(() => {
    // An image that failed before main's first look may have landed in between: main knows it as there already.
    if (!watching) return
    watched.current = true
    const failed = [...failedBeforeWatching.current]
    setVersions((old) => bumped(old, failed))
    failedBeforeWatching.current.clear()
  }, [watching])

  return useMemo<LandedImages>(
    () => ({
      url: (path) => versionedUrl(api.assetUrl(reviewId, path), versions.get(path) ?? 0),
      versionOf: (url) => {
        for (const [path, version] of versions) if (api.assetUrl(reviewId, path) === url) return version
        return 0
      },
      failed: (path) => {
        if (!watched.current) failedBeforeWatching.current.add(path)
      },
    }),
    [reviewId, versions],
  )
}
