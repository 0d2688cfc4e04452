import { $dfs } from '@lexical/utils'
import { showsImage, writtenLike } from '@shared/critic'
import { $isImageNode } from '../../../blocks/image/editor/ImageNode'

/** How many times the size is halved before giving up (1/256 of the width is no picture any more). */
const MAX_HALVINGS = 8
const QUALITY = 0.85

/**
 * Decodes the image and encodes it again, smaller: first at its own size, then halving width and
 * height until the file is under `limitBytes` (without one, under half its size). Photos become JPEG;
 * images that may be transparent (PNG, GIF, WebP, AVIF) become WebP, which keeps transparency.
 */
export async function downscale(image: { data: Uint8Array; type: string }, limitBytes: number | undefined): Promise<{ data: Uint8Array; fileName: string }> {
  const source = new Blob([image.data as Uint8Array<ArrayBuffer>], { type: image.type })
  const limit = limitBytes ?? source.size / 2
  const bitmap = await createImageBitmap(source)
  const type = source.type === 'image/jpeg' ? 'image/jpeg' : 'image/webp'
  try {
    let { width, height } = bitmap
    for (let halvings = 0; halvings <= MAX_HALVINGS; halvings++) {
      const canvas = new OffscreenCanvas(width, height)
      const context = canvas.getContext('2d')
      if (!context) throw new Error('This computer cannot draw the image to downscale it.')
      context.drawImage(bitmap, 0, 0, width, height)
      const encoded = await canvas.convertToBlob({ type, quality: QUALITY })
      if (encoded.size < limit) return { data: new Uint8Array(await encoded.arrayBuffer()), fileName: `downscaled.${type === 'image/jpeg' ? 'jpg' : 'webp'}` }
      width = Math.max(1, Math.round(width / 2))
      height = Math.max(1, Math.round(height / 2))
    }
  } finally {
    bitmap.close()
  }
  throw new Error('Even much smaller, the image stays too large for this blog.')
}

/**
 * Points every image of the document that shows `from` at `to`, a site's path written as each
 * reference wrote its own (Jekyll's `{{ site.baseurl }}` kept); call inside `editor.update`.
 */
export function $replaceImageSrc(from: string, to: string): number {
  let replaced = 0
  for (const { node } of $dfs()) {
    if ($isImageNode(node) && showsImage(node.getSrc(), from)) {
      node.setFields({ src: writtenLike(node.getSrc(), to) })
      replaced++
    }
  }
  return replaced
}
