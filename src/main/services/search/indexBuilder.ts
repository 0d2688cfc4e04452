/**
 * A whole index built at once (a library's first index, or one rebuilt after its file was lost), as
 * MiniSearch's own serialized form, which `MiniSearch.loadJS` then loads. MiniSearch's `add` walks
 * its term tree once for every word of a review: at 10,000 reviews of 1,000 words, ten million
 * walks, most of a cold build's time. Here each review's words are counted first, and each distinct
 * word of a review is filed once, with its count: the same index (the unit test compares the two),
 * built in a fraction of the time. Later changes are MiniSearch's own `add` and `discard`.
 */
import type { AsPlainObject } from 'minisearch'
import { SEARCH_FIELDS, searchTerms } from '../../../shared/search'
import { STORED_FIELDS, type SearchText } from './searchText'

/** MiniSearch numbers the fields in the order it is given them (searchIndex.ts gives SEARCH_FIELDS). */
const FIELD_IDS = Object.fromEntries(SEARCH_FIELDS.map((field, id) => [field, id]))

/** term → field id → review's short id → how often the term is in that field. */
type Postings = Map<string, Record<number, Record<number, number>>>

export class IndexBuilder {
  private readonly postings: Postings = new Map()
  private readonly documentIds: Record<number, string> = {}
  private readonly fieldLength: Record<number, number[]> = {}
  private readonly averageFieldLength: number[] = []
  private readonly storedFields: Record<number, Record<string, unknown>> = {}
  private readonly ids = new Set<string>()
  private count = 0

  has(id: string): boolean {
    return this.ids.has(id)
  }

  /** Adds one review (each id once). */
  add(id: string, text: SearchText): void {
    const shortId = this.count
    const lengths: number[] = []
    SEARCH_FIELDS.forEach((field, fieldId) => {
      const counts = new Map<string, number>()
      for (const term of searchTerms(text[field])) counts.set(term, (counts.get(term) ?? 0) + 1)
      // As MiniSearch counts a field's length (its distinct words) and keeps their running mean.
      lengths[fieldId] = counts.size
      this.averageFieldLength[fieldId] = ((this.averageFieldLength[fieldId] ?? 0) * shortId + counts.size) / (shortId + 1)
      for (const [term, times] of counts) {
        if (term === '') continue // MiniSearch files no empty word
        let byField = this.postings.get(term)
        if (!byField) this.postings.set(term, (byField = {}))
        ;(byField[fieldId] ??= {})[shortId] = times
      }
    })
    // As MiniSearch's add keeps them: each stored field the text has.
    this.storedFields[shortId] = Object.fromEntries(STORED_FIELDS.filter((field) => text[field] !== undefined).map((field) => [field, text[field]]))
    this.documentIds[shortId] = id
    this.ids.add(id)
    this.fieldLength[shortId] = lengths
    this.count++
  }

  /** The index as MiniSearch serializes it (serialization version 2, no stored fields). */
  serialized(): AsPlainObject {
    return {
      documentCount: this.count,
      nextId: this.count,
      documentIds: this.documentIds,
      fieldIds: FIELD_IDS,
      fieldLength: this.fieldLength,
      averageFieldLength: this.averageFieldLength,
      storedFields: this.storedFields,
      dirtCount: 0,
      index: [...this.postings],
      serializationVersion: 2,
    }
  }
}
