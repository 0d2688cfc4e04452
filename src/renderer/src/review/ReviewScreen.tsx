import { useCallback, useEffect, useRef, useState } from 'react'
import type { OpenedReview } from '@shared/contract'
import type { EditorDocument } from '@shared/document'
import type { ReviewMeta } from '@shared/model'
import { api } from '@renderer/api'
import { Icon } from '@renderer/components/Icon'
import { Toast, useToast } from '@renderer/components/Toast'
import { afterNextPaint } from '@renderer/lib/background'
import { errorMessage } from '@renderer/lib/errorMessage'
import { EditableReview } from './EditableReview'
import type { TextPlace } from './keepPlace'
import { ReadOnlyReview } from './ReadOnlyReview'
import { restOf, type ShownReview } from './arriving'
import { screenChars } from '@renderer/editor/opening'
import { useLandedImages } from './useLandedImages'
import { useReviewConflict } from './useReviewConflict'

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
  /** Typewriter scrolling in focus mode (a setting). */
  typewriter: boolean
  /** Images larger than this are offered a smaller copy (a setting). */
  maxImageBytes: number
  /** Set for a review just created: its title is selected, ready to be typed over. */
  isNew: boolean
  /** Text to land on when the review opens (a search match). */
  focus?: string | undefined
  /** Where in the text to show it (the review reopened at start). */
  place?: TextPlace | undefined
  /** Back to the library, with the review's id as it is now (its folder may have followed the title). */
  onClose: (id: string) => void
}

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | OpenedReview | ShownReview

export function ReviewScreen({ id, wordsPerMinute, typewriter, maxImageBytes, isNew, recovered, focus, place, onOpenReview, onClose: close }: Props) {
  const [review, setReview] = useState<Loaded>({ kind: 'loading' })
  // The review's id now: a save may move it (its folder follows the title) while the editor stays.
  const currentId = useRef(id)
  const moved = useCallback((to: string) => {
    currentId.current = to
    setReview((old) => (old.kind === 'editable' || old.kind === 'first-part' ? { ...old, id: to } : old))
  }, [])
  const onClose = () => close(currentId.current)
  // Bumped to read the file again (after a conflict, to take the version on disk).
  const [generation, setGeneration] = useState(0)
  // Here rather than in the editor: a toast about a reload outlives the editor it replaces.
  const { toast, notify, dismiss: dismissToast } = useToast()
  const reload = useCallback(() => setGeneration((n) => n + 1), [])
  // Here so the panel stays open when a restore replaces the editor.
  const [showHistory, setShowHistory] = useState(false)

  // Counts readings: a reading with the same hash as before (a restored version, the other program's
  // text being the one first opened) must still replace the editor.
  const [readings, setReadings] = useState(0)
  const loaded = useCallback((opened: OpenedReview | ShownReview) => {
    setReview(opened)
    setReadings((n) => n + 1)
  }, [])

  // Opening at a place further in (a search match, where the critic was) builds the whole review first.
  const atPlace = generation === 0 && (focus !== undefined || place !== undefined)
  useEffect(() => {
    const failed = (error: unknown) => setReview({ kind: 'failed', message: errorMessage(error) })
    api.openReviewInParts({ id: currentId.current, screenChars: screenChars() }).then((opened) => {
      if (opened.kind !== 'first-part') return loaded(opened)
      // A long review main had not read: its first part now, the rest as soon as main has it.
      const rest = restOf(opened, loaded)
      rest.catch(failed)
      if (!atPlace) return loaded({ ...opened, rest })
      void rest.then((arrived) => arrived && loaded({ kind: 'editable', id: opened.id, hash: opened.hash, meta: opened.meta, ...arrived }))
    }, failed)
    // `atPlace` is read for the first reading only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [generation, loaded])

  // Main reports changes made by other programs from the hash first loaded; it follows Verdict's own
  // writes, reloads and moves itself, so one watch lasts as long as the screen.
  const shown = review.kind === 'editable' || review.kind === 'first-part'
  const watchFrom = shown ? review.hash : null
  const watched = useRef(false)
  const [watching, setWatching] = useState(false)
  useEffect(() => {
    if (watchFrom === null || watched.current) return
    // Once the text's first frame is painted (the answer re-renders the screen): main compares the
    // file with the hash opened, so a change made meanwhile is reported all the same.
    return afterNextPaint(() => {
      watched.current = true
      api.watchReview({ id, hash: watchFrom }).then(() => setWatching(true), () => undefined)
    })
  }, [id, watchFrom])
  // Here rather than in the editor: a reload keeps the versions of the images that landed.
  const images = useLandedImages(shown ? review.id : id, watching)
  const conflict = useReviewConflict(shown ? review.id : id)
  useEffect(
    () => () => {
      // The id as it is at the end, after any move.
      if (watched.current) void api.unwatchReview({ id: currentId.current }).catch(() => undefined)
    },
    [],
  )

  switch (review.kind) {
    case 'editable':
    case 'first-part':
      return (
        <>
          <EditableReview
            key={`${readings}:${review.hash}`}
            review={review}
            images={images}
            conflict={conflict.conflict}
            onConflictResolved={conflict.resolved}
            // Only over the first reading: a reload takes the file as it is.
            recovered={generation === 0 ? recovered : undefined}
            focus={generation === 0 ? focus : undefined}
            place={generation === 0 ? place : undefined}
            wordsPerMinute={wordsPerMinute}
            typewriter={typewriter}
            maxImageBytes={maxImageBytes}
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
