import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { GUTTER } from './useFrameLayout'

/**
 * The frame is only as tall as the pane's viewport shows, and the viewport scrolls over the whole
 * page's (scaled) height: the frame's page is kept scrolled to the viewport's place, so Chromium
 * lays out and paints the pane's share of the page (and its margin), not a 50,000-word page at each
 * patch. The other way too: a page scrolled from within (the wheel over it, the keyboard, a
 * footnote's link) moves the viewport, whose scrollbar is the one shown (the page's is hidden).
 * Returns what to call with each page the frame loads.
 */
export function useFrameScroll(viewport: RefObject<HTMLElement | null>, scale: number, windowHeight: number): (page: Document) => void {
  const shown = useRef<Document | null>(null)
  const [loads, setLoads] = useState(0)
  useEffect(() => {
    const box = viewport.current
    const page = shown.current
    const scroller = page?.scrollingElement
    if (!box || !page || !scroller) return
    // Set through the CSSOM, which the page's content security policy leaves to the app.
    page.documentElement.style.setProperty('scrollbar-width', 'none')
    // The viewport's scroll range maps onto the page's: it comes from the page's estimated height,
    // which may miss the real one a little, and either end should show the page's end. The frame
    // moves with the viewport's padding (GUTTER) at either end, and sticks between.
    const pageRange = () => scroller.scrollHeight - scroller.clientHeight
    const viewportRange = () => Math.max(1, box.scrollHeight - box.clientHeight - 2 * GUTTER)
    // Each side rounds its offset to its own pixels: a difference under a pixel of the other side's
    // is the echo of the last move, not a new one.
    const toFrame = () => {
      const pagePx = pageRange() / viewportRange()
      const place = Math.min(1, Math.max(0, (box.scrollTop - GUTTER) / viewportRange())) * pageRange()
      if (Math.abs(scroller.scrollTop - place) > Math.max(1, pagePx)) scroller.scrollTop = place
    }
    const toViewport = () => {
      if (pageRange() <= 0) return
      const place = GUTTER + (scroller.scrollTop / pageRange()) * viewportRange()
      if (Math.abs(box.scrollTop - place) > 1) box.scrollTop = place
    }
    // A new page, scale or pane height: the page is put at the viewport's place.
    void [loads, scale, windowHeight]
    toFrame()
    box.addEventListener('scroll', toFrame, { passive: true })
    page.addEventListener('scroll', toViewport, { passive: true })
    return () => {
      box.removeEventListener('scroll', toFrame)
      page.removeEventListener('scroll', toViewport)
    }
  }, [viewport, loads, scale, windowHeight])
  return useCallback((page: Document) => {
    shown.current = page
    setLoads((n) => n + 1)
  }, [])
}
