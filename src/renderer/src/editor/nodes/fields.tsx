/**
 * Text controls for the fields of decorator nodes (score, image, embed). Each keeps a local draft
 * so the caret never jumps while the node update round-trips through Lexical, and takes the node's
 * value again when it changes from elsewhere (undo, redo) while the control is not being edited.
 */
import { forwardRef, useState, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react'

export function useDraft(value: string): {
  draft: string
  setDraft: (text: string) => void
  onFocus: () => void
  onBlur: () => void
} {
  const [draft, setDraft] = useState(value)
  const [seen, setSeen] = useState(value)
  const [editing, setEditing] = useState(false)
  if (value !== seen) {
    setSeen(value)
    if (!editing) setDraft(value)
  }
  return {
    draft,
    setDraft,
    onFocus: () => setEditing(true),
    // Leaving the field shows what the node holds (a typed score may have been brought onto its scale).
    onBlur: () => {
      setEditing(false)
      setDraft(value)
    },
  }
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string
  onCommit: (value: string) => void
}

/** A text input committing every change to the node. */
export const DraftInput = forwardRef<HTMLInputElement, InputProps>(function DraftInput({ value, onCommit, onFocus, onBlur, ...rest }, ref) {
  const draft = useDraft(value)
  return (
    <input
      ref={ref}
      {...rest}
      value={draft.draft}
      onFocus={(event) => {
        draft.onFocus()
        onFocus?.(event)
      }}
      onBlur={(event) => {
        draft.onBlur()
        onBlur?.(event)
      }}
      onChange={(event) => {
        draft.setDraft(event.target.value)
        onCommit(event.target.value)
      }}
    />
  )
})

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> & {
  value: string
  onCommit: (value: string) => void
}

/** A textarea committing every change; it grows with its text (CSS `field-sizing: content`). */
export const DraftTextarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function DraftTextarea({ value, onCommit, onFocus, onBlur, ...rest }, ref) {
  const draft = useDraft(value)
  return (
    <textarea
      ref={ref}
      rows={1}
      {...rest}
      value={draft.draft}
      onFocus={(event) => {
        draft.onFocus()
        onFocus?.(event)
      }}
      onBlur={(event) => {
        draft.onBlur()
        onBlur?.(event)
      }}
      onChange={(event) => {
        draft.setDraft(event.target.value)
        onCommit(event.target.value)
      }}
    />
  )
})
