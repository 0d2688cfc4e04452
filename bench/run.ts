/**
 * `npm run bench`: Verdict's performance against the floor it stands on (Lexical alone) and the
 * ceiling of the platform (a plain contenteditable), on review-like documents of 1k, 10k and 50k
 * words; plus the library, the rendering pipeline and PDF export. Writes bench/results.json and
 * bench/RESULTS.md. See bench/README.md.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright'
import type { startHost as hostStarter } from '../tests/e2e/host'
import { BROWSER_PARTS, parseArgs, SIZES, USAGE, type Options, type SizeLabel } from './lib/args'
import { generateReview, typingText, type GeneratedReview } from './lib/docgen'
import { CANDIDATES, FIND_CANDIDATES, PREVIEW_CANDIDATES, runEditor, type Candidate, type EditorEnv, type EditorRun, type EditorTarget, type TypingPlan } from './lib/editor'
import { spawnHost } from './lib/host-process'
import { describeMachine, startHogs, watchLoad } from './lib/machine'
import { buildPages, buildProbe, probeScript, servePages } from './lib/pages'
import { prepareSnapshot, withProfileRenderer, type Snapshot } from './lib/snapshot'
import { analyseAutosaveTrace, analyseTypingWork, type AutosaveTrace } from './lib/trace'
import { benchLibrary, profileLibraryList, profileOpenInMain, profileSearch, type LibraryBenchOptions } from './lib/library'
import { benchPdf, benchPipeline } from './lib/pipeline'
import { benchHostile } from './lib/hostile'
import { benchIndexing } from './lib/indexing'
import { evaluateGoals, rewriteReport, writeReport, type Results } from './lib/report'
import { summariseProfile, type CpuProfile, type ProfileKind } from './lib/profile'

const ROOT = resolve(import.meta.dirname, '..')
const TMP = join(ROOT, 'bench/.tmp')
const started = Date.now()
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`)

/**
 * 204 characters in four sentences, a key every 30 ms; the pauses between sentences outlast
 * autosave's 600 ms debounce, so Verdict saves while typing resumes.
 */
const PLAN: TypingPlan = { segments: typingText(200), intervalMs: 30, pausesMs: [650, 750, 700], warmup: ' so' }
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

type StartHost = typeof hostStarter

async function main(options: Options): Promise<void> {
  // Parts that run in Node alone (pipeline, pdf, hostile) need neither the app's build nor the browser.
  const needsBrowser = options.parts.some((part) => BROWSER_PARTS.includes(part))
  const snapshot = await prepareSnapshot(ROOT, TMP, { worktree: options.worktree, ...(options.commit ? { commit: options.commit } : {}), build: options.build, sourcesOnly: !needsBrowser, log })

  const work = await mkdtemp(join(tmpdir(), 'verdict-bench-'))
  const executablePath = process.env['PW_CHROMIUM_PATH'] ?? '/usr/bin/chromium'
  const machine = describeMachine('not launched')
  const cleanups: Array<() => Promise<unknown>> = [() => rm(work, { recursive: true, force: true })]
  // The load before the run is taken before the hogs start: it says what else the machine was doing.
  if (options.busy) {
    machine.hogs = machine.cores
    const hogs = startHogs(machine.hogs)
    cleanups.unshift(async () => hogs.stop())
    log(`busy run: ${machine.hogs} CPU hogs running`)
  }
  const stopWatching = watchLoad(machine)
  // Interrupted: still close the browser and delete the generated libraries.
  const interrupt = () => {
    console.error('interrupted: cleaning up')
    void (async () => {
      for (const cleanup of cleanups) await cleanup().catch(() => undefined)
      process.exit(130)
    })()
  }
  process.once('SIGINT', interrupt)
  process.once('SIGTERM', interrupt)

  try {
    // One library with one review per size, and the same documents for the comparison pages.
    const libraryDir = join(work, 'library')
    const docsDir = join(work, 'docs')
    const reviews = new Map<SizeLabel, GeneratedReview>()
    for (const size of options.sizes) {
      const review = generateReview(SIZES[size], `Bench review ${size} words`)
      reviews.set(size, review)
      await writeReviewFolder(libraryDir, `bench-${size}`, review)
      await writeDocs(docsDir, size, review)
    }
    // The 10k review is what the pipeline and PDF export render, whatever sizes the editor runs.
    if (!reviews.has('10k')) {
      const review = generateReview(SIZES['10k'], 'Bench review 10k words')
      reviews.set('10k', review)
      await writeReviewFolder(libraryDir, 'bench-10k', review)
    }
    // The browser, the comparison pages and the editor's host, started for the first part that needs them.
    let browserEnv: Promise<EditorEnv> | undefined
    const startBrowser = async (): Promise<EditorEnv> => {
      const pagesOut = join(TMP, 'pages')
      await buildPages(join(ROOT, 'bench/pages'), pagesOut)
      await buildProbe(join(ROOT, 'bench/pages'), pagesOut)
      log('comparison pages and probe built')
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
      cleanups.unshift(() => browser.close())
      machine.chromium = browser.version()
      // The editor's host runs in a process of its own, like main in the app (see lib/host-process.ts).
      const host = await spawnHost(join(snapshot.dir, 'tests/e2e/host.ts'), libraryDir, join(work, 'settings'))
      cleanups.unshift(() => host.close())
      const pages = await servePages(pagesOut, docsDir)
      cleanups.unshift(() => pages.close())
      return {
        browser,
        browserSession: await browser.newBrowserCDPSession(),
        hostUrl: host.url,
        pagesUrl: pages.url,
        probe: await probeScript(pagesOut),
        plan: PLAN,
      }
    }
    const browserEnvironment = () => (browserEnv ??= startBrowser())
    const target = (size: SizeLabel): EditorTarget => ({ id: `bench-${size}`, title: reviews.get(size)!.title, name: size })
    const restore = (size: SizeLabel) => writeFile(join(libraryDir, `bench-${size}`, 'review.md'), reviews.get(size)!.file)

    const results: Results = {
      kind: options.quick ? 'quick' : options.partial ? 'partial' : 'full',
      date: new Date().toISOString(),
      app: { commit: snapshot.commit, worktree: snapshot.worktree, uncommittedInTree: snapshot.uncommitted },
      machine,
      options: { reps: options.reps, sizes: options.sizes, parts: options.parts, typing: { ...PLAN, segments: PLAN.segments.map((s) => s.length) } },
      documents: Object.fromEntries([...reviews].map(([size, review]) => [size, { words: review.words, bytes: Buffer.byteLength(review.file) }])),
      editor: [],
      autosave: [],
      profiles: [],
      durationS: 0,
    }

    // Interleaved: every repetition runs each candidate once, in a rotating order, so drift in
    // the machine's load hits all of them alike.
    const runCandidates = async (candidates: readonly Candidate[], into: EditorRun[]) => {
      const env = await browserEnvironment()
      for (const size of options.sizes) {
        for (let rep = 0; rep < options.reps; rep++) {
          const order = candidates.map((_, i) => candidates[(i + rep) % candidates.length]!)
          for (const candidate of order) {
            const run = await runEditor(env, candidate, size, rep, target(size), { trace: options.trace })
            if (candidate.startsWith('verdict')) await restore(size)
            into.push(stripExtras(run))
            log(describeRun(run))
            if (run.trace) await logTypingWork(run.trace, `${candidate}-${size}-${rep}`)
          }
        }
      }
    }
    if (options.parts.includes('editor')) await runCandidates(CANDIDATES, results.editor)
    if (options.parts.includes('find')) await runCandidates(FIND_CANDIDATES, (results.find = []))
    if (options.parts.includes('preview')) await runCandidates(PREVIEW_CANDIDATES, (results.preview = []))

    if (options.parts.includes('autosave')) {
      const env = await browserEnvironment()
      // One traced run per size: every main-thread task while typing, and which of them saved.
      for (const size of options.sizes) {
        const run = await runEditor(env, 'verdict', size, 0, target(size), { trace: true })
        await restore(size)
        if (run.trace) {
          // Kept for a closer look (DevTools' Performance panel opens it).
          await mkdir(join(TMP, 'traces'), { recursive: true })
          await writeFile(join(TMP, 'traces', `autosave-${size}.json`), run.trace)
          const analysis = analyseAutosaveTrace(run.trace)
          results.autosave.push({ size, ...analysis, saves: run.saves ?? 0, error: run.error })
          log(`autosave ${size}: ${analysis.saveTasks.length} saves, longest ${analysis.saveTaskMaxMs} ms; ${analysis.journalTasks.length} journal writes, longest ${analysis.journalTaskMaxMs} ms; longest task ${analysis.longestTaskMs} ms`)
        } else results.autosave.push({ size, error: run.error ?? 'no trace', saves: 0, ...emptyTrace() })
      }
    }

    const libraryHosts: LibraryBenchOptions['hosts'] = new Map()
    cleanups.unshift(async () => {
      for (const libraryHost of libraryHosts.values()) await libraryHost.close()
    })
    let libraryOptions: LibraryBenchOptions | undefined
    if (options.parts.includes('library')) {
      const env = await browserEnvironment()
      const { startHost } = (await import(pathToFileURL(join(snapshot.dir, 'tests/e2e/host.ts')).href)) as { startHost: StartHost }
      libraryOptions = { snapshot, work, counts: options.libraries, reps: 3, browser: env.browser, probe: env.probe, startHost, hosts: libraryHosts, log }
      results.library = await benchLibrary(libraryOptions)
    }
    // The full-text index of issue 19 (Node, the snapshot's services): its own library of 10,000 reviews.
    if (options.parts.includes('index')) results.indexing = await benchIndexing({ appDir: snapshot.dir, work, count: Math.max(...options.libraries), log })
    if (options.parts.includes('pipeline')) {
      results.pipeline = await benchPipeline({ snapshot, libraryDir, id: 'bench-10k', runs: options.quick ? 5 : 10, log })
    }
    if (options.parts.includes('pdf')) {
      results.pdf = await benchPdf({ snapshot, libraryDir, id: 'bench-10k', out: join(work, 'pdf'), runs: 3, executablePath, log })
    }
    if (options.parts.includes('hostile')) results.hostile = await benchHostile({ snapshot, work, reps: options.reps, log })

    const goals = evaluateGoals(results)
    results.goals = goals
    if (options.profiles) {
      // A profile that fails (a page that did not show in time on a busy machine) ends the profiling, not the run: its figures are written all the same.
      await takeProfiles({ results, env: browserEnvironment, snapshot, restore, target, libraryDir, ...(libraryOptions ? { library: libraryOptions } : {}) }).catch((error: unknown) =>
        log(`profiling stopped (the profiles taken are kept): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`),
      )
    }
    stopWatching()
    results.durationS = Math.round((Date.now() - started) / 1000)
    // A busy run never replaces the quiet run's results: it has a folder of its own.
    const outDir = join(options.partial ? TMP : join(ROOT, 'bench'), options.busy ? 'busy' : '')
    await mkdir(outDir, { recursive: true })
    await writeReport(results, outDir, join(ROOT, 'bench'))
    log(`wrote ${relative(ROOT, outDir)}/results.json and RESULTS.md in ${results.durationS} s`)
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined)
  }
}

/** A traced run's main-thread work per key, by kind (the trace is kept for DevTools' Performance panel). */
async function logTypingWork(trace: Buffer, name: string): Promise<void> {
  await mkdir(join(TMP, 'traces'), { recursive: true })
  await writeFile(join(TMP, 'traces', `typing-${name}.json`), trace)
  const keys = PLAN.segments.join('').length
  const work = analyseTypingWork(trace)
  const perKey = (ms: number) => (ms / keys).toFixed(2).padStart(6)
  log(`${name}: main thread busy ${perKey(work.cpuMs)} ms a key of CPU (${perKey(work.busyMs)} wall) in ${work.tasks} tasks; by kind, ms a key (CPU, wall):`)
  for (const share of work.shares.filter((s) => s.ms / keys >= 0.05).slice(0, 40)) log(`  ${perKey(share.ms)} ${perKey(share.wallMs)}  ${share.work}`)
}

function stripExtras(run: EditorRun & { trace?: unknown; profile?: unknown }): EditorRun {
  const { trace: _trace, profile: _profile, ...rest } = run
  return rest
}

function emptyTrace(): Omit<AutosaveTrace, 'size'> {
  return { longestTaskMs: 0, tasksOver16: 0, tasksOver50: 0, saveTasks: [], saveTaskMedianMs: 0, saveTaskMaxMs: 0, journalTasks: [], journalTaskMaxMs: 0, idleCallbackMaxMs: 0, longestTasks: [] }
}

function describeRun(run: EditorRun): string {
  const l = run.latency
  return (
    `${run.size.padStart(3)} #${run.rep} ${run.candidate.padEnd(18)} open ${String(run.openMs).padStart(7)} ms${run.openWholeMs !== run.openMs ? ` (whole ${run.openWholeMs} ms)` : ''}  ` +
    `p50 ${l.p50} p95 ${l.p95} p99 ${l.p99} ms  >frame ${(l.overFrame * 100).toFixed(0)}%  heap ${run.heapUsedMB} MB` +
    `${run.find ? `  matches ${run.find.matches}, highlighted after ${run.find.highlightedAfter}` : ''}${run.saves !== undefined ? `  saves ${run.saves}` : ''}${run.previewRenders ? `  preview renders ${run.previewRenders.requested} (${run.previewRenders.patched} patched, ${run.previewRenders.pagesLoaded ?? '?'} pages loaded)` : ''}${run.typedOk ? '' : '  TYPED TEXT MISSING'}${run.error ? `  ERROR ${run.error}` : ''}`
  )
}

async function writeReviewFolder(libraryDir: string, id: string, review: GeneratedReview): Promise<void> {
  await mkdir(join(libraryDir, id), { recursive: true })
  await writeFile(join(libraryDir, id, 'review.md'), review.file)
  for (const [path, bytes] of review.assets) {
    await mkdir(dirname(join(libraryDir, id, path)), { recursive: true })
    await writeFile(join(libraryDir, id, path), bytes)
  }
}

async function writeDocs(docsDir: string, name: string, review: GeneratedReview): Promise<void> {
  await mkdir(docsDir, { recursive: true })
  await writeFile(join(docsDir, `${name}.md`), review.markdown)
  await writeFile(join(docsDir, `${name}.html`), review.html.replaceAll('src="assets/', 'src="/docs/assets/'))
  for (const [path, bytes] of review.assets) {
    await mkdir(dirname(join(docsDir, path)), { recursive: true })
    await writeFile(join(docsDir, path), bytes)
  }
}

interface ProfileContext {
  results: Results
  env: () => Promise<EditorEnv>
  snapshot: Snapshot
  restore: (size: SizeLabel) => Promise<void>
  target: (size: SizeLabel) => EditorTarget
  libraryDir: string
  /** Set when the library part ran (its goals are the only ones that ask for its profiles). */
  library?: LibraryBenchOptions
}

/**
 * CPU profiles of the worst case behind each goal not met (the profiling build of the renderer,
 * which names Lexical's functions; Node's own profiler for main's side).
 */
async function takeProfiles(ctx: ProfileContext): Promise<void> {
  const failed = (ctx.results.goals ?? []).filter((goal) => goal.met === false)
  const wanted = new Set(failed.flatMap((goal) => goal.profile ?? []))
  // Each summary goes into the results as it is taken.
  const summaries = ctx.results.profiles
  const largest = [...(ctx.results.options.sizes as SizeLabel[])].sort((a, b) => SIZES[b] - SIZES[a])[0]
  // The raw profiles go to bench/.tmp/profiles (open them in DevTools' Performance panel).
  await mkdir(join(TMP, 'profiles'), { recursive: true })
  const save = (kind: ProfileKind, side: string, profile: unknown) => writeFile(join(TMP, 'profiles', `${kind}-${side}.cpuprofile`), JSON.stringify(profile))
  const renderer = async (kind: ProfileKind, profile: unknown, title: string) => {
    await save(kind, 'renderer', profile)
    return summariseProfile(profile as CpuProfile, { kind, title, side: 'renderer', snapshot: ctx.snapshot })
  }
  const node = async (kind: ProfileKind, profile: unknown, title: string) => {
    await save(kind, 'main', profile)
    return summariseProfile(profile as CpuProfile, { kind, title, side: 'main', snapshot: ctx.snapshot })
  }

  if (largest && (wanted.has('typing') || wanted.has('autosave'))) {
    log(`profiling Verdict typing at ${largest}`)
    const env = await ctx.env()
    const run = await withProfileRenderer(ctx.snapshot, () => runEditor(env, 'verdict', largest, 0, ctx.target(largest), { profile: 'typing' }))
    await ctx.restore(largest)
    if (run.profile) summaries.push(await renderer('typing', run.profile, `Verdict, typing at ${largest} words (renderer)`))
  }
  if (largest && wanted.has('find')) {
    log(`profiling Verdict typing at ${largest} with the find bar open`)
    const env = await ctx.env()
    const run = await withProfileRenderer(ctx.snapshot, () => runEditor(env, 'verdict-find', largest, 0, ctx.target(largest), { profile: 'typing' }))
    await ctx.restore(largest)
    if (run.profile) summaries.push(await renderer('find', run.profile, `Verdict, typing at ${largest} words with the find bar open (renderer)`))
  }
  if (largest && wanted.has('open')) {
    log(`profiling Verdict opening the ${largest} review`)
    const env = await ctx.env()
    const run = await withProfileRenderer(ctx.snapshot, () => runEditor(env, 'verdict', largest, 0, ctx.target(largest), { profile: 'open' }))
    if (run.profile) summaries.push(await renderer('open', run.profile, `Verdict, opening the ${largest}-word review (renderer)`))
    const mainProfile = await profileOpenInMain(ctx.snapshot, ctx.libraryDir, ctx.target(largest).id)
    if (mainProfile) summaries.push(await node('open', mainProfile, `Verdict, opening the ${largest}-word review (main: Library.open and the reply's JSON, 3 times)`))
  }
  if (ctx.library && wanted.has('library-list')) {
    log('profiling Library.list() on 1,000 reviews, cold')
    const profile = await profileLibraryList(ctx.snapshot, ctx.library.work)
    if (profile) summaries.push(await node('library-list', profile, 'Library.list(), 1,000 reviews, cold (main; the same per-review work as 10,000)'))
  }
  const library = ctx.library
  if (library && wanted.has('search')) {
    log('profiling the title search on 10,000 reviews')
    const profile = await withProfileRenderer(ctx.snapshot, () => profileSearch(library))
    if (profile) summaries.push(await renderer('search', profile, 'Title search, 10,000 reviews (renderer)'))
  }
}

const parsed = (() => {
  try {
    return parseArgs(process.argv.slice(2))
  } catch (error) {
    console.error((error as Error).message)
    process.exit(2)
  }
})()
if (parsed === 'help') console.log(USAGE)
else if (parsed.reportOnly) {
  await rewriteReport(join(ROOT, 'bench'))
  log('rewrote bench/RESULTS.md')
} else
  await main(parsed).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
