import * as fs from 'node:fs/promises'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { TEMP_PREFIX, writeFileAtomic, type AtomicWriteIo } from '../../../src/main/services/fs/atomicWrite'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verdict-atomic-'))
})

describe('writeFileAtomic', () => {
  it('creates a file and replaces it whole, leaving no temp files', async () => {
    const path = join(dir, 'review.md')
    await writeFileAtomic(path, 'first')
    await writeFileAtomic(path, 'second version, longer than the first')
    expect(await readFile(path, 'utf8')).toBe('second version, longer than the first')
    expect(await readdir(dir)).toEqual(['review.md'])
  })

  it('writes multi-byte text and binary data exactly', async () => {
    const text = join(dir, 'a.md')
    await writeFileAtomic(text, 'Ballerina — ★★★★½ “superb”')
    expect(await readFile(text, 'utf8')).toBe('Ballerina — ★★★★½ “superb”')
    const bin = join(dir, 'b.bin')
    const bytes = new Uint8Array(256 * 1024).map((_, i) => (i * 31) % 256)
    await writeFileAtomic(bin, bytes)
    expect(new Uint8Array(await readFile(bin))).toEqual(bytes)
  })

  it('keeps the original byte-identical and removes its temp file when the disk is full', async () => {
    const path = join(dir, 'review.md')
    await writeFile(path, 'original')
    const fullDisk: AtomicWriteIo = {
      ...fs,
      open: (async (...args: Parameters<typeof fs.open>) => {
        const handle = await fs.open(...args)
        let budget = 3 // the disk takes three bytes, then reports ENOSPC
        const write = async (buffer: Uint8Array, offset: number, length: number, position: number) => {
          if (budget === 0) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
          const n = Math.min(length, budget)
          budget -= n
          return handle.write(buffer, offset, n, position)
        }
        return Object.assign(Object.create(handle) as typeof handle, { write, close: () => handle.close() })
      }) as typeof fs.open,
    }
    await expect(writeFileAtomic(path, 'a much longer new text', fullDisk)).rejects.toThrow(/ENOSPC/)
    expect(await readFile(path, 'utf8')).toBe('original')
    expect(await readdir(dir)).toEqual(['review.md'])
  })

  it('writes everything even when the disk accepts only a few bytes per call', async () => {
    const path = join(dir, 'review.md')
    const shortWrites: AtomicWriteIo = {
      ...fs,
      open: (async (...args: Parameters<typeof fs.open>) => {
        const handle = await fs.open(...args)
        const write = (buffer: Uint8Array, offset: number, length: number, position: number) =>
          handle.write(buffer, offset, Math.min(length, 7), position)
        return Object.assign(Object.create(handle) as typeof handle, { write, close: () => handle.close() })
      }) as typeof fs.open,
    }
    const text = 'Overall Score: 9.5/10 — '.repeat(100)
    await writeFileAtomic(path, text, shortWrites)
    expect(await readFile(path, 'utf8')).toBe(text)
  })

  it('refuses to replace the file when the folder is not writable, leaving it untouched', async () => {
    const path = join(dir, 'review.md')
    await writeFile(path, 'original')
    const denied: AtomicWriteIo = {
      ...fs,
      rename: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
      },
    }
    await expect(writeFileAtomic(path, 'new', denied)).rejects.toThrow(/EACCES/)
    expect(await readFile(path, 'utf8')).toBe('original')
    expect((await readdir(dir)).filter((f) => f.startsWith(TEMP_PREFIX))).toEqual([])
  })

  it('fails when the target is a folder, leaving no temp file behind', async () => {
    await expect(writeFileAtomic(dir, 'x')).rejects.toThrow()
    const parent = await readdir(join(dir, '..'))
    expect(parent.some((f) => f.startsWith(TEMP_PREFIX))).toBe(false)
  })
})
