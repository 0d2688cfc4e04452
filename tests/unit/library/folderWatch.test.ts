/**
 * The warm listing's watch of the review folders (folderWatch.ts): folders nothing touched are
 * listed without a `stat`, and every outside change still shows (an edit in place of the same size
 * and time, a save by rename, a sync engine's conflict copy, a folder added, renamed or deleted); a
 * burst of events the kernel's queue may have overflowed with sends the listing back to a `stat`
 * of every folder. Linux only, as the watch.
 */
import { mkdir, mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReviewSummary } from '../../../src/shared/model'
import { Library } from '../../../src/main/services/library/library'
import { FolderWatch, watchableFolder } from '../../../src/main/services/library/folderWatch'
import { stateDirOf } from '../../support/machineState'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'verdict-folder-watch-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
  await rm(stateDirOf(root), { recursive: true, force: true })
})

/** An hour ago: no file or folder is too recent to be trusted. */
const HOUR_AGO = new Date(Date.now() - 3_600_000)
const file = (title: string) => `---\ntitle: ${title}\nstatus: ready\n---\n\nWords of the review.\n`

async function write(id: string, title: string): Promise<void> {
  await mkdir(join(root, id), { recursive: true })
  await writeFile(join(root, id, 'review.md'), file(title))
  await settle(id)
}

/** Sets the review's file and folder an hour back, as a library not touched lately. */
async function settle(id: string): Promise<void> {
  await utimes(join(root, id, 'review.md'), HOUR_AGO, HOUR_AGO)
  await utimes(join(root, id), HOUR_AGO, HOUR_AGO)
}

const titles = (rows: ReviewSummary[]) => Object.fromEntries(rows.map((row) => [row.id, row.title]))

/** Lists, then waits for the folders to be watched and verified; `taken`: the folders the listing took as read, without a stat. */
async function listed(library: Library): Promise<{ rows: ReviewSummary[]; taken: string[] }> {
  const unchanged = vi.spyOn(FolderWatch.prototype, 'unchanged')
  try {
    const rows = await library.list()
    const taken = await unchanged.mock.results.at(-1)?.value
    await library.flushWatch()
    return { rows, taken: [...((taken as Set<string> | undefined) ?? [])].sort() }
  } finally {
    unchanged.mockRestore()
  }
}

describe.runIf(process.platform === 'linux' && watchableFolder(tmpdir()))('Folder watch', () => {
  it('lists untouched folders without a stat, and sees every outside change', async () => {
    for (const id of ['alien', 'heat', 'ran', 'brazil']) await write(id, id.toUpperCase())
    // Its clock a minute ahead: a file changed now (its change time, which cannot be set back) is not too recent to trust.
    const library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Ana Critic', now: () => new Date(Date.now() + 60_000) })
    try {
      expect((await listed(library)).taken).toEqual([])
      const warm = await listed(library)
      expect(warm.taken).toEqual(['alien', 'brazil', 'heat', 'ran'])
      expect(titles(warm.rows)).toEqual({ alien: 'ALIEN', heat: 'HEAT', ran: 'RAN', brazil: 'BRAZIL' })

      // In place, the same size, its time set back: only the folder's event tells.
      await writeFile(join(root, 'alien', 'review.md'), file('alien'))
      await settle('alien')
      // A save by rename, as editors and sync engines do.
      await writeFile(join(root, 'heat', '.review.md.tmp'), file('Heat, again'))
      await rename(join(root, 'heat', '.review.md.tmp'), join(root, 'heat', 'review.md'))
      await settle('heat')
      // A sync engine's conflict copy beside the file.
      await writeFile(join(root, 'ran', 'review.sync-conflict-20261206-062523-EF4V22U.md'), file('Ran elsewhere'))
      const changed = await listed(library)
      expect(titles(changed.rows)).toMatchObject({ alien: 'alien', heat: 'Heat, again' })
      expect(changed.rows.find((row) => row.id === 'ran')?.conflict).toEqual({ source: 'syncthing', copy: 'review.sync-conflict-20261206-062523-EF4V22U.md' })
      // Only the unchanged review was taken as read.
      expect(changed.taken).toEqual(['brazil'])

      await utimes(join(root, 'ran'), HOUR_AGO, HOUR_AGO)
      await write('zardoz', 'ZARDOZ')
      await rename(join(root, 'brazil'), join(root, 'brazil-1985'))
      await rm(join(root, 'heat'), { recursive: true })
      expect(titles((await listed(library)).rows)).toEqual({ alien: 'alien', ran: 'RAN', zardoz: 'ZARDOZ', 'brazil-1985': 'BRAZIL' })
      expect((await listed(library)).taken).toEqual(['alien', 'brazil-1985', 'ran', 'zardoz'])
    } finally {
      await library.flushSearch()
      await library.flushIndex()
      library.close()
    }
  })

  it('trusts no folder after a burst of events the kernel may have lost some of', async () => {
    for (const id of ['one', 'two']) await mkdir(join(root, id))
    const watch = new FolderWatch({ root, unchangedSinceListed: () => true, burstLimit: 50 })
    try {
      await watch.afterListing(['one', 'two'])
      expect([...(await watch.unchanged(['one', 'two']))].sort()).toEqual(['one', 'two'])
      // Written in one task: their events wait in the kernel's queue and arrive in one read.
      for (let n = 0; n < 60; n++) writeFileSync(join(root, 'one', `file-${n}`), 'x')
      expect([...(await watch.unchanged(['one', 'two']))]).toEqual([])
      await watch.afterListing(['one', 'two'])
      expect([...(await watch.unchanged(['one', 'two']))].sort()).toEqual(['one', 'two'])
    } finally {
      watch.close()
    }
  })
})
