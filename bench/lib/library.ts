/**
 * The library: `Library.list()` on generated libraries of 1,000 and 10,000 reviews — first (no
 * library index on disk: the first start on a library, or after its index was lost), cold (a new
 * Library, as at app start or after switching libraries, with the index the first listing wrote)
 * and warm (the next calls) — and the search as a user meets it, timed from the key typed in the
 * search field to the rows painted: the title filter of before ran in the renderer, the full-text
 * search asks main, so each key is timed to the frame after the last change its answer made to the
 * page. Then the archive view: from the click on “Archive” to its charts painted (main counts the
 * rows, the renderer draws them). Old commits without an archive report no archive time.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright'
import type * as LibraryTypes from '../../src/main/services/library/library'
import type { startHost as hostStarter } from '../../tests/e2e/host'
import { generateReview, random, words } from './docgen'
import { keyLatencies } from './editor'
import type { InPageWindow } from './inpage'
import { nodeProfiler, type CpuProfile } from './profile'
import type { Snapshot } from './snapshot'
import { max, median, round, sleep } from './stats'
import { stateDirOf } from '../../tests/support/machineState'

type LibraryModule = typeof LibraryTypes
type StartHost = typeof hostStarter
type Host = Awaited<ReturnType<StartHost>>
type Page$ = InPageWindow

export interface ListResult {
  count: number
  /** The first listing, with no library index on disk (apps before the index: the same as cold). */
  firstMs?: number
  coldMs: number[]
  coldMedianMs: number
  warmMs: number[]
  warmMedianMs: number
  /** Rows returned (every generated review must be listed). */
  listed: number
}

export interface SearchResult {
  count: number
  query: string
  /** Rows shown once the whole query is typed. */
  matches: number
  /** Navigation → first rows of the library painted (the host's library already listed once: a warm list). */
  libraryShownMs: number[]
  /** Per repetition, the keystrokes of the query: key → filtered rows painted. */
  keystrokesMs: number[][]
  /** Per repetition: clearing the field (all rows back). */
  clearMs: number[]
  /** Medians over repetitions of each repetition's median and worst keystroke. */
  keystrokeMedianMs: number
  keystrokeMaxMs: number
  clearMedianMs: number
  /** The service's side for comparison: a warm `list()` and the same filter, in main. */
  serviceListAndFilterMs: number
  /**
   * Per repetition, each key's parts, ms from its keydown (the full-text search's keys; the title
   * filter asks nothing): its own render reaching the page, the search request sent and answered
   * (the bridge), main's time on it, the answer's render reaching the page, and the frame after the
   * last change painted.
   */
  breakdown?: KeyBreakdown[][]
  /** Per repetition: the click on “Archive” → its charts painted (none before the archive). */
  archiveMs?: number[]
  archiveMedianMs?: number
}

export interface KeyBreakdown {
  key: string
  /** The first change of the page after the key (the field, the count: the key's own render). */
  ownChangeMs?: number
  requestSentMs?: number
  answeredMs?: number
  /** main's handler, from the request's arrival to its answer (the rest of the round trip is the bridge). */
  mainMs?: number
  /** The bridge's request (Resource Timing): a new connection's set-up (0: kept alive), queued in the browser, sent to the first byte back. */
  connectMs?: number
  queuedMs?: number
  serverMs?: number
  /** The first change of the page after the answer (the hits rendered). */
  answerChangeMs?: number
  paintedMs: number
}

export interface LibraryResults {
  /** Words per generated review (min–max, mean). */
  reviewWords: { min: number; max: number; mean: number }
  note: string
  list: ListResult[]
  search: SearchResult[]
}

const QUERY = 'river'
/**
 * Repetitions are time-boxed: once a measurement has taken this long (after the first), it is far
 * enough from its goal that more repetitions would only stretch the run.
 */
const COLD_LIST_BUDGET_MS = 10_000
/** Longer than the library index's window for files written very recently (RACY_MS, 3 s). */
const RECENT_WRITE_MS = 4_000
const SEARCH_BUDGET_MS = 15_000

export function libraryDir(work: string, count: number): string {
  return join(work, 'libraries', String(count))
}

/** `count` review folders: varied titles, statuses, dates and tags, 300–1,500 words each. */
async function generateLibrary(dir: string, count: number): Promise<{ min: number; max: number; mean: number }> {
  const rand = random(count)
  const statuses = ['draft', 'ready', 'published'] as const
  const sizes: number[] = []
  const jobs: Array<() => Promise<void>> = []
  for (let i = 0; i < count; i++) {
    const title = words(rand, 2 + Math.floor(rand() * 3))
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(' ')
    const updated = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 3 * 365 * 86_400_000)).toISOString()
    const review = generateReview(300 + Math.floor(rand() * 1200), title, 1000 + i, {
      status: statuses[i % 3],
      tags: words(rand, 1 + Math.floor(rand() * 3)),
      updated,
    })
    sizes.push(review.words)
    const folder = join(dir, `review-${String(i).padStart(5, '0')}`)
    jobs.push(async () => {
      await mkdir(folder, { recursive: true })
      await writeFile(join(folder, 'review.md'), review.file)
    })
  }
  await mkdir(dir, { recursive: true })
  // A few writes at a time: enough to keep the disk busy without thousands of open files.
  const queue = jobs.values()
  await Promise.all(Array.from({ length: 32 }, async () => {
    for (const job of queue) await job()
  }))
  return { min: Math.min(...sizes), max: Math.max(...sizes), mean: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length) }
}

async function loadLibraryModule(snapshot: Snapshot): Promise<LibraryModule> {
  return (await import(pathToFileURL(join(snapshot.dir, 'src/main/services/library/library.ts')).href)) as LibraryModule
}

export interface LibraryBenchOptions {
  snapshot: Snapshot
  work: string
  counts: number[]
  reps: number
  browser: Browser
  probe: { content: string }
  startHost: StartHost
  /** One test host per library, kept for the profiles (the caller closes them). */
  hosts: Map<number, Host>
  log: (line: string) => void
}

async function hostFor(options: LibraryBenchOptions, count: number): Promise<Host> {
  let host = options.hosts.get(count)
  if (!host) {
    host = await options.startHost({ libraryDir: libraryDir(options.work, count), settingsDir: join(options.work, `settings-${count}`) })
    // As a critic who has used Verdict before: the first-run welcome would cover the library screen.
    host.services.settings.update({ welcomed: true })
    options.hosts.set(count, host)
  }
  return host
}

export async function benchLibrary(options: LibraryBenchOptions): Promise<LibraryResults> {
  const { Library } = await loadLibraryModule(options.snapshot)
  const results: LibraryResults = {
    reviewWords: { min: 0, max: 0, mean: 0 },
    note:
      'First = the first listing of the library, with no library index on disk (`index.json` in the app’s data). ' +
      'Cold = a new Library instance, as at app start, with the index the first listing left (apps without an index parse every review here too); the operating system’s file cache is warm (the files were just written). ' +
      'Warm = the next calls on that instance. Repetitions are time-boxed (cold lists stop repeating after 10 s, searches after 15 s).',
    list: [],
    search: [],
  }
  for (const count of options.counts) {
    const dir = libraryDir(options.work, count)
    const generating = Date.now()
    results.reviewWords = await generateLibrary(dir, count)
    await rm(stateDirOf(dir), { recursive: true, force: true }) // an index of an earlier run
    options.log(`library: generated ${count} reviews in ${((Date.now() - generating) / 1000).toFixed(1)} s`)
    // As at an app start, no file was written seconds ago: the index reads such files again on
    // every listing (their mtime may not yet tell one edit from the next).
    await sleep(RECENT_WRITE_MS)

    // The first list is the host's own (its Library is new, and no index is on disk), which also
    // leaves the host warm for the library screen below; cold repetitions use new instances.
    const host = await hostFor(options, count)
    const coldMs: number[] = []
    const warmMs: number[] = []
    let library = host.services.libraries.current()
    let t = performance.now()
    let listed = (await library.list()).length
    const firstMs = round(performance.now() - t, 1)
    // The index is written in the background; apps before it have no such method.
    await (library as { flushIndex?: () => Promise<unknown> }).flushIndex?.()
    // Cold instances read the index the host's library wrote, in the host's machine-state folder
    // (the app's data folder): with the tests' folder instead they found none and parsed every review.
    const stateDir = (library as { stateDir?: string }).stateDir ?? stateDirOf(dir)
    for (let rep = 0; rep < options.reps; rep++) {
      // Each instance's search index would be built in the one search thread alongside the host's,
      // for the rest of the run (the keystrokes below waited on them): only the last one is kept.
      closeLibrary(library === host.services.libraries.current() ? undefined : library)
      library = new Library({ root: dir, stateDir, defaultAuthor: () => 'Bench' })
      t = performance.now()
      listed = (await library.list()).length
      coldMs.push(round(performance.now() - t, 1))
      if (firstMs + coldMs.reduce((a, b) => a + b, 0) > COLD_LIST_BUDGET_MS) break
    }
    // Warm listings are the open library's (the host's), once its search index is built: the last cold
    // instance built an index of its own in the search thread meanwhile (no search.json is written yet),
    // and listings timed beside that build measured the build as much as the listing.
    closeLibrary(library === host.services.libraries.current() ? undefined : library)
    library = host.services.libraries.current()
    const started = performance.now()
    await (library as { flushSearch?: () => Promise<unknown> }).flushSearch?.()
    options.log(`library ${count}: search index ready after ${((performance.now() - started) / 1000).toFixed(1)} s more`)
    for (let i = 0; i < 5; i++) {
      t = performance.now()
      await library.list()
      warmMs.push(round(performance.now() - t, 1))
    }
    const list: ListResult = { count, firstMs, coldMs, coldMedianMs: round(median(coldMs), 1), warmMs, warmMedianMs: round(median(warmMs), 1), listed }
    results.list.push(list)
    options.log(`library ${count}: list first ${firstMs} ms, cold ${list.coldMedianMs} ms, warm ${list.warmMedianMs} ms (${listed} listed)`)

    // The service's side of a search: a warm list and the filter the library screen applies.
    const serviceMs: number[] = []
    for (let i = 0; i < 5; i++) {
      const t = performance.now()
      const rows = await library.list()
      rows.filter((row) => row.title.toLocaleLowerCase().includes(QUERY))
      serviceMs.push(performance.now() - t)
    }

    // The keystrokes are timed on a built index (the search while it is built is the cold build's goal).
    const search = await searchInRenderer(options, host, count)
    search.serviceListAndFilterMs = round(median(serviceMs), 1)
    results.search.push(search)
    options.log(`library ${count}: search keystroke median ${search.keystrokeMedianMs} ms, worst ${search.keystrokeMaxMs} ms, clear ${search.clearMedianMs} ms`)
    for (const [rep, keys] of (search.breakdown ?? []).entries()) options.log(`library ${count}: keys of repetition ${rep + 1}: ${keys.map(describeKey).join('; ')}`)
  }
  return results
}

/** Stops a library's background work (its search index); apps before the search have no such method. */
function closeLibrary(library: unknown): void {
  ;(library as { close?: () => void } | undefined)?.close?.()
}

function describeKey(key: KeyBreakdown): string {
  const part = (label: string, value: number | undefined) => (value === undefined ? '' : ` ${label} ${round(value, 1)}`)
  return `“${key.key}”:${part('own', key.ownChangeMs)}${part('sent', key.requestSentMs)}${part('answered', key.answeredMs)}${part('main', key.mainMs)}${part('first byte', key.serverMs)}${part('queued', key.queuedMs)}${part('connect', key.connectMs)}${part('hits', key.answerChangeMs)} painted ${round(key.paintedMs, 1)}`
}

/** Times main's search handler (in this process: the bench's host), for the keys' breakdown. */
function timeMainSearch(host: Host): { takes: () => number[]; restore: () => void } {
  const library = host.services.libraries.current() as { searchReviews?: (...args: unknown[]) => Promise<unknown> }
  const original = library.searchReviews
  let durations: number[] = []
  if (!original) return { takes: () => [], restore: () => undefined }
  library.searchReviews = async (...args: unknown[]) => {
    const start = performance.now()
    try {
      return await original.apply(library, args)
    } finally {
      durations.push(performance.now() - start)
    }
  }
  return {
    takes: () => {
      const taken = durations
      durations = []
      return taken
    },
    restore: () => void (library.searchReviews = original),
  }
}

async function searchInRenderer(options: LibraryBenchOptions, host: Host, count: number, profile = false): Promise<SearchResult & { profile?: CpuProfile }> {
  const result: SearchResult & { profile?: CpuProfile } = {
    count,
    query: QUERY,
    matches: 0,
    libraryShownMs: [],
    keystrokesMs: [],
    clearMs: [],
    keystrokeMedianMs: Number.NaN,
    keystrokeMaxMs: Number.NaN,
    clearMedianMs: Number.NaN,
    serviceListAndFilterMs: Number.NaN,
  }
  const started = performance.now()
  for (let rep = 0; rep < (profile ? 1 : options.reps); rep++) {
    if (rep > 0 && performance.now() - started > SEARCH_BUDGET_MS) break
    const context = await options.browser.newContext({ viewport: { width: 1280, height: 800 } })
    try {
      await context.addInitScript(options.probe)
      const page = await context.newPage()
      page.setDefaultTimeout(120_000)
      await page.goto(host.url)
      const rows = page.getByRole('list', { name: 'Reviews' }).getByRole('listitem')
      await rows.first().waitFor()
      // performance.now() counts from the navigation: this is the time to the rows painted.
      result.libraryShownMs.push(round(await page.evaluate(() => (globalThis as unknown as Page$).__probe.afterPaint()), 0))
      await sleep(500)
      // “Search reviews by title” before the full-text search, “Search reviews” since.
      const field = page.getByRole('searchbox', { name: /^Search reviews/ })
      await field.click()
      await sleep(300)
      await page.evaluate(watchChanges)
      const cdp = await context.newCDPSession(page)
      if (profile) {
        await cdp.send('Profiler.enable')
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
        await cdp.send('Profiler.start')
      }
      await page.evaluate(() => (globalThis as unknown as Page$).__probe.begin())
      const changed: number[] = []
      const stamps: PressStamps[] = []
      const mainTimes: number[][] = []
      const main = timeMainSearch(host)
      try {
        for (const char of QUERY) {
          main.takes()
          const stamp = await pressAndTime(page, char)
          changed.push(stamp.paintedMs)
          stamps.push(stamp)
          mainTimes.push(main.takes())
        }
      } finally {
        main.restore()
      }
      result.matches = await page.getByRole('list', { name: /^(Reviews|Search results)$/ }).getByRole('listitem').count()
      await page.keyboard.press('ControlOrMeta+a')
      await sleep(100)
      changed.push((await pressAndTime(page, 'Backspace')).paintedMs)
      const record = await page.evaluate(() => (globalThis as unknown as Page$).__probe.end())
      if (profile) result.profile = (await cdp.send('Profiler.stop')).profile as CpuProfile
      const { latency } = keyLatencies(record)
      // A key's time: to its own frame, or to the frame after the last change its answer made, if later.
      const typed = record.keys.map((key, i) => ({ key: key.key, ms: Math.max(latency[i]!, changed[i] ?? 0) }))
      result.keystrokesMs.push(typed.slice(0, QUERY.length).map((k) => round(k.ms, 1)))
      ;(result.breakdown ??= []).push(stamps.map((stamp, i) => breakdownOf(stamp, typed[i]!.key, record.keys[i]?.t, typed[i]!.ms, mainTimes[i]!)))
      result.clearMs.push(round(typed.find((k) => k.key === 'Backspace')?.ms ?? Number.NaN, 1))
      if (!profile) {
        const archive = await archiveShownMs(page)
        if (archive !== undefined) (result.archiveMs ??= []).push(round(archive, 0))
      }
    } finally {
      await context.close()
    }
  }
  result.keystrokeMedianMs = round(median(result.keystrokesMs.map((keys) => median(keys))), 1)
  result.keystrokeMaxMs = round(median(result.keystrokesMs.map((keys) => max(keys))), 1)
  result.clearMedianMs = round(median(result.clearMs), 1)
  if (result.archiveMs) result.archiveMedianMs = round(median(result.archiveMs), 0)
  return result
}

/** How long a key may take to show its answer: far beyond the goal, so a slow answer is still seen. */
const ANSWER_WINDOW_MS = 1_000

interface WatchedPage {
  __changedAt: number
  __paintedAt: number
  /** Every change of the page, and every search request (sent, answered), on performance.now(). */
  __changes: number[]
  __searches: Array<{ sent: number; answered?: number; connectMs?: number; queuedMs?: number; serverMs?: number }>
}

/**
 * Records, in the page, when the page last changed and when the frame after that change was painted;
 * and every change and search request, for the keys' breakdown (the bridge's fetch is wrapped: it
 * looks `fetch` up at each request).
 */
function watchChanges(): void {
  const page = globalThis as unknown as WatchedPage
  page.__changedAt = 0
  page.__paintedAt = 0
  page.__changes = []
  page.__searches = []
  new MutationObserver(() => {
    const at = performance.now()
    page.__changedAt = at
    page.__changes.push(at)
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (page.__changedAt === at) page.__paintedAt = performance.now()
      }, 0),
    )
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  performance.setResourceTimingBufferSize(10_000) // every bridge call is an entry
  const original = globalThis.fetch
  globalThis.fetch = async (input, init) => {
    if (!String(input instanceof Request ? input.url : input).endsWith('/__ipc/searchReviews')) return original(input, init)
    const search: WatchedPage['__searches'][number] = { sent: performance.now() }
    page.__searches.push(search)
    const response = await original(input, init)
    const body = await response.text()
    search.answered = performance.now()
    // Where the round trip went (Resource Timing): a new connection's set-up (0 when kept alive),
    // queued in the browser before the request went out, and the server's time to its first byte.
    const timing = performance.getEntriesByType('resource').findLast((entry) => entry.name.endsWith('/__ipc/searchReviews')) as PerformanceResourceTiming | undefined
    if (timing && timing.startTime >= search.sent - 1) {
      search.connectMs = timing.connectEnd - timing.connectStart
      search.queuedMs = timing.requestStart - timing.startTime
      search.serverMs = timing.responseStart - timing.requestStart
    }
    return new Response(body, { status: response.status, headers: response.headers })
  }
}

interface PressStamps {
  start: number
  paintedMs: number
  changes: number[]
  searches: WatchedPage['__searches']
}

/** Presses `key`; the milliseconds from the press to the frame after the last change it caused, and what the page recorded meanwhile. */
async function pressAndTime(page: Page, key: string): Promise<PressStamps> {
  const start = await page.evaluate(() => {
    const watched = globalThis as unknown as WatchedPage
    watched.__changes = []
    watched.__searches = []
    return performance.now()
  })
  await page.keyboard.press(key)
  await sleep(ANSWER_WINDOW_MS)
  const { painted, changes, searches } = await page.evaluate(() => {
    const watched = globalThis as unknown as WatchedPage
    return { painted: watched.__paintedAt, changes: watched.__changes, searches: watched.__searches }
  })
  return { start, paintedMs: painted > start ? painted - start : 0, changes, searches }
}

/** A key's parts from its keydown (`keydownAt`; the press's start where the probe saw none); `keyMs`: its time as the table counts it. */
function breakdownOf(stamp: PressStamps, key: string, keydownAt: number | undefined, keyMs: number, mainMs: number[]): KeyBreakdown {
  const from = keydownAt ?? stamp.start
  const search = stamp.searches.at(-1)
  const after = (at: number | undefined) => (at === undefined ? undefined : stamp.changes.find((change) => change >= at))
  const since = (at: number | undefined) => (at === undefined ? undefined : at - from)
  return {
    key,
    ownChangeMs: since(after(from)),
    requestSentMs: since(search?.sent),
    answeredMs: since(search?.answered),
    ...(mainMs.length > 0 ? { mainMs: mainMs.at(-1)! } : {}),
    ...(search?.serverMs !== undefined ? { connectMs: search.connectMs, queuedMs: search.queuedMs, serverMs: search.serverMs } : {}),
    answerChangeMs: since(after(search?.answered)),
    paintedMs: keyMs,
  }
}

/** The click on “Archive” → the archive's first chart painted; undefined where there is no archive. */
async function archiveShownMs(page: Page): Promise<number | undefined> {
  const button = page.getByRole('button', { name: 'Archive', exact: true })
  if ((await button.count()) === 0) return undefined
  await sleep(300)
  return page.evaluate(async () => {
    const archive = [...document.querySelectorAll('button')].find((each) => each.textContent?.trim() === 'Archive')!
    const start = performance.now()
    archive.click()
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelector('figure svg') ? resolve() : requestAnimationFrame(check))
      check()
    })
    await (globalThis as unknown as Page$).__probe.afterPaint()
    return performance.now() - start
  })
}

/**
 * Node CPU profile of a cold `list()` of the 1,000-review library (generated by benchLibrary): the
 * same per-review work as 10,000, in a tenth of the time.
 */
export async function profileLibraryList(snapshot: Snapshot, work: string): Promise<CpuProfile | undefined> {
  const { Library } = await loadLibraryModule(snapshot)
  const library = new Library({ root: libraryDir(work, 1_000), stateDir: stateDirOf(libraryDir(work, 1_000)), defaultAuthor: () => 'Bench' })
  const profiler = nodeProfiler()
  await profiler.start()
  await library.list()
  await profiler.stop()
  return profiler.result()
}

/**
 * Node CPU profile of main's side of opening a review, three times over: `Library.open()` (read and
 * parse review.md) and the JSON its reply travels as (the host's transport; Electron's IPC clones
 * it instead).
 */
export async function profileOpenInMain(snapshot: Snapshot, root: string, id: string): Promise<CpuProfile | undefined> {
  const { Library } = await loadLibraryModule(snapshot)
  const library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Bench' })
  await library.open(id) // once unprofiled, to warm the parser's code as in a running app's main
  const profiler = nodeProfiler()
  await profiler.start()
  for (let i = 0; i < 3; i++) JSON.stringify(await library.open(id))
  await profiler.stop()
  return profiler.result()
}

/** Renderer CPU profile of typing the query into the search field of the 10,000-review library. */
export async function profileSearch(options: LibraryBenchOptions): Promise<CpuProfile | undefined> {
  return (await searchInRenderer(options, await hostFor(options, 10_000), 10_000, true)).profile
}
