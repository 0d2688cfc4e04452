import { useState } from 'react'
import { isImageSource } from '@shared/critic'
import { useEditorServices } from '@renderer/editor/EditorServices'

/**
 * An image reference as the editor shows it, in a block or in a line of text: its URL (a new one once
 * the file lands or changes on disk, so the image is loaded again), whether it is shown (a file of the
 * review's or the site's folders that has not failed to load at that URL), and the `<img>`'s error
 * handler, which tells main the file is missing.
 */
export function useShownImage(src: string): { safe: boolean; url: string; shown: boolean; onError: () => void } {
  const services = useEditorServices()
  const [failed, setFailed] = useState<string | null>(null)
  const safe = isImageSource(src)
  const url = safe ? services.assetUrl(src) : ''
  const onError = () => {
    setFailed(url)
    services.imageFailed(src)
  }
  return { safe, url, shown: safe && failed !== url, onError }
}
