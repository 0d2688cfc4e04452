/**
 * The search thread reads a library into its index at a lower scheduling priority than main's and
 * the window's (workers.ts, yieldToForeground): on Linux, where a thread's nice value is its own.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ReviewSearch } from '../../../src/main/services/search/reviewSearch'
import { BACKGROUND_NICE } from '../../../src/main/services/workers'

/** The nice value of each of this process's threads, by thread id. */
async function threadNices(): Promise<Map<string, number>> {
  const nices = new Map<string, number>()
  for (const tid of await readdir('/proc/self/task')) {
    const stat = await readFile(`/proc/self/task/${tid}/stat`, 'utf8').catch(() => '')
    // After the command's closing parenthesis: field 3 (state) on; nice is field 19.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (fields.length > 16) nices.set(tid, Number(fields[16]))
  }
  return nices
}

describe.runIf(process.platform === 'linux')('The search thread', () => {
  let root: string
  let search: ReviewSearch
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'verdict-thread-priority-'))
    search = new ReviewSearch({ stateDir: join(root, 'state'), root, maxBytes: 1_000_000, row: () => undefined, rows: () => [] })
  })
  afterAll(async () => {
    search.stop()
    await rm(root, { recursive: true, force: true })
  })

  it('runs below main’s priority, main keeping its own', async () => {
    const before = await threadNices()
    // Answered by the thread: it has started and lowered its priority by then. The thread is the
    // process's one search thread, which a test file run before this one in the same process may
    // have started (the unit tests share their module state): it is looked for among all threads.
    await search.idle()
    const after = await threadNices()
    expect([...after.values()]).toContain(BACKGROUND_NICE)
    expect(after.get(String(process.pid))).toBe(before.get(String(process.pid)))
  })
})
