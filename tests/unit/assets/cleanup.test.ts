import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { VerdictError } from '../../../src/shared/contract'
import { DEFAULT_SETTINGS } from '../../../src/shared/model'
import { collectUnusedAssets, type CleanupOptions } from '../../../src/main/services/assets/cleanup'
import { imageLimitsOf, importImage } from '../../../src/main/services/assets/import'
import { LEDGER_FILE } from '../../../src/main/services/assets/ledger'
import { FOLLOWS_TITLE_FILE, type Library } from '../../../src/main/services/library/library'
import { png } from './images'
import { libraryWithOneReview } from './oneReview'

const HOUR = 3_600_000
const T0 = Date.parse('2026-11-25T10:00:00Z')

let base: string
let root: string
let library: Library
let id: string

beforeEach(async () => {
  ;({ base, root, library, id } = await libraryWithOneReview('cleanup'))
})

const assets = () => join(root, id, 'assets')
const put = (name: string, text = name) => writeFile(join(assets(), name), text)
const present = async () => (await readdir(assets())).filter((n) => !n.startsWith('.')).sort()

/** One clean-up run at `T0 + at` with a one-hour grace period. */
function run(at: number, referenced: string[] = [], more: Partial<CleanupOptions> = {}) {
  return collectUnusedAssets(library, id, { referenced: new Set(referenced), graceMs: HOUR, now: new Date(T0 + at), ...more })
}

async function ledger(): Promise<Record<string, string>> {
  return (JSON.parse(await readFile(join(assets(), LEDGER_FILE), 'utf8')) as { firstSeenUnreferenced: Record<string, string> }).firstSeenUnreferenced
}

describe('collectUnusedAssets', () => {
  it('moves an unused file to the trash only once it has been unused for longer than the grace period', async () => {
    await put('a.png', 'bytes of a')
    await put('b.png')

    const first = await run(0, ['assets/b.png'])
    expect(first).toEqual({ trashed: [], trashFolder: null, waiting: [{ path: 'assets/a.png', after: new Date(T0 + HOUR) }] })
    expect(await ledger()).toEqual({ 'a.png': new Date(T0).toISOString() })

    expect((await run(HOUR, ['assets/b.png'])).trashed).toEqual([]) // exactly the grace period: not longer
    expect(await present()).toEqual(['a.png', 'b.png'])

    const due = await run(HOUR + 1, ['assets/b.png'])
    expect(due.trashed).toEqual(['assets/a.png'])
    expect(due.trashFolder).toBe(`assets-${id}-${T0 + HOUR + 1}`)
    expect(await present()).toEqual(['b.png'])
    expect(await readFile(join(root, '.trash', due.trashFolder!, 'a.png'), 'utf8')).toBe('bytes of a')
    await expect(stat(join(assets(), LEDGER_FILE))).rejects.toThrow() // nothing left to track
  })

  it('never collects on the run that first notices, however short the grace period', async () => {
    await put('a.png')
    expect((await run(0, [], { graceMs: 0 })).trashed).toEqual([])
    expect((await run(1, [], { graceMs: 0 })).trashed).toEqual(['assets/a.png'])
  })

  it('restarts the clock when a file is used again', async () => {
    await put('a.png')
    await run(0)
    await run(HOUR / 2, ['assets/a.png']) // back in the text
    await run(HOUR)
    expect((await run(2 * HOUR)).trashed).toEqual([]) // unused again only since T0 + 1h
    expect((await run(2 * HOUR + 1)).trashed).toEqual(['assets/a.png'])
  })

  it('never collects what the keep set still needs, and starts the clock when it stops', async () => {
    await put('old.png')
    const keep = new Set(['assets/old.png'])
    await run(0, [], { keep })
    expect((await run(10 * HOUR, [], { keep })).trashed).toEqual([])
    expect((await run(11 * HOUR)).trashed).toEqual([]) // first seen unused now
    expect((await run(12 * HOUR + 1)).trashed).toEqual(['assets/old.png'])
  })

  it('matches references as the Markdown may write them', async () => {
    for (const name of ['Café.png', 'a b.png', 'c.png', 'd.png']) await put(name)
    const referenced = ['./assets/CAFE\u0301.PNG', 'assets/a%20b.png', 'assets\\c.png', 'assets/d.png#zoom']
    await run(0, referenced)
    expect((await run(2 * HOUR, referenced)).trashed).toEqual([])
    expect(await present()).toEqual(['a b.png', 'c.png', 'Café.png', 'd.png'].sort())
  })

  it('leaves dot-files, sub-folders and files elsewhere alone', async () => {
    await put('.DS_Store')
    await mkdir(join(assets(), 'originals'))
    await writeFile(join(assets(), 'originals', 'raw.png'), 'raw')
    await writeFile(join(root, id, 'notes.txt'), 'notes')
    await run(0)
    expect((await run(2 * HOUR)).trashed).toEqual([])
    expect((await readdir(assets())).sort()).toEqual(['.DS_Store', 'originals'])
    expect(await readFile(join(root, id, 'notes.txt'), 'utf8')).toBe('notes')
  })

  it('treats a corrupt ledger as a fresh start, never as permission to delete', async () => {
    await put('a.png')
    await writeFile(join(assets(), LEDGER_FILE), '{"firstSeenUnreferenced": {"a.png": "not a date"}')
    expect((await run(100 * HOUR)).trashed).toEqual([])
    expect(await ledger()).toEqual({ 'a.png': new Date(T0 + 100 * HOUR).toISOString() })
  })

  it('restarts the clock when time goes backwards', async () => {
    await put('a.png')
    await run(10 * HOUR)
    expect((await run(0)).trashed).toEqual([]) // the clock was set back: noticed "now"
    expect(await ledger()).toEqual({ 'a.png': new Date(T0).toISOString() })
  })

  it('forgets files that disappeared by other means', async () => {
    await put('a.png')
    await put('b.png')
    await run(0)
    await rm(join(assets(), 'a.png'))
    await run(1)
    expect(Object.keys(await ledger())).toEqual(['b.png'])
  })

  it('uses a fresh trash folder per run', async () => {
    await put('a.png')
    await run(0)
    const one = await run(HOUR + 1)
    await put('a.png', 'again')
    await run(HOUR + 1)
    await mkdir(join(root, '.trash', `assets-${id}-${T0 + 3 * HOUR}`)) // taken
    const two = await run(3 * HOUR)
    expect(two.trashFolder).toBe(`assets-${id}-${T0 + 3 * HOUR}-2`)
    expect(await readFile(join(root, '.trash', one.trashFolder!, 'a.png'), 'utf8')).toBe('a.png')
    expect(await readFile(join(root, '.trash', two.trashFolder!, 'a.png'), 'utf8')).toBe('again')
  })

  it('does nothing for a review without assets/', async () => {
    await rm(assets(), { recursive: true })
    expect(await run(0)).toEqual({ trashed: [], trashFolder: null, waiting: [] })
    expect((await readdir(join(root, id))).sort()).toEqual([FOLLOWS_TITLE_FILE, 'review.md'])
  })

  it('refuses review ids outside the library and nonsense options', async () => {
    await mkdir(join(base, 'x-outside'))
    for (const bad of ['../x-outside', '', '.trash']) {
      await expect(collectUnusedAssets(library, bad, { referenced: new Set(), graceMs: HOUR, now: new Date() })).rejects.toMatchObject({
        code: 'OUTSIDE_LIBRARY',
      })
    }
    await expect(run(0, [], { graceMs: Number.NaN })).rejects.toBeInstanceOf(VerdictError)
    await expect(run(0, [], { now: new Date(Number.NaN) })).rejects.toBeInstanceOf(VerdictError)
  })
})

describe('importImage and the clean-up', () => {
  it('re-importing an image restarts its grace period', async () => {
    const limits = imageLimitsOf(DEFAULT_SETTINGS)
    const asset = await importImage(library, id, 'a.png', png(2, 2), limits)
    await run(0)
    expect(Object.keys(await ledger())).toEqual([asset.path.slice('assets/'.length)])
    await importImage(library, id, 'a.png', png(2, 2), limits) // stored already: only the ledger changes
    await expect(stat(join(assets(), LEDGER_FILE))).rejects.toThrow()
    expect((await run(2 * HOUR)).trashed).toEqual([])
  })
})
