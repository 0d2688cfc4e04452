import { useState } from 'react'
import type { Settings } from '@shared/model'
import { CHARACTERS_PER_MINUTE } from '@shared/text'
import { api } from '@renderer/api'
import { CheckField } from '@renderer/components/CheckField'
import { Dialog, DialogActions } from '@renderer/components/Dialog'
import { ErrorLine } from '@renderer/components/ErrorLine'
import { TextField } from '@renderer/components/TextField'
import { useAction } from '@renderer/components/useAction'
import { useCheckedText } from '@renderer/components/useCheckedText'

interface Props {
  settings: Settings
  /** First run: a welcome that offers this name (the OS user's, or '') and can be skipped. */
  welcome?: { suggestedAuthor: string }
  onSaved: (settings: Settings) => void
  onClose: () => void
}

export function SettingsDialog({ settings, welcome, onSaved, onClose }: Props) {
  const [author, setAuthor] = useState(welcome ? welcome.suggestedAuthor : settings.author)
  const speed = useCheckedText(String(settings.wordsPerMinute))
  // Off until the critic ticks it, also in the first-run welcome: nothing goes online unasked.
  const [checkForUpdates, setCheckForUpdates] = useState(settings.checkForUpdates)
  const [typewriterScrolling, setTypewriterScrolling] = useState(settings.typewriterScrolling)
  const { busy, error, run } = useAction()

  const submit = async () => {
    const wordsPerMinute = Number(speed.text)
    if (!Number.isInteger(wordsPerMinute) || wordsPerMinute < 50 || wordsPerMinute > 2000) {
      speed.refuse('Enter a whole number between 50 and 2000.')
      return
    }
    // Saved once, the first-run welcome has been answered.
    const patch = { author: author.trim(), wordsPerMinute, checkForUpdates, typewriterScrolling, welcomed: true }
    await run(async () => onSaved(await api.updateSettings(patch)), { staysBusy: true })
  }

  return (
    <Dialog
      title={welcome ? 'Welcome to Verdict' : 'Settings'}
      description={
        welcome ? 'Who signs your reviews, how fast your readers read, and whether Verdict looks for updates. All can be changed later in Settings.' : undefined
      }
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={<DialogActions busy={busy} label="Save settings" cancelLabel={welcome ? 'Skip' : 'Cancel'} onCancel={onClose} />}
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
        {...speed.field}
      />
      <CheckField
        label="Typewriter scrolling"
        hint="In focus mode, the line you are writing stays in the middle of the window."
        checked={typewriterScrolling}
        onChange={setTypewriterScrolling}
      />
      <CheckField
        label="Check for updates"
        hint="Twice a day the desktop app asks Verdict’s update server for a newer version, downloads it and installs it when you quit. Nothing is sent while this is off."
        checked={checkForUpdates}
        onChange={setCheckForUpdates}
      />
      {error && <ErrorLine>{error}</ErrorLine>}
    </Dialog>
  )
}
