import { mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEMP_PREFIX } from '../../../src/main/services/fs/atomicWrite'
import { removeLeftoverTemps } from '../../../src/main/services/recovery/boot'

const temp = (name: string, pid: number) => `${TEMP_PREFIX}${name}.${pid}.0123456789ab`

describe('removeLeftoverTemps', () => {
  it('removes temp files of dead writers from review folders, assets and .verdict, and nothing else', async () => {
    const root = await mkdtemp(join(tmpdir(), 'verdict-boot-'))
    const dead = 999_999_999
    await mkdir(join(root, 'heat', 'assets'), { recursive: true })
    await mkdir(join(root, '.verdict', 'history', 'heat'), { recursive: true })
    await mkdir(join(root, '.verdict', 'recovery'), { recursive: true })
    const leftovers = [
      join(root, 'heat', temp('review.md', dead)),
      join(root, 'heat', 'assets', temp('a.png', dead)),
      join(root, '.verdict', 'history', 'heat', temp('x.md', dead)),
      join(root, '.verdict', 'recovery', temp('heat.json', dead)),
    ]
    const kept = [join(root, 'heat', 'review.md'), join(root, 'heat', 'assets', 'a.png'), join(root, 'heat', '.verdict-notes.txt')]
    for (const path of [...leftovers, ...kept]) await writeFile(path, 'x')
    // A temp-looking folder is not a temp file.
    await mkdir(join(root, 'heat', temp('dir', dead)))

    const removed = await removeLeftoverTemps(root)
    expect(removed.sort()).toEqual(leftovers.sort())
    expect((await readdir(join(root, 'heat'))).sort()).toEqual(['.verdict-notes.txt', temp('dir', dead), 'assets', 'review.md'].sort())
  })

  it('leaves a fresh temp file of a running writer (another Verdict saving) but not a stale one', async () => {
    const root = await mkdtemp(join(tmpdir(), 'verdict-boot-'))
    await mkdir(join(root, 'heat'))
    const fresh = join(root, 'heat', temp('review.md', process.pid))
    const stale = join(root, 'heat', temp('review.md', 1))
    await writeFile(fresh, 'in flight')
    await writeFile(stale, 'old')
    const hourAgo = new Date(Date.now() - 3600_000)
    await utimes(stale, hourAgo, hourAgo)
    const removed = await removeLeftoverTemps(root, { isRunning: () => true })
    expect(removed).toEqual([stale])
    expect(await readdir(join(root, 'heat'))).toEqual([basename(fresh)])
  })

  it('never throws for a missing library', async () => {
    expect(await removeLeftoverTemps(join(tmpdir(), 'verdict-no-such-library-x'))).toEqual([])
  })
})
