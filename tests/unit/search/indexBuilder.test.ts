/**
 * The index built whole (indexBuilder.ts) is the index MiniSearch's own `add` builds from the same
 * reviews: same documents, field lengths and their means, words and counts, so the same hits and scores.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { IndexBuilder } from '../../../src/main/services/search/indexBuilder'
import { RankingIndex } from '../../../src/main/services/search/rankingIndex'
import { miniSearchOptions, SearchIndex } from '../../../src/main/services/search/searchIndex'
import { searchText, type SearchText } from '../../../src/main/services/search/searchText'

const reviews: Array<[string, SearchText]> = [
  ['ballerina', searchText({ title: 'Ballerina', tags: ['action', 'john wick'], excerpt: 'A stylish, bruising spin-off.', subject: { kind: 'film', title: 'Ballerina', year: 2025, creators: ['Len Wiseman'], cast: ['Ana de Armas'], ids: { imdb: 'tt7181546' } } }, 'The fight, the fight, the **fight**: every mirror lies.\n\n:::score[Overall]{value="9" scale="10" overall}\nVerdict: A stylish spin-off.\n\nPros:\n- Fight choreography\n:::\n')],
  ['amelie', searchText({ title: 'Le Fabuleux Destin d’Amélie Poulain', tags: ['romance'], excerpt: '' }, 'Paris glows. Amélie skims stones; AMELIE smiles. ½ of it is ™ magic.\n')],
  ['spirited-away', searchText({ title: '千と千尋の神隠し', tags: [], excerpt: '' }, '湯屋の場面は圧倒的だ。千尋は名前を奪われる。千尋は走る。\n')],
  ['empty', searchText({ title: '', tags: [], excerpt: '' }, '')],
]

function both(): { added: MiniSearch; built: MiniSearch } {
  const added = new MiniSearch(miniSearchOptions)
  const builder = new IndexBuilder()
  for (const [id, text] of reviews) {
    added.add({ id, ...text })
    builder.add(id, text)
  }
  return { added, built: RankingIndex.built(builder.index(), miniSearchOptions) }
}

/** MiniSearch's serialized form, its words in one order (a tree's order depends on how it grew). */
const comparable = (mini: MiniSearch) => {
  const json = mini.toJSON()
  return { ...json, index: [...json.index].sort(([a], [b]) => a.localeCompare(b)) }
}

describe('an index built whole', () => {
  it('is the index MiniSearch adds review by review', () => {
    const { added, built } = both()
    expect(comparable(built)).toEqual(comparable(added))
    for (const query of ['fight', 'amelie', '千尋', 'stylish spin', 'mirr']) {
      expect(built.search(query, { prefix: true })).toEqual(added.search(query, { prefix: true }))
    }
    expect(built.search('fight')[0]).toMatchObject({ id: 'ballerina' })
  })

  it('takes changes as MiniSearch does once loaded', () => {
    const { added, built } = both()
    for (const mini of [added, built]) {
      mini.discard('amelie')
      mini.add({ id: 'amelie', ...reviews[1]![1], body: 'Montmartre at dawn.' })
    }
    expect(built.search('montmartre')).toEqual(added.search('montmartre'))
    expect(built.search('paris')).toEqual([])
  })

  it('keeps a save and a removal that come while it is built', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'verdict-search-built-'))
    const files = new Map(reviews)
    let release = () => {}
    const reading = new Promise<void>((resolve) => (release = resolve))
    const index = new SearchIndex({ stateDir, read: async (id) => (await reading, files.get(id)) })
    const key = (n: number) => ({ mtimeMs: n, ctimeMs: n, size: n, ino: n })
    try {
      index.reconcile(new Map(reviews.map(([id], n) => [id, key(n)])))
      expect((await index.search('fight', 10)).indexing).toEqual({ done: 0, total: reviews.length })
      // Saved and trashed while the build waits on its reads: a read now finds the saved file, and no trashed one.
      const saved = { ...reviews[1]![1], body: 'Montmartre at dawn.' }
      files.set('amelie', saved)
      index.put('amelie', key(10), saved)
      files.delete('spirited-away')
      index.remove('spirited-away')
      release()
      await index.idle()
      const ids = async (query: string) => (await index.search(query, 10)).hits.map((hit) => hit.id)
      expect(await ids('montmartre')).toEqual(['amelie'])
      expect(await ids('paris')).toEqual([])
      expect(await ids('千尋')).toEqual([])
      expect(await ids('fight')).toEqual(['ballerina'])
    } finally {
      index.stop()
      await rm(stateDir, { recursive: true, force: true })
    }
  })
})

