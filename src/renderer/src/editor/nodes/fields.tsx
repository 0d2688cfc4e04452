/**
 * Text controls for the fields of decorator nodes (score, image, embed). Each keeps a local draft
 * so the caret never jumps while the node update round-trips through Lexical, and takes the node's
 * value again when it changes from elsewhere (undo, redo) while the control is not being edited.
 */
import { forwardRef, useState, type FocusEvent, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react'

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

/** The props binding a text control to a draft: caller's focus handlers kept, every change committed. */
function useDraftBinding<E extends HTMLInputElement | HTMLTextAreaElement>(
  value: string,
  onCommit: (value: string) => void,
  onFocus: ((event: FocusEvent<E>) => void) | undefined,
  onBlur: ((event: FocusEvent<E>) => void) | undefined,
) {
  const draft = useDraft(value)
  return {
    value: draft.draft,
    onFocus: (event: FocusEvent<E>) => {
      draft.onFocus()
      onFocus?.(event)
    },
    onBlur: (event: FocusEvent<E>) => {
      draft.onBlur()
      onBlur?.(event)
    },
    onChange: (event: { target: { value: string } }) => {
      draft.setDraft(event.target.value)
      onCommit(event.target.value)
    },
  }
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string
  onCommit: (value: string) => void
}

/** A text input committing every change to the node. */
export const DraftInput = forwardRef<HTMLInputElement, InputProps>(function DraftInput({ value, onCommit, onFocus, onBlur, ...rest }, ref) {
  const binding = useDraftBinding(value, onCommit, onFocus, onBlur)
  return <input ref={ref} {...rest} {...binding} />
})

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> & {
  value: string
  onCommit: (value: string) => void
}

/** A textarea committing every change; it grows with its text (CSS `field-sizing: content`). */
export const DraftTextarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function DraftTextarea({ value, onCommit, onFocus, onBlur, ...rest }, ref) {
  const binding = useDraftBinding(value, onCommit, onFocus, onBlur)
  return <textarea ref={ref} rows={1} {...rest} {...binding} />
})

/** A node's text field as data: which field, its accessible name (where no visible label gives one), its hint and its longest text. */
export interface TextFieldSpec<K extends string> {
  key: K
  label?: string
  placeholder: string
  maxLength: number
}

/** A `DraftInput`'s props for the text field `spec` of a node's fields: its name, hint and limit, its value, editability and commit. */
export function textField<K extends string>(fields: Record<K, string>, spec: TextFieldSpec<K>, editable: boolean, update: (patch: Partial<Record<K, string>>) => void) {
  const { key, label, placeholder, maxLength } = spec
  const onCommit = (text: string) => {
    const patch: Partial<Record<K, string>> = {}
    patch[key] = text
    update(patch)
  }
  return { 'aria-label': label, placeholder, maxLength, value: fields[key], disabled: !editable, onCommit }
}
