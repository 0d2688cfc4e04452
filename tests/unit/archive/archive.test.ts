/**
 * The archive's numbers (every scale on 0–100, months, averages per creator and tag, lengths) and
 * its CSV and JSON export, written from a real library folder and read back.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArchiveRow } from '../../../src/shared/archive'
import type { ScoreSummary, Subject } from '../../../src/shared/critic'
import type { ReviewSummary } from '../../../src/shared/model'
import { archiveStats, exportArchive } from '../../../src/main/services/archive/archive'
import { Library } from '../../../src/main/services/library/library'
import { stateDirOf } from '../../support/machineState'

let serial = 0
function row(patch: Partial<ReviewSummary> & { date: string }): ReviewSummary {
  serial++
  return { id: `r${serial}`, title: `Review ${serial}`, author: '', status: 'draft', tags: [], excerpt: '', wordCount: 100, created: '', updated: '', ...patch }
}
const score = (value: string, scale: ScoreSummary['scale']): ScoreSummary => ({ value, scale, label: 'Overall Score' })
const film = (title: string, creators: string[] = []): Subject => ({ kind: 'film', title, creators, cast: [], ids: {} })
const book = (title: string, creators: string[] = []): Subject => ({ kind: 'book', title, creators, cast: [], ids: {} })

describe('archive statistics', () => {
  it('puts every scale on 0–100 before banding the scores, for all kinds and per kind', () => {
    const stats = archiveStats([
      row({ date: '2025-01-02', score: score('9.5', '10'), subject: film('A') }), // 95
      row({ date: '2025-01-03', score: score('4', '5'), subject: film('B') }), // 80
      row({ date: '2025-01-04', score: score('81', '100'), subject: book('C') }), // 81
      row({ date: '2025-01-05', score: score('A+', 'letter'), subject: book('D') }), // 100: the top band
      row({ date: '2025-01-06', score: score('F', 'letter') }), // 0, no subject
      row({ date: '2025-01-07', score: score('12', '10') }), // does not read: unscored
      row({ date: '2025-01-08' }),
    ])
    expect(stats.reviews).toBe(7)
    expect(stats.scored).toBe(5)
    expect(stats.scores.map((each) => each.kind)).toEqual(['all', 'film', 'book'])
    expect(stats.scores[0]!.bands).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 2, 2])
    expect(stats.scores[1]!.bands).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1])
    expect(stats.scores[2]!.bands).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1])
    expect(stats.kinds).toEqual([
      { kind: 'film', reviews: 2 },
      { kind: 'book', reviews: 2 },
      { kind: 'none', reviews: 3 },
    ])
  })

  it('counts reviews and words per month, every month between the first and the last, and per year', () => {
    const stats = archiveStats([
      row({ date: '2024-11-30', wordCount: 500 }),
      row({ date: '2025-02-01', wordCount: 1200 }),
      row({ date: '2025-02-28', wordCount: 800 }),
      // No date set: the day it was created.
      row({ date: '', created: '2024-12-31T22:00:00.000Z', wordCount: 10 }),
      row({ date: 'someday', wordCount: 7 }),
    ])
    expect(stats.months).toEqual([
      { period: '2024-11', reviews: 1, words: 500 },
      { period: '2024-12', reviews: 1, words: 10 },
      { period: '2025-01', reviews: 0, words: 0 },
      { period: '2025-02', reviews: 2, words: 2000 },
    ])
    expect(stats.years).toEqual([
      { period: '2024', reviews: 2, words: 510 },
      { period: '2025', reviews: 2, words: 2000 },
    ])
    // An unreadable date is in the totals, not in a month.
    expect(stats.words).toBe(2517)
  })

  it('averages scores per creator and per tag over scored reviews, most reviewed first, names folded', () => {
    const stats = archiveStats([
      row({ date: '2025-01-01', score: score('9', '10'), subject: film('A', ['Agnès Varda']), tags: ['french', 'Documentary'] }),
      row({ date: '2025-01-02', score: score('3', '5'), subject: film('B', ['agnes varda', 'Jacques Demy']), tags: ['french'] }),
      row({ date: '2025-01-03', subject: film('C', ['Jacques Demy']), tags: ['french'] }), // unscored: in no average
      row({ date: '2025-01-04', score: score('B', 'letter'), subject: film('D', ['Jacques Demy']), tags: ['documentary'] }),
    ])
    // 9/10 = 90, 3/5 = 60, B = 8 of the letter scale's 12 steps = 66.67.
    expect(stats.creators).toEqual([
      { name: 'Agnès Varda', reviews: 2, average: 75 },
      { name: 'Jacques Demy', reviews: 2, average: 63.3 },
    ])
    expect(stats.tags).toEqual([
      { name: 'Documentary', reviews: 2, average: 78.3 },
      { name: 'french', reviews: 2, average: 75 },
    ])
  })

  it('lists the longest and shortest reviews, each once, and leaves unreadable files out', () => {
    const rows = [10, 5000, 300, 40, 2000, 800, 1].map((wordCount, index) => row({ date: '2025-01-01', title: `T${index}`, wordCount }))
    const stats = archiveStats([...rows, row({ date: '2025-01-01', wordCount: 0, problem: 'Front matter is not YAML' })])
    expect(stats.longest.map((each) => each.words)).toEqual([5000, 2000, 800, 300, 40])
    expect(stats.shortest.map((each) => each.words)).toEqual([1, 10])
    expect(stats.unreadable).toBe(1)
    expect(stats.reviews).toBe(7)
    expect(stats.statuses).toEqual([
      { status: 'draft', reviews: 7 },
      { status: 'ready', reviews: 0 },
      { status: 'published', reviews: 0 },
    ])
  })
})

describe('archive export', () => {
  let root: string
  let dest: string
  let library: Library | undefined
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'verdict-archive-'))
    dest = join(root, 'exports')
    await mkdir(join(root, 'library'))
    await mkdir(dest)
  })
  afterEach(async () => {
    await library?.flushIndex()
    await library?.flushSearch()
    await rm(root, { recursive: true, force: true })
  })

  async function seed(id: string, text: string): Promise<void> {
    await mkdir(join(root, 'library', id), { recursive: true })
    await writeFile(join(root, 'library', id, 'review.md'), text)
  }

  async function listed(): Promise<ReviewSummary[]> {
    await seed(
      'ballerina',
      `---
title: "Ballerina, or: \\"Eve\\" dances"
date: 2025-06-04
status: published
tags: [action, john wick]
subject: { kind: film, title: Ballerina, year: 2025, creators: [Len Wiseman], cast: [], ids: {} }
published:
  - { target: blog, publishId: p1, id: '7', url: 'https://blog.example/ballerina', at: '2025-06-05T10:00:00.000Z', status: published, media: {} }
---

Eve walks into a rehearsal room, and the film finds its pulse.

::score[Overall Score]{value="9.5" scale="10" overall}
`,
    )
    await seed('amelie', `---\ntitle: "=Amélie"\ndate: 2024-02-01\nstatus: draft\ntags: []\n---\n\nParis glows.\n\n::score[Overall Score]{value="4" scale="5" overall}\n`)
    library = new Library({ root: join(root, 'library'), stateDir: stateDirOf(join(root, 'library')), defaultAuthor: () => '' })
    return library.list()
  }

  it('writes one CSV row per review that reads back as written, never over an earlier file', async () => {
    const rows = await listed()
    const first = await exportArchive(rows, 'csv', dest, '2026-12-07')
    expect(first).toEqual({ path: join(dest, 'verdict-archive-2026-12-07.csv'), reviews: 2 })
    const second = await exportArchive(rows, 'csv', dest, '2026-12-07')
    expect(second.path).toBe(join(dest, 'verdict-archive-2026-12-07-2.csv'))
    expect(await readdir(dest)).toHaveLength(2)

    const parsed = Papa.parse<Record<string, string>>(await readFile(first.path, 'utf8'), { header: true, skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields).toEqual(['id', 'title', 'kind', 'subject', 'year', 'creators', 'date', 'score', 'score100', 'status', 'words', 'tags', 'published'])
    expect(parsed.data).toEqual([
      {
        id: 'ballerina',
        title: 'Ballerina, or: "Eve" dances',
        kind: 'film',
        subject: 'Ballerina',
        year: '2025',
        creators: 'Len Wiseman',
        date: '2025-06-04',
        score: '9.5/10',
        score100: '95',
        status: 'published',
        words: '12',
        tags: 'action; john wick',
        published: 'https://blog.example/ballerina',
      },
      // A cell a spreadsheet would run as a formula starts with a quote mark.
      { id: 'amelie', title: "'=Amélie", kind: '', subject: '', year: '', creators: '', date: '2024-02-01', score: '4/5', score100: '80', status: 'draft', words: '2', tags: '', published: '' },
    ])
  })

  it('writes the same rows as JSON, lists as arrays', async () => {
    const { path } = await exportArchive(await listed(), 'json', dest, '2026-12-07')
    const rows = JSON.parse(await readFile(path, 'utf8')) as ArchiveRow[]
    expect(rows.map((each) => each.id)).toEqual(['ballerina', 'amelie'])
    expect(rows[0]).toMatchObject({ title: 'Ballerina, or: "Eve" dances', creators: ['Len Wiseman'], tags: ['action', 'john wick'], score100: 95, year: 2025, published: ['https://blog.example/ballerina'] })
    expect(rows[1]).toMatchObject({ title: '=Amélie', year: null, score100: 80, published: [] })
  })

  it('counts the rows of the last listing, listing first when there was none', async () => {
    await seed('amelie', `---\ntitle: Amélie\ndate: 2024-02-01\n---\n\nParis glows.\n`)
    library = new Library({ root: join(root, 'library'), stateDir: stateDirOf(join(root, 'library')), defaultAuthor: () => '' })
    expect((await library.lastListed()).map((row) => row.id)).toEqual(['amelie'])
    // Written since: the library screen does not show it until the next listing, nor does the archive.
    await seed('later', `---\ntitle: Later\n---\n\nNew.\n`)
    expect((await library.lastListed()).map((row) => row.id)).toEqual(['amelie'])
    await library.list()
    expect((await library.lastListed()).map((row) => row.id).sort()).toEqual(['amelie', 'later'])
  })

  it('says where it could not write, in words', async () => {
    await expect(exportArchive(await listed(), 'csv', join(dest, 'missing', 'folder'), '2026-12-07')).rejects.toThrow(/Could not write the archive to “.*folder”/)
  })
})
