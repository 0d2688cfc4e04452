import { useMemo, useState } from 'react'
import type { TagRenameResult, TagUndoResult } from '@shared/contract'
import type { ReviewSummary } from '@shared/model'
import { api } from '@renderer/api'
import { useAction } from '@renderer/components/useAction'

export interface TagCount {
  tag: string
  count: number
}

/** Every tag of the library with how many reviews have it, most used first, then by name. */
export function tagCounts(reviews: readonly ReviewSummary[]): TagCount[] {
  const counts = new Map<string, number>()
  for (const review of reviews) for (const tag of new Set(review.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1)
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
}

/**
 * The Tags dialog's state: the tag chosen to rename, its new name (a name already in use merges the
 * two), and the outcome of the last rename, kept while some file could not be changed.
 */
export function useTagRename(reviews: readonly ReviewSummary[], onRenamed: (result: TagRenameResult, from: string, to: string) => void) {
  const tags = useMemo(() => tagCounts(reviews), [reviews])
  const [chosen, setChosen] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [outcome, setOutcome] = useState<TagRenameResult | null>(null)
  const { busy, error, setError, run } = useAction((message) => `The tag was not renamed. ${message}`)
  const target = name.trim()
  const merges = target !== chosen && tags.some(({ tag }) => tag === target)

  const choose = (tag: string | null) => {
    setChosen(tag)
    setName(tag ?? '')
    setError(null)
  }
  const change = (next: string) => {
    setName(next)
    setError(null)
  }
  const submit = async () => {
    if (chosen === null) return
    if (!target) return setError('A tag needs a name.')
    if (target === chosen) return setError(`The tag is already called “${chosen}”.`)
    if (target.includes(',')) return setError('A tag cannot hold a comma.')
    await run(async () => {
      const result = await api.renameTag({ from: chosen, to: target })
      setOutcome(result.failed.length ? result : null)
      choose(null)
      onRenamed(result, chosen, target)
    })
  }
  return { tags, chosen, name, merges, outcome, busy, error, choose, change, submit }
}

const reviewsText = (count: number): string => `${count} ${count === 1 ? 'review' : 'reviews'}`

/** The toast after a rename: how many reviews changed (the dialog names those that could not). */
export function renamedText(result: TagRenameResult, from: string, to: string): string {
  if (result.changed.length === 0) return `“${from}” was not renamed: no review could be changed.`
  return `Renamed “${from}” to “${to}” in ${reviewsText(result.changed.length)}`
}

/** The toast after an undo, naming each review it had to leave as it is now. */
export function undoneText(result: TagUndoResult): string {
  const restored = `Put back the tags of ${reviewsText(result.restored.length)}`
  if (result.failed.length === 0) return restored
  return `${restored}; left as they are: ${result.failed.map((review) => `“${review.title}” (${review.reason})`).join('; ')}`
}
