import { useCallback, useEffect, useState } from 'react'
import type { EditorDocument } from '@shared/document'
import type { ReviewMeta } from '@shared/model'
import { api } from '@renderer/api'
import { useCommand } from '@renderer/commands/commands'
import { useFlushBeforeQuit } from '@renderer/commands/quit'
import type { ShownReview } from './arriving'
import { ReviewSaver, type SaveState } from './saver'

interface Options {
  review: ShownReview
  /** What the editor starts from: the file, or the recovered edits made on it. */
  initial: { meta: ReviewMeta; doc: EditorDocument }
  /** The version recovered edits were made on; the presence of recovered edits marks the text unsaved. */
  recovered: { baseHash?: string } | undefined
  onMoved: (id: string) => void
  /** After each successful save. */
  onSaved: () => void
}

/** The opened review's one saver, wired to React: its state, and the saves on Ctrl+S, leaving, closing the window and quitting. */
export function useReviewSaver({ review, initial, recovered, onMoved, onSaved }: Options) {
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' })
  // The last failure of an ordinary save: kept while retries run (they show "Saving…"), until one succeeds.
  const [saveFailure, setSaveFailure] = useState<string | null>(null)
  // One saver per opened review, bound to its id for its whole life.
  const [saver] = useState(
    () =>
      new ReviewSaver({
        id: review.id,
        baseHash: recovered?.baseHash ?? review.hash,
        // Recovered edits are not the document main opened: their first save sends them whole.
        base: recovered || review.kind !== 'editable' ? undefined : review.base,
        // A first part is the document opened only once the rest has come; recovered edits are theirs whole.
        ...(review.kind === 'first-part' && !recovered
          ? { arriving: review.rest.then((rest) => rest && { doc: { toJSON: () => rest.doc, openedIndexOf: indexIn(rest.doc) }, base: rest.base }) }
          : {}),
        initial: { meta: initial.meta, doc: { toJSON: () => initial.doc, openedIndexOf: recovered ? undefined : indexIn(initial.doc) } },
        save: (args) => api.saveReview(args),
        journal: (args) => api.journalDraft(args),
        clearJournal: (id) => api.clearDraft({ id }),
        onMoved,
        onState: (state) => {
          setSaveState(state)
          if (state.kind === 'saved') {
            setSaveFailure(null)
            onSaved()
          } else if (state.kind === 'error') setSaveFailure(state.conflict ? null : state.message)
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

  return { saver, saveState, saveFailure }
}

/** Where each top-level block of `doc` stands in it, by identity. */
function indexIn(doc: EditorDocument): (block: object) => number | undefined {
  const at = new Map<object, number>(doc.root.children.map((block, index) => [block, index]))
  return (block) => at.get(block)
}
