import { stat } from 'node:fs/promises'
import type { ReviewPlace } from '../../../shared/model'
import { storedPlace } from '../../../shared/validate'
import type { Library } from '../library/library'
import type { SettingsService } from './settings'

/** Keeps the review on screen (null: the library) with the library it is in, for the next start. */
export function rememberPlace(settings: SettingsService, library: Library, review: ReviewPlace | null): void {
  settings.update({ lastReview: review && { ...review, library: library.root } })
}

/** A save moved the review's folder after its title: the place kept for it moves along. */
export function followPlace(settings: SettingsService, library: Library, from: string, to: string): void {
  const kept = settings.get().lastReview
  if (kept?.library === library.root && kept.id === from) settings.update({ lastReview: { ...kept, id: to } })
}

/**
 * The review last on screen, when it is still in the library open now. One trashed, moved or renamed
 * since (or a settings file edited by hand) gives null: the library is shown, with nothing to report.
 */
export async function lastPlace(settings: SettingsService, library: Library): Promise<ReviewPlace | null> {
  const stored = storedPlace.safeParse(settings.get().lastReview)
  if (!stored.success || stored.data.library !== library.root) return null
  const { id, block, offset } = stored.data
  try {
    await stat(await library.reviewFile(id))
    return { id, block, offset }
  } catch {
    return null
  }
}
