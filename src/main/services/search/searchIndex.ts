/**
 * The library's full-text index (MiniSearch), kept in the search thread (reviewSearch.ts) and in `search.json` beside the row
 * index in this machine's state folder of the library (fs/machineState.ts), and judged by the same file keys: a review is indexed again whenever its
 * `review.md` is not the version the index read (saved, renamed, restored, imported or edited
 * elsewhere), and dropped when it is gone. A missing, damaged or foreign file is rebuilt from the
 * reviews in the background, a few files at a time, while the list and searches go on; the files stay
 * the truth.
 *
 * Phrases and snippets need the text itself, which the index does not keep: the hits read it from the
 * files (a small cache holds the last ones), only as far as a page of results needs. The index stores
 * each review's front matter fields and where its body starts, so a file still at the version indexed
 * is read for its body alone.
 */
import { join } from 'node:path'
import type { SearchHit, SearchResults } from '../../../shared/contract'
import { parseQuery, SEARCH_FIELDS, searchTerms, type SearchField } from '../../../shared/search'
import { writeFileAtomic } from '../fs/atomicWrite'
import { sameKey, type FileKey } from '../fs/fileKey'
import { localDir } from '../fs/machineState'
import { readPlainFile } from '../recovery/privateDir'
import { IndexBuilder } from './indexBuilder'
import { RankingIndex, type QueryPlan, type WordQuery } from './rankingIndex'
import { hasPhrases, snippetFor } from './snippet'
import { STORED_FIELDS, storedText, type IndexedVersion, type SearchText } from './searchText'

export const SEARCH_FILE = 'search.json'
/** Raise when the text taken from a review, its words or the fields stored change: older indexes are then rebuilt. */
export const SEARCH_VERSION = 2
const SEARCH_FORMAT = 'verdict-search-index'
/** Files read at once while building, and between two yields to the event loop. */
const BUILD_SLICE = 16
/** Texts kept for phrases and snippets (a page of hits and the next keystrokes' hits). */
const TEXT_CACHE = 400
/** How long the index may differ from its file before it is written (a save is ~ms; the file, a second). */
const PERSIST_DELAY_MS = 10_000

const BOOST: Partial<Record<SearchField, number>> = { title: 4, subject: 3, tags: 3, verdict: 2, excerpt: 1.5 }

type Doc = SearchText & { id: string }

export interface SearchIndexOptions {
  /** This machine's state folder of the library (fs/machineState.ts). */
  stateDir: string
  /**
   * The review's searchable text, read from its file; undefined when it has none any more. `indexed`:
   * what the index holds of the version it read, which the reader may take instead of the front matter.
   */
  read: (id: string, indexed?: IndexedVersion) => Promise<SearchText | undefined>
  persistDelayMs?: number
}

/** A search's hits; the query's filters and problems are main's (reviewSearch.ts). */
export type IndexResults = Omit<SearchResults, 'problems'>

function createRankingIndex(): RankingIndex<Doc> {
  return new RankingIndex<Doc>(miniSearchOptions)
}

export const miniSearchOptions = {
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORED_FIELDS],
  // Words are cut and folded once, the same way for documents and queries (shared/search.ts).
  tokenize: searchTerms,
  processTerm: (term: string) => term,
  autoVacuum: { batchSize: 2000, batchWait: 20, minDirtCount: 200, minDirtFactor: 0.1 },
  // Queries are planned here (search) and ranked by RankingIndex with these boosts.
  searchOptions: { boost: BOOST },
}

export class SearchIndex {
  private mini = createRankingIndex()
  /** The file version each indexed review was read from. */
  private readonly keys = new Map<string, FileKey>()
  private readonly texts = new Map<string, SearchText>()
  /** Reviews to read (again), with the file version the listing saw. */
  private readonly queue = new Map<string, FileKey>()
  private loaded: Promise<void> | undefined
  private building: Promise<void> | undefined
  private built = 0
  /**
   * While a first index is built whole (indexBuilder.ts): the changes that came meanwhile (a review's
   * new text, or undefined when it went), made once it is loaded.
   */
  private pending: Map<string, { key: FileKey; text: SearchText } | undefined> | undefined
  private persistTimer: NodeJS.Timeout | undefined
  private writing: Promise<void> | undefined
  private dirty = false
  private stopped = false
  lastWriteFailure: Error | undefined

  constructor(private readonly options: SearchIndexOptions) {}

  /** Indexes one review's text as read from this version of its file. */
  put(id: string, key: FileKey, text: SearchText): void {
    void this.load().then(() => this.apply(id, key, text))
  }

  remove(id: string): void {
    void this.load().then(() => this.drop(id))
  }

  /**
   * After a listing: the reviews there are and their file versions. Reviews gone are dropped, and
   * those not indexed at that version are read in the background.
   */
  reconcile(current: ReadonlyMap<string, FileKey>): void {
    void this.load().then(() => {
      for (const id of this.keys.keys()) if (!current.has(id)) this.drop(id)
      for (const id of this.queue.keys()) if (!current.has(id)) this.queue.delete(id)
      for (const [id, key] of current) {
        const known = this.keys.get(id)
        if (!known || !sameKey(known, key)) this.queue.set(id, key)
      }
      this.build()
    })
  }

  /** Resolves when nothing is left to index (tests, the bench). */
  async idle(): Promise<void> {
    await this.load()
    while (this.building) await this.building
  }

  get size(): number {
    return this.mini.documentCount
  }

  /** The hits for the query's words among `allowed` (every review when not given), best first. */
  async search(input: string, limit: number, allowed?: ReadonlySet<string>): Promise<IndexResults> {
    await this.load()
    const query = parseQuery(input)
    const indexing = this.queue.size > 0 || this.building ? { indexing: { done: this.built, total: this.built + this.queue.size } } : {}
    if (query.terms.length === 0) return { hits: [], total: 0, more: false, ...indexing }
    // A phrase's words are matched exactly (a phrase is found as written); the other words may carry
    // a typo, and the word being typed may be the start of a longer one.
    const phraseWords = new Set(query.phrases.flat())
    const loneWords = query.terms.filter((term) => !phraseWords.has(term))
    const typing = wordBeingTyped(input, loneWords)
    const wholeWords = typing === undefined ? loneWords : loneWords.slice(0, -1)
    const plan: QueryPlan = [
      ...[...phraseWords].map((term) => ({ term, ways: [{ prefix: false, maxDistance: 0 }] })),
      ...wholeWords.map((term) => ({ term, ways: [{ prefix: false, maxDistance: typos(term) }] })),
      ...(typing !== undefined ? [typingPart(typing)] : []),
    ]
    const ranked = this.mini.rank(plan, allowed)
    const hits: SearchHit[] = []
    let checked = 0
    for (const id of ranked.inOrder()) {
      if (hits.length >= limit) break
      checked++
      const hit = await this.hit(id, ranked.matchedWords(id), query.phrases, phraseWords, new Set(loneWords))
      if (hit) hits.push(hit)
    }
    const more = query.phrases.length > 0 && checked < ranked.total
    return { hits, total: query.phrases.length > 0 ? hits.length : ranked.total, more, ...indexing }
  }

  /** The library is closed (app quit, another library opened): no more reading or writing. */
  stop(): void {
    this.stopped = true
    this.queue.clear()
    clearTimeout(this.persistTimer)
  }

  /** Writes the index file now if it changed (tests, shutdown). */
  async flush(): Promise<Error | undefined> {
    clearTimeout(this.persistTimer)
    this.persistTimer = undefined
    await this.idle()
    await this.persist()
    return this.lastWriteFailure
  }

  private async hit(id: string, matched: readonly string[], phrases: string[][], phraseWords: ReadonlySet<string>, loneWords: ReadonlySet<string>): Promise<SearchHit | undefined> {
    const text = await this.textOf(id)
    if (!text || !hasPhrases(text, phrases)) return undefined
    // A phrase's words are marked where the phrase stands, not wherever "the" or "in" appears.
    const terms = new Set(matched.filter((term) => !phraseWords.has(term) || loneWords.has(term)))
    return snippetFor(id, text, { terms, phrases }) ?? { id, field: 'title', snippet: text.title, marks: [] }
  }

  private async textOf(id: string): Promise<SearchText | undefined> {
    const cached = this.texts.get(id)
    if (cached) {
      // Most recently used last, so the oldest goes first.
      this.texts.delete(id)
      this.texts.set(id, cached)
      return cached
    }
    const key = this.keys.get(id)
    const stored = storedText(this.mini.getStoredFields(id))
    const text = await this.options.read(id, key && stored && { key, stored })
    if (text) this.remember(id, text)
    return text
  }

  private remember(id: string, text: SearchText): void {
    this.texts.delete(id)
    this.texts.set(id, text)
    if (this.texts.size > TEXT_CACHE) this.texts.delete(this.texts.keys().next().value!)
  }

  private apply(id: string, key: FileKey, text: SearchText): void {
    const queued = this.queue.get(id)
    if (queued && sameKey(queued, key)) this.queue.delete(id)
    this.keys.set(id, key)
    this.remember(id, text)
    if (this.pending) {
      this.pending.set(id, { key, text })
      return
    }
    if (this.mini.has(id)) this.mini.discard(id)
    this.mini.add({ id, ...text })
    this.changed()
  }

  private drop(id: string): void {
    this.queue.delete(id)
    this.texts.delete(id)
    if (!this.keys.delete(id)) return
    if (this.pending) {
      this.pending.set(id, undefined)
      return
    }
    if (this.mini.has(id)) this.mini.discard(id)
    this.changed()
  }

  private build(): void {
    if (this.building || this.queue.size === 0) return
    // An empty index (the first, or one whose file was lost) is built whole and loaded at the end;
    // searches meanwhile say how far it is. Later changes are added one by one.
    const whole = this.mini.documentCount === 0 ? new IndexBuilder() : undefined
    if (whole) this.pending = new Map()
    this.building = (async () => {
      while (this.queue.size > 0 && !this.stopped) {
        const slice = [...this.queue].slice(0, BUILD_SLICE)
        const texts = await Promise.all(slice.map(([id]) => this.options.read(id).catch(() => undefined)))
        slice.forEach(([id, key], index) => {
          // A newer version queued meanwhile is read in a later slice.
          if (!sameKey(this.queue.get(id) ?? key, key)) return
          const text = texts[index]
          if (!text) this.queue.delete(id)
          else if (whole && !this.keys.has(id) && !whole.has(id)) {
            this.queue.delete(id)
            this.keys.set(id, key)
            whole.add(id, text)
          } else this.apply(id, key, text)
          this.built++
        })
        await new Promise((resolve) => setImmediate(resolve))
      }
      if (whole && !this.stopped) this.loadBuilt(whole)
    })().finally(() => {
      this.building = undefined
      this.pending = undefined
      this.built = 0
    })
  }

  /** The index built whole takes the empty one's place, with the changes that came meanwhile. */
  private loadBuilt(whole: IndexBuilder): void {
    const mini = RankingIndex.built<Doc>(whole.index(), miniSearchOptions)
    for (const [id, change] of this.pending ?? []) {
      if (mini.has(id)) mini.discard(id)
      if (change) mini.add({ id, ...change.text })
    }
    this.mini = mini
    this.pending = undefined
    this.changed()
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const stored = await readSearchFile(this.options.stateDir)
      if (stored) {
        this.mini = stored.mini
        for (const [id, key] of stored.keys) this.keys.set(id, key)
      }
    })()
    return this.loaded
  }

  private changed(): void {
    this.dirty = true
    if (this.persistTimer || this.stopped) return
    this.persistTimer = setTimeout(() => {
      this.persistTimer = undefined
      // While building, the file is written once at the end.
      if (this.building) this.changed()
      else void this.persist()
    }, this.options.persistDelayMs ?? PERSIST_DELAY_MS)
    this.persistTimer.unref?.()
  }

  private async persist(): Promise<void> {
    while (this.writing) await this.writing
    if (!this.dirty || this.stopped) return
    this.dirty = false
    this.writing = (async () => {
      try {
        const file: SearchFile = { format: SEARCH_FORMAT, version: SEARCH_VERSION, keys: Object.fromEntries([...this.keys].map(([id, k]) => [id, [k.mtimeMs, k.ctimeMs, k.size, k.ino]])), index: this.mini }
        await writeFileAtomic(join(await localDir(this.options.stateDir), SEARCH_FILE), JSON.stringify(file))
        this.lastWriteFailure = undefined
      } catch (error) {
        this.dirty = true
        this.lastWriteFailure = error instanceof Error ? error : new Error(String(error))
      }
    })().finally(() => {
      this.writing = undefined
    })
    await this.writing
  }
}

/** Fields short enough to search for a two-letter start of a word (the body is not). */
const SHORT_FIELDS: SearchField[] = ['title', 'subject', 'tags']

/**
 * The last word of the query while the critic is still typing it (no space after it yet, and not
 * inside a phrase or a filter): it may be the start of a longer word.
 */
function wordBeingTyped(input: string, loneWords: readonly string[]): string | undefined {
  const token = /(\S+)$/.exec(input)?.[1]
  if (!token || token.includes('"') || token.includes(':')) return undefined
  const last = searchTerms(token).at(-1)
  return last !== undefined && last === loneWords.at(-1) ? last : undefined
}

/**
 * The word being typed as a start of words: from three letters in every field, a typo forgiven from
 * five; at two letters only in the short fields, and as itself elsewhere. A short start walks most of
 * MiniSearch's tree and scores every review holding any word it starts (at 10,000 reviews “ri” took
 * 60–380 ms in the body alone, “river” 20), for hits that say little.
 */
function typingPart(term: string): WordQuery {
  if (term.length >= 3) return { term, ways: [{ prefix: true, maxDistance: term.length >= 5 ? typos(term) : 0 }] }
  if (term.length === 1) return { term, ways: [{ prefix: false, maxDistance: 0 }] }
  return {
    term,
    ways: [
      { prefix: false, maxDistance: 0 },
      { fields: SHORT_FIELDS, prefix: true, maxDistance: 0 },
    ],
  }
}

/** Typos a whole word forgives: one from four letters, two from eight (a fifth of its length, at most two). */
function typos(term: string): number {
  return term.length >= 4 ? Math.min(2, Math.round(term.length * 0.2)) : 0
}

interface SearchFile {
  format: typeof SEARCH_FORMAT
  version: number
  /** id → [mtimeMs, ctimeMs, size, ino] of the file version indexed. */
  keys: Record<string, [number, number, number, number]>
  /** MiniSearch's own JSON (it serializes itself). */
  index: unknown
}

/** The stored index; undefined when missing, unreadable, damaged or of another version (then rebuilt). */
async function readSearchFile(stateDir: string): Promise<{ mini: RankingIndex<Doc>; keys: Map<string, FileKey> } | undefined> {
  try {
    const text = (await readPlainFile(join(stateDir, SEARCH_FILE))).toString('utf8')
    const file = JSON.parse(text) as Partial<SearchFile> | null
    if (file?.format !== SEARCH_FORMAT || file.version !== SEARCH_VERSION || typeof file.keys !== 'object' || file.keys === null) return undefined
    const keys = new Map<string, FileKey>()
    for (const [id, value] of Object.entries(file.keys)) {
      if (!Array.isArray(value) || value.length !== 4 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined
      const [mtimeMs, ctimeMs, size, ino] = value
      keys.set(id, { mtimeMs, ctimeMs, size, ino })
    }
    const mini = RankingIndex.loaded<Doc>(file.index as Parameters<typeof RankingIndex.loaded>[0], miniSearchOptions)
    // An index whose reviews disagree with its keys is not trusted.
    if (mini.documentCount !== keys.size || [...keys.keys()].some((id) => !mini.has(id))) return undefined
    return { mini, keys }
  } catch {
    return undefined
  }
}
