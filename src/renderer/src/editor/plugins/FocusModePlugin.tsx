import { useEffect, type RefObject } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, type LexicalEditor } from 'lexical'

/** Set on the top-level block holding the caret; focus mode's CSS dims the others. */
const CURRENT = 'data-focus-current'

/**
 * Focus mode in the text: marks the block being written (the others are dimmed), and with
 * `typewriter` keeps the caret's line in the middle of the scrolling area as the critic writes.
 */
export function FocusModePlugin({ typewriter, scrollRef }: { typewriter: boolean; scrollRef: RefObject<HTMLDivElement | null> }) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    let current: HTMLElement | null = null
    const follow = () => {
      const block = currentBlock(editor)
      if (block !== current) {
        current?.removeAttribute(CURRENT)
        block?.setAttribute(CURRENT, '')
        current = block
      }
      const scroller = scrollRef.current
      if (typewriter && scroller && editor.getRootElement()?.contains(document.activeElement)) centreCaret(scroller, block)
    }
    follow()
    const unregister = editor.registerUpdateListener(follow)
    return () => {
      unregister()
      current?.removeAttribute(CURRENT)
    }
  }, [editor, typewriter, scrollRef])
  return null
}

/** The DOM element of the top-level block the selection starts in, if any. */
function currentBlock(editor: LexicalEditor): HTMLElement | null {
  const key = editor.getEditorState().read(() => {
    const node = $getSelection()?.getNodes()[0]
    return node?.getTopLevelElement()?.getKey() ?? null
  })
  return key === null ? null : editor.getElementByKey(key)
}

/** Scrolls so the caret (or, when it has no box of its own, its block) sits mid-height. */
function centreCaret(scroller: HTMLElement, block: HTMLElement | null): void {
  const selection = window.getSelection()
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null
  const caret = range?.getClientRects()[0] ?? block?.getBoundingClientRect()
  if (!caret) return
  const area = scroller.getBoundingClientRect()
  scroller.scrollTop += caret.top + caret.height / 2 - (area.top + area.height / 2)
}
