// Files a sync engine is still bringing: temp names and a half-written review.md.
import { mkdir, mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { arrivingAs, isSyncTemp } from '../../../src/main/services/fs/syncTemp'
import { Library } from '../../../src/main/services/library/library'
import { stateDirOf } from '../../support/machineState'

describe('sync engines’ temp names', () => {
  it('knows Syncthing’s, Nextcloud’s, iCloud’s and OneDrive’s, and the file each stands for', () => {
    for (const name of ['.syncthing.review.md.tmp', '~syncthing~review.md.tmp', '.review.md.~6a3f09c2', '.review.md.icloud', '~review.tmp', '~WRD0001.tmp']) {
      expect(isSyncTemp(name), name).toBe(true)
    }
    for (const name of ['review.md', 'syncthing.review.md.tmp', '.syncthing.review.md', 'photo~1.png', 'notes.tmp', '.verdict', '.stfolder', 'a.png']) {
      expect(isSyncTemp(name), name).toBe(false)
    }
    expect(arrivingAs(['assets', '.syncthing.review.md.tmp'], 'review.md')).toBe(true)
    expect(arrivingAs(['.syncthing.poster.png.tmp'], 'review.md')).toBe(false)
    expect(arrivingAs([`.syncthing.${'ab12'.repeat(16)}.tmp`], 'review.md')).toBe(true)
    expect(arrivingAs(['review.md', 'assets'], 'review.md')).toBe(false)
  })
})

describe('a review.md a sync engine is still writing', () => {
  let root: string
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
    await rm(stateDirOf(root), { recursive: true, force: true })
  })

  it('is neither listed as broken nor indexed; the last version stays until the new one lands', async () => {
    root = await mkdtemp(join(tmpdir(), 'verdict-arriving-'))
    const folder = join(root, 'heat')
    await mkdir(folder)
    const library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Ana' })
    const half = '---\ntitle: "Heat (199'
    // A new review still arriving: not listed at all yet.
    await writeFile(join(folder, 'review.md'), half)
    await writeFile(join(folder, '.syncthing.review.md.tmp'), half)
    expect(await library.list()).toEqual([])

    await writeFile(join(folder, 'review.md'), '---\ntitle: Heat\n---\n\nThe diner scene.\n')
    await rm(join(folder, '.syncthing.review.md.tmp'))
    expect((await library.list()).map((row) => [row.title, row.problem])).toEqual([['Heat', undefined]])

    // An engine that writes in place, with its temp marker beside: the old row stays.
    await writeFile(join(folder, '~review.md.tmp'), '')
    await writeFile(join(folder, 'review.md'), half)
    expect((await library.list()).map((row) => [row.title, row.problem])).toEqual([['Heat', undefined]])
    await library.flushSearch()
    expect((await library.searchReviews('diner', 10)).hits.map((hit) => hit.id)).toEqual(['heat'])

    await writeFile(join(folder, '.syncthing.review.md.tmp'), '---\ntitle: Heat (1995)\n---\n\nThe bank job.\n')
    await rename(join(folder, '.syncthing.review.md.tmp'), join(folder, 'review.md'))
    await rm(join(folder, '~review.md.tmp'))
    expect((await library.list()).map((row) => row.title)).toEqual(['Heat (1995)'])

    // A file that cannot be read is not a broken review while an engine brings a new one, and is after.
    await writeFile(join(folder, 'review.md'), '---\ntitle: [Heat\n---\n\nHalf')
    await utimes(join(folder, 'review.md'), new Date(0), new Date(0))
    await writeFile(join(folder, '.syncthing.review.md.tmp'), '---\n')
    expect((await library.list()).map((row) => [row.title, row.problem])).toEqual([['Heat (1995)', undefined]])
    await rm(join(folder, '.syncthing.review.md.tmp'))
    expect((await library.list())[0]?.problem).toBeTruthy()
    library.close()
  })
})
