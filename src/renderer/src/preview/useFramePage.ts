import { useCallback, useMemo, useRef, useState } from 'react'
import type { PreviewPage } from '@shared/contract'
import { modelPage, type PageModel } from './estimateHeight'
import { patchPage } from './patchPage'

export interface FramePage {
  frame: React.RefObject<HTMLIFrameElement | null>
  /** The address the frame loads: it changes only for a page loaded whole, not for a patch. */
  src: string | null
  /** The shown page's model, for its height. */
  model: PageModel | null
  /** The page the frame shows, or is loading: the one main's next patch is made against. */
  shown(): string | undefined
  /**
   * A rendered page: patched into the frame when it can be, else loaded whole. False, with nothing
   * shown, when it is a patch of a page older than the one the frame shows.
   */
  show(page: PreviewPage): boolean
  /** The frame loaded its page. */
  loaded(page: Document, src: string | null): void
}

/**
 * The preview frame's page across renders. A render's patch is made against the page the frame
 * shows or is loading; one that arrives while that page is still loading waits for its load (the
 * newest only), so a long page being loaded is patched when it is ready instead of being replaced
 * by another page to load, which on a busy machine would never finish loading before the next.
 */
export function useFramePage(): FramePage {
  const frame = useRef<HTMLIFrameElement>(null)
  const [src, setSrc] = useState<string | null>(null)
  const [model, setModel] = useState<PageModel | null>(null)
  const shown = useRef<string | undefined>(undefined)
  const ready = useRef(false)
  const waiting = useRef<PreviewPage | null>(null)

  const show = useCallback((page: PreviewPage): boolean => {
    const doc = frame.current?.contentDocument
    if (page.patch && page.patch.from !== shown.current && shown.current !== undefined) return false
    if (page.patch) {
      if (!ready.current) {
        waiting.current = page
        return true
      }
      if (doc && patchPage(doc, page.patch)) {
        shown.current = page.url
        setModel(modelPage(doc))
        return true
      }
    }
    waiting.current = null
    shown.current = page.url
    ready.current = false
    setSrc(page.url)
    return true
  }, [])

  const loaded = useCallback(
    (doc: Document, loadedSrc: string | null) => {
      if (loadedSrc !== shown.current) return
      ready.current = true
      setModel(modelPage(doc))
      const next = waiting.current
      waiting.current = null
      if (next) show(next)
    },
    [show],
  )

  const current = useCallback(() => shown.current, [])
  return useMemo(() => ({ frame, src, model, shown: current, show, loaded }), [src, model, current, show, loaded])
}
