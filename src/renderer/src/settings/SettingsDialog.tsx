import { useState } from 'react'
import type { Settings } from '@shared/model'
import { CHARACTERS_PER_MINUTE } from '@shared/text'
import { api } from '@renderer/api'
import { Dialog, DialogActions } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
import { errorMessage } from '@renderer/lib/errors'

interface Props {
  settings: Settings
  onSaved: (settings: Settings) => void
  onClose: () => void
}

export function SettingsDialog({ settings, onSaved, onClose }: Props) {
  const [author, setAuthor] = useState(settings.author)
  const [speed, setSpeed] = useState(String(settings.wordsPerMinute))
  const [speedError, setSpeedError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const wordsPerMinute = Number(speed)
    if (!Number.isInteger(wordsPerMinute) || wordsPerMinute < 50 || wordsPerMinute > 2000) {
      setSpeedError('Enter a whole number between 50 and 2000.')
      return
    }
    setBusy(true)
    try {
      onSaved(await api.updateSettings({ author: author.trim(), wordsPerMinute }))
    } catch (failure) {
      setError(errorMessage(failure))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="Settings"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={<DialogActions busy={busy} label="Save settings" onCancel={onClose} />}
    >
      <TextField
        label="Author"
        hint="Filled in on new reviews."
        data-autofocus
        value={author}
        onChange={(event) => setAuthor(event.target.value)}
      />
      <TextField
        label="Words per minute"
        hint={`Reading speed for the “min read” estimate; 265 is typical. Chinese and Japanese are timed at ${CHARACTERS_PER_MINUTE} characters a minute.`}
        type="number"
        min={50}
        max={2000}
        step={5}
        value={speed}
        error={speedError}
        onChange={(event) => {
          setSpeed(event.target.value)
          setSpeedError(null)
        }}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}
