import { useEffect, type RefObject } from 'react'
import { $createRangeSelection, $getNearestNodeFromDOMNode, $isTextNode, $setSelection, type LexicalEditor } from 'lexical'

/** The CSS highlight (`::highlight(search-match)`) that draws the match until the next edit or click. */
const HIGHLIGHT = 'search-match'
/** About two seconds of frames for the editor to show its text. */
const MAX_FRAMES = 120

/**
 * Opening a review from a search result: the editor scrolls to the first place its text holds the
 * match and selects it, so the caret (and a screen reader) is there and the words are highlighted.
 * The match may run across bold or linked words, so the text of the editor's nodes is searched as one.
 */
export function useLandOnMatch(editorRef: RefObject<LexicalEditor | null>, focus: string | undefined): void {
  useEffect(() => {
    if (!focus) return
    let frame = 0
    let tries = 0
    let landed: HTMLElement | undefined
    const clear = () => CSS.highlights?.delete(HIGHLIGHT)
    // The editor fills its page in its own update after mounting: look again each frame, for a while.
    const attempt = () => {
      const editor = editorRef.current
      const root = editor?.getRootElement()
      const range = root ? findText(root, focus) : undefined
      if (!editor || !root || !range) {
        if (++tries < MAX_FRAMES) frame = requestAnimationFrame(attempt)
        return
      }
      // Lexical owns the selection: it is set in the editor's state, which puts the DOM's in place.
      editor.update(() => {
        const anchor = $getNearestNodeFromDOMNode(range.startContainer)
        const end = $getNearestNodeFromDOMNode(range.endContainer)
        if (!$isTextNode(anchor) || !$isTextNode(end)) return
        const selection = $createRangeSelection()
        selection.anchor.set(anchor.getKey(), range.startOffset, 'text')
        selection.focus.set(end.getKey(), range.endOffset, 'text')
        $setSelection(selection)
      })
      root.focus({ preventScroll: true })
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' })
      if (typeof Highlight === 'function') CSS.highlights.set(HIGHLIGHT, new Highlight(range))
      root.addEventListener('input', clear, { once: true })
      root.addEventListener('pointerdown', clear, { once: true })
      landed = root
    }
    attempt()
    return () => {
      cancelAnimationFrame(frame)
      clear()
      landed?.removeEventListener('input', clear)
      landed?.removeEventListener('pointerdown', clear)
    }
    // Once, when the review opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}

/** The first place `needle` appears in the element's text, ignoring case. */
export function findText(root: HTMLElement, needle: string): Range | undefined {
  const nodes: Text[] = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
  const text = nodes.map((node) => node.data).join('')
  const at = text.toLowerCase().indexOf(needle.toLowerCase())
  if (at === -1) return undefined
  const range = document.createRange()
  let offset = 0
  for (const node of nodes) {
    const end = offset + node.data.length
    if (at >= offset && at < end) range.setStart(node, at - offset)
    if (at + needle.length > offset && at + needle.length <= end) {
      range.setEnd(node, at + needle.length - offset)
      break
    }
    offset = end
  }
  return range
}
