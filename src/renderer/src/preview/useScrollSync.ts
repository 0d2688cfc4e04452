import { useCallback, useEffect, useRef, type RefObject } from 'react'

/**
 * When the editor scrolls, the preview scrolls to the same relative position. The listener sits
 * on the editor's container in the capture phase (scroll events do not bubble), so it needs no
 * hook inside the editor; frames coalesce a burst of scroll events into one update. A page of a
 * new height (once loaded, or at another width) is put at the editor's place too.
 */
export function useScrollSync(sourceRef: RefObject<HTMLElement | null>, targetRef: RefObject<HTMLElement | null>, targetHeight: number): void {
  const scroller = useRef<HTMLElement | null>(null)
  const follow = useCallback(() => {
    const scrolled = scroller.current
    const target = targetRef.current
    if (!scrolled || !target) return
    const range = scrolled.scrollHeight - scrolled.clientHeight
    const ratio = range > 0 ? scrolled.scrollTop / range : 0
    target.scrollTop = ratio * (target.scrollHeight - target.clientHeight)
  }, [targetRef])

  useEffect(() => {
    const source = sourceRef.current
    if (!source) return
    let frame = 0
    const onScroll = (event: Event) => {
      const scrolled = event.target
      if (!(scrolled instanceof HTMLElement) || scrolled.scrollHeight <= scrolled.clientHeight) return
      scroller.current = scrolled
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(follow)
    }
    source.addEventListener('scroll', onScroll, { capture: true, passive: true })
    return () => {
      source.removeEventListener('scroll', onScroll, { capture: true })
      cancelAnimationFrame(frame)
    }
  }, [sourceRef, follow])

  useEffect(follow, [targetHeight, follow])
}
