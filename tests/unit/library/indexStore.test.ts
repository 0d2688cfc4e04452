/**
 * The library index (indexStore.ts): rows reused while their review.md is unchanged, read again
 * when it changes, dropped with their folder; a damaged or foreign index rebuilt; and an indexed
 * listing equal to one parsed from scratch.
 */
import { cp, mkdir, mkdtemp, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReviewSummary } from '../../../src/shared/model'
import { parseReview, scoreMirror, wordCountOf } from '../../../src/main/services/format'
import { INDEX_FILE, RACY_MS } from '../../../src/main/services/library/indexStore'
import { Library } from '../../../src/main/services/library/library'
import { reviewBody } from './reviewBody'
import { stateDirOf } from '../../support/machineState'

let root: string
/** The clock the libraries see: far enough after every write that no row is racy, unless a test says so. */
let clock: () => number

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'verdict-index-'))
  clock = () => Date.now() + 60_000
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
  await rm(stateDirOf(root), { recursive: true, force: true })
})

const open = () => new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Ana Critic', now: () => new Date(clock()) })
const indexPath = () => join(stateDirOf(root), INDEX_FILE)
const review = (id: string) => join(root, id, 'review.md')
const byId = (rows: ReviewSummary[]) => Object.fromEntries(rows.map((row) => [row.id, row]))

async function write(id: string, text: string): Promise<void> {
  await mkdir(join(root, id), { recursive: true })
  await writeFile(review(id), text)
}

const file = (title: string, body: string) => `---\ntitle: ${title}\nstatus: ready\ntags: [film]\n---\n\n${body}\n`

/** Lists with a new Library (an app start), waiting for the index to be written. */
async function listFresh(): Promise<ReviewSummary[]> {
  const library = open()
  const rows = await library.list()
  expect(await library.flushIndex()).toBeUndefined()
  return rows
}

type IndexJson = { version: number; entries: Record<string, [number, number, number, number, ReviewSummary]> }
const readIndexFile = async (): Promise<IndexJson> => JSON.parse(await readFile(indexPath(), 'utf8')) as IndexJson

describe('Library index', () => {
  it('writes the index and reuses its rows while the files are unchanged', async () => {
    await write('alien', file('Alien', 'In space no one can hear you scream.'))
    await write('heat', file('Heat', 'A masterpiece of tension.'))
    await listFresh()
    const stored = await readIndexFile()
    expect(Object.keys(stored.entries).sort()).toEqual(['alien', 'heat'])

    // A row the files do not say can only come from the index: it was reused.
    stored.entries.alien![4].title = 'From the index'
    await writeFile(indexPath(), JSON.stringify(stored))
    expect(byId(await listFresh()).alien!.title).toBe('From the index')
  })

  it('reads a changed review again, an edit of the same size with its old mtime too', async () => {
    const OLD = 1_700_000_000 // seconds: an mtime set back exactly
    await write('alien', file('Alien', 'First words here.'))
    await utimes(review('alien'), OLD, OLD)
    const library = open()
    expect(byId(await library.list()).alien).toMatchObject({ title: 'Alien', wordCount: 3 })
    await library.flushIndex()
    const before = await stat(review('alien'))

    // Same size, same mtime: only the change time (which no program can set) tells.
    await writeFile(review('alien'), file('ALIEN', 'Other words here.'))
    await utimes(review('alien'), OLD, OLD)
    const after = await stat(review('alien'))
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino])

    expect(byId(await library.list()).alien!.title).toBe('ALIEN')
    await library.flushIndex()
    expect(byId(await listFresh()).alien!.title).toBe('ALIEN')
  })

  it('sees a review replaced by another file of the same size and mtime (a sync, a checkout)', async () => {
    await write('a', file('One', 'Same size text.'))
    await listFresh()
    const before = await stat(review('a'))
    await writeFile(join(root, 'a', 'next.md'), file('Two', 'Same size text.'))
    await utimes(join(root, 'a', 'next.md'), before.atime, before.mtime)
    await rename(join(root, 'a', 'next.md'), review('a'))
    expect(byId(await listFresh()).a!.title).toBe('Two')
  })

  it('runs listings one at a time, so one that started before a review appeared never forgets it', async () => {
    for (let index = 0; index < 40; index++) await write(`review-${index}`, file(`Review ${index}`, reviewBody(index)))
    const library = open()
    const before = library.list()
    await write('zebra', file('Zebra', 'Stripes.'))
    const after = library.list()
    // Calls made while a listing runs share the next one.
    expect(library.list()).toBe(after)
    const [, rows] = await Promise.all([before, after])
    expect(rows.map((row) => row.id)).toContain('zebra')
    await library.flushSearch()
    expect((await library.searchReviews('zeb', 20)).hits.map((hit) => hit.id)).toEqual(['zebra'])
    await library.flushIndex()
    expect(Object.keys((await readIndexFile()).entries)).toContain('zebra')
  })

  it('drops deleted, renamed and emptied reviews, and lists copied ones', async () => {
    const library = open()
    const { id: keep } = await library.create('Keep')
    const { id: gone } = await library.create('Gone')
    const { id: moved } = await library.create('Moved')
    const { id: emptied } = await library.create('Emptied')
    await library.list()
    await library.flushIndex()

    await rm(join(root, gone), { recursive: true })
    await rename(join(root, moved), join(root, 'moved-elsewhere'))
    await rm(review(emptied))
    await cp(join(root, keep), join(root, 'keep-copy'), { recursive: true })

    const ids = (rows: ReviewSummary[]) => rows.map((row) => row.id).sort()
    const expected = ['emptied', 'keep', 'keep-copy', 'moved-elsewhere'].filter((id) => id !== emptied).sort()
    expect(ids(await library.list())).toEqual(expected)
    await library.flushIndex()
    expect(Object.keys((await readIndexFile()).entries).sort()).toEqual(expected)
    expect(ids(await listFresh())).toEqual(expected)
  })

  it('takes a save’s row from the text it wrote, and still sees an edit made right after it', async () => {
    clock = () => Date.now()
    const library = open()
    const created = await library.create('Heat')
    const opened = await library.open(created.id)
    if (opened.kind !== 'editable') throw new Error('expected an editable review')
    const doc = { root: { type: 'root' as const, children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text: 'Four words of text', format: 0 }] }] } }
    await library.save(created.id, { ...opened.meta, title: 'Heat' }, doc, opened.hash)
    expect(await library.summary(created.id)).toMatchObject({ title: 'Heat', wordCount: 4 })
    // Another program writes the same number of bytes within the same clock tick.
    const saved = await readFile(review(created.id), 'utf8')
    await writeFile(review(created.id), saved.replace('title: Heat', 'title: Hate'))
    expect(byId(await library.list())[created.id]!.title).toBe('Hate')
  })

  it('keeps rows right through the library’s own changes', async () => {
    const library = open()
    const created = await library.create('Heat')
    await library.list()
    const opened = await library.open(created.id)
    if (opened.kind !== 'editable') throw new Error('expected an editable review')
    const doc = { root: { type: 'root' as const, children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text: 'Four words of text', format: 0 }] }] } }
    await library.save(created.id, opened.meta, doc, opened.hash)
    expect(byId(await library.list())[created.id]!.wordCount).toBe(4)
    const renamed = await library.rename(created.id, 'Heat (1995)')
    const copy = await library.duplicate(renamed.id)
    const { trashId } = await library.trash(renamed.id)
    expect((await library.list()).map((row) => [row.id, row.title, row.wordCount])).toEqual([[copy.id, 'Heat (1995) (copy)', 4]])
    await library.restore(trashId)
    await library.flushIndex()
    const rows = byId(await listFresh())
    expect(rows[renamed.id]).toMatchObject({ title: 'Heat (1995)', wordCount: 4 })
    expect(rows[copy.id]).toMatchObject({ title: 'Heat (1995) (copy)', wordCount: 4 })
  })

  it('ignores a damaged, foreign or planted index and rebuilds it', async () => {
    await write('alien', file('Alien', 'In space no one can hear you scream.'))
    const want = await listFresh()
    for (const damage of [
      'not json {',
      '',
      JSON.stringify({ format: 'verdict-library-index', version: 999, entries: { alien: [0, 0, 0, 0, { id: 'alien', title: 'Foreign' }] } }),
      JSON.stringify({ format: 'verdict-library-index', version: 1, entries: { alien: [1, 2, 3, 4, { id: 'alien', title: 42 }] } }),
      JSON.stringify({ format: 'verdict-library-index', version: 1, entries: [] }),
      'null',
    ]) {
      await writeFile(indexPath(), damage)
      expect(await listFresh()).toEqual(want)
      expect((await readIndexFile()).entries.alien![4].title).toBe('Alien')
    }
    // A row whose key matches but whose shape is wrong is read again, not sent to the renderer.
    const stored = await readIndexFile()
    ;(stored.entries.alien![4] as unknown as Record<string, unknown>).tags = 'not a list'
    await writeFile(indexPath(), JSON.stringify(stored))
    expect(await listFresh()).toEqual(want)

    await rm(stateDirOf(root), { recursive: true })
    await writeFile(stateDirOf(root), 'a file where the folder should be')
    const library = open()
    expect(await library.list()).toEqual(want)
    expect(await library.flushIndex()).toBeInstanceOf(Error)
  })

  it('never stores a row of a file modified within the clock’s granularity', async () => {
    await write('fresh', file('Fresh', 'Just written.'))
    const written = (await stat(review('fresh'))).mtimeMs
    clock = () => written + RACY_MS / 2
    const library = open()
    expect((await library.list()).map((row) => row.id)).toEqual(['fresh'])
    await library.flushIndex()
    await expect(stat(indexPath())).rejects.toThrow()
    clock = () => written + RACY_MS * 2
    await library.list()
    await library.flushIndex()
    expect(Object.keys((await readIndexFile()).entries)).toEqual(['fresh'])
  })

  it('lists what a full parse of every review gives, from scratch and from the index', async () => {
    const bodies = [
      reviewBody(1, 20),
      reviewBody(2, 3),
      await readFile('resources/welcome/review.md', 'utf8'),
      await readFile('tests/unit/format/fixtures/complete.md', 'utf8'),
      await readFile('tests/unit/format/fixtures/foreign.md', 'utf8'),
      await readFile('tests/unit/format/fixtures/critic-problems.md', 'utf8'),
      '# Raw title\nGlued\n\n| a | b |\n| - | - |\n| [x](y) | 1 |\n\n::score[Overall]{value="7" scale="10" overall}\n\n1. one\n2. two',
      ':::score[Overall Score]{value="4.5" scale="5" overall}\nVerdict: Fine.\n\nPros:\n- Good\n:::\n\n```\ncode\n```',
    ]
    for (const [index, body] of bodies.entries()) {
      await write(`review-${index}`, body.startsWith('---') ? body : file(`Review ${index}`, body))
    }
    await write('broken', '---\ntitle: [unclosed\n---\n\nBody\n')
    await write('empty', '')

    const expected: Record<string, Partial<ReviewSummary>> = {}
    for (const id of [...bodies.keys()].map((index) => `review-${index}`)) {
      const info = await stat(review(id))
      const { meta, doc } = parseReview(await readFile(review(id)), { title: id, created: info.birthtime.toISOString(), updated: info.mtime.toISOString() })
      const { extra: _extra, score: _mirror, ...fields } = meta
      const score = scoreMirror(doc)
      expected[id] = { id, ...fields, ...(score ? { score } : {}), wordCount: wordCountOf(doc) }
    }

    const check = (rows: ReviewSummary[]) => {
      const found = byId(rows)
      for (const [id, row] of Object.entries(expected)) expect(found[id], id).toEqual(row)
      expect(found.broken!.problem).toMatch(/YAML|front matter/i)
      expect(found.empty!.problem).toMatch(/empty/i)
    }
    const cold = await listFresh()
    check(cold)
    const indexed = await listFresh()
    check(indexed)
    expect(indexed).toEqual(cold)
  })
})
