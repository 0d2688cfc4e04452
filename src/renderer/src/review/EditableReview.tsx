import { useCallback, useEffect, useRef, useState } from 'react'
import { COMMANDS } from '@shared/commands'
import type { OpenedReview } from '@shared/contract'
import type { ReviewConflict, ReviewMeta } from '@shared/model'
import type { PostDate } from '@shared/publish'
import type { LexicalEditor } from 'lexical'
import { api } from '@renderer/api'
import { ariaKeys, useCommand } from '@renderer/commands/commands'
import { SkipLink } from '@renderer/components/SkipLink'
import { errorMessage } from '@renderer/lib/errorMessage'
import { Editor } from '@renderer/editor/Editor'
import { EditorServicesProvider } from '@renderer/editor/EditorServices'
import { ExportDialog } from '@renderer/export/ExportDialog'
import { LatestDocument, serializeOnce, type DocumentSource } from '@renderer/preview/latestDocument'
import { PreviewPane } from '@renderer/preview/PreviewPane'
import { PublishDialog } from '@renderer/publish/PublishDialog'
import type { PublishedPatch } from '@renderer/publish/records'
import { usePublishedSync } from '@renderer/publish/usePublishedSync'
import { useLandOnMatch } from '@renderer/search/landOnMatch'
import { useReviewEditorServices } from './useReviewEditorServices'
import { HistoryPanel } from './HistoryPanel'
import { useKeepPlace, type TextPlace } from './keepPlace'
import { MetaPanel, type MetaPatch } from './MetaPanel'
import { OutsideChangeNotices } from './OutsideChangeNotices'
import { ReviewConflictNotice } from './ReviewConflictNotice'
import { replaceWithSmallerImage } from './replaceImage'
import { RecoveredNotice, ReviewNotices, SaveFailedNotice } from './ReviewNotices'
import type { RecoveredEdits } from './ReviewScreen'
import { ReviewTopBar } from './ReviewTopBar'
import { StatusBar } from './StatusBar'
import { TitleField } from './TitleField'
import { useOutsideChanges } from './useOutsideChanges'
import { useReviewLayout } from './useReviewLayout'
import { useReviewSaver } from './useReviewSaver'
import { useSaveAs } from './useSaveAs'
import type { LandedImages } from './useLandedImages'
import type { ShownReview } from './arriving'

interface Props {
  review: ShownReview
  /** The review's images that landed on disk after it was opened. */
  images: LandedImages
  /** Another version of the review (another machine's, git's), as main's watcher reports it. */
  conflict: ReviewConflict | null
  onConflictResolved: () => void
  recovered?: RecoveredEdits
  focus: string | undefined
  place: TextPlace | undefined
  wordsPerMinute: number
  typewriter: boolean
  maxImageBytes: number
  isNew: boolean
  onClose: () => void
  onReload: () => void
  onOpenReview: (id: string, isNew?: boolean) => void
  notify: (text: string) => void
  showHistory: boolean
  onToggleHistory: () => void
  onRestored: (review: OpenedReview) => void
  onMoved: (id: string) => void
}

/** A review open in the editor, saved as it is written; its panes, notices and dialogs. */
export function EditableReview({
  review,
  images,
  conflict,
  onConflictResolved,
  recovered,
  focus,
  place,
  wordsPerMinute,
  typewriter,
  maxImageBytes,
  isNew,
  onClose,
  onReload,
  onOpenReview,
  notify,
  showHistory,
  onToggleHistory,
  onRestored,
  onMoved,
}: Props) {
  // What the editor starts from: the file, or the recovered edits made on it.
  const [initial] = useState(() => ({ meta: recovered?.meta ?? review.meta, doc: recovered?.doc ?? review.doc }))
  const [meta, setMeta] = useState<ReviewMeta>(initial.meta)
  const mainRef = useRef<HTMLElement>(null)
  const editorRef = useRef<LexicalEditor | null>(null)
  const layout = useReviewLayout(editorRef)
  useLandOnMatch(editorRef, focus)
  const scrollRef = useRef<HTMLDivElement>(null)
  useKeepPlace(scrollRef, editorRef, review.id, place)
  // The newest editor state for the preview, serialized once and shared with autosave.
  // The Publish dialog's date choice, kept while the review is open: its "As on" preview shows the post so dated.
  const [dated, setDated] = useState<PostDate>('now')
  const [latestDoc] = useState(() => new LatestDocument({ toJSON: () => initial.doc }))
  const [warnings, setWarnings] = useState(review.kind === 'editable' ? review.warnings : [])
  // The rest of a review opened in parts: the preview and the word count take the whole text, the notices its warnings.
  const rest = review.kind === 'first-part' ? review.rest : undefined
  useEffect(() => {
    let current = true
    void rest?.then((arrived) => {
      if (!current || !arrived) return
      setWarnings(arrived.warnings)
      // No edit reaches the text before the rest (holdInput.ts); recovered edits are whole already.
      if (!recovered) latestDoc.set({ toJSON: () => arrived.doc })
    })
    return () => {
      current = false
    }
  }, [rest, recovered, latestDoc])
  const [editorRest] = useState(() => (recovered ? undefined : rest?.then((arrived) => arrived?.doc)))
  const saveAs = useSaveAs(review.id, notify)
  const { saver, saveState, saveFailure } = useReviewSaver({ review, initial, recovered, onMoved, onSaved: saveAs.forgetCopy })
  const { outside, outsideBusy, keepMine, resolveOutside } = useOutsideChanges({ reviewId: review.id, saver, onReload, onOpenReview, notify })

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
    images,
    maxImageBytes,
    featuredImage: meta.featuredImage,
    onFeaturedImage: (featuredImage) => changeMeta({ featuredImage }),
  })
  const changeDoc = useCallback(
    (source: DocumentSource) => {
      const doc = serializeOnce(source)
      saver.change({ doc })
      latestDoc.set(doc)
    },
    [saver, latestDoc],
  )
  const downscale = (path: string, limitBytes: number | undefined) =>
    replaceWithSmallerImage(
      {
        reviewId: review.id,
        editorRef,
        importImage: services.importImage,
        featuredImage: meta.featuredImage,
        onFeaturedImage: (featuredImage) => changeMeta({ featuredImage }),
        saver,
      },
      path,
      limitBytes,
    )

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
  const leaveFocusMode = () => {
    layout.leaveFocusMode()
    editorRef.current?.focus()
  }

  return (
    <div className={layout.focusMode ? `screen review-screen focus-mode${typewriter ? ' typewriter' : ''}` : 'screen review-screen'}>
      <SkipLink label="Skip to the text" onSkip={() => editorRef.current?.focus()} />
      {layout.focusMode ? (
        <FocusModeExit onLeave={leaveFocusMode} />
      ) : (
        <ReviewTopBar
          meta={meta}
          showPreview={layout.showPreview}
          showHistory={showHistory}
          showDetails={layout.showDetails}
          onClose={() => void close()}
          onTogglePreview={layout.togglePreview}
          onToggleHistory={onToggleHistory}
          onToggleDetails={layout.toggleDetails}
          onExport={() => layout.setExporting(true)}
          onPublish={() => layout.setPublishing(true)}
        />
      )}
      <div className="review-body">
        <main className="review-main" ref={mainRef}>
          <OutsideChangeNotices
            outside={outside}
            busy={outsideBusy}
            conflict={saveState.kind === 'error' && saveState.conflict}
            onResolve={(choice) => void resolveOutside(choice)}
            onKeepMine={() => void keepMine()}
            onReload={onReload}
          />
          {conflict && (
            <ReviewConflictNotice
              id={review.id}
              title={meta.title}
              conflict={conflict}
              prepare={() => saver.flush()}
              onResolved={(resolved) => {
                // The file holds the resolution now: nothing the editor had may be written over it.
                saver.abandon()
                onConflictResolved()
                notify(`Resolved the conflict in “${resolved.title || 'Untitled review'}”`)
                onReload()
              }}
            />
          )}
          {outside === null && saveFailure !== null && (
            <SaveFailedNotice message={saveFailure} copy={saveAs.savedCopy} busy={saveAs.savingAs} onSaveAs={() => void saveAs.saveElsewhere(saver)} />
          )}
          {recovered && <RecoveredNotice />}
          <ReviewNotices warnings={warnings} problem={problem} onDismissProblem={dismissProblem} />
          <EditorServicesProvider value={services}>
            <Editor
              doc={initial.doc}
              docIsOpened={!recovered}
              onChange={changeDoc}
              editorRef={editorRef}
              scrollRef={scrollRef}
              focusMode={layout.focusMode ? { typewriter } : null}
              whole={focus !== undefined || place !== undefined}
              rest={editorRest}
              header={<TitleField value={meta.title} selectOnMount={isNew} onChange={(title) => changeMeta({ title })} />}
            />
          </EditorServicesProvider>
        </main>
        {layout.showPreview && <PreviewPane id={review.id} meta={meta} doc={latestDoc} images={images} scrollSource={mainRef} dated={dated} />}
        {showHistory && !layout.focusMode && (
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
        {layout.showDetails && <MetaPanel id={review.id} meta={meta} assetUrl={services.assetUrl} onChange={changeMeta} onOpenReview={onOpenReview} />}
      </div>
      <StatusBar doc={latestDoc} wordsPerMinute={wordsPerMinute} save={saveState} />
      {layout.exporting && (
        <ExportDialog
          ids={[review.id]}
          subject={`“${meta.title || 'Untitled review'}”`}
          // Exports read the saved file: write what is pending first (it may move the folder).
          prepare={async () => {
            await saver.flush()
            return [saver.id]
          }}
          onClose={() => layout.setExporting(false)}
        />
      )}
      {layout.publishing && (
        <PublishDialog
          reviewId={review.id}
          title={meta.title}
          date={meta.date}
          dated={dated}
          onDated={setDated}
          published={meta.published ?? []}
          prepare={saveForPublish}
          downscale={downscale}
          onClose={() => layout.setPublishing(false)}
        />
      )}
    </div>
  )
}

const FOCUS_KEYS = ariaKeys(COMMANDS.focusMode.keys)

/** Focus mode's one control: the way out (Escape and the focus mode keys leave it too). */
function FocusModeExit({ onLeave }: { onLeave: () => void }) {
  return (
    <button type="button" className="button button-quiet focus-exit" aria-keyshortcuts={FOCUS_KEYS} onClick={onLeave}>
      Leave focus mode
    </button>
  )
}
