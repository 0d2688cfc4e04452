import type { RefObject } from 'react'
import type { LexicalEditor } from 'lexical'
import { showsImage, writtenLike } from '@shared/critic'
import type { ReviewMeta } from '@shared/model'
import { api } from '@renderer/api'
import type { EditorServices } from '@renderer/editor/EditorServices'
import { completeDocument, whenWhole } from '@renderer/editor/opening'
import { $replaceImageSrc, downscale as downscaleImage } from '@renderer/publish/downscale'
import type { ReviewSaver } from './saver'

interface Review {
  reviewId: string
  editorRef: RefObject<LexicalEditor | null>
  importImage: EditorServices['importImage']
  featuredImage: ReviewMeta['featuredImage']
  onFeaturedImage: (path: string) => void
  saver: ReviewSaver
}

/** Puts a smaller copy of an image too large for a blog in its place (text and featured image), and saves. */
export async function replaceWithSmallerImage(
  { reviewId, editorRef, importImage, featuredImage, onFeaturedImage, saver }: Review,
  path: string,
  limitBytes: number | undefined,
) {
  const editor = editorRef.current
  if (!editor) throw new Error('The editor is not ready yet.')
  const asset = await importImage(await downscaleImage(await api.readImage({ id: reviewId, path }), limitBytes))
  let replaced = 0
  // Every place the image is in: the whole review, also while it is still being opened.
  if (!completeDocument(editor)) await whenWhole(editor)
  // Discrete: committed (and handed to autosave) before the flush below.
  editor.update(() => void (replaced = $replaceImageSrc(path, asset.path)), { discrete: true })
  if (featuredImage !== undefined && showsImage(featuredImage, path)) onFeaturedImage(writtenLike(featuredImage, asset.path))
  else if (replaced === 0) throw new Error(`The text no longer shows ${path}.`)
  await saver.flush()
}
