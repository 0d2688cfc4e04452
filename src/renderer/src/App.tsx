import { useEffect, useState } from 'react'
import { DEFAULT_SETTINGS, type Settings } from '@shared/model'
import { api } from './api'
import { ErrorBoundary } from './components/ErrorBoundary'
import { LibraryView } from './library/LibraryView'
import { ReviewScreen } from './review/ReviewScreen'
import { SettingsDialog } from './settings/SettingsDialog'

type View = { name: 'library' } | { name: 'review'; id: string; isNew: boolean }

export function App() {
  const [view, setView] = useState<View>({ name: 'library' })
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS)
  const [editingSettings, setEditingSettings] = useState(false)

  const backToLibrary = () => setView({ name: 'library' })

  useEffect(() => {
    // Defaults stand in until (or if ever) the stored settings arrive.
    api.getSettings().then(setSettings, () => undefined)
  }, [])

  return (
    <>
      {view.name === 'library' ? (
        <LibraryView
          onOpen={(id, isNew = false) => setView({ name: 'review', id, isNew })}
          onOpenSettings={() => setEditingSettings(true)}
        />
      ) : (
        <ErrorBoundary
          key={view.id}
          fallback={(error) => (
            <div className="screen crashed" role="alert">
              <h1>This review could not be shown</h1>
              <p>{error.message}</p>
              <button type="button" className="button" onClick={backToLibrary}>
                Back to the library
              </button>
            </div>
          )}
        >
          <ReviewScreen id={view.id} isNew={view.isNew} wordsPerMinute={settings.wordsPerMinute} onClose={backToLibrary} />
        </ErrorBoundary>
      )}
      {editingSettings && (
        <SettingsDialog
          settings={settings}
          onClose={() => setEditingSettings(false)}
          onSaved={(saved) => {
            setSettings(saved)
            setEditingSettings(false)
          }}
        />
      )}
    </>
  )
}
