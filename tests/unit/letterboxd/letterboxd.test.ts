import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Library } from '../../../src/main/services/library/library'
import { stateDirOf } from '../../support/machineState'
import { MAX_ROWS } from '../../../src/main/services/letterboxd/csv'
import { Letterboxd } from '../../../src/main/services/letterboxd/letterboxd'

const made: Array<{ dir: string; library: Library }> = []
afterEach(async () => {
  for (const { dir, library } of made.splice(0)) {
    await library.flushSearch()
    await library.flushIndex()
    library.close()
    await rm(dir, { recursive: true, force: true })
  }
})

/** An empty library in a temp folder, and the Letterboxd service on it. */
async function workspace() {
  const dir = await mkdtemp(join(tmpdir(), 'verdict-letterboxd-'))
  const library = new Library({ root: join(dir, 'library'), stateDir: stateDirOf(join(dir, 'library')), defaultAuthor: () => 'Ana Critic', now: () => new Date('2026-12-01T10:00:00Z') })
  await mkdir(library.root)
  made.push({ dir, library })
  const letterboxd = new Letterboxd({ libraries: { current: () => library }, author: () => 'Ana Critic', now: () => new Date('2026-12-01T10:00:00Z') })
  const file = async (name: string, text: string | Buffer) => {
    await writeFile(join(dir, name), text)
    return join(dir, name)
  }
  return { dir, library, letterboxd, file }
}

// Shaped as Letterboxd documents its export's reviews.csv: quoted fields with commas, quotes and
// line breaks, accents, a film logged without a rating, and a rewatch of an earlier one.
const REVIEWS_CSV = [
  'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date',
  '2025-06-05,Ballerina,2025,https://boxd.it/aBc1,4.5,,"Relentless, and ""fun"".\n\nThe flamethrower scene!","action, john wick",2025-06-04',
  '2021-04-25,Amélie,2001,https://boxd.it/xYz2,,,"Paris in green and gold; no rating, on purpose.",,2021-04-24',
  '2025-12-02,Ballerina,2025,https://boxd.it/aBc3,3.5,Yes,"Second time:\nless fun.",action,2025-12-01',
].join('\r\n')

describe('importing a Letterboxd export', () => {
  it('makes one review per film: the film, its rating out of 5, the text, tags and days, a rewatch related to the first viewing', async () => {
    const { library, letterboxd, file } = await workspace()
    const result = await letterboxd.import(await file('reviews.csv', REVIEWS_CSV))

    expect(result.notes).toEqual([])
    expect(result.imported.map((review) => review.title)).toEqual(['Amélie', 'Ballerina', 'Ballerina'])
    const [amelie, first, rewatch] = result.imported.map((review) => review.id)
    const open = async (id: string) => {
      const opened = await library.open(id)
      if (opened.kind !== 'editable') throw new Error(opened.reason)
      return opened
    }
    const ballerina = await open(first!)
    expect(ballerina.meta).toMatchObject({
      title: 'Ballerina',
      date: '2025-06-05',
      tags: ['action', 'john wick'],
      subject: { kind: 'film', title: 'Ballerina', year: 2025 },
      extra: { watched: '2025-06-04', letterboxd: 'https://boxd.it/aBc1' },
    })
    expect(ballerina.doc.root.children).toMatchObject([
      { type: 'paragraph', children: [{ type: 'text', text: 'Relentless, and "fun".' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'The flamethrower scene!' }] },
      { type: 'score', value: '4.5', scale: '5', overall: true },
    ])
    const again = await open(rewatch!)
    expect(again.meta.relates).toEqual([first])
    expect(again.doc.root.children[0]).toMatchObject({ children: [{ text: 'Second time:' }, { type: 'linebreak' }, { text: 'less fun.' }] })
    const unrated = await open(amelie!)
    expect(unrated.meta.subject?.title).toBe('Amélie')
    expect(unrated.doc.root.children.map((block) => block.type)).toEqual(['paragraph'])
    expect(await readFile(join(library.root, rewatch!, 'review.md'), 'utf8')).toContain('relates:\n  - ballerina\n')
  })

  it('reads diary.csv (no review column), and says which values of which rows it left out', async () => {
    const { letterboxd, file, library } = await workspace()
    const diary = ['Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date', '2024-01-02,Dune: Part Two,2024,https://boxd.it/q1,7,,,2024-01-01', ',,,,,,,', '2024-02-02,,2024,,,,,', '2024-03-03,Perfect Days,20x3,,5,Yes,,yesterday'].join('\n')
    const result = await letterboxd.import(await file('diary.csv', diary))
    expect(result.imported.map((review) => review.title)).toEqual(['Dune: Part Two', 'Perfect Days'])
    expect(result.notes).toEqual([
      'Row 2 (Dune: Part Two): the rating “7” is not 0.5 to 5 stars in halves; imported without a rating.',
      'Row 4: no film name; left out.',
      'Row 5 (Perfect Days): the year “20x3” is not a year; imported without one.',
      'Row 5 (Perfect Days): the date “yesterday” is not a day (YYYY-MM-DD); left out.',
      'Row 5 (Perfect Days): a rewatch, but no earlier review of it is in the library; imported without a link to one.',
    ])
    expect((await library.list()).length).toBe(2)
  })

  it('imports no viewing twice: the same file again, the same entry or the same film and day from another file', async () => {
    const { library, letterboxd, file } = await workspace()
    const first = await letterboxd.import(await file('reviews.csv', REVIEWS_CSV))
    const again = await letterboxd.import(await file('reviews.csv', REVIEWS_CSV))
    expect(again.imported).toEqual([])
    expect(again.skipped).toEqual(first.imported)

    // diary.csv of the same export: Ballerina's first viewing by its day (the entry written another
    // way), Amélie by its entry on another day; a third viewing of Ballerina is new.
    const diary = [
      'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date',
      '2025-06-05,Ballerina,2025,https://letterboxd.com/ana/film/ballerina-2025/,4.5,,,2025-06-04',
      '2021-04-26,Amélie,2001,https://boxd.it/xYz2,,,,2021-04-25',
      '2026-01-10,Ballerina,2025,https://boxd.it/aBc9,4,Yes,,2026-01-09',
    ].join('\n')
    const more = await letterboxd.import(await file('diary.csv', diary))
    expect(more.imported.map((review) => review.title)).toEqual(['Ballerina'])
    expect(more.skipped.map((review) => review.id).sort()).toEqual([first.imported[0]!.id, first.imported[1]!.id])
    expect((await library.list()).length).toBe(4)

    // Letterboxd's import format (no entry column), as the export writes it: every film is there.
    const exported = await letterboxd.export(join(library.root, '..'))
    const back = await letterboxd.import(exported.path)
    expect(back.imported).toEqual([])
    expect(back.skipped).toHaveLength(4)
  })

  it('refuses what is not a Letterboxd file, or is too large for one, with the reason, and imports nothing', async () => {
    const { dir, letterboxd, file, library } = await workspace()
    await expect(letterboxd.import(await file('other.csv', 'Film,Stars\nBallerina,4\n'))).rejects.toThrow('it has no “Name” (or “Title”) column')
    await expect(letterboxd.import(await file('quote.csv', 'Name,Review\nBallerina,"never closed\n'))).rejects.toThrow('A quoted field opens and never closes')
    await expect(letterboxd.import(await file('latin1.csv', Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x41, 0x6d, 0xe9, 0x6c, 0x69, 0x65])))).rejects.toThrow('not UTF-8')
    const rows = `Name\n${'Ballerina\n'.repeat(MAX_ROWS + 1)}`
    await expect(letterboxd.import(await file('many.csv', rows))).rejects.toThrow(`more than ${MAX_ROWS.toLocaleString('en')} rows`)
    await writeFile(join(dir, 'huge.csv'), Buffer.alloc(33 * 1024 * 1024, 0x41))
    await expect(letterboxd.import(join(dir, 'huge.csv'))).rejects.toThrow('more than a Letterboxd export can be')
    expect(await library.list()).toEqual([])
  })
})

describe('exporting for Letterboxd', () => {
  it('round trip: the export imported into an empty library gives the same films, years, ratings, tags and text', async () => {
    const first = await workspace()
    await first.letterboxd.import(await first.file('reviews.csv', REVIEWS_CSV))
    const exported = await first.letterboxd.export(first.dir)
    expect(exported).toMatchObject({ path: join(first.dir, 'letterboxd.csv'), exported: 3, notFilms: 0, failed: [] })
    const csv = await readFile(exported.path, 'utf8')
    expect(csv.split('\n')[0]).toBe('Title,Year,imdbID,tmdbID,Directors,Rating,WatchedDate,Rewatch,Tags,Review')
    // Never over an earlier export.
    expect((await first.letterboxd.export(first.dir)).path).toBe(join(first.dir, 'letterboxd-2.csv'))

    const second = await workspace()
    await second.letterboxd.import(exported.path)
    const films = async (library: Library) =>
      Promise.all(
        (await library.list()).map(async (row) => {
          const opened = await library.open(row.id)
          if (opened.kind !== 'editable') throw new Error(opened.reason)
          return { title: row.title, year: row.subject?.year, score: row.score?.value, tags: row.tags, watched: opened.meta.extra['watched'] ?? opened.meta.date, related: Boolean(opened.meta.relates), text: JSON.stringify(opened.doc.root.children.filter((block) => block.type !== 'score')) }
        }),
      ).then((list) => list.sort((a, b) => String(a.watched).localeCompare(String(b.watched))))
    expect(await films(second.library)).toEqual(await films(first.library))
  })
})
