import { useEffect, useRef, type RefObject } from 'react'
import type { LexicalEditor } from 'lexical'
import type { Match } from './textSearch'

const MATCHES = 'verdict-find'
const CURRENT = 'verdict-find-current'

/**
 * The find bar's matches painted as CSS highlights over the editor's text (the document is never
 * touched to show them), the current one apart; it is scrolled into view when `revealRef` is set.
 */
export function useMatchHighlights(editor: LexicalEditor, matches: Match[], currentMatch: Match | undefined, revealRef: RefObject<boolean>): void {
  const ranges = useRef(new WeakMap<Match, Range>())

  // Only the matches near the viewport are registered: the browser revalidates every registered
  // range after each DOM change, so hundreds of them would tax every key typed.
  useEffect(() => {
    if (matches.length === 0) return
    const highlight = new Highlight()
    CSS.highlights.set(MATCHES, highlight)
    let frame = 0
    const paint = () => {
      frame = 0
      highlight.clear()
      for (const match of nearViewport(editor, matches)) {
        // A kept match keeps its range: the DOM of a block that was not edited is still there.
        const range = ranges.current.get(match) ?? domRange(editor, match)
        if (!range) continue
        ranges.current.set(match, range)
        highlight.add(range)
      }
    }
    const onMove = () => {
      frame ||= requestAnimationFrame(paint)
    }
    paint()
    document.addEventListener('scroll', onMove, { capture: true, passive: true })
    window.addEventListener('resize', onMove)
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('scroll', onMove, { capture: true })
      window.removeEventListener('resize', onMove)
      CSS.highlights.delete(MATCHES)
    }
  }, [editor, matches])

  useEffect(() => {
    const range = currentMatch && domRange(editor, currentMatch)
    if (!range) return
    CSS.highlights.set(CURRENT, new Highlight(range))
    if (revealRef.current) {
      revealRef.current = false
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' })
    }
    return () => void CSS.highlights.delete(CURRENT)
  }, [editor, currentMatch, revealRef])
}

function textIn(element: HTMLElement | null): Text | null {
  let node: Node | null = element
  while (node && !(node instanceof Text)) node = node.firstChild
  return node
}

/** The match as a DOM range over the editor's text, for a highlight; null while its DOM is not there. */
function domRange(editor: LexicalEditor, match: Match): Range | null {
  const first = match[0]
  const last = match[match.length - 1]
  if (!first || !last) return null
  const start = textIn(editor.getElementByKey(first.key))
  const end = textIn(editor.getElementByKey(last.key))
  if (!start || !end) return null
  const range = new Range()
  range.setStart(start, Math.min(first.start, start.length))
  range.setEnd(end, Math.min(last.end, end.length))
  return range
}

/** How far beyond the viewport matches are highlighted, so a scroll shows them already drawn. */
const AHEAD_PX = 1000

/** The top-level block holding the match's first text node (its box is laid out even off screen). */
function blockBox(editor: LexicalEditor, match: Match): DOMRect | null {
  const root = editor.getRootElement()
  let element = match[0] ? editor.getElementByKey(match[0].key) : null
  while (element && element.parentElement !== root) element = element.parentElement
  return element?.getBoundingClientRect() ?? null
}

/** The matches in or near the viewport, found by bisection: matches come in document order, so their blocks go down the page. */
function nearViewport(editor: LexicalEditor, matches: Match[]): Match[] {
  const below = (match: Match) => (blockBox(editor, match)?.bottom ?? Number.POSITIVE_INFINITY) >= -AHEAD_PX
  const above = (match: Match) => (blockBox(editor, match)?.top ?? Number.NEGATIVE_INFINITY) <= window.innerHeight + AHEAD_PX
  const first = bisect(matches, below)
  const end = bisect(matches, (match) => !above(match))
  return matches.slice(first, Math.max(first, end))
}

/** The first index whose match passes `test`, for a test that fails then passes along the array. */
function bisect(matches: Match[], test: (match: Match) => boolean): number {
  let low = 0
  let high = matches.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (test(matches[middle]!)) high = middle
    else low = middle + 1
  }
  return low
}
