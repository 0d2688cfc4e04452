import type { ReactNode } from 'react'
import { Dialog, DialogActions } from './Dialog'
import { TextField } from './TextField'
import { useCheckedText } from './useCheckedText'

interface Props {
  title: string
  description?: string
  label: string
  hint?: string
  placeholder: string
  initial: string
  submitLabel: string
  /** Why this (trimmed) address is refused, or null to accept it. */
  refuse: (url: string) => string | null
  onApply: (url: string) => void
  onClose: () => void
  /** An action before Cancel (e.g. Remove link). */
  extraAction?: ReactNode
  /** More fields under the address. */
  children?: ReactNode
}

/** Asks for one web address (links, trailers): checked on submit, its error cleared by typing. */
export function UrlPromptDialog({ label, hint, placeholder, initial, submitLabel, refuse, onApply, extraAction, children, ...shown }: Props) {
  const url = useCheckedText(initial)

  const submit = () => {
    const trimmed = url.text.trim()
    const refused = refuse(trimmed)
    if (refused) url.refuse(refused)
    else onApply(trimmed)
  }

  return (
    <Dialog
      {...shown}
      onSubmit={submit}
      actions={
        <>
          {extraAction}
          <DialogActions busy={false} label={submitLabel} onCancel={shown.onClose} />
        </>
      }
    >
      <TextField
        label={label}
        hint={hint}
        type="text"
        inputMode="url"
        placeholder={placeholder}
        spellCheck={false}
        data-autofocus
        {...url.field}
      />
      {children}
    </Dialog>
  )
}
