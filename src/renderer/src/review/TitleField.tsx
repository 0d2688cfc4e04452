import { useEffect, useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'

interface Props {
  value: string
  onChange: (title: string) => void
  /** Select the title on mount (for a review just created); otherwise the caret goes to its end. */
  selectOnMount: boolean
}

/** The review's title as a large field above the text (rendered inside the editor's composer). */
export function TitleField({ value, onChange, selectOnMount }: Props) {
  const [editor] = useLexicalComposerContext()
  const ref = useRef<HTMLTextAreaElement>(null)

  // Opening a review puts the focus here: the screen's first field, named by the title it holds.
  useEffect(() => {
    const input = ref.current
    if (!input) return
    return focusInFrame(input, selectOnMount)
  }, [selectOnMount])

  return (
    // A text area that grows with its text, so a long title wraps and shows whole; it stays one
    // line of text (Enter moves on, pasted line breaks become spaces).
    <textarea
      ref={ref}
      className="title-input"
      aria-label="Title"
      placeholder="Untitled review"
      rows={1}
      maxLength={500}
      value={value}
      onChange={(event) => onChange(event.target.value.replace(/\s*[\r\n]+\s*/g, ' '))}
      onKeyDown={(event) => {
        // Enter moves on to the text, as it does after a document's title.
        if (event.key === 'Enter') {
          event.preventDefault()
          editor.focus()
        }
      }}
    />
  )
}

/**
 * Focuses `input` in the next frame's animation callbacks, just before the frame's own style and
 * layout: focus() needs them, and called in the screen's mount it forced them there, before the
 * rest of the screen had mounted, so the frame did them again. Until then a key pressed is the
 * field's (it takes the focus first, so the key lands in it); a click elsewhere keeps its focus.
 */
function focusInFrame(input: HTMLTextAreaElement, select: boolean): () => void {
  const take = () => {
    stop()
    // Focus that went elsewhere meanwhile stays there.
    if (document.activeElement !== document.body && document.activeElement !== null) return
    input.focus({ preventScroll: true })
    if (select) input.select()
  }
  const frame = requestAnimationFrame(take)
  const stop = () => {
    cancelAnimationFrame(frame)
    removeEventListener('keydown', take, true)
    removeEventListener('pointerdown', stop, true)
  }
  addEventListener('keydown', take, true)
  addEventListener('pointerdown', stop, true)
  return stop
}
