import { useEffect, useState } from 'react'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'
import type { ReviewSaver } from './saver'

export type OutsideChoice = 'mine' | 'theirs' | 'both' | 'new'

interface Options {
  reviewId: string
  saver: ReviewSaver
  /** Reads the file again, replacing the editor. */
  onReload: () => void
  onOpenReview: (id: string) => void
  notify: (text: string) => void
}

/** Another program changed (or removed) the file while it is open: what happened, and the critic's answer to it. */
export function useOutsideChanges({ reviewId, saver, onReload, onOpenReview, notify }: Options) {
  const [outside, setOutside] = useState<'changed' | 'missing' | null>(null)
  const [outsideBusy, setOutsideBusy] = useState(false)

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'review-changed-on-disk' && event.type !== 'review-missing') return
        if (event.id !== reviewId) return
        if (event.type === 'review-missing') return setOutside('missing')
        if (saver.dirty) return setOutside('changed')
        // Nothing unsaved: the file's version simply replaces what is shown.
        saver.abandon()
        onReload()
        notify('Reloaded: changed outside Verdict')
      }),
    [reviewId, saver, onReload, notify],
  )

  /** Writes these edits over the version another program saved. */
  const keepMine = async () => {
    try {
      const onDisk = await api.openReview({ id: reviewId })
      // A file that no longer parses cannot be rebased onto: the conflict stays until it is fixed.
      if (onDisk.kind === 'editable') await saver.rebase(onDisk.hash)
    } catch {
      // Reported by the saver (or the next attempt) in the status bar.
    }
  }

  /** Writes the editor's text into a new review; resolves to its id. */
  const saveAsNew = async (titleSuffix: string): Promise<string> => {
    const latest = saver.latest()
    const created = await api.createReview({ title: `${latest.meta.title || 'Untitled review'}${titleSuffix}` })
    const opened = await api.openReview({ id: created.id })
    if (opened.kind !== 'editable') throw new Error('The new review could not be opened.')
    await api.saveReview({ id: created.id, meta: { ...latest.meta, title: created.title }, doc: latest.doc, baseHash: opened.hash })
    return created.id
  }

  const resolveOutside = async (choice: OutsideChoice) => {
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
        await api.clearDraft({ id: reviewId }).catch(() => undefined)
        setOutside(null)
        // The new review may take the freed folder name, i.e. this very id: then read it again.
        if (copy === reviewId) onReload()
        else onOpenReview(copy)
        return
      }
      // Theirs (also after keeping both): the edits are elsewhere now, or given up.
      saver.abandon()
      await api.clearDraft({ id: reviewId }).catch(() => undefined)
      onReload()
    } catch (error) {
      notify(errorMessage(error))
    } finally {
      setOutsideBusy(false)
    }
  }

  return { outside, outsideBusy, keepMine, resolveOutside }
}
