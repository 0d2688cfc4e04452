/**
 * Hostile review files (issue 12): the shapes of the fault tests (`tests/unit/format/hostile.ts`),
 * each in a library of its own, read through the snapshot's real `Library` and its shared reader
 * (worker threads with a time budget), next to an ordinary generated review of about the same size.
 * Per repetition: the row (a first `list()`, no library index on disk, and the search index's
 * background read of the file it starts), then opening the file; all the while another, warm
 * library's `list()` is asked again and again — with the reading off main it must answer about as
 * fast as while the ordinary review is read. Node only.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as LibraryTypes from '../../src/main/services/library/library'
import { HOSTILE_BODIES, SLOW_WITHIN_LIMITS } from '../../tests/unit/format/hostile'
import { generateReview, type GeneratedReview } from './docgen'
import type { Snapshot } from './snapshot'
import { max, median, round, sleep } from './stats'
import { stateDirOf } from '../../tests/support/machineState'

type LibraryModule = typeof LibraryTypes
type Library = InstanceType<LibraryModule['Library']>

export interface HostileMeasure {
  /** What opening gave, per repetition: editable, kept as written (editable, the hostile block kept as Markdown) or read-only (why). */
  opensAs: string[]
  openMs: number[]
  /** The first `list()` of its library: the file's row. */
  rowMs: number[]
  /** Per repetition, the other library's `list()` while this file was read (row, search index, open): median and worst call. */
  otherMedianMs: number[]
  otherWorstMs: number[]
}

export interface HostileCase {
  name: string
  bytes: number
  hostile: HostileMeasure
  /** A generated review of about the same size. */
  baseline: HostileMeasure & { bytes: number; words: number }
}

export interface HostileResults {
  note: string
  reps: number
  /** The other library's warm `list()` with nothing else going on (median of a few calls). */
  otherIdleMs: number
  cases: HostileCase[]
}

/** The other library: listed while each file is read. */
const OTHER_REVIEWS = 50
/** Between two `list()` calls of the other library: requests, not a busy loop competing for the cores. */
const PROBE_GAP_MS = 20
/** Longer than the library index's window for files written very recently (RACY_MS, 3 s). */
const RECENT_WRITE_MS = 4_000

const reviewText = (title: string, body: string): string => `---\ntitle: ${JSON.stringify(title)}\n---\n\nBefore.\n\n${body}\n\nAfter.\n`

/** An ordinary review of about `bytes` bytes (docgen's word count, scaled twice). */
function baselineOf(bytes: number, index: number): GeneratedReview {
  let words = Math.max(100, Math.round(bytes / 7))
  let review = generateReview(words, `Baseline ${index}`)
  for (let i = 0; i < 2; i++) {
    words = Math.max(100, Math.round(words * (bytes / Buffer.byteLength(review.file))))
    review = generateReview(words, `Baseline ${index}`)
  }
  return review
}

async function writeReview(root: string, id: string, text: string, assets: Map<string, Uint8Array> = new Map()): Promise<void> {
  await mkdir(join(root, id, 'assets'), { recursive: true })
  await writeFile(join(root, id, 'review.md'), text)
  for (const [path, bytes] of assets) {
    await mkdir(dirname(join(root, id, path)), { recursive: true })
    await writeFile(join(root, id, path), bytes)
  }
}

/** How `open` came out, in a word. */
function opensAs(opened: Awaited<ReturnType<Library['open']>>): string {
  if (opened.kind === 'read-only') return /took longer than/.test(opened.reason) ? 'read-only, over budget' : `read-only: ${opened.reason.slice(0, 60)}`
  return opened.warnings.some((warning) => /kept exactly as written/.test(warning)) ? 'kept as written' : 'editable'
}

/** Runs `work` while the other library lists again and again; the latencies of those lists. */
async function probing<T>(other: Library, work: () => Promise<T>): Promise<{ value: T; probesMs: number[] }> {
  let done = false
  const running = work().finally(() => (done = true))
  running.catch(() => undefined) // awaited below, after the probes
  const probesMs: number[] = []
  do {
    const t = performance.now()
    await other.list()
    probesMs.push(performance.now() - t)
    if (!done) await sleep(PROBE_GAP_MS)
  } while (!done)
  return { value: await running, probesMs }
}

async function measureOnce(Library: LibraryModule['Library'], root: string, id: string, other: Library, otherId: string, into: HostileMeasure): Promise<void> {
  // A warm reader thread (one over budget was stopped; its replacement starts on the next read).
  await other.open(otherId)
  await rm(stateDirOf(root), { recursive: true, force: true })
  const library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Bench' })
  try {
    let rowMs = 0
    let openMs = 0
    const { value: opened, probesMs } = await probing(other, async () => {
      let t = performance.now()
      await library.list()
      rowMs = performance.now() - t
      await library.flushSearch()
      await library.flushIndex()
      t = performance.now()
      const opened = await library.open(id)
      openMs = performance.now() - t
      return opened
    })
    into.opensAs.push(opensAs(opened))
    into.rowMs.push(round(rowMs, 1))
    into.openMs.push(round(openMs, 1))
    into.otherMedianMs.push(round(median(probesMs), 2))
    into.otherWorstMs.push(round(max(probesMs), 2))
  } finally {
    library.close()
  }
}

const emptyMeasure = (): HostileMeasure => ({ opensAs: [], openMs: [], rowMs: [], otherMedianMs: [], otherWorstMs: [] })

export async function benchHostile(options: { snapshot: Snapshot; work: string; reps: number; log: (line: string) => void }): Promise<HostileResults> {
  const { Library } = (await import(pathToFileURL(join(options.snapshot.dir, 'src/main/services/library/library.ts')).href)) as LibraryModule
  const dir = join(options.work, 'hostile')
  const files = Object.entries({ ...HOSTILE_BODIES, 'slow within the limits (1.6 MB list)': SLOW_WITHIN_LIMITS }).map(([name, body], index) => {
    const text = reviewText(name, body)
    return { name, index, text, baseline: baselineOf(Buffer.byteLength(text), index) }
  })
  for (const file of files) {
    await writeReview(join(dir, `hostile-${file.index}`), 'review', file.text)
    await writeReview(join(dir, `baseline-${file.index}`), 'review', file.baseline.file, file.baseline.assets)
  }
  const otherRoot = join(dir, 'other')
  for (let i = 0; i < OTHER_REVIEWS; i++) {
    const review = generateReview(300 + ((i * 97) % 1200), `Other ${i}`, 5000 + i)
    await writeReview(otherRoot, `other-${i}`, review.file, review.assets)
  }
  await sleep(RECENT_WRITE_MS)
  // As in a running app: the other library listed once (its index warm) and the reader's threads started.
  const other = new Library({ root: otherRoot, stateDir: stateDirOf(otherRoot), defaultAuthor: () => 'Bench' })
  await other.list()
  await other.flushSearch()
  await other.open('other-0')
  const idle: number[] = []
  for (let i = 0; i < 10; i++) {
    const t = performance.now()
    await other.list()
    idle.push(performance.now() - t)
    await sleep(PROBE_GAP_MS)
  }
  const results: HostileResults = {
    note:
      'Each file alone in a library, read through the real Library and its shared reader (worker threads, 30 s budget). ' +
      'Row: the first list() of that library (no index on disk). Open: Library.open(). ' +
      `Other list(): a warm library of ${OTHER_REVIEWS} reviews listed every ${PROBE_GAP_MS} ms while the file is read (its row, the search index’s background read, the open). ` +
      'The baseline is a generated review of about the same size, measured in the same repetition; ratios are taken repetition by repetition, then the median.',
    reps: options.reps,
    otherIdleMs: round(median(idle), 2),
    cases: [],
  }
  try {
    for (const file of files) {
      const entry: HostileCase = {
        name: file.name,
        bytes: Buffer.byteLength(file.text),
        hostile: emptyMeasure(),
        baseline: { ...emptyMeasure(), bytes: Buffer.byteLength(file.baseline.file), words: file.baseline.words },
      }
      for (let rep = 0; rep < options.reps; rep++) {
        const order = rep % 2 ? (['hostile', 'baseline'] as const) : (['baseline', 'hostile'] as const)
        for (const which of order) await measureOnce(Library, join(dir, `${which}-${file.index}`), 'review', other, 'other-0', entry[which])
      }
      results.cases.push(entry)
      const h = entry.hostile
      options.log(
        `hostile ${file.name}: ${[...new Set(h.opensAs)].join(', ')}; open ${median(h.openMs)} ms (baseline ${median(entry.baseline.openMs)}), ` +
          `row ${median(h.rowMs)} ms (baseline ${median(entry.baseline.rowMs)}), other list() ${median(h.otherMedianMs)} ms, worst ${median(h.otherWorstMs)} ms (baseline ${median(entry.baseline.otherMedianMs)}, ${median(entry.baseline.otherWorstMs)})`,
      )
    }
  } finally {
    other.close()
  }
  return results
}

/** Hostile over baseline, repetition by repetition, then the median. */
export function hostileRatio(entry: HostileCase, pick: (measure: HostileMeasure) => number[]): number {
  const baseline = pick(entry.baseline)
  const ratios = pick(entry.hostile).flatMap((value, rep) => (baseline[rep]! > 0 ? [value / baseline[rep]!] : []))
  return round(median(ratios), 2)
}
