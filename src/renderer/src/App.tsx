import { useCallback, useEffect, useState } from 'react'
import { RELOADED_PARAM, type RecoveredDraft } from '@shared/contract'
import { DEFAULT_SETTINGS, type Settings } from '@shared/model'
import { api } from './api'
import { installCommands, useCommand } from './commands/commands'
import { flushEdits, installQuitHandshake } from './commands/quit'
import { AboutDialog } from './help/AboutDialog'
import { ShortcutsDialog } from './help/ShortcutsDialog'
import { ErrorBoundary } from './components/ErrorBoundary'
import { LibraryView } from './library/LibraryView'
import { OpenFromSystem } from './open/OpenFromSystem'
import { RecoveryDialog } from './recovery/RecoveryDialog'
import { ReviewScreen, type RecoveredEdits } from './review/ReviewScreen'
import type { TextPlace } from './review/keepPlace'
import { SettingsDialog } from './settings/SettingsDialog'

type View =
  /** Until main says which review (if any) was on screen when Verdict was left. */
  | { name: 'starting' }
  | { name: 'library'; returnFrom?: string }
  | { name: 'review'; id: string; isNew: boolean; recovered?: RecoveredEdits; focus?: string; place?: TextPlace }

export function App() {
  const [view, setView] = useState<View>({ name: 'starting' })
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS)
  const [editingSettings, setEditingSettings] = useState(false)
  // First run (no author, never welcomed): the name to offer in the welcome, while it is shown.
  const [welcome, setWelcome] = useState<{ suggestedAuthor: string } | null>(null)
  // Drafts the journal kept from a crash, offered once at start.
  const [recovered, setRecovered] = useState<RecoveredDraft[]>([])
  const [helpDialog, setHelpDialog] = useState<'shortcuts' | 'about' | null>(null)
  // Main reloaded the window after its renderer crashed: the drafts are offered as what the crash left.
  const [afterCrash] = useState(takeReloadedMark)

  // Bumped to read the library afresh: a path opened from the system may have switched it.
  const [libraryShown, setLibraryShown] = useState(0)

  // Back in the library, the row of the review just left takes the focus.
  const backToLibrary = (returnFrom: string) => setView({ name: 'library', returnFrom })
  const leaveForOpen = useCallback(async () => {
    await flushEdits()
    setView({ name: 'library' })
  }, [])
  const showLibrary = useCallback(() => {
    setView({ name: 'library' })
    setLibraryShown((count) => count + 1)
  }, [])
  const showReview = useCallback((id: string) => setView({ name: 'review', id, isNew: false }), [])

  useEffect(() => {
    // Defaults stand in until (or if ever) the stored settings arrive.
    api.getSettings().then(async (loaded) => {
      setSettings(loaded)
      if (loaded.welcomed || loaded.author) return
      setWelcome({ suggestedAuthor: await api.suggestAuthor().catch(() => '') })
    }, () => undefined)
    const drafts = api.listRecovered().catch(() => [])
    drafts.then(setRecovered, () => undefined)
    // The review left on screen opens again, unless a crash left drafts: the library offers those first.
    Promise.all([drafts, api.lastPlace().catch(() => null)]).then(
      ([kept, place]) => setView(kept.length === 0 && place ? { name: 'review', id: place.id, isNew: false, place } : { name: 'library' }),
      () => setView({ name: 'library' }),
    )
  }, [])

  useEffect(() => installCommands(), [])
  // A notification about a review was clicked: that review opens (it stays as it is if already open).
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'open-review') return
        setView((current) => (current.name === 'review' && current.id === event.id ? current : { name: 'review', id: event.id, isNew: false }))
      }),
    [],
  )
  useEffect(() => installQuitHandshake(), [])
  // The application menu enables its items for the screen shown.
  useEffect(() => {
    if (view.name !== 'starting') api.reportScreen({ screen: view.name }).catch(() => undefined)
  }, [view.name])
  // What the next start shows; the review screen adds how far it is scrolled (useKeepPlace).
  const placeId = view.name === 'review' ? view.id : null
  const startPlace = (view.name === 'review' && view.place) || { block: 0, offset: 0 }
  useEffect(() => {
    if (view.name === 'starting') return
    api.rememberPlace({ review: placeId === null ? null : { id: placeId, ...startPlace } }).catch(() => undefined)
    // Once per screen: later scrolling is the review screen's to report.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.name, placeId])
  useCommand('settings', () => setEditingSettings(true))
  useCommand('shortcuts', () => setHelpDialog('shortcuts'))
  useCommand('about', () => setHelpDialog('about'))

  const dropDraft = (id: string) => setRecovered((drafts) => drafts.filter((draft) => draft.id !== id))
  const restoreDraft = async (draft: RecoveredDraft) => {
    const { meta, doc, baseHash } = await api.readRecovered({ id: draft.id })
    if (draft.reviewExists) {
      // Saving removes the draft from the journal once the file holds it.
      setView({ name: 'review', id: draft.id, isNew: false, recovered: { meta, doc, baseHash } })
    } else {
      // The review's folder is gone: the text goes into a new review.
      const created = await api.createReview({ title: meta.title })
      await api.discardRecovered({ id: draft.id })
      setView({ name: 'review', id: created.id, isNew: false, recovered: { meta: { ...meta, title: created.title }, doc } })
    }
    dropDraft(draft.id)
  }
  const discardDraft = async (draft: RecoveredDraft) => {
    await api.discardRecovered({ id: draft.id })
    dropDraft(draft.id)
  }

  return (
    <>
      {view.name === 'starting' ? null : view.name === 'library' ? (
        <LibraryView
          key={libraryShown}
          returnFrom={view.returnFrom}
          onOpen={(id, isNew = false, focus) => setView({ name: 'review', id, isNew, ...(focus ? { focus } : {}) })}
          onOpenSettings={() => setEditingSettings(true)}
        />
      ) : (
        <ErrorBoundary
          key={view.id}
          fallback={(error) => (
            <div className="screen crashed" role="alert">
              <h1>This review could not be shown</h1>
              <p>{error.message}</p>
              <button type="button" className="button" onClick={() => backToLibrary(view.id)}>
                Back to the library
              </button>
            </div>
          )}
        >
          <ReviewScreen
            id={view.id}
            isNew={view.isNew}
            recovered={view.recovered}
            focus={view.focus}
            place={view.place}
            onOpenReview={(id, isNew = false) => setView({ name: 'review', id, isNew })}
            wordsPerMinute={settings.wordsPerMinute}
            typewriter={settings.typewriterScrolling}
            maxImageBytes={settings.maxImageBytes}
            onClose={backToLibrary}
          />
        </ErrorBoundary>
      )}
      {view.name === 'library' && recovered.length > 0 && (
        <RecoveryDialog drafts={recovered} afterCrash={afterCrash} onRestore={restoreDraft} onDiscard={discardDraft} onClose={() => setRecovered([])} />
      )}
      {view.name !== 'starting' && <OpenFromSystem leave={leaveForOpen} showLibrary={showLibrary} showReview={showReview} />}
      {helpDialog === 'shortcuts' && <ShortcutsDialog onClose={() => setHelpDialog(null)} />}
      {helpDialog === 'about' && <AboutDialog onClose={() => setHelpDialog(null)} />}
      {welcome && recovered.length === 0 && view.name !== 'starting' && (
        <SettingsDialog
          settings={settings}
          welcome={welcome}
          onClose={() => {
            setWelcome(null)
            // Skipped: not asked again; Settings… stays there for later.
            api.updateSettings({ welcomed: true }).then(setSettings, () => undefined)
          }}
          onSaved={(saved) => {
            setSettings(saved)
            setWelcome(null)
          }}
        />
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

/** Whether main reloaded the window after a crash; the mark is dropped so a later reload is an ordinary one. */
function takeReloadedMark(): boolean {
  const url = new URL(window.location.href)
  if (!url.searchParams.has(RELOADED_PARAM)) return false
  url.searchParams.delete(RELOADED_PARAM)
  window.history.replaceState(window.history.state, '', url)
  return true
}
