/**
 * A whole index built at once (a library's first index, or one rebuilt after its file was lost), in
 * MiniSearch's own in-memory form, which `RankingIndex.built` takes over as it is. MiniSearch's `add`
 * walks its term tree once for every word of a review: at 10,000 reviews of 1,000 words, ten million
 * walks, most of a cold build's time. Here each review's words are counted first, and each distinct
 * word of a review is filed once, with its count: the same index (the unit test compares the two),
 * built in a fraction of the time. The postings are MiniSearch's own maps from the start: filing them
 * in its serialized form (plain objects) and loading that with `loadJS` copied every one of them into
 * a map again, a fifth of a build's CPU time with the garbage it left. Later changes are MiniSearch's
 * own `add` and `discard`.
 */
import { SEARCH_FIELDS, searchTerms } from '../../../shared/search'
import { STORED_FIELDS, type SearchText } from './searchText'

/** MiniSearch numbers the fields in the order it is given them (searchIndex.ts gives SEARCH_FIELDS). */
export const FIELD_IDS: Readonly<Record<string, number>> = Object.fromEntries(SEARCH_FIELDS.map((field, id) => [field, id]))

/** term → field id → review's short id → how often the term is in that field (MiniSearch's index data). */
export type Postings = Map<string, Map<number, Map<number, number>>>

/** What MiniSearch keeps of an index, as its own maps (RankingIndex.built). */
export interface BuiltIndex {
  count: number
  documentIds: Map<number, string>
  fieldLength: Map<number, number[]>
  averageFieldLength: number[]
  storedFields: Map<number, Record<string, unknown>>
  postings: Postings
}

export class IndexBuilder {
  private readonly built: BuiltIndex = { count: 0, documentIds: new Map(), fieldLength: new Map(), averageFieldLength: [], storedFields: new Map(), postings: new Map() }
  private readonly ids = new Set<string>()

  has(id: string): boolean {
    return this.ids.has(id)
  }

  /** Adds one review (each id once). */
  add(id: string, text: SearchText): void {
    const { postings, averageFieldLength } = this.built
    const shortId = this.built.count
    const lengths: number[] = []
    SEARCH_FIELDS.forEach((field, fieldId) => {
      const counts = new Map<string, number>()
      for (const term of searchTerms(text[field])) counts.set(term, (counts.get(term) ?? 0) + 1)
      // As MiniSearch counts a field's length (its distinct words) and keeps their running mean.
      lengths[fieldId] = counts.size
      averageFieldLength[fieldId] = ((averageFieldLength[fieldId] ?? 0) * shortId + counts.size) / (shortId + 1)
      for (const [term, times] of counts) {
        if (term === '') continue // MiniSearch files no empty word
        let byField = postings.get(term)
        if (!byField) postings.set(term, (byField = new Map()))
        let byReview = byField.get(fieldId)
        if (!byReview) byField.set(fieldId, (byReview = new Map()))
        byReview.set(shortId, times)
      }
    })
    // As MiniSearch's add keeps them: each stored field the text has.
    this.built.storedFields.set(shortId, Object.fromEntries(STORED_FIELDS.filter((field) => text[field] !== undefined).map((field) => [field, text[field]])))
    this.built.documentIds.set(shortId, id)
    this.built.fieldLength.set(shortId, lengths)
    this.ids.add(id)
    this.built.count++
  }

  /** The index; the builder is spent (the index owns its maps). */
  index(): BuiltIndex {
    return this.built
  }
}
