/**
 * Full disk, read-only disk and short writes while saving: the review on disk stays byte-identical,
 * the error names the cause, no temp file is left, and a partly written temp is never renamed into
 * place. Failures are injected into node:fs/promises for the app's own code (root ignores permission
 * bits here), and where this machine lets root mount a tmpfs, a real 64 KiB disk fills up and a real
 * read-only mount refuses the write.
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type * as FsPromises from 'node:fs/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TEMP_PREFIX } from '../../src/main/services/fs/atomicWrite'
import { Library } from '../../src/main/services/library/library'
import { largeDocument } from './helpers'
import { paragraphs, workbench } from '../support/workbench'
import { rejection } from '../support/errors'
import { stateDirOf } from '../support/machineState'

type Fault = 'enospc' | 'eacces' | 'erofs' | 'short' | 'zero' | 'sync' | 'rename' | undefined
const injected = vi.hoisted(() => ({ fault: undefined as Fault, opened: 0, renamedTemps: [] as string[] }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>()
  const isTemp = (path: unknown) => typeof path === 'string' && basename(path).startsWith('.verdict-tmp-')
  const errno = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code })
  const open = (async (...args: Parameters<typeof real.open>) => {
    const [path] = args
    const fault = injected.fault
    if (!isTemp(path) || !fault) return real.open(...args)
    if (fault === 'eacces') throw errno('EACCES', `permission denied, open '${String(path)}'`)
    if (fault === 'erofs') throw errno('EROFS', `read-only file system, open '${String(path)}'`)
    const handle = await real.open(...args)
    injected.opened++
    let budget = 4096
    const write = async (buffer: Uint8Array, offset: number, length: number, position: number) => {
      if (fault === 'enospc' || fault === 'zero') {
        if (budget === 0) {
          if (fault === 'zero') return { bytesWritten: 0, buffer }
          throw errno('ENOSPC', 'no space left on device, write')
        }
        const n = Math.min(length, budget)
        budget -= n
        return handle.write(buffer, offset, n, position)
      }
      // 'short': every write takes at most 1000 bytes, as a disk under pressure may.
      return handle.write(buffer, offset, fault === 'short' ? Math.min(length, 1000) : length, position)
    }
    const sync = async () => {
      if (fault === 'sync') throw errno('EIO', 'i/o error, fsync')
      return handle.sync()
    }
    return Object.assign(Object.create(handle) as typeof handle, { write, sync, close: () => handle.close() })
  }) as typeof real.open
  const rename = (async (from: Parameters<typeof real.rename>[0], to: Parameters<typeof real.rename>[1]) => {
    if (isTemp(from)) {
      if (injected.fault === 'rename') throw errno('EACCES', `permission denied, rename '${String(from)}'`)
      injected.renamedTemps.push(String(from))
    }
    return real.rename(from, to)
  }) as typeof real.rename
  return { ...real, open, rename, default: { ...real, open, rename } }
})

afterEach(() => {
  injected.fault = undefined
})

async function library() {
  const root = await mkdtemp(join(tmpdir(), 'verdict-disk-'))
  const lib = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Ana Critic' })
  const { id } = await lib.create('Heat')
  const opened = await lib.open(id)
  if (opened.kind !== 'editable') throw new Error('expected an editable review')
  return { root, lib, id, opened, path: join(root, id, 'review.md') }
}

const temps = async (dir: string) => (await readdir(dir)).filter((name) => name.startsWith(TEMP_PREFIX))

/**
 * The temps renamed into the review's own folder: on a busy machine the library's index and search
 * index, written in the background in .verdict, may be renamed into place during the save too.
 */
const renamedBeside = (review: string) => injected.renamedTemps.filter((temp) => dirname(temp) === dirname(review))

describe('saving when the disk fails', () => {
  it.each([
    ['enospc', /^Could not save “Heat”: the disk is full\.$/],
    ['eacces', /^Could not save “Heat”: permission denied \(is the folder read-only\?\)\.$/],
    ['erofs', /^Could not save “Heat”: the disk is read-only\.$/],
    ['zero', /^Could not save “Heat”: .*the disk accepted no more data\.$/],
    ['sync', /^Could not save “Heat”: EIO: i\/o error, fsync\.$/],
    ['rename', /^Could not save “Heat”: permission denied \(is the folder read-only\?\)\.$/],
  ] as const)('%s: the review stays byte-identical, the message says why, no temp is left', async (fault, message) => {
    const { lib, id, opened, path } = await library()
    const before = await readFile(path)
    injected.fault = fault
    injected.renamedTemps = []
    const error = await rejection(lib.save(id, opened.meta, largeDocument(5000), opened.hash))
    injected.fault = undefined
    expect(error.code).toBe('IO')
    expect(error.message).toMatch(message)
    expect(await readFile(path)).toEqual(before)
    expect(await temps(join(path, '..'))).toEqual([])
    // A temp that was not written whole is never renamed over the review.
    expect(renamedBeside(path)).toEqual([])
    // And the next save, once the disk is back, goes through.
    const saved = await lib.save(id, opened.meta, paragraphs('Back to normal'), opened.hash)
    expect(saved.wordCount).toBe(3)
  })

  it('short writes are completed, never renamed into place half-written', async () => {
    const { lib, id, opened, path } = await library()
    injected.fault = 'short'
    injected.renamedTemps = []
    const doc = largeDocument(5000)
    const saved = await lib.save(id, opened.meta, doc, opened.hash)
    injected.fault = undefined
    expect(renamedBeside(path)).toHaveLength(1)
    expect(saved.hash).toBe(((await lib.open(id)) as { hash: string }).hash)
    expect((await readFile(path, 'utf8')).length).toBeGreaterThan(20_000)
  })

  it('keeps the unsaved text in the recovery journal when the save fails, and no version is lost', async () => {
    const w = await workbench('disk')
    const { id } = await w.library.create('Heat')
    const opened = await w.editable(id)
    const draft = { meta: opened.meta, doc: paragraphs('Typed just before the disk filled up'), baseHash: opened.hash }
    await w.journal.journal(id, draft)
    injected.fault = 'enospc'
    const error = await rejection(w.writes.save({ id, ...draft, doc: largeDocument(3000) }))
    injected.fault = undefined
    expect(error.message).toMatch(/the disk is full/)
    expect((await w.journal.read(id)).doc).toEqual(draft.doc)
  })
})

/** Runs `mount`; undefined when this machine does not allow it (no root, a container without CAP_SYS_ADMIN). */
function tryMount(args: string[]): string | undefined {
  try {
    execFileSync('mount', args, { stdio: 'pipe' })
    return undefined
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).trim() || 'mount failed'
  }
}

describe('a real small disk (tmpfs)', () => {
  it('fills up during a save: the review stays byte-identical and no temp is left', async (ctx) => {
    const dir = await mkdtemp(join(tmpdir(), 'verdict-tmpfs-'))
    const refused = process.platform === 'linux' ? tryMount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]) : 'not Linux'
    if (refused) {
      console.warn(`Skipped the real full-disk case: cannot mount a 64 KiB tmpfs here (${refused}); the injected ENOSPC cases still ran.`)
      await rm(dir, { recursive: true, force: true })
      ctx.skip()
      return
    }
    let lib: Library | undefined
    try {
      lib = new Library({ root: dir, stateDir: stateDirOf(dir), defaultAuthor: () => 'Ana Critic' })
      const { id } = await lib.create('Heat')
      const opened = await lib.open(id)
      if (opened.kind !== 'editable') throw new Error('expected an editable review')
      const path = join(dir, id, 'review.md')
      const before = await readFile(path)
      // Fill most of the disk, leaving less than the new text needs.
      await writeFile(join(dir, 'filler.bin'), Buffer.alloc(40 * 1024))
      const error = await rejection(lib.save(id, opened.meta, largeDocument(5000), opened.hash))
      expect(error.message).toBe('Could not save “Heat”: the disk is full.')
      expect(await readFile(path)).toEqual(before)
      expect(await temps(join(dir, id))).toEqual([])

      // The same disk mounted read-only: a real EROFS.
      const readOnly = tryMount(['-o', 'remount,ro', dir])
      if (readOnly) console.warn(`Skipped the real read-only case: cannot remount read-only (${readOnly}).`)
      else {
        const denied = await rejection(lib.save(id, opened.meta, paragraphs('tiny'), opened.hash))
        expect(denied.message).toBe('Could not save “Heat”: the disk is read-only.')
        expect(await readFile(path)).toEqual(before)
        expect(await temps(join(dir, id))).toEqual([])
      }
    } finally {
      // The library's index and search files are written in the background: let them end (or fail)
      // first, or a late write lands in the folder while it is being removed.
      await lib?.flushIndex()
      await lib?.flushSearch()
      lib?.close()
      execFileSync('umount', [dir])
      await rm(dir, { recursive: true, force: true })
    }
  })
})
