import { useEffect, type RefObject } from 'react'
import type { LexicalEditor } from 'lexical'
import type { ReviewPlace } from '@shared/model'
import { api } from '@renderer/api'

/** About two seconds of frames for the editor to show its text. */
const MAX_FRAMES = 120
/** Scrolling writes the settings file: once it has paused this long. */
const REMEMBER_AFTER_MS = 400

export type TextPlace = Omit<ReviewPlace, 'id'>

/**
 * The review reopened at start goes back to the block it was scrolled to, and later scrolling is
 * kept in main's settings, so a reload or a restart shows the same place.
 */
export function useKeepPlace(
  scrollRef: RefObject<HTMLElement | null>,
  editorRef: RefObject<LexicalEditor | null>,
  id: string,
  restoreTo: TextPlace | undefined,
): void {
  useEffect(() => {
    const scroller = scrollRef.current
    if (!scroller || !restoreTo) return
    let frame = 0
    // The editor fills its page in its own update after mounting: look again each frame, for a while.
    let tries = 0
    const restore = () => {
      const blocks = editorRef.current?.getRootElement()?.children
      if (!blocks?.length) {
        if (++tries < MAX_FRAMES) frame = requestAnimationFrame(restore)
        return
      }
      // The text may have become shorter since (edited elsewhere): its end, then.
      const block = blocks[Math.min(restoreTo.block, blocks.length - 1)]!
      scroller.scrollTop += block.getBoundingClientRect().top - scroller.getBoundingClientRect().top + restoreTo.offset
    }
    restore()
    return () => cancelAnimationFrame(frame)
    // Once per opened review, to the place it was opened with; not again when its folder follows the title.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // Under the review's id as it is now: a save may move its folder after the title (main moves the kept place along).
  useEffect(() => {
    const scroller = scrollRef.current
    if (!scroller) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const remember = () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        const root = editorRef.current?.getRootElement()
        if (root) void api.rememberPlace({ review: { id, ...placeIn(scroller, root) } }).catch(() => undefined)
      }, REMEMBER_AFTER_MS)
    }
    scroller.addEventListener('scroll', remember, { passive: true })
    return () => {
      // Left for another screen, which remembers itself: a late write would undo it.
      clearTimeout(timer)
      scroller.removeEventListener('scroll', remember)
    }
  }, [scrollRef, editorRef, id])
}

/** The first block reaching below the view's top, and how far the view's top is into it. */
function placeIn(scroller: HTMLElement, root: HTMLElement): TextPlace {
  const top = scroller.getBoundingClientRect().top
  const blocks = [...root.children]
  const block = Math.max(0, blocks.findIndex((element) => element.getBoundingClientRect().bottom > top))
  const first = blocks[block]
  return { block, offset: first ? Math.round(top - first.getBoundingClientRect().top) : 0 }
}
