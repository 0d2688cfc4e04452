import { createContext, useContext } from 'react'
import type { ImageAsset } from '@shared/model'

/**
 * What editor nodes and plugins may ask of the app. Nodes never call the api: the review screen
 * provides these, bound to the open review, so the editor stays testable and host-agnostic.
 */
export interface EditorServices {
  /** A URL the page can load for a file of this review (`assets/x.png`). */
  assetUrl(relativePath: string): string
  /** An image of the review did not load (it may still be on its way: it is tried again when it lands). */
  imageFailed(relativePath: string): void
  /** Copies an image into the review's assets; rejects with a message written for people. */
  importImage(file: { fileName: string; data: Uint8Array }): Promise<ImageAsset>
  /** Largest image file accepted, checked before a file is even read. */
  maxImageBytes: number
  /** `assets/…` of the featured image, if any. */
  featuredImage: string | undefined
  setFeaturedImage(path: string | undefined): void
  /** Shows a refusal or failure to the user (an alert above the text). */
  reportProblem(message: string): void
}

/** Outside a review screen (never in the app) images show nothing and cannot be added. */
const EditorServicesContext = createContext<EditorServices>({
  assetUrl: () => '',
  imageFailed: () => undefined,
  importImage: () => Promise.reject(new Error('Images can only be added to an open review.')),
  maxImageBytes: 0,
  featuredImage: undefined,
  setFeaturedImage: () => undefined,
  reportProblem: (message) => console.error(message),
})

export const EditorServicesProvider = EditorServicesContext.Provider

export function useEditorServices(): EditorServices {
  return useContext(EditorServicesContext)
}
