/**
 * Whether two reviews are of the same work: the same IMDb, TMDB, Wikidata id or ISBN, or else the
 * same title (folded: case, accents and punctuation aside) and the same year. Used to warn a critic
 * who is about to review a work again.
 */
import type { Subject, SubjectIds } from './critic'
import { searchTerms } from './search'

export type SameWorkReason = 'id' | 'title-year'

const ID_KEYS: ReadonlyArray<keyof SubjectIds> = ['imdb', 'tmdb', 'wikidata', 'isbn']

/** An id as compared: an ISBN without its dashes and spaces, any id without case. */
const idValue = (key: keyof SubjectIds, value: string): string => (key === 'isbn' ? value.replace(/[-\s]/g, '') : value).toUpperCase()

export function sameWork(a: Subject, b: Subject): SameWorkReason | undefined {
  for (const key of ID_KEYS) {
    const left = a.ids[key]
    const right = b.ids[key]
    if (left && right && idValue(key, left) === idValue(key, right)) return 'id'
  }
  const title = searchTerms(a.title).join(' ')
  if (title && a.year !== undefined && a.year === b.year && title === searchTerms(b.title).join(' ')) return 'title-year'
  return undefined
}
