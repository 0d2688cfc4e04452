/**
 * The search's own ranking (rankingIndex.ts) finds what MiniSearch's `search` finds, in its order
 * and with the same matched words, on an index with a history (reviews saved again and removed); and
 * a search typed key by key, which reuses the words scored at the keys before, answers every key
 * exactly as a search made afresh: accents, Japanese, phrases, typos and field filters included.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import MiniSearch from 'minisearch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseQuery, SEARCH_FIELDS } from '../../../src/shared/search'
import { RankingIndex, type QueryPlan } from '../../../src/main/services/search/rankingIndex'
import { miniSearchOptions, SearchIndex } from '../../../src/main/services/search/searchIndex'
import type { SearchText } from '../../../src/main/services/search/searchText'

const VOCABULARY = [
  'river', 'rivers', 'riverbank', 'rivet', 'rover', 'fiver', 'film', 'films', 'filter', 'fill', 'the', 'then', 'there',
  'Amélie', 'amelia', 'café', 'cafe', 'naïve', 'STRASSE', 'straße', '千と千尋の神隠し', '湯屋の場面', '名前を奪われる', 'Kirov', 'mirror', 'mirrors',
]

type Doc = SearchText & { id: string }

/** Reviews drawn from the vocabulary, each field a few of its words. */
function reviews(seed: number, count: number): Doc[] {
  let state = seed
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  const some = (most: number) => Array.from({ length: Math.floor(next() * most) }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]!).join(' ')
  return Array.from({ length: count }, (_, n) => ({
    id: `review-${n}`,
    title: some(4),
    subject: some(3),
    tags: some(2),
    excerpt: some(6),
    verdict: some(6),
    body: `${some(40)}. ${some(40)}`,
  }))
}

const docs = reviews(7, 120)

/** A ranking index that has seen saves and removals (entries of old versions wait for MiniSearch's vacuum). */
function rankingWithHistory(): RankingIndex<Doc> {
  const index = new RankingIndex<Doc>({ ...miniSearchOptions, autoVacuum: false })
  const old = reviews(99, docs.length)
  docs.forEach((doc, n) => index.add(n % 3 === 0 ? { ...old[n]!, id: doc.id } : doc))
  docs.forEach((doc, n) => {
    if (n % 3 === 0) index.replace(doc)
  })
  index.add({ ...old[0]!, id: 'gone' })
  index.discard('gone')
  return index
}

/** MiniSearch's own search for a plan, on a MiniSearch of the reviews as they are now. */
function miniSearchOf(mini: MiniSearch<Doc>, plan: QueryPlan, allowed?: ReadonlySet<string>) {
  return mini.search(
    {
      combineWith: 'AND',
      queries: plan.map(({ term, ways }) => ({
        combineWith: 'OR',
        queries: ways.map((way) => ({ queries: [term], prefix: way.prefix, fuzzy: way.maxDistance || false, ...(way.fields ? { fields: [...way.fields] } : {}) })),
      })),
    },
    { tokenize: (term) => [term], ...(allowed ? { filter: (result) => allowed.has(String(result.id)) } : {}) },
  )
}

const folded = VOCABULARY.flatMap((word) => parseQuery(word).terms)
const way = fc.record({
  prefix: fc.boolean(),
  maxDistance: fc.integer({ min: 0, max: 2 }),
  fields: fc.option(fc.subarray([...SEARCH_FIELDS], { minLength: 1 }), { nil: undefined }),
})
const word = fc.record({
  term: fc.constantFrom(...folded).chain((term) => fc.integer({ min: 1, max: term.length }).map((length) => term.slice(0, length))),
  ways: fc.array(way, { minLength: 1, maxLength: 2 }),
})
const plan = fc.array(word, { minLength: 1, maxLength: 3 })

describe('the ranking index', () => {
  it('ranks as MiniSearch does: the same reviews, best first, with the same matched words', () => {
    const index = rankingWithHistory()
    const mini = new MiniSearch<Doc>(miniSearchOptions)
    mini.addAll(docs)
    fc.assert(
      fc.property(plan, fc.boolean(), (query, filtered) => {
        const allowed = filtered ? new Set(docs.filter((_, n) => n % 2 === 0).map((doc) => doc.id)) : undefined
        const expected = miniSearchOf(mini, query, allowed)
        const ranked = index.rank(query, allowed)
        const order = [...ranked.inOrder()]
        expect(ranked.total).toBe(expected.length)
        expect(new Set(order)).toEqual(new Set(expected.map((result) => result.id as string)))
        const scores = new Map(expected.map((result) => [result.id as string, result.score]))
        // Best first: equal scores may come in either order.
        order.slice(1).forEach((id, n) => expect(scores.get(id)!).toBeLessThanOrEqual(scores.get(order[n]!)! * (1 + 1e-9)))
        for (const result of expected) expect(new Set(ranked.matchedWords(result.id as string))).toEqual(new Set(Object.keys(result.match)))
      }),
      { seed: 19, numRuns: 100 },
    )
  })

  it('forgets the scores it kept once a review is added or removed', () => {
    const index = new RankingIndex<Doc>(miniSearchOptions)
    index.addAll(docs.slice(0, 10))
    const query: QueryPlan = [{ term: 'riv', ways: [{ prefix: true, maxDistance: 0 }] }]
    const before = index.rank(query).total
    index.add({ ...docs[0]!, id: 'new', title: 'rivets', subject: '', tags: '', excerpt: '', verdict: '', body: '' })
    expect(index.rank(query).total).toBe(before + 1)
    expect(index.rank(query).matchedWords('new')).toEqual(['rivets'])
    index.discard('new')
    expect(index.rank(query).total).toBe(before)
  })
})

describe('a search typed key by key', () => {
  let stateDir: string
  beforeAll(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'verdict-ranking-'))
  })
  afterAll(() => rm(stateDir, { recursive: true, force: true }))

  const texts = new Map(docs.map(({ id, ...text }) => [id, text]))
  async function indexed(): Promise<SearchIndex> {
    const index = new SearchIndex({ stateDir, read: async (id) => texts.get(id) })
    texts.forEach((text, id) => index.put(id, { mtimeMs: 1, ctimeMs: 1, size: 1, ino: 1 }, text))
    await index.idle()
    return index
  }

  /** A word as a critic may type it: cut short, with a typo, or in capitals. */
  const typedWord = fc.tuple(fc.constantFrom(...VOCABULARY), fc.integer({ min: 0, max: 3 }), fc.nat()).map(([text, change, at]) => {
    if (change === 1) return text.slice(0, 1 + (at % text.length))
    if (change === 2) return `${text.slice(0, at % text.length)}x${text.slice((at % text.length) + 1)}`
    return change === 3 ? text.toUpperCase() : text
  })
  const phrase = fc.constantFrom(...docs.map((doc) => doc.body.split(' ').slice(2, 4).join(' '))).map((words) => `"${words}"`)
  const filter = fc.constantFrom('tag:film', 'year:2025', 'status:draft')
  const typing = fc.array(fc.oneof({ arbitrary: typedWord, weight: 4 }, phrase, filter), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '))

  it('answers every key as a fresh search of the same index does', async () => {
    const typed = await indexed()
    const fresh = await indexed()
    try {
      await fc.assert(
        fc.asyncProperty(typing, async (query) => {
          for (let length = 1; length <= query.length; length++) {
            const input = query.slice(0, length)
            const allowed = parseQuery(input).filters.length > 0 ? new Set(docs.filter((_, n) => n % 3 !== 0).map((doc) => doc.id)) : undefined
            const answer = await typed.search(input, 20, allowed)
            // The fresh one's remembered scores are forgotten by a change of the index and back.
            fresh.put('fresh', { mtimeMs: 2, ctimeMs: 2, size: 2, ino: 2 }, texts.get('review-0')!)
            fresh.remove('fresh')
            expect(answer).toEqual(await fresh.search(input, 20, allowed))
          }
        }),
        { seed: 19, numRuns: 15 },
      )
    } finally {
      typed.stop()
      fresh.stop()
    }
  })
})
