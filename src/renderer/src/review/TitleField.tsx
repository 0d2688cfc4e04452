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
    input.focus({ preventScroll: true })
    if (selectOnMount) input.select()
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
