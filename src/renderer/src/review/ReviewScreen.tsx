import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import type { OpenedReview } from '@shared/contract'
import type { EditorDocument } from '@shared/document'
import type { ReviewMeta } from '@shared/model'
import type { LexicalEditor } from 'lexical'
import { api } from '@renderer/api'
import { useCommand } from '@renderer/commands/commands'
import { useFlushBeforeQuit } from '@renderer/commands/quit'
import { Icon } from '@renderer/components/Icon'
import { MenuButton } from '@renderer/components/MenuButton'
import { SkipLink } from '@renderer/components/SkipLink'
import { Toast, type ToastMessage } from '@renderer/components/Toast'
import { StatusBadge } from '@renderer/components/StatusBadge'
import { errorMessage } from '@renderer/lib/errors'
import { Editor } from '@renderer/editor/Editor'
import { ExportDialog } from '@renderer/export/ExportDialog'
import { LatestDocument, serialiseOnce, type DocumentSource } from '@renderer/preview/latestDocument'
import { useWordCount } from '@renderer/preview/useWordCount'
import { PreviewPane } from '@renderer/preview/PreviewPane'
import { PreviewToggle, usePreviewToggle } from '@renderer/preview/PreviewToggle'
import { EditorServicesProvider } from '@renderer/editor/EditorServices'
import { PublishDialog } from '@renderer/publish/PublishDialog'
import { $replaceImageSrc, downscale as downscaleImage } from '@renderer/publish/downscale'
import type { PublishedPatch } from '@renderer/publish/records'
import { usePublishedSync } from '@renderer/publish/usePublishedSync'
import { HistoryPanel } from './HistoryPanel'
import { useLandOnMatch } from '@renderer/search/landOnMatch'
import { MetaPanel, type MetaPatch } from './MetaPanel'
import { ReviewNotices, SaveFailedNotice } from './ReviewNotices'
import { useKeepPlace, type TextPlace } from './keepPlace'
import { useReviewEditorServices } from './editorServices'
import { StatusBar } from './StatusBar'
import { TitleField } from './TitleField'
import { ReviewSaver, type SaveState } from './saver'

/** Unsaved edits from the recovery journal, shown in place of the file's text until autosave writes them. */
export interface RecoveredEdits {
  meta: ReviewMeta
  doc: EditorDocument
  /** The version the edits were made on; without it, the file as opened now. */
  baseHash?: string
}

interface Props {
  id: string
  recovered?: RecoveredEdits
  /** Switches the screen to another review (one saved from this screen's text). */
  onOpenReview: (id: string, isNew?: boolean) => void
  wordsPerMinute: number
  /** Set for a review just created: its title is selected, ready to be typed over. */
  isNew: boolean
  /** Text to land on when the review opens (a search match). */
  focus?: string | undefined
  /** Where in the text to show it (the review reopened at start). */
  place?: TextPlace | undefined
  /** Back to the library, with the review's id as it is now (its folder may have followed the title). */
  onClose: (id: string) => void
}

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | OpenedReview

export function ReviewScreen({ id, wordsPerMinute, isNew, recovered, focus, place, onOpenReview, onClose: close }: Props) {
  const [review, setReview] = useState<Loaded>({ kind: 'loading' })
  // The review's id now: a save may move it (its folder follows the title) while the editor stays.
  const currentId = useRef(id)
  const moved = useCallback((to: string) => {
    currentId.current = to
    setReview((old) => (old.kind === 'editable' ? { ...old, id: to } : old))
  }, [])
  const onClose = () => close(currentId.current)
  // Bumped to read the file again (after a conflict, to take the version on disk).
  const [generation, setGeneration] = useState(0)
  // Here rather than in the editor: a toast about a reload outlives the editor it replaces.
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const notify = useCallback((text: string) => setToast({ id: Date.now(), text }), [])
  const dismissToast = useCallback(() => setToast(null), [])
  const reload = useCallback(() => setGeneration((n) => n + 1), [])
  // Here so the panel stays open when a restore replaces the editor.
  const [showHistory, setShowHistory] = useState(false)

  // Counts readings: a reading with the same hash as before (a restored version, the other program's
  // text being the one first opened) must still replace the editor.
  const [readings, setReadings] = useState(0)
  const loaded = useCallback((opened: OpenedReview) => {
    setReview(opened)
    setReadings((n) => n + 1)
  }, [])

  useEffect(() => {
    api.openReview({ id: currentId.current }).then(loaded, (error: unknown) => setReview({ kind: 'failed', message: errorMessage(error) }))
  }, [generation, loaded])

  // Main reports changes made by other programs from the hash first loaded; it follows Verdict's own
  // writes, reloads and moves itself, so one watch lasts as long as the screen.
  const watchFrom = review.kind === 'editable' ? review.hash : null
  const watched = useRef(false)
  useEffect(() => {
    if (watchFrom === null || watched.current) return
    watched.current = true
    void api.watchReview({ id, hash: watchFrom }).catch(() => undefined)
  }, [id, watchFrom])
  useEffect(
    () => () => {
      // The id as it is at the end, after any move.
      if (watched.current) void api.unwatchReview({ id: currentId.current }).catch(() => undefined)
    },
    [],
  )

  switch (review.kind) {
    case 'editable':
      return (
        <>
          <EditableReview
            key={`${readings}:${review.hash}`}
            review={review}
            // Only over the first reading: a reload takes the file as it is.
            recovered={generation === 0 ? recovered : undefined}
            focus={generation === 0 ? focus : undefined}
            place={generation === 0 ? place : undefined}
            wordsPerMinute={wordsPerMinute}
            isNew={isNew}
            onClose={onClose}
            onReload={reload}
            onOpenReview={onOpenReview}
            notify={notify}
            showHistory={showHistory}
            onToggleHistory={() => setShowHistory((shown) => !shown)}
            onRestored={loaded}
            onMoved={moved}
          />
          {/* Always there, empty between messages: a live region must exist before what it announces. */}
          <Toast toast={toast} onDismiss={dismissToast} />
        </>
      )
    case 'read-only':
      return (
        <ReadOnlyReview title={id} badge="Read-only" onClose={onClose}>
          <div className="notice notice-error" role="alert">
            <Icon name="warning" />
            <div>
              <strong>This review can’t be edited: its file could not be read.</strong>
              <p>{review.reason}</p>
              <p>Fix the file in another editor and open it again; Verdict won’t change it.</p>
            </div>
          </div>
          <section className="raw-file" aria-label="File contents">
            <h2 className="panel-heading">review.md as stored</h2>
            <pre>{review.raw}</pre>
          </section>
        </ReadOnlyReview>
      )
    case 'failed':
      return (
        <ReadOnlyReview title={id} onClose={onClose}>
          <div className="notice notice-error" role="alert">
            <Icon name="warning" />
            <div>
              <strong>This review could not be opened.</strong>
              <p>{review.message}</p>
            </div>
          </div>
        </ReadOnlyReview>
      )
    case 'loading':
      return (
        <ReadOnlyReview title="" onClose={onClose}>
          <p className="loading" aria-busy="true">
            Opening review…
          </p>
        </ReadOnlyReview>
      )
  }
}

/** A review screen without an editor: loading, failed to open, or a file shown read-only. */
function ReadOnlyReview({
  title,
  badge,
  onClose,
  children,
}: {
  title: string
  badge?: string
  onClose: () => void
  children: ReactNode
}) {
  return (
    <div className="screen review-screen">
      <header className="topbar">
        <button type="button" className="button button-quiet" onClick={onClose}>
          <Icon name="back" /> Library
        </button>
        <h1 className="topbar-title" title={title || undefined}>
          {title}
        </h1>
        {badge && <span className="badge badge-problem">{badge}</span>}
      </header>
      <main className="read-only">{children}</main>
    </div>
  )
}

function EditableReview({
  review,
  recovered,
  focus,
  place,
  wordsPerMinute,
  isNew,
  onClose,
  onReload,
  onOpenReview,
  notify,
  showHistory,
  onToggleHistory,
  onRestored,
  onMoved,
}: {
  review: Extract<OpenedReview, { kind: 'editable' }>
  recovered?: RecoveredEdits
  focus: string | undefined
  place: TextPlace | undefined
  wordsPerMinute: number
  isNew: boolean
  onClose: () => void
  onReload: () => void
  onOpenReview: (id: string, isNew?: boolean) => void
  notify: (text: string) => void
  showHistory: boolean
  onToggleHistory: () => void
  onRestored: (review: OpenedReview) => void
  onMoved: (id: string) => void
}) {
  // What the editor starts from: the file, or the recovered edits made on it.
  const [initial] = useState(() => ({ meta: recovered?.meta ?? review.meta, doc: recovered?.doc ?? review.doc }))
  const [showRecovered, setShowRecovered] = useState(recovered !== undefined)
  const [meta, setMeta] = useState<ReviewMeta>(initial.meta)
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' })
  // The last failure of an ordinary save: kept while retries run (they show "Saving…"), until one succeeds.
  const [saveFailure, setSaveFailure] = useState<string | null>(null)
  const [savedCopy, setSavedCopy] = useState<{ path: string; skipped: string[] } | null>(null)
  const [savingAs, setSavingAs] = useState(false)
  const [showDetails, setShowDetails] = useState(true)
  const [showPreview, togglePreview] = usePreviewToggle()
  const [exporting, setExporting] = useState(false)
  const [publishing, setPublishing] = useState(false)
  const mainRef = useRef<HTMLElement>(null)
  const editorRef = useRef<LexicalEditor | null>(null)
  useLandOnMatch(editorRef, focus)
  const scrollRef = useRef<HTMLDivElement>(null)
  useKeepPlace(scrollRef, editorRef, review.id, place)
  // The newest editor state for the preview, serialised once and shared with autosave.
  const [latestDoc] = useState(() => new LatestDocument({ toJSON: () => initial.doc }))
  const measure = useWordCount(latestDoc)
  // One saver per opened review, bound to its id for its whole life.
  const [saver] = useState(
    () =>
      new ReviewSaver({
        id: review.id,
        baseHash: recovered?.baseHash ?? review.hash,
        initial: { meta: initial.meta, doc: { toJSON: () => initial.doc } },
        save: (args) => api.saveReview(args),
        journal: (args) => api.journalDraft(args),
        clearJournal: (id) => api.clearDraft({ id }),
        onMoved,
        onState: (state) => {
          setSaveState(state)
          if (state.kind === 'saved') {
            setSaveFailure(null)
            setSavedCopy(null)
          }
          else if (state.kind === 'error') setSaveFailure(state.conflict ? null : state.message)
        },
      }),
  )

  // Recovered edits are unsaved: autosave writes them (and the journal keeps them until it has).
  useEffect(() => {
    if (recovered) saver.markDirty()
    // Once, for the edits this screen was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saver])

  // Leaving the screen any other way than "Library" still writes what is pending.
  useEffect(
    () => () => {
      void saver.flush().catch(() => undefined)
      saver.dispose()
    },
    [saver],
  )

  // Closing the window saves too: the save request leaves synchronously, and main finishes writing it
  // after the window is gone.
  useEffect(() => {
    const saveNow = () => void saver.flush().catch(() => undefined)
    window.addEventListener('pagehide', saveNow)
    return () => window.removeEventListener('pagehide', saveNow)
  }, [saver])
  useCommand('save', () => void saver.flush().catch(() => undefined))
  useFlushBeforeQuit(useCallback(() => saver.saveOrJournal(), [saver]))

  // Publishing reads the saved file: pending edits are written first (they may move the folder: the id after them).
  const saveForPublish = useCallback(async () => {
    await saver.flush()
    return saver.id
  }, [saver])
  const takePublished = useCallback((patch: PublishedPatch) => setMeta((old) => ({ ...old, ...patch })), [])
  usePublishedSync(review.id, saver, takePublished)

  const changeMeta = (patch: MetaPatch) => {
    const next = { ...meta, ...patch }
    setMeta(next)
    saver.change({ meta: next })
  }
  const { services, problem, dismissProblem } = useReviewEditorServices({
    reviewId: review.id,
    featuredImage: meta.featuredImage,
    onFeaturedImage: (featuredImage) => changeMeta({ featuredImage }),
  })
  const changeDoc = useCallback(
    (source: DocumentSource) => {
      const doc = serialiseOnce(source)
      saver.change({ doc })
      latestDoc.set(doc)
    },
    [saver, latestDoc],
  )

  /** Puts a smaller copy of an image too large for a blog in its place (text and featured image), and saves. */
  const downscale = async (path: string, limitBytes: number | undefined) => {
    const editor = editorRef.current
    if (!editor) throw new Error('The editor is not ready yet.')
    const asset = await services.importImage(await downscaleImage(await api.readImage({ id: review.id, path }), limitBytes))
    let replaced = 0
    // Discrete: committed (and handed to autosave) before the flush below.
    editor.update(() => void (replaced = $replaceImageSrc(path, asset.path)), { discrete: true })
    if (meta.featuredImage === path) changeMeta({ featuredImage: asset.path })
    else if (replaced === 0) throw new Error(`The text no longer shows ${path}.`)
    await saver.flush()
  }

  /** Writes these edits over the version another program saved. */
  const keepMine = async () => {
    try {
      const onDisk = await api.openReview({ id: review.id })
      // A file that no longer parses cannot be rebased onto: the conflict stays until it is fixed.
      if (onDisk.kind === 'editable') await saver.rebase(onDisk.hash)
    } catch {
      // Reported by the saver (or the next attempt) in the status bar.
    }
  }

  // Another program changed (or removed) the file while it is open.
  const [outside, setOutside] = useState<'changed' | 'missing' | null>(null)
  const [outsideBusy, setOutsideBusy] = useState(false)
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'review-changed-on-disk' && event.type !== 'review-missing') return
        if (event.id !== review.id) return
        if (event.type === 'review-missing') return setOutside('missing')
        if (saver.dirty) return setOutside('changed')
        // Nothing unsaved: the file's version simply replaces what is shown.
        saver.abandon()
        onReload()
        notify('Reloaded: changed outside Verdict')
      }),
    [review.id, saver, onReload, notify],
  )

  /** Writes the editor's text into a new review; resolves to its id. */
  const saveAsNew = async (titleSuffix: string): Promise<string> => {
    const latest = saver.latest()
    const created = await api.createReview({ title: `${latest.meta.title || 'Untitled review'}${titleSuffix}` })
    const opened = await api.openReview({ id: created.id })
    if (opened.kind !== 'editable') throw new Error('The new review could not be opened.')
    await api.saveReview({ id: created.id, meta: { ...latest.meta, title: created.title }, doc: latest.doc, baseHash: opened.hash })
    return created.id
  }
  const resolveOutside = async (choice: 'mine' | 'theirs' | 'both' | 'new') => {
    setOutsideBusy(true)
    try {
      if (choice === 'mine') {
        await keepMine()
        setOutside(null)
        return
      }
      if (choice === 'both') {
        const copy = await saveAsNew(' (my version)')
        notify(`Kept your version as a new review (“${copy}”)`)
      }
      if (choice === 'new') {
        const copy = await saveAsNew('')
        saver.abandon()
        await api.clearDraft({ id: review.id }).catch(() => undefined)
        setOutside(null)
        // The new review may take the freed folder name, i.e. this very id: then read it again.
        if (copy === review.id) onReload()
        else onOpenReview(copy)
        return
      }
      // Theirs (also after keeping both): the edits are elsewhere now, or given up.
      saver.abandon()
      await api.clearDraft({ id: review.id }).catch(() => undefined)
      onReload()
    } catch (error) {
      notify(errorMessage(error))
    } finally {
      setOutsideBusy(false)
    }
  }

  /** Writes the edits as a new review in a folder the user picks, while they cannot be saved here. */
  const saveElsewhere = async () => {
    setSavingAs(true)
    try {
      const folder = await api.pickFolder({ purpose: 'save-as' })
      if (!folder) return
      const { meta: latestMeta, doc } = saver.latest()
      const copy = await api.saveReviewAs({ id: review.id, meta: latestMeta, doc, folder: folder.token })
      setSavedCopy(copy)
      notify(`Saved a copy: ${copy.path}`)
    } catch (error) {
      notify(`The copy could not be saved: ${errorMessage(error)}`)
    } finally {
      setSavingAs(false)
    }
  }

  const close = async () => {
    try {
      await saver.flush()
      onClose()
    } catch {
      // The status bar shows why; the edits stay on screen until a save succeeds.
    }
  }
  const newReview = async () => {
    try {
      await saver.flush()
      const created = await api.createReview({})
      onOpenReview(created.id, true)
    } catch (error) {
      notify(errorMessage(error))
    }
  }
  useCommand('closeReview', () => void close())
  useCommand('newReview', () => void newReview())
  useCommand('exportReviews', () => setExporting(true))
  useCommand('publish', () => setPublishing(true))
  useCommand('togglePreview', togglePreview)
  useCommand('toggleDetails', () => setShowDetails((shown) => !shown))

  return (
    <div className="screen review-screen">
      <SkipLink label="Skip to the text" onSkip={() => editorRef.current?.focus()} />
      <header className="topbar">
        <button type="button" className="button button-quiet" onClick={() => void close()}>
          <Icon name="back" /> Library
        </button>
        {/* Cut with an ellipsis when long; the tooltip carries the whole title. */}
        <h1 className="topbar-title" title={meta.title || undefined}>
          {meta.title || 'Untitled review'}
        </h1>
        <StatusBadge status={meta.status} />
        <PreviewToggle className="push-left" open={showPreview} onToggle={togglePreview} />
        {/* In a narrow window (or zoomed in) these two go into the More menu, so Publish stays on screen. */}
        <button type="button" className="button button-quiet topbar-action topbar-collapsible" aria-pressed={showHistory} onClick={onToggleHistory}>
          History
        </button>
        <button type="button" className="button button-quiet topbar-action topbar-collapsible" onClick={() => setExporting(true)}>
          Export…
        </button>
        <MenuButton
          className="topbar-more"
          label={<Icon name="more" />}
          buttonLabel="More actions"
          menuLabel="More actions"
          items={[
            { id: 'history', name: showHistory ? 'Hide history' : 'History', onChoose: onToggleHistory },
            { id: 'export', name: 'Export…', onChoose: () => setExporting(true) },
          ]}
        />
        <button type="button" className="button button-primary topbar-action" onClick={() => setPublishing(true)}>
          Publish
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Details panel"
          aria-pressed={showDetails}
          title="Show or hide the details panel"
          onClick={() => setShowDetails((shown) => !shown)}
        >
          <Icon name="panel" />
        </button>
      </header>
      <div className="review-body">
        <main className="review-main" ref={mainRef}>
          {outside === 'changed' && (
            <div className="notice notice-error conflict" role="region" aria-label="Changed outside Verdict">
              <Icon name="warning" />
              <div>
                <strong>This review was changed outside Verdict while you were editing it.</strong>
                <p>Your edits are still here. Keep yours (replacing the file), take the other version, or keep both.</p>
                <div className="notice-actions">
                  <button type="button" className="button button-primary" disabled={outsideBusy} onClick={() => void resolveOutside('mine')}>
                    Keep mine
                  </button>
                  <button type="button" className="button" disabled={outsideBusy} onClick={() => void resolveOutside('theirs')}>
                    Take theirs
                  </button>
                  <button type="button" className="button" disabled={outsideBusy} onClick={() => void resolveOutside('both')}>
                    Keep both
                  </button>
                </div>
              </div>
            </div>
          )}
          {outside === 'missing' && (
            <div className="notice notice-error" role="region" aria-label="Moved or deleted">
              <Icon name="warning" />
              <div>
                <strong>This review was moved or deleted outside Verdict.</strong>
                <p>Your text is still here. Save it as a new review to keep it.</p>
                <div className="notice-actions">
                  <button type="button" className="button button-primary" disabled={outsideBusy} onClick={() => void resolveOutside('new')}>
                    Save as new review
                  </button>
                </div>
              </div>
            </div>
          )}
          {outside === null && saveState.kind === 'error' && saveState.conflict && (
            <div className="notice notice-error conflict" role="alert">
              <Icon name="warning" />
              <div>
                <strong>This review was changed by another program.</strong>
                <p>Your edits are still here, not saved. Keep them (replacing the other version), or load the version on disk.</p>
                <div className="notice-actions">
                  <button type="button" className="button button-primary" onClick={() => void keepMine()}>
                    Keep my version
                  </button>
                  <button type="button" className="button" onClick={onReload}>
                    Load the version on disk
                  </button>
                </div>
              </div>
            </div>
          )}
          {outside === null && saveFailure !== null && (
            <SaveFailedNotice message={saveFailure} copy={savedCopy} busy={savingAs} onSaveAs={() => void saveElsewhere()} />
          )}
          {showRecovered && (
            <div className="notice recovered" role="region" aria-label="Recovered">
              <Icon name="warning" />
              <div>
                <strong>Recovered: this is the writing Verdict had not saved when it closed.</strong>
                <p>It is being saved now; autosave carries on as usual.</p>
                <div className="notice-actions">
                  <button type="button" className="button" onClick={() => setShowRecovered(false)}>
                    Dismiss
                  </button>
                </div>
              </div>
            </div>
          )}
          <ReviewNotices warnings={review.warnings} problem={problem} onDismissProblem={dismissProblem} />
          <EditorServicesProvider value={services}>
            <Editor
              doc={initial.doc}
              onChange={changeDoc}
              editorRef={editorRef}
              scrollRef={scrollRef}
              header={<TitleField value={meta.title} selectOnMount={isNew} onChange={(title) => changeMeta({ title })} />}
            />
          </EditorServicesProvider>
        </main>
        {showPreview && <PreviewPane id={review.id} meta={meta} doc={latestDoc} scrollSource={mainRef} />}
        {showHistory && (
          <HistoryPanel
            id={review.id}
            prepare={() => saver.flush()}
            onRestored={(reopened) => {
              // The file now holds the restored version: nothing pending may be written over it.
              saver.abandon()
              onRestored(reopened)
            }}
          />
        )}
        {showDetails && <MetaPanel id={review.id} meta={meta} assetUrl={services.assetUrl} onChange={changeMeta} onOpenReview={onOpenReview} />}
      </div>
      <StatusBar text={measure} wordsPerMinute={wordsPerMinute} save={saveState} />
      {exporting && (
        <ExportDialog
          ids={[review.id]}
          subject={`“${meta.title || 'Untitled review'}”`}
          // Exports read the saved file: write what is pending first (it may move the folder).
          prepare={async () => {
            await saver.flush()
            return [saver.id]
          }}
          onClose={() => setExporting(false)}
        />
      )}
      {publishing && (
        <PublishDialog
          reviewId={review.id}
          title={meta.title}
          published={meta.published ?? []}
          prepare={saveForPublish}
          downscale={downscale}
          onClose={() => setPublishing(false)}
        />
      )}
    </div>
  )
}
