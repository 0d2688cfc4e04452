/** `npm run bench -- --busy`: the option, and hogs that really hold a core each and end when stopped. */
import { readFile } from 'node:fs/promises'
import { describe, expect, it, vi } from 'vitest'
import { parseArgs } from '../../../bench/lib/args'
import { startHogs } from '../../../bench/lib/machine'
import { slow } from '../../support/slow'

/** CPU seconds a process has used (utime + stime in /proc, Linux), or null once it has ended. */
async function cpuSeconds(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null)
  if (stat === null) return null
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return fields[0] === 'Z' ? null : (Number(fields[11]) + Number(fields[12])) / 100
}

describe('the busy bench', () => {
  it('is asked for with --busy, a run of its own beside the quiet one', () => {
    expect(parseArgs(['--busy'])).toMatchObject({ busy: true, partial: false, parts: ['editor', 'preview'], sizes: ['50k'] })
    expect(parseArgs(['--busy', '--only', 'editor', '--sizes', '10k'])).toMatchObject({ busy: true, partial: true, parts: ['editor'], sizes: ['10k'] })
    expect(parseArgs([])).toMatchObject({ busy: false, sizes: ['1k', '10k', '50k'] })
  })

  it.runIf(process.platform === 'linux')('starts hogs that burn CPU until stopped', async () => {
    const hogs = startHogs(2)
    try {
      expect(hogs.pids).toHaveLength(2)
      await vi.waitFor(async () => expect((await Promise.all(hogs.pids.map(cpuSeconds))).every((seconds) => (seconds ?? 0) >= 0.2)).toBe(true), {
        timeout: slow(20_000),
        interval: 100,
      })
    } finally {
      hogs.stop()
    }
    await vi.waitFor(async () => expect(await Promise.all(hogs.pids.map(cpuSeconds))).toEqual([null, null]), { timeout: slow(20_000), interval: 100 })
  })
})
