/**
 * The full-text index against real library folders: what it finds and shows, and how it follows
 * saves, renames, the trash, outside edits, and a missing or damaged index file.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SearchResults } from '../../../src/shared/contract'
import { importBundle } from '../../../src/main/services/export/bundle'
import { Library } from '../../../src/main/services/library/library'
import { SEARCH_FILE } from '../../../src/main/services/search/searchIndex'
import { stateDirOf } from '../../support/machineState'

let root: string
const opened: Library[] = []
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'verdict-search-'))
})
afterEach(async () => {
  // A library writes its index and search files in the background: those writes end before its folder goes.
  for (const library of opened.splice(0)) {
    await library.flushIndex()
    await library.flushSearch()
  }
  await rm(root, { recursive: true, force: true })
})

function open(): Library {
  const library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Ana Critic', now: () => new Date(Date.now() + 60_000) })
  opened.push(library)
  return library
}

async function write(id: string, text: string): Promise<void> {
  await mkdir(join(root, id), { recursive: true })
  await writeFile(join(root, id, 'review.md'), text)
}

const BALLERINA = `---
title: Ballerina
status: published
tags: [action, john wick]
excerpt: A stylish, bruising spin-off.
subject:
  kind: film
  title: Ballerina
  year: 2025
  creators: [Len Wiseman]
  cast: [Ana de Armas]
  ids: { imdb: tt7181546 }
---

The first act drifts. Then Eve walks into a **Kirov** rehearsal room and the film finds its pulse: a fight staged among mirrors, where every reflection lies.

:::score[Overall Score]{value="9.5" scale="10" overall}
Verdict: A stylish, bruising spin-off that earns its place.

Pros:
- Relentless fight choreography

Cons:
- Thin supporting cast
:::
`
const AMELIE = `---
title: Le Fabuleux Destin d’Amélie Poulain
status: draft
tags: [romance]
subject:
  kind: film
  title: Amélie
  year: 2001
  creators: [Jean-Pierre Jeunet]
  cast: [Audrey Tautou]
  ids: {}
score: { value: '4', scale: '5', label: Overall Score }
---

Paris glows in green and gold. Amélie skims stones on the Canal Saint-Martin and rearranges strangers’ lives.

::score[Overall Score]{value="4" scale="5" overall}
`
const SPIRITED = `---
title: 千と千尋の神隠し
status: ready
tags: [animation]
subject: { kind: film, title: Spirited Away, year: 2001, creators: [宮崎駿], cast: [], ids: {} }
---

湯屋の場面は圧倒的だ。千尋は名前を奪われる。
`

async function library(): Promise<Library> {
  await write('ballerina', BALLERINA)
  await write('amelie', AMELIE)
  await write('spirited-away', SPIRITED)
  const lib = open()
  await lib.list()
  await lib.flushSearch()
  return lib
}

const ids = (results: SearchResults) => results.hits.map((hit) => hit.id)
const marked = (results: SearchResults, index = 0) => {
  const hit = results.hits[index]!
  return hit.marks.map(([start, end]) => hit.snippet.slice(start, end))
}

describe('full-text search', () => {
  it('finds a word in the middle of a body and shows its sentence with the word marked', async () => {
    const lib = await library()
    const results = await lib.searchReviews('rehearsal', 20)
    expect(ids(results)).toEqual(['ballerina'])
    const [hit] = results.hits
    expect(hit!.field).toBe('body')
    expect(hit!.snippet).toBe('Then Eve walks into a Kirov rehearsal room and the film finds its pulse: a fight staged among mirrors, where every reflection lies.')
    expect(marked(results)).toEqual(['rehearsal'])
    expect(hit!.focus).toBe('rehearsal')
  })

  it('folds accents both ways, forgives prefixes and typos', async () => {
    const lib = await library()
    expect(ids(await lib.searchReviews('Amelie', 20))).toEqual(['amelie'])
    expect(ids(await lib.searchReviews('canal saint-martín', 20))).toEqual(['amelie'])
    expect(marked(await lib.searchReviews('rearr', 20))).toEqual(['rearranges'])
    expect(ids(await lib.searchReviews('choreograhpy', 20))).toEqual(['ballerina'])
  })

  it('takes the word being typed as the start of words (two letters: of a title, subject or tag), the words before it whole', async () => {
    const lib = await library()
    expect(ids(await lib.searchReviews('rea', 20))).toEqual(['amelie'])
    // Two letters start a title's word (Ballerina), not the body's (“rearranges” in Amélie's).
    expect(ids(await lib.searchReviews('ba', 20))).toEqual(['ballerina'])
    expect(ids(await lib.searchReviews('re', 20))).toEqual([])
    // Once a space follows it, a word is whole: “rea ” is no start of “rearranges”.
    expect(ids(await lib.searchReviews('rea ', 20))).toEqual([])
    expect(ids(await lib.searchReviews('rea canal', 20))).toEqual([])
    expect(ids(await lib.searchReviews('canal rea', 20))).toEqual(['amelie'])
  })

  it('finds Japanese words inside unspaced text', async () => {
    const lib = await library()
    const results = await lib.searchReviews('千尋', 20)
    expect(ids(results)).toEqual(['spirited-away'])
    expect(marked(results)).toContain('千尋')
  })

  it('searches subject fields, tags, the verdict, pros and cons', async () => {
    const lib = await library()
    expect(ids(await lib.searchReviews('Wiseman', 20))).toEqual(['ballerina'])
    expect(ids(await lib.searchReviews('tt7181546', 20))).toEqual(['ballerina'])
    expect(ids(await lib.searchReviews('Tautou', 20))).toEqual(['amelie'])
    expect(ids(await lib.searchReviews('animation', 20))).toEqual(['spirited-away'])
    expect(ids(await lib.searchReviews('supporting', 20))).toEqual(['ballerina'])
    const verdict = await lib.searchReviews('earns its place', 20)
    expect(verdict.hits[0]!.snippet).toBe('Verdict: A stylish, bruising spin-off that earns its place.')
  })

  it('matches quoted phrases only in their order, and marks the whole phrase', async () => {
    const lib = await library()
    const found = await lib.searchReviews('"every reflection lies"', 20)
    expect(ids(found)).toEqual(['ballerina'])
    expect(marked(found)).toEqual(['every', 'reflection', 'lies'])
    expect(found.hits[0]!.focus).toBe('every reflection lies')
    expect(ids(await lib.searchReviews('"lies every reflection"', 20))).toEqual([])
  })

  it('applies filters to words and alone', async () => {
    const lib = await library()
    expect(ids(await lib.searchReviews('film year:2001', 20)).sort()).toEqual([])
    expect(ids(await lib.searchReviews('kind:film year:2001', 20)).sort()).toEqual(['amelie', 'spirited-away'])
    expect(ids(await lib.searchReviews('score:>=9 kind:film', 20))).toEqual(['ballerina'])
    expect(ids(await lib.searchReviews('score:>=4/5', 20)).sort()).toEqual(['amelie', 'ballerina'])
    expect(ids(await lib.searchReviews('by:"Len Wiseman" status:published tag:action mirrors', 20))).toEqual(['ballerina'])
    expect(ids(await lib.searchReviews('status:draft mirrors', 20))).toEqual([])
    const problems = await lib.searchReviews('kind:poem', 20)
    expect(problems.problems).toEqual([expect.stringMatching(/^kind: is one of/)])
  })

  it('follows a save, a rename, the trash and an outside edit', async () => {
    const lib = await library()
    const opened = await lib.open('amelie')
    if (opened.kind !== 'editable') throw new Error('expected an editable review')
    await lib.save('amelie', { ...opened.meta, excerpt: 'A whimsical valentine to Montmartre.' }, opened.doc, opened.hash)
    expect(ids(await lib.searchReviews('montmartre', 20))).toEqual(['amelie'])

    const renamed = await lib.rename('amelie', 'Amélie revisited')
    expect(renamed.id).toBe('amelie-revisited')
    expect(ids(await lib.searchReviews('montmartre', 20))).toEqual(['amelie-revisited'])

    await lib.trash('amelie-revisited')
    expect(ids(await lib.searchReviews('montmartre', 20))).toEqual([])

    await write('ballerina', BALLERINA.replace('Kirov', 'Bolshoi'))
    await lib.list()
    await lib.flushSearch()
    expect(ids(await lib.searchReviews('kirov', 20))).toEqual([])
    expect(ids(await lib.searchReviews('bolshoi', 20))).toEqual(['ballerina'])
  })

  it('finds an imported review as soon as the import has read it, before any new listing', async () => {
    const lib = await library()
    const file = join(root, '..', `${root.split(/[\\/]/).at(-1)}-perfect-days.md`)
    await writeFile(file, '---\ntitle: Perfect Days\n---\n\nHirayama cleans the Shibuya toilets at dawn.\n')
    try {
      const { id } = await importBundle(file, root)
      await lib.summary(id) // what the import channel answers with (PageService.importReview)
      await lib.flushSearch()
      expect(ids(await lib.searchReviews('shibuya', 20))).toEqual([id])
    } finally {
      await rm(file, { force: true })
    }
  })

  it('finds a review the moment the listing shows it, or says it is still indexing', async () => {
    const lib = await library()
    await write('zebra', '---\ntitle: Zebra\n---\n\nStripes.\n')
    await lib.list()
    const results = await lib.searchReviews('zeb', 20)
    expect(ids(results).includes('zebra') || results.indexing !== undefined).toBe(true)
    await lib.flushSearch()
    expect(ids(await lib.searchReviews('zeb', 20))).toEqual(['zebra'])
  })

  it('answers a search that a newer one of the same session overtook unsearched, and the newest in full', async () => {
    const lib = await library()
    // Typed faster than answered: the first is under way when the next two come, so the middle one never runs.
    const typed = ['reh', 'rehe', 'rehearsal'].map((query) => lib.searchReviews(query, 20, 'field-1'))
    const other = lib.searchReviews('amelie', 20, 'field-2')
    const [first, middle, last] = await Promise.all(typed)
    expect(ids(first!)).toEqual(['ballerina'])
    expect(middle).toMatchObject({ hits: [], total: 0, superseded: true })
    expect(ids(last!)).toEqual(['ballerina'])
    expect(last!.superseded).toBeUndefined()
    // Another session is not overtaken, and the session searches again once its last answer is in.
    expect(ids(await other)).toEqual(['amelie'])
    expect(ids(await lib.searchReviews('kirov', 20, 'field-1'))).toEqual(['ballerina'])
  })

  it('keeps its index beside the row index and rebuilds a missing or damaged one from the files', async () => {
    await library()
    const path = join(stateDirOf(root), SEARCH_FILE)
    const stored = JSON.parse(await readFile(path, 'utf8')) as { format: string; keys: Record<string, unknown> }
    expect(stored.format).toBe('verdict-search-index')
    expect(Object.keys(stored.keys).sort()).toEqual(['amelie', 'ballerina', 'spirited-away'])

    // A new start uses the stored index: nothing to read again.
    const again = open()
    await again.list()
    const warm = await again.searchReviews('rehearsal', 20)
    expect(warm.indexing).toBeUndefined()
    expect(ids(warm)).toEqual(['ballerina'])

    for (const damage of ['{"format":"verdict-search-index","version":1,"keys":{"ghost":[1,2,3,4]},"index":{}}', 'not json', '']) {
      await writeFile(path, damage)
      const rebuilt = open()
      await rebuilt.list()
      await rebuilt.flushSearch()
      expect(ids(await rebuilt.searchReviews('rehearsal', 20))).toEqual(['ballerina'])
      expect(ids(await rebuilt.searchReviews('ghost', 20))).toEqual([])
    }
  })
})
