import { useEffect, useState } from 'react'
import type { ConflictSide, ConflictView } from '@shared/contract'
import type { ReviewSummary } from '@shared/model'
import { api } from '@renderer/api'
import { useAction } from '@renderer/components/useAction'
import { errorMessage } from '@renderer/lib/errorMessage'

export type Mode = 'merge' | ConflictSide
/** A body conflict's pick: a side, or the critic's own text for it. */
export type BodyPick = ConflictSide | 'edit'

/** The conflict's two versions, the critic's picks, and the resolution sent to main. */
export function useConflictResolution(id: string, resolved: (review: ReviewSummary) => void) {
  const [view, setView] = useState<ConflictView | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [mode, setMode] = useState<Mode>('merge')
  const [picks, setPicks] = useState<BodyPick[]>([])
  const [texts, setTexts] = useState<string[]>([])
  const [keys, setKeys] = useState<Record<string, ConflictSide>>({})
  const action = useAction()

  useEffect(() => {
    let current = true
    api.openConflict({ id }).then(
      (opened) => {
        if (!current) return
        const conflicts = opened.body.flatMap((region) => (region.kind === 'conflict' ? [region] : []))
        setView(opened)
        setMode(opened.unmergeable ? 'ours' : 'merge')
        setPicks(conflicts.map(() => 'ours'))
        // Editing starts from both versions, one after the other.
        setTexts(conflicts.map((region) => [region.ours, region.theirs].filter(Boolean).join('\n\n')))
        setKeys(Object.fromEntries(opened.keys.map(({ key }) => [key, 'ours' as const])))
      },
      (error: unknown) => current && setLoadError(errorMessage(error)),
    )
    return () => {
      current = false
    }
  }, [id])

  const pick = (index: number, value: BodyPick) => setPicks((old) => old.map((each, at) => (at === index ? value : each)))
  const edit = (index: number, text: string) => setTexts((old) => old.map((each, at) => (at === index ? text : each)))
  const pickKey = (key: string, side: ConflictSide) => setKeys((old) => ({ ...old, [key]: side }))

  const submit = () =>
    action.run(
      async () => {
        if (!view) return
        const resolution =
          mode === 'merge'
            ? { merge: { body: picks.map((each, index) => (each === 'edit' ? { markdown: texts[index] ?? '' } : each)), keys } }
            : { keep: mode }
        resolved(await api.resolveConflict({ id, oursHash: view.oursHash, theirsHash: view.theirsHash, resolution }))
      },
      { staysBusy: true },
    )

  return { view, loadError, mode, setMode, picks, pick, texts, edit, keys, pickKey, submit, busy: action.busy, error: action.error }
}
