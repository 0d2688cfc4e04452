/**
 * MiniSearch's index with a query path of its own for the library's queries, where each keystroke
 * is a new query. MiniSearch's `search` scores every review holding a matched word into a result
 * object with its matched words, merges those maps, and sorts them all: at 10,000 reviews holding a
 * common word, 40–50 ms of a keystroke for 20 hits shown. Here the same BM25 scores (MiniSearch's
 * formula, field boosts and prefix/typo weights; unit tests compare the two) are summed into arrays,
 * only the best hits are ordered, and each word's scores are remembered until the index changes: the
 * keys of a word being typed (“riv”, “rive”, “river”) and the words before it are scored once.
 * Adding, discarding and vacuuming stay MiniSearch's own (its index data is `protected`, for subclasses).
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch'
import { FIELD_IDS, type BuiltIndex } from './indexBuilder'

/** A way to match a word: as itself, as the start of longer words, and/or within `maxDistance` typos. */
export interface WordMatch {
  prefix: boolean
  maxDistance: number
  /** Searched only in these fields (all when not given). */
  fields?: readonly string[]
}

/** One word of a query, matched in any of its ways. */
export interface WordQuery {
  term: string
  ways: readonly WordMatch[]
}

/** Every word must match a review. */
export type QueryPlan = readonly WordQuery[]

/** A word's weighted BM25 score in each review holding it (short ids), summed over the fields asked. */
interface WordScores {
  ids: Uint32Array
  scores: Float64Array
}

/** Scores and word expansions kept between keystrokes, for the same index state. */
const REMEMBERED = 64

export interface Ranked {
  /** Reviews that match, after `allowed`. */
  total: number
  /** Their ids, best first (ties: the review indexed first). */
  inOrder(): Generator<string>
  /** The index's words of the query found in this review (prefix and typo matches included). */
  matchedWords(id: string): string[]
}

export class RankingIndex<T> extends MiniSearch<T> {
  private remembered = { state: '', words: new Map<string, WordScores>(), expansions: new Map<string, Array<[string, number]>>() }

  /** An index MiniSearch serialized (`toJSON`). */
  static loaded<T>(js: AsPlainObject, options: Options<T>): RankingIndex<T> {
    // MiniSearch's loadJS makes a plain MiniSearch; its state is taken over whole.
    return Object.assign(new RankingIndex<T>(options), MiniSearch.loadJS<T>(js, options))
  }

  /** An index built whole (indexBuilder.ts), its maps taken over as they are. */
  static built<T>(built: BuiltIndex, options: Options<T>): RankingIndex<T> {
    const { count, documentIds, fieldLength, averageFieldLength, storedFields, postings } = built
    const empty = { documentIds: {}, fieldLength: {}, storedFields: {}, index: [], dirtCount: 0, serializationVersion: 2 }
    const mini = RankingIndex.loaded<T>({ ...empty, documentCount: count, nextId: count, fieldIds: FIELD_IDS, averageFieldLength }, options)
    mini._documentIds = documentIds
    mini._fieldLength = fieldLength
    mini._storedFields = storedFields
    for (const [shortId, id] of documentIds) mini._idToShortId.set(id, shortId)
    for (const [term, data] of postings) mini._index.set(term, data)
    return mini
  }

  /** The reviews matching every word of `plan` (and `allowed`, by id), best first. */
  rank(plan: QueryPlan, allowed?: ReadonlySet<string>): Ranked {
    this.forgetIfChanged()
    // MiniSearch multiplies a review's score by the number of different query words it matched: the
    // same for every review when each must match, so it is left out.
    const parts = plan.map(({ term, ways }) => ways.map((way) => ({ way, expansion: this.expansion(term, way) })))
    // The score of each review so far, and how many words it matched (in order): it matches them all
    // when the count reaches the number of words.
    const score = new Float64Array(this._nextId)
    const matched = new Uint16Array(this._nextId)
    let last: number[] = []
    parts.forEach((part, index) => {
      const touched: number[] = []
      for (const { way, expansion } of part) {
        for (const [term, weight] of expansion) {
          const { ids, scores } = this.wordScores(term, way.fields)
          for (let at = 0; at < ids.length; at++) {
            const id = ids[at]!
            if (matched[id] === index) {
              matched[id] = index + 1
              touched.push(id)
            } else if (matched[id] !== index + 1) continue
            score[id]! += weight * scores[at]!
          }
        }
      }
      last = touched
    })
    const candidates = parts.length === 0 ? [] : last.filter((id) => !allowed || allowed.has(this._documentIds.get(id)))
    const better = (a: number, b: number) => score[b]! - score[a]! || a - b
    const documentIds = this._documentIds
    return {
      total: candidates.length,
      *inOrder() {
        // Most queries show one page of hits: it is picked without ordering every match.
        const first = bestOf(candidates, PAGE, better)
        for (const id of first) yield documentIds.get(id)
        if (first.length === candidates.length) return
        const shown = new Set(first)
        for (const id of candidates.filter((id) => !shown.has(id)).sort(better)) yield documentIds.get(id)
      },
      matchedWords: (id) => {
        const shortId = this._idToShortId.get(id)
        if (shortId === undefined) return []
        const words = new Set<string>()
        for (const part of parts) {
          for (const { way, expansion } of part) {
            for (const [term] of expansion) if (this.holds(term, shortId, way.fields)) words.add(term)
          }
        }
        return [...words]
      },
    }
  }

  /** The index's words a query word matches, with their weights (MiniSearch's executeQuerySpec). */
  private expansion(word: string, way: WordMatch): Array<[string, number]> {
    const key = `${word}\0${way.prefix}\0${way.maxDistance}\0${way.fields?.join(',') ?? ''}`
    const known = this.remembered.expansions.get(key)
    if (known) return remembered(this.remembered.expansions, key, known)
    const { prefix: prefixWeight, fuzzy: fuzzyWeight } = this._options.searchOptions.weights
    const found: Array<[string, number]> = this._index.has(word) ? [[word, 1]] : []
    const prefixed = new Set<string>()
    if (way.prefix) {
      for (const [term] of this._index.atPrefix(word)) {
        const distance = term.length - word.length
        if (!distance) continue
        prefixed.add(term)
        found.push([term, (prefixWeight * term.length) / (term.length + 0.3 * distance)])
      }
    }
    if (way.maxDistance > 0) {
      for (const [term, [, distance]] of this._index.fuzzyGet(word, way.maxDistance)) {
        if (distance && !prefixed.has(term)) found.push([term, (fuzzyWeight * term.length) / (term.length + distance)])
      }
    }
    return remember(this.remembered.expansions, key, found)
  }

  /** A word's BM25 score in each review holding it, summed over `fields` with their boosts. */
  private wordScores(term: string, fields: readonly string[] = this._options.fields): WordScores {
    const key = `${term}\0${fields.join(',')}`
    const known = this.remembered.words.get(key)
    if (known) return remembered(this.remembered.words, key, known)
    const data = this._index.get(term)
    const { boost, bm25 } = this._options.searchOptions
    const clean = this._dirtCount === 0
    const sum = new Float64Array(this._nextId)
    const holders: number[] = []
    for (const field of fields) {
      const fieldId = this._fieldIds[field]!
      const counts = data?.get(fieldId)
      if (!counts) continue
      // Reviews discarded but not yet vacuumed away (MiniSearch's dirt) still have entries: they are not counted.
      let holding = clean ? counts.size : 0
      if (!clean) for (const id of counts.keys()) if (this._documentIds.has(id)) holding++
      const average = this._avgFieldLength[fieldId]!
      const inverse = Math.log(1 + (this._documentCount - holding + 0.5) / (holding + 0.5))
      const fieldBoost = boost[field] ?? 1
      for (const [id, times] of counts) {
        if (!clean && !this._documentIds.has(id)) continue
        const length = this._fieldLength.get(id)![fieldId]!
        const score = fieldBoost * inverse * (bm25.d + (times * (bm25.k + 1)) / (times + bm25.k * (1 - bm25.b + (bm25.b * length) / average)))
        // A score is never 0 (BM25+'s d): 0 is a review not met yet.
        if (sum[id] === 0) holders.push(id)
        sum[id]! += score
      }
    }
    const scores: WordScores = { ids: Uint32Array.from(holders), scores: Float64Array.from(holders, (id) => sum[id]!) }
    return remember(this.remembered.words, key, scores)
  }

  private holds(term: string, shortId: number, fields: readonly string[] = this._options.fields): boolean {
    const data = this._index.get(term)
    return fields.some((field) => data?.get(this._fieldIds[field]!)?.has(shortId) === true)
  }

  /** Every add or discard moves the next id or the count: what was remembered is then forgotten. */
  private forgetIfChanged(): void {
    const state = `${this._nextId}:${this._documentCount}`
    if (this.remembered.state === state) return
    this.remembered = { state, words: new Map(), expansions: new Map() }
  }
}

/** Hits a keystroke shows first (the search field asks for 20). */
const PAGE = 50

/** The `count` best of `ids` in order, without sorting the rest. */
function bestOf(ids: readonly number[], count: number, better: (a: number, b: number) => number): number[] {
  if (ids.length <= count * 4) return [...ids].sort(better)
  const best: number[] = []
  for (const id of ids) {
    if (best.length === count && better(id, best[count - 1]!) >= 0) continue
    let at = best.length === count ? count - 1 : best.length
    while (at > 0 && better(id, best[at - 1]!) < 0) {
      best[at] = best[at - 1]!
      at--
    }
    best[at] = id
  }
  return best
}

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  map.set(key, value)
  if (map.size > REMEMBERED) map.delete(map.keys().next().value!)
  return value
}

/** Most recently used last, so the oldest is forgotten first. */
function remembered<V>(map: Map<string, V>, key: string, value: V): V {
  map.delete(key)
  map.set(key, value)
  return value
}
