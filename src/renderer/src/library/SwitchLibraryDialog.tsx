import { useState } from 'react'
import type { LibraryInfo } from '@shared/model'
import { api } from '@renderer/api'
import { Dialog } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
import { Icon } from '@renderer/components/Icon'
import { errorMessage } from '@renderer/lib/errors'

interface Props {
  library: LibraryInfo
  onSwitched: (library: LibraryInfo) => void
  onClose: () => void
}

/** Opens another library folder: typed, browsed for, or picked from the recent ones. */
export function SwitchLibraryDialog({ library, onSwitched, onClose }: Props) {
  const [path, setPath] = useState(library.path)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const recent = library.recent.filter((other) => other !== library.path)

  const browse = async () => {
    try {
      const picked = await api.pickFolder()
      if (picked !== null) {
        setPath(picked)
        setError(null)
      }
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  const submit = async () => {
    const trimmed = path.trim()
    if (!trimmed) return setError('Enter the folder to use as your library.')
    setBusy(true)
    try {
      onSwitched(await api.switchLibrary({ path: trimmed }))
    } catch (failure) {
      setError(errorMessage(failure))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="Switch library"
      description="A library is a folder holding one folder per review. A new folder becomes an empty library."
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Opening…' : 'Open library'}
          </button>
        </>
      }
    >
      <div className="field-row">
        <TextField
          className="grow"
          label="Library folder"
          spellCheck={false}
          data-autofocus
          value={path}
          error={error}
          onChange={(event) => {
            setPath(event.target.value)
            setError(null)
          }}
        />
        <button type="button" className="button" onClick={() => void browse()}>
          Browse…
        </button>
      </div>
      {recent.length > 0 && (
        <section className="recent-libraries" aria-labelledby="recent-libraries-heading">
          <h3 id="recent-libraries-heading" className="panel-heading">
            Recent libraries
          </h3>
          <ul>
            {recent.map((other) => (
              <li key={other}>
                <button
                  type="button"
                  className="recent-library"
                  aria-pressed={other === path}
                  onClick={() => {
                    setPath(other)
                    setError(null)
                  }}
                >
                  <Icon name="folder" size={16} />
                  <span>{other}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  )
}
