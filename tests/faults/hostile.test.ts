/**
 * Hostile review files in a real library: they open (editable, the hostile block kept as written)
 * and list without holding up anything else, a file slower than the reader's budget is stopped and
 * shown read-only, and no file is ever rewritten. Timing bounds are generous multiples (the figures
 * themselves are measured by the bench): only "answered at all while the other is read" is tested.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Library } from '../../src/main/services/library/library'
import { READ_BUDGET_MS, ReviewReader } from '../../src/main/services/library/reader'
import { HOSTILE_BODIES, SLOW_WITHIN_LIMITS } from '../unit/format/hostile'
import { snapshotTree } from './helpers'
import { slow } from '../support/slow'
import { stateDirOf } from '../support/machineState'

/** What any other request may wait, on a busy two-core machine, while a hostile file is read. */
const GENEROUS_MS = 2_000
const reviewText = (title: string, body: string): string => `---\ntitle: ${title}\n---\n\nBefore.\n\n${body}\n\nAfter.\n`

async function libraryWith(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'verdict-hostile-'))
  for (const [id, text] of Object.entries(files)) {
    await mkdir(join(root, id, 'assets'), { recursive: true })
    await writeFile(join(root, id, 'review.md'), text)
  }
  return root
}

/** How long `work` takes, and the longest the event loop went without a turn meanwhile. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; maxLagMs: number }> {
  let maxLagMs = 0
  let last = performance.now()
  const tick = setInterval(() => {
    const now = performance.now()
    maxLagMs = Math.max(maxLagMs, now - last - 10)
    last = now
  }, 10)
  const started = performance.now()
  try {
    const value = await work()
    return { value, ms: performance.now() - started, maxLagMs }
  } finally {
    clearInterval(tick)
  }
}

const readers: ReviewReader[] = []
/** The app's budget, stretched like every bound on a wait here: a busy machine parses slower. */
const reader = (budgetMs = slow(READ_BUDGET_MS)): ReviewReader => {
  const made = new ReviewReader({ budgetMs })
  readers.push(made)
  return made
}
afterAll(() => readers.forEach((made) => made.close()))

describe('hostile review files in a library', () => {
  const hostile = Object.fromEntries(Object.entries(HOSTILE_BODIES).map(([name, body], index) => [`hostile-${index}`, reviewText(name, body)]))

  it('list and open, the hostile block kept as written, and are never rewritten', async () => {
    const root = await libraryWith({ ...hostile, normal: reviewText('Normal', 'A *normal* review.') })
    const before = await snapshotTree(root)
    const library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Ana', reader: reader() })
    const rows = await library.list()
    expect(rows.map((row) => row.id).sort()).toEqual([...Object.keys(hostile), 'normal'].sort())
    for (const row of rows) expect(row.problem).toBeUndefined()
    for (const [id, text] of Object.entries(hostile)) {
      const opened = await library.open(id)
      if (opened.kind !== 'editable') throw new Error(`${id} opened read-only: ${opened.reason}`)
      const body = HOSTILE_BODIES[text.split('\n')[1]!.slice('title: '.length)]!
      expect(opened.doc.root.children).toContainEqual({ type: 'raw-block', markdown: body.trimEnd() })
      expect(opened.warnings.join('\n')).toMatch(/kept exactly as written/)
    }
    await library.flushIndex()
    const after = await snapshotTree(root, (rel) => rel.startsWith('.verdict'))
    expect(after).toEqual(before)
  })

  it('does not hold up other requests while one is being read', async () => {
    const slowRoot = await libraryWith({ ...hostile, slow: reviewText('Slow', SLOW_WITHIN_LIMITS) })
    const otherRoot = await libraryWith({ normal: reviewText('Normal', 'A *normal* review.'), second: reviewText('Second', 'More.') })
    // Reading outlasts the other library's two requests, each held to GENEROUS_MS: a longer budget
    // only burnt a core for longer (it was 10 s).
    const slowLibrary = new Library({ root: slowRoot, stateDir: stateDirOf(slowRoot), defaultAuthor: () => 'Ana', reader: reader(3 * GENEROUS_MS) })
    const other = new Library({ root: otherRoot, stateDir: stateDirOf(otherRoot), defaultAuthor: () => 'Ana', reader: reader() })
    await other.list() // the other reader's threads are started, as in a running app
    let slowDone = false
    const opening = slowLibrary.open('slow').finally(() => (slowDone = true))
    const listing = slowLibrary.list()
    const otherList = await timed(() => other.list())
    const otherOpen = await timed(() => other.open('normal'))
    expect(otherList.value.map((row) => row.title).sort()).toEqual(['Normal', 'Second'])
    expect(otherOpen.value.kind).toBe('editable')
    expect(otherList.ms).toBeLessThan(GENEROUS_MS)
    expect(otherOpen.ms).toBeLessThan(GENEROUS_MS)
    expect(otherList.maxLagMs).toBeLessThan(GENEROUS_MS)
    expect(otherOpen.maxLagMs).toBeLessThan(GENEROUS_MS)
    // The slow file was still being read all along (tens of seconds of work, stopped at six).
    expect(slowDone).toBe(false)
    expect(await opening).toMatchObject({ kind: 'read-only' })
    await listing
  }, slow(120_000))

  it('stops a read that outlasts the budget and shows the file read-only, with the reason', async () => {
    const text = reviewText('Slow', SLOW_WITHIN_LIMITS)
    const root = await libraryWith({ slow: text, normal: reviewText('Normal', 'Fine.') })
    const library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Ana', reader: reader(300) })
    const opened = await library.open('slow')
    expect(opened).toMatchObject({ kind: 'read-only', id: 'slow' })
    if (opened.kind !== 'read-only') return
    expect(opened.reason).toMatch(/^Reading this file took longer than 0.3 s, so Verdict stopped/)
    expect(opened.raw === text).toBe(true)
    // The row needs only the quick scan (~0.1–0.2 s for this file), which may or may not beat the
    // budget: either way the row is there, read in full or with the same reason.
    const row = (await library.list()).find((found) => found.id === 'slow')
    if (row?.problem === undefined) expect(row).toMatchObject({ title: 'Slow' })
    else expect(row.problem).toMatch(/took longer than 0.3 s/)
    // A fresh worker reads the next file.
    expect((await library.open('normal')).kind).toBe('editable')
    expect((await readFile(join(root, 'slow', 'review.md'), 'utf8')) === text).toBe(true)
  }, slow(120_000))
})
