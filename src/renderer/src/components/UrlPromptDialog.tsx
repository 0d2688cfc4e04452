import { useState, type ReactNode } from 'react'
import { Dialog, DialogActions } from './Dialog'
import { TextField } from './TextField'

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
export function UrlPromptDialog({ title, description, label, hint, placeholder, initial, submitLabel, refuse, onApply, onClose, extraAction, children }: Props) {
  const [url, setUrl] = useState(initial)
  const [error, setError] = useState<string | null>(null)

  const submit = () => {
    const trimmed = url.trim()
    const refused = refuse(trimmed)
    if (refused) setError(refused)
    else onApply(trimmed)
  }

  return (
    <Dialog
      title={title}
      description={description}
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          {extraAction}
          <DialogActions busy={false} label={submitLabel} onCancel={onClose} />
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
        value={url}
        error={error}
        onChange={(event) => {
          setUrl(event.target.value)
          setError(null)
        }}
      />
      {children}
    </Dialog>
  )
}
