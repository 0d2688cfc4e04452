/**
 * The editor benchmark: each candidate opens the same generated review, then 200+ characters are
 * typed into the paragraph in the middle of it, at a typist's pace with pauses (long enough for
 * Verdict's autosave to run while typing resumes). One run = one fresh browser context.
 */
import { readFile } from 'node:fs/promises'
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright'
import { END_PHRASE, MIDPOINT_PHRASE } from './docgen'
import { EDITOR_SELECTOR, type InPageWindow, type KeyStamp, type ProbeRecord } from './inpage'
import { max, percentile, round, sleep } from './stats'

export const CANDIDATES = ['verdict', 'lexical-bare', 'contenteditable', 'contenteditable-cv'] as const
/** The find part: Verdict typed into with the find bar closed, and open on FIND_QUERY (its matches highlighted). */
export const FIND_CANDIDATES = ['verdict', 'verdict-find'] as const
/** The preview part: Verdict typed into with the layout preview open, beside the Lexical it is built on. */
export const PREVIEW_CANDIDATES = ['verdict-preview', 'lexical-bare'] as const
export type Candidate = (typeof CANDIDATES)[number] | (typeof FIND_CANDIDATES)[number] | (typeof PREVIEW_CANDIDATES)[number]
/** Hundreds of matches in the 10k review, about 1,900 in the 50k one (a word and a common substring). */
export const FIND_QUERY = 'an'

/** One frame at 60 Hz. */
export const FRAME_MS = 1000 / 60

export interface TypingPlan {
  /** Typed with a pause after each (Verdict saves 600 ms after the last change). */
  segments: string[]
  /** Milliseconds from one key press to the next within a segment. */
  intervalMs: number
  /** Pause after segment i (cycled). */
  pausesMs: number[]
  /** Typed (and not recorded) before measuring: warms the JIT and the first autosave. */
  warmup: string
}

export interface EditorTarget {
  /** The library's review folder and title (Verdict). */
  id: string
  title: string
  /** `/docs/<name>.md|.html` (the comparison pages). */
  name: string
}

export interface EditorEnv {
  browser: Browser
  /** Browser-level CDP session (process list). */
  browserSession: CDPSession
  hostUrl: string
  pagesUrl: string
  /** The probe's init script (see pages.ts). */
  probe: { content: string }
  plan: TypingPlan
}

export interface LatencyStats {
  keys: number
  p50: number
  p95: number
  p99: number
  max: number
  /** Share of keys over one frame (16.7 ms). */
  overFrame: number
}

export interface EditorRun {
  candidate: Candidate
  size: string
  rep: number
  /** Request → the text shown in an editable element, painted (the comparison pages show it whole at once). */
  openMs: number
  /** Request → the whole document in the editable element, painted. */
  openWholeMs?: number
  /** Verdict: of the open, the `openReviewInParts` request, sent to its reply received (main reads the file and parses it, or a long one's first part; the bridge carries it). */
  openRequestMs?: number
  /** Request → the rest of a review opened in parts received (ReviewRest); absent when it came whole. */
  openRestMs?: number
  /** Keydown → frame shown: Event Timing where it reports (≥ 16 ms), else the paint stamp (see keyLatencies). */
  latency: LatencyStats
  /** Keydown → first rAF callback + message (paint stamp alone). */
  paint: LatencyStats
  /** Keydown → second rAF callback (an upper bound, a frame late by construction). */
  doubleRaf: LatencyStats
  /** Keys with an Event Timing entry (only durations ≥ 16 ms are reported) and their longest. */
  eventTiming: { reported: number; max: number }
  /** Longest `longtask` entry while typing (the observer reports tasks ≥ 50 ms), 0 if none. */
  longestLongtaskMs: number
  longtasks: number
  /** verdict-find: matches the find bar counted before typing, and ranges highlighted after it (those near the viewport). */
  find?: { matches: number; highlightedAfter: number }
  /** Verdict: saves requested while typing, and whether a preview pane was on. */
  saves?: number
  preview?: boolean
  /**
   * verdict-preview: renders requested while typing, how many main answered with a patch, and the
   * whole pages the frame loaded all the same (a patch it could not apply, or one made stale).
   */
  previewRenders?: { requested: number; patched: number; pagesLoaded?: number }
  heapUsedMB?: number
  heapTotalMB?: number
  domNodes?: number
  /** Nodes (elements and text) in the editable element and below: the text's own, without the app around it or the preview. */
  editorNodes?: number
  rendererRssMB?: number
  /** The typed text ended up where it was typed. */
  typedOk: boolean
  error?: string
}

export interface RunOptions {
  /** Record a Chromium trace of the typing (Verdict autosave analysis); returns it. */
  trace?: boolean
  /** Take a CPU profile (CDP Profiler) of this phase; returns it. */
  profile?: 'open' | 'typing'
}

export interface RunExtras {
  trace?: Buffer
  profile?: unknown
}

const VIEWPORT = { width: 1280, height: 800 }

export function latencyStats(values: number[]): LatencyStats {
  const finite = values.filter((v) => Number.isFinite(v))
  return {
    keys: finite.length,
    p50: round(percentile(finite, 50), 2),
    p95: round(percentile(finite, 95), 2),
    p99: round(percentile(finite, 99), 2),
    max: round(max(finite), 2),
    overFrame: round(finite.filter((v) => v > FRAME_MS).length / Math.max(1, finite.length), 4),
  }
}

/**
 * Per key, keydown → the frame that shows it. Event Timing is the authority: it measures to the
 * frame's presentation, but reports only durations of 16 ms and more (rounded to 8 ms). A key with
 * an entry takes the longest of its keydown/keypress entries; a key without one took under 16 ms
 * by Event Timing's account, and takes its paint stamp (first rAF, then a message that runs after
 * that frame's paint), at most 16 ms: a stamp beyond that means a task queued behind the frame
 * delayed the message, not the paint. Without Event Timing the paint stamp stands alone.
 */
export function keyLatencies(record: ProbeRecord): { latency: number[]; paint: number[]; doubleRaf: number[]; reported: number[] } {
  const latency: number[] = []
  const paint: number[] = []
  const doubleRaf: number[] = []
  const reported: number[] = []
  record.keys.forEach((key: KeyStamp, i) => {
    const next = record.keys[i + 1]?.t ?? Number.POSITIVE_INFINITY
    const entries = record.events.filter(
      (e) => (e.name === 'keydown' || e.name === 'keypress') && e.startTime >= key.t - 0.5 && e.startTime < next - 0.5,
    )
    const eventTiming = entries.length ? Math.max(...entries.map((e) => e.duration)) : undefined
    const painted = key.paint !== undefined ? key.paint - key.t : Number.NaN
    paint.push(painted)
    doubleRaf.push(key.raf2 !== undefined ? key.raf2 - key.t : Number.NaN)
    if (eventTiming !== undefined) {
      reported.push(eventTiming)
      latency.push(eventTiming)
    } else latency.push(record.eventTiming ? Math.min(painted, 16) : painted)
  })
  return { latency, paint, doubleRaf, reported }
}

/**
 * In `page.evaluate` callbacks (serialized, so they cannot use anything from this module), the
 * page's globals are reached as `(globalThis as unknown as Page$)`: the probe, and `__bench` on
 * comparison pages.
 */
type Page$ = InPageWindow

async function typeText(page: Page, text: string, intervalMs: number): Promise<void> {
  let next = performance.now()
  for (const char of text) {
    await page.keyboard.press(char === ' ' ? 'Space' : char)
    next += intervalMs
    const wait = next - performance.now()
    // Behind schedule (a slow page): go on at once, without trying to catch up.
    if (wait > 0) await sleep(wait)
    else next = performance.now()
  }
}

/** Renderer processes and their CPU seconds (to tell which renderer the page got). */
async function rendererCpu(session: CDPSession): Promise<Map<number, number>> {
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number; cpuTime: number }> }
    return new Map(processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]))
  } catch {
    return new Map()
  }
}

async function rssMB(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1])
    return Number.isFinite(kb) ? round(kb / 1024, 1) : undefined
  } catch {
    return undefined // not Linux
  }
}

/** Opens the review from the library and resolves with the milliseconds to its text painted and editable, and to its whole document. */
async function openInVerdict(page: Page, target: EditorTarget): Promise<{ editableMs: number; wholeMs: number }> {
  const open = page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: target.title, exact: true }).getByRole('button', { name: 'Open' })
  await open.waitFor({ timeout: 60_000 })
  const button = await open.elementHandle()
  return page.evaluate(([element, phrase]) => (globalThis as unknown as Page$).__probe.clickAndWaitForDocument(element, phrase), [button, END_PHRASE] as const)
}

async function openPage(page: Page, env: EditorEnv, candidate: Candidate, target: EditorTarget): Promise<number> {
  const path = candidate === 'lexical-bare' ? 'lexical-bare/' : candidate === 'contenteditable' ? 'contenteditable/' : 'contenteditable/?cv'
  await page.goto(new URL(path, env.pagesUrl).href)
  await page.waitForFunction(() => (globalThis as unknown as Page$).__bench !== undefined)
  return page.evaluate((name) => (globalThis as unknown as Page$).__bench!.open(name), target.name)
}

/**
 * Opens or closes the layout preview (the review screen's toggle named "Preview", whose state the
 * app remembers from run to run); once open, waits for its page. False when there is no preview.
 */
async function setPreview(page: Page, open: boolean): Promise<boolean> {
  const toggle = page.getByRole('button', { name: /preview/i }).first()
  if ((await toggle.count()) === 0) return false
  if ((await toggle.getAttribute('aria-pressed')) !== String(open)) await toggle.click()
  if (open) await page.getByTitle('Preview', { exact: true }).contentFrame().getByRole('heading', { level: 1 }).waitFor()
  return open
}

/** Opens the find bar (Mod+F) on FIND_QUERY and resolves with its count of matches, once some are highlighted. */
async function openFind(page: Page): Promise<number> {
  await page.keyboard.press('ControlOrMeta+F')
  const bar = page.getByRole('search', { name: 'Find and replace' })
  await bar.getByRole('searchbox', { name: 'Find' }).fill(FIND_QUERY)
  const status = bar.getByRole('status')
  await status.filter({ hasText: /^1 of \d+$/ }).waitFor()
  const matches = Number(/of (\d+)/.exec(await status.innerText())?.[1])
  await page.waitForFunction(() => (CSS.highlights.get('verdict-find')?.size ?? 0) > 0)
  return matches
}

export async function runEditor(env: EditorEnv, candidate: Candidate, size: string, rep: number, target: EditorTarget, options: RunOptions = {}): Promise<EditorRun & RunExtras> {
  const context: BrowserContext = await env.browser.newContext({ viewport: VIEWPORT })
  const empty: LatencyStats = { keys: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN, overFrame: Number.NaN }
  const run: EditorRun & RunExtras = {
    candidate,
    size,
    rep,
    openMs: Number.NaN,
    latency: empty,
    paint: empty,
    doubleRaf: empty,
    eventTiming: { reported: 0, max: 0 },
    longestLongtaskMs: 0,
    longtasks: 0,
    typedOk: false,
  }
  try {
    await context.addInitScript(env.probe)
    const page = await context.newPage()
    page.setDefaultTimeout(60_000)
    const cdp = await context.newCDPSession(page)
    const profiling = async (phase: 'open' | 'typing', step: 'start' | 'stop') => {
      if (options.profile !== phase) return
      if (step === 'start') {
        await cdp.send('Profiler.enable')
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
        await cdp.send('Profiler.start')
      } else {
        run.profile = (await cdp.send('Profiler.stop')).profile
      }
    }

    const verdict = candidate.startsWith('verdict')
    if (verdict) {
      await page.goto(env.hostUrl)
      // The app reopens the review the previous run left open (its place is remembered): the open
      // is measured from the library, so back to it first.
      const reviews = page.getByRole('list', { name: 'Reviews' })
      const back = page.getByRole('button', { name: 'Library', exact: true })
      await reviews.or(back).first().waitFor({ timeout: 60_000 })
      if (await back.isVisible()) await back.click()
      await reviews.waitFor()
      await sleep(200) // the library's first render settles
      await profiling('open', 'start')
      const { editableMs, wholeMs } = await openInVerdict(page, target)
      run.openMs = round(editableMs, 1)
      run.openWholeMs = round(wholeMs, 1)
      // The open's request, and for a review opened in parts the moment its rest had come.
      const { request, rest } = await page.evaluate(() => {
        const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
        const first = entries.findLast((e) => e.name.includes('/__ipc/openReviewInParts'))
        const last = entries.findLast((e) => e.name.includes('/__ipc/openReviewRest'))
        return { request: first?.duration, rest: first && last && last.startTime >= first.startTime ? last.responseEnd - first.startTime : undefined }
      })
      if (request !== undefined) run.openRequestMs = round(request, 1)
      if (rest !== undefined) run.openRestMs = round(rest, 1)
      await profiling('open', 'stop')
      run.preview = await setPreview(page, candidate === 'verdict-preview')
    } else {
      run.openMs = round(await openPage(page, env, candidate, target), 1)
      run.openWholeMs = run.openMs
    }
    // A profile of the open needs nothing more (and the review stays as it was on disk).
    if (options.profile === 'open') return run

    const saves: number[] = []
    const renders: Array<{ at: number; patch: boolean }> = []
    const pagesLoaded: number[] = []
    page.on('request', (request) => {
      if (request.url().includes('/__ipc/saveReview')) saves.push(Date.now())
      if (request.url().includes('/__preview/')) pagesLoaded.push(Date.now())
    })
    page.on('response', (response) => {
      if (!response.url().includes('/__ipc/renderPreview')) return
      const at = Date.now()
      response.json().then(
        (reply: { value?: { patch?: unknown } }) => renders.push({ at, patch: reply.value?.patch !== undefined }),
        () => renders.push({ at, patch: false }),
      )
    })
    await sleep(300)
    const placeCaret = async () => {
      if (!(await page.evaluate((phrase) => (globalThis as unknown as Page$).__probe.placeCaretAfter(phrase), MIDPOINT_PHRASE))) throw new Error('the midpoint paragraph is not in the editor')
    }
    await placeCaret()
    if (candidate === 'verdict-find') {
      const matches = await openFind(page)
      run.find = { matches, highlightedAfter: 0 }
      // Back to the paragraph: the bar stays open, its matches highlighted, while the critic types.
      await placeCaret()
    }
    await sleep(100)
    await typeText(page, env.plan.warmup, env.plan.intervalMs)
    await sleep(700)

    const cpuBefore = await rendererCpu(env.browserSession)
    if (options.trace) {
      await env.browser.startTracing(page, {
        categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'],
      })
    }
    await profiling('typing', 'start')
    const typingStarted = Date.now()
    await page.evaluate(() => {
      const probe = (globalThis as unknown as Page$).__probe
      probe.mark('bench-typing-start')
      probe.begin()
    })
    for (const [i, segment] of env.plan.segments.entries()) {
      await typeText(page, segment, env.plan.intervalMs)
      if (i < env.plan.segments.length - 1) await sleep(env.plan.pausesMs[i % env.plan.pausesMs.length]!)
    }
    // The last key painted, and time for Event Timing to report the last frames.
    await page.evaluate(() => (globalThis as unknown as Page$).__probe.afterPaint())
    await sleep(250)
    const record = await page.evaluate(() => {
      const probe = (globalThis as unknown as Page$).__probe
      probe.mark('bench-typing-end')
      return probe.end()
    })
    await profiling('typing', 'stop')
    if (options.trace) run.trace = await env.browser.stopTracing()
    const cpuAfter = await rendererCpu(env.browserSession)

    const { latency, paint, doubleRaf, reported } = keyLatencies(record)
    run.latency = latencyStats(latency)
    run.paint = latencyStats(paint)
    run.doubleRaf = latencyStats(doubleRaf)
    run.eventTiming = { reported: reported.length, max: round(max(reported), 1) }
    run.longestLongtaskMs = round(max(record.longtasks.map((t) => t.duration)), 1)
    run.longtasks = record.longtasks.length
    if (run.find) run.find.highlightedAfter = await page.evaluate(() => CSS.highlights.get('verdict-find')?.size ?? 0)
    if (verdict) {
      run.saves = saves.filter((at) => at >= typingStarted).length
      if (run.preview) {
        const typed = renders.filter((render) => render.at >= typingStarted)
        run.previewRenders = { requested: typed.length, patched: typed.filter((render) => render.patch).length, pagesLoaded: pagesLoaded.filter((at) => at >= typingStarted).length }
      }
      // Everything typed is on disk before the context closes (and before the file is restored).
      await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 })
    }
    const expected = env.plan.warmup + env.plan.segments.join('')
    run.typedOk = (await page.evaluate((phrase) => (globalThis as unknown as Page$).__probe.paragraphText(phrase), MIDPOINT_PHRASE)).endsWith(expected)

    // Memory once typing is done, after a full garbage collection.
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('Performance.enable')
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> }
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value
    run.heapUsedMB = round((metric('JSHeapUsedSize') ?? Number.NaN) / 2 ** 20, 1)
    run.heapTotalMB = round((metric('JSHeapTotalSize') ?? Number.NaN) / 2 ** 20, 1)
    run.domNodes = metric('Nodes')
    run.editorNodes = await page.evaluate((selector) => {
      const root = document.querySelector(selector)
      if (!root) return undefined
      const walker = document.createTreeWalker(root)
      let count = 1
      while (walker.nextNode()) count++
      return count
    }, EDITOR_SELECTOR)
    // The page's renderer is the one that worked while typing.
    let pid: number | undefined
    let most = -1
    for (const [id, cpu] of cpuAfter) {
      const delta = cpu - (cpuBefore.get(id) ?? 0)
      if (delta > most) [pid, most] = [id, delta]
    }
    if (pid !== undefined) run.rendererRssMB = await rssMB(pid)
  } catch (error) {
    run.error = error instanceof Error ? error.message.split('\n')[0] : String(error)
  } finally {
    await context.close().catch(() => undefined)
  }
  return run
}
