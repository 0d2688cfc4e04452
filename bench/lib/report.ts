/** Results: the goals, bench/results.json and bench/RESULTS.md. */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AutosaveTrace } from './trace'
import { CANDIDATES, FIND_CANDIDATES, FIND_QUERY, FRAME_MS, PREVIEW_CANDIDATES, type Candidate, type EditorRun } from './editor'
import { hostileRatio, type HostileResults } from './hostile'
import { INDEXING_LIMITS, indexingRows, type IndexingResults } from './indexing'
import type { LibraryResults } from './library'
import { isLoaded, type Machine } from './machine'
import type { PdfResults, PipelineResults } from './pipeline'
import type { ProfileKind, ProfileSummary } from './profile'
import { median, round } from './stats'

export interface Goal {
  id: string
  label: string
  target: string
  measured: string
  /** null: not measured in this run (a quick run has no 50k document). */
  met: boolean | null
  /** The profile that explains it when not met; none is taken for the archive yet. */
  profile?: ProfileKind
}

export interface Results {
  kind: 'quick' | 'partial' | 'full'
  date: string
  app: { commit: string; worktree: boolean; uncommittedInTree: number }
  machine: Machine
  options: { reps: number; sizes: string[]; parts: string[]; typing: { segments: number[]; intervalMs: number; pausesMs: number[]; warmup: string } }
  documents: Record<string, { words: number; bytes: number }>
  editor: EditorRun[]
  /** The find part: Verdict with the find bar closed and open (absent from runs without it). */
  find?: EditorRun[]
  /** The preview part: Verdict with the layout preview open, and lexical-bare (absent from runs without it). */
  preview?: EditorRun[]
  autosave: Array<AutosaveTrace & { size: string; saves: number; error?: string | undefined }>
  library?: LibraryResults
  pipeline?: PipelineResults
  pdf?: PdfResults
  hostile?: HostileResults
  /** The index part: the full-text index in main's services (absent from runs without it). */
  indexing?: IndexingResults
  goals?: Goal[]
  profiles: ProfileSummary[]
  durationS: number
}

export interface CandidateSummary {
  runs: number
  failed: number
  typedOk: boolean
  openMs: number
  openWholeMs: number
  openRequestMs: number
  p50: number
  p95: number
  p99: number
  overFrame: number
  paintP95: number
  doubleRafP50: number
  eventTimingReported: number
  longestLongtaskMs: number
  heapUsedMB: number
  rendererRssMB: number
  domNodes: number
  editorNodes: number
  saves: number
}

/** Medians over the repetitions of one candidate at one size (failed runs left out). */
export function summarise(runs: EditorRun[], candidate: Candidate, size: string): CandidateSummary | undefined {
  const all = runs.filter((run) => run.candidate === candidate && run.size === size)
  const ok = all.filter((run) => !run.error)
  if (all.length === 0) return undefined
  const m = (pick: (run: EditorRun) => number | undefined) => round(median(ok.map(pick).filter((v): v is number => v !== undefined)), 2)
  return {
    runs: ok.length,
    failed: all.length - ok.length,
    typedOk: ok.every((run) => run.typedOk),
    openMs: m((r) => r.openMs),
    openWholeMs: m((r) => r.openWholeMs ?? r.openMs),
    openRequestMs: m((r) => r.openRequestMs),
    p50: m((r) => r.latency.p50),
    p95: m((r) => r.latency.p95),
    p99: m((r) => r.latency.p99),
    overFrame: m((r) => r.latency.overFrame),
    paintP95: m((r) => r.paint.p95),
    doubleRafP50: m((r) => r.doubleRaf.p50),
    eventTimingReported: m((r) => r.eventTiming.reported),
    longestLongtaskMs: m((r) => r.longestLongtaskMs),
    heapUsedMB: m((r) => r.heapUsedMB),
    rendererRssMB: m((r) => r.rendererRssMB),
    domNodes: m((r) => r.domNodes),
    editorNodes: m((r) => r.editorNodes),
    saves: m((r) => r.saves),
  }
}

/** One candidate's p95 over another's, repetition by repetition (neighbours in time), then the median. */
export function pairedRatio(
  runs: EditorRun[],
  base: Candidate,
  other: Candidate,
  size: string,
  pick: (run: EditorRun) => number = (run) => run.latency.p95,
): number {
  const ratios: number[] = []
  for (const run of runs.filter((r) => r.candidate === base && r.size === size && !r.error)) {
    const partner = runs.find((r) => r.candidate === other && r.size === size && r.rep === run.rep && !r.error)
    if (partner && pick(partner) > 0) ratios.push(pick(run) / pick(partner))
  }
  return round(median(ratios), 2)
}

const ms = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : `${value} ms`)
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–')

export function evaluateGoals(results: Results): Goal[] {
  const goals: Goal[] = []
  const has = (size: string) => results.editor.some((run) => run.size === size && !run.error)
  const verdict = (size: string) => summarise(results.editor, 'verdict', size)
  const ce = (size: string) => summarise(results.editor, 'contenteditable-cv', size)

  if (results.options.parts.includes('editor')) {
    const v50 = verdict('50k')
    goals.push({
      id: 'latency-50k',
      label: 'Verdict keystroke p95 at 50k words',
      target: '≤ 16.7 ms',
      measured: has('50k') ? ms(v50?.p95) : 'not measured',
      met: has('50k') && v50 ? v50.p95 <= FRAME_MS : null,
      profile: 'typing',
    })
    for (const [size, limit] of [['50k', 1.2], ['10k', 1.1]] as const) {
      const ratio = pairedRatio(results.editor, 'verdict', 'contenteditable-cv', size)
      goals.push({
        id: `ratio-ce-${size}`,
        label: `Verdict p95 vs contenteditable with content-visibility, ${size}`,
        target: `≤ ${limit.toFixed(1)}×`,
        measured: has(size) ? `${times(ratio)} (${ms(verdict(size)?.p95)} vs ${ms(ce(size)?.p95)})` : 'not measured',
        met: has(size) && Number.isFinite(ratio) ? ratio <= limit : null,
        profile: 'typing',
      })
    }
    for (const size of results.options.sizes) {
      const ratio = pairedRatio(results.editor, 'verdict', 'lexical-bare', size)
      goals.push({
        id: `ratio-bare-${size}`,
        label: `Verdict p95 vs lexical-bare, ${size}`,
        target: '≤ 1.0×',
        measured: `${times(ratio)} (${ms(verdict(size)?.p95)} vs ${ms(summarise(results.editor, 'lexical-bare', size)?.p95)})`,
        met: Number.isFinite(ratio) ? ratio <= 1.0 : null,
        profile: 'typing',
      })
    }
    // With a hog on each core (`--busy`), Verdict must degrade no worse than the Lexical it is built on.
    const hogs = results.machine.hogs ?? 0
    if (hogs > 0) {
      const ratio = pairedRatio(results.editor, 'verdict', 'lexical-bare', '50k')
      goals.push({
        id: 'busy-ratio-bare-50k',
        label: `Verdict p95 vs lexical-bare at 50k, ${hogs} CPU hogs running`,
        target: '≤ 1.1×',
        measured: has('50k') ? `${times(ratio)} (${ms(verdict('50k')?.p95)} vs ${ms(summarise(results.editor, 'lexical-bare', '50k')?.p95)})` : 'not measured',
        met: has('50k') && Number.isFinite(ratio) ? ratio <= 1.1 : null,
        profile: 'typing',
      })
    }
    // A size's first repetition is main's first read of its file; the later ones reopen it after the
    // typing's saves and the file's restore, from main's cache of the review (its changed blocks read again).
    for (const [size, limit] of [['50k', 200], ['10k', 80]] as const) {
      for (const [when, first] of [['first read', true], ['reopened', false]] as const) {
        const opens = results.editor.filter((run) => run.candidate === 'verdict' && run.size === size && !run.error && (run.rep === 0) === first)
        const open = round(median(opens.map((run) => run.openMs)), 1)
        goals.push({
          id: `open-${size}-${first ? 'first' : 'reopened'}`,
          label: `Verdict opens the ${size} review, ${when} (request → editable, painted)`,
          target: `≤ ${limit} ms`,
          measured: opens.length ? `${ms(open)}${opens.length > 1 ? ` (median of ${opens.length})` : ''}` : 'not measured',
          met: opens.length ? open <= limit : null,
          profile: 'open',
        })
      }
    }
    // The text's own nodes (the editable element and below): the page's count holds the app's screen and the preview's frame too.
    const nodes = (candidate: Candidate) => summarise(results.editor, candidate, '50k')?.editorNodes
    const [ours, bare] = [nodes('verdict'), nodes('lexical-bare')]
    const nodeRatio = ours !== undefined && bare ? ours / bare : Number.NaN
    goals.push({
      id: 'dom-nodes-50k',
      label: 'DOM nodes of the text at 50k vs lexical-bare',
      target: '≤ 1.3×',
      measured: has('50k') && Number.isFinite(nodeRatio) ? `${times(nodeRatio)} (${ours} vs ${bare})` : 'not measured',
      met: has('50k') && Number.isFinite(nodeRatio) ? nodeRatio <= 1.3 : null,
    })
  }
  const find = results.find ?? []
  for (const size of ['10k', '50k']) {
    if (!results.options.parts.includes('find')) break
    const measured = find.some((run) => run.size === size && !run.error)
    const ratio = pairedRatio(find, 'verdict-find', 'verdict', size)
    goals.push({
      id: `find-${size}`,
      label: `Verdict p95 with the find bar open (“${FIND_QUERY}”, its matches highlighted) vs closed, ${size}`,
      target: '≤ 1.2×',
      measured: measured ? `${times(ratio)} (${ms(summarise(find, 'verdict-find', size)?.p95)} vs ${ms(summarise(find, 'verdict', size)?.p95)})` : 'not measured',
      met: measured && Number.isFinite(ratio) ? ratio <= 1.2 : null,
      profile: 'find',
    })
  }
  const preview = results.preview ?? []
  for (const size of results.options.sizes) {
    if (!results.options.parts.includes('preview')) break
    const measured = preview.some((run) => run.size === size && !run.error)
    const ratio = pairedRatio(preview, 'verdict-preview', 'lexical-bare', size)
    goals.push({
      id: `preview-bare-${size}`,
      label: `Verdict p95 with the layout preview open vs lexical-bare, ${size}`,
      target: '≤ 1.0×',
      measured: measured ? `${times(ratio)} (${ms(summarise(preview, 'verdict-preview', size)?.p95)} vs ${ms(summarise(preview, 'lexical-bare', size)?.p95)})` : 'not measured',
      met: measured && Number.isFinite(ratio) ? ratio <= 1.0 : null,
      profile: 'typing',
    })
  }
  if ((results.machine.hogs ?? 0) > 0 && preview.some((run) => run.size === '50k' && !run.error)) {
    const ratio = pairedRatio(preview, 'verdict-preview', 'lexical-bare', '50k')
    goals.push({
      id: 'busy-preview-bare-50k',
      label: `Verdict p95 with the layout preview open vs lexical-bare at 50k, ${results.machine.hogs} CPU hogs running`,
      target: '≤ 1.1×',
      measured: `${times(ratio)} (${ms(summarise(preview, 'verdict-preview', '50k')?.p95)} vs ${ms(summarise(preview, 'lexical-bare', '50k')?.p95)})`,
      met: Number.isFinite(ratio) ? ratio <= 1.1 : null,
      profile: 'typing',
    })
  }
  if (results.options.parts.includes('autosave')) {
    const traced = results.autosave.find((a) => a.size === '50k' && !a.error)
    goals.push({
      id: 'autosave-50k',
      label: 'Autosave adds no main-thread task > 16 ms while typing at 50k',
      target: 'save and journal tasks ≤ 16 ms',
      measured: traced
        ? `longest save task ${ms(traced.saveTaskMaxMs)} (${traced.saveTasks.length} saves), longest journal write ${ms(traced.journalTaskMaxMs)} (${traced.journalTasks.length})`
        : 'not measured',
      met: traced ? traced.saveTasks.length > 0 && Math.max(traced.saveTaskMaxMs, traced.journalTaskMaxMs) <= 16 : null,
      profile: 'autosave',
    })
  }
  const list10k = results.library?.list.find((l) => l.count === 10_000)
  if (results.library) {
    goals.push({
      id: 'library-cold-10k',
      label: 'Library.list() of 10,000 reviews, cold',
      target: '≤ 1 s',
      measured: list10k ? ms(list10k.coldMedianMs) : 'not measured',
      met: list10k ? list10k.coldMedianMs <= 1000 : null,
      profile: 'library-list',
    })
    goals.push({
      id: 'library-warm-10k',
      label: 'Library.list() of 10,000 reviews, warm',
      target: '≤ 100 ms',
      measured: list10k ? ms(list10k.warmMedianMs) : 'not measured',
      met: list10k ? list10k.warmMedianMs <= 100 : null,
      profile: 'library-list',
    })
    const search = results.library.search.find((s) => s.count === 10_000) ?? results.library.search.at(-1)
    const worst = search ? Math.max(search.keystrokeMaxMs, search.clearMedianMs) : Number.NaN
    goals.push({
      id: 'search',
      label: `Library search, ${search?.count.toLocaleString('en-US') ?? '–'} reviews: every keystroke of a query and clearing it, to rows painted`,
      target: '≤ 50 ms',
      measured: search ? `worst keystroke ${ms(search.keystrokeMaxMs)}, clearing ${ms(search.clearMedianMs)}` : 'not measured',
      met: search && Number.isFinite(worst) ? worst <= 50 : null,
      profile: 'search',
    })
    goals.push({
      id: 'archive',
      label: `Archive view, ${search?.count.toLocaleString('en-US') ?? '–'} reviews: the click on “Archive” to its charts painted`,
      target: '≤ 300 ms',
      measured: search?.archiveMedianMs !== undefined ? ms(search.archiveMedianMs) : 'not measured',
      met: search?.archiveMedianMs !== undefined ? search.archiveMedianMs <= 300 : null,
    })
  }
  // Issue 19's index goals (the index part); a full run from before that part lists them unmeasured.
  const indexing = results.indexing
  if (indexing || (results.kind === 'full' && !results.machine.hogs)) {
    const reviews = `${(indexing?.reviews ?? 10_000).toLocaleString('en-US')} reviews`
    const goal = (id: string, label: string, target: string, measure: (r: IndexingResults) => [string, boolean]): Goal => {
      const [measured, met] = indexing ? measure(indexing) : ['not measured (no index part in this run)', null]
      return { id, label, target, measured, met }
    }
    goals.push(
      goal('index-cold-build', `Search index of ${reviews} built cold, in the background (search.json lost)`, `≤ ${INDEXING_LIMITS.coldBuildMs / 1000} s`, (r) => [
        `${round(r.coldIndexBuildInBackgroundMs / 1000, 1)} s (CPU ${round(r.coldIndexBuildCpuMs / 1000, 1)} s)`,
        r.coldIndexBuildInBackgroundMs <= INDEXING_LIMITS.coldBuildMs,
      ]),
      goal('index-main-held', 'Longest hold of main’s event loop while the index is built (the UI usable meanwhile)', `≤ ${INDEXING_LIMITS.mainHeldMs} ms`, (r) => [
        ms(r.mainHeldDuringColdBuildWorstMs),
        r.mainHeldDuringColdBuildWorstMs <= INDEXING_LIMITS.mainHeldMs,
      ]),
      goal('index-update', 'Search index update after a save (median of 20)', `≤ ${INDEXING_LIMITS.updateMs} ms`, (r) => [
        `${ms(r.indexUpdateAfterSaveMs)} (worst ${ms(r.worstIndexUpdateAfterSaveMs)})`,
        r.indexUpdateAfterSaveMs <= INDEXING_LIMITS.updateMs,
      ]),
      goal('index-size', `Search index size on disk, ${reviews}`, 'reported', (r) => [`${round(r.indexBytes / 1e6, 1)} MB`, true]),
    )
  }
  return goals
}

/**
 * The goals of a `--busy` run (bench/busy/), for a quiet run's table: they say how Verdict degrades
 * beside bare Lexical with the cores taken, which a quiet run cannot show. Rows not measured when
 * there is no busy run; its commit, date and load are named, as it may be older than this run.
 */
export function busyGoals(busy: Results | undefined, commit: string): Goal[] {
  const found = busy?.goals?.filter((goal) => goal.id.startsWith('busy-')) ?? []
  if (!busy || !found.length) {
    return [
      { id: 'busy-ratio-bare-50k', label: 'Verdict p95 vs lexical-bare at 50k, a CPU hog on each core (`--busy`)', target: '≤ 1.1×', measured: 'not measured (no bench/busy/)', met: null },
      { id: 'busy-preview-bare-50k', label: 'Verdict p95 with the layout preview open vs lexical-bare at 50k, a CPU hog on each core (`--busy`)', target: '≤ 1.1×', measured: 'not measured (no bench/busy/)', met: null },
    ]
  }
  const run = `bench/busy/: commit \`${busy.app.commit.slice(0, 10)}\`${busy.app.commit === commit ? '' : ' (not this run’s)'}, ${busy.date.slice(0, 10)}, load ${busy.machine.loadStart} before, up to ${busy.machine.loadMax} during`
  return found.map((goal) => ({ ...goal, measured: `${goal.measured}; ${run}` }))
}

/** p50/p95/p99 per candidate and size, medians over repetitions. */
function latencyTable(runs: EditorRun[], candidates: readonly Candidate[], sizes: string[]): string {
  const rows: Array<Array<string | number>> = []
  for (const size of sizes) {
    for (const candidate of candidates) {
      const s = summarise(runs, candidate, size)
      if (!s) continue
      rows.push([
        size,
        LABELS[candidate],
        s.p50,
        `**${s.p95}**`,
        s.p99,
        `${(s.overFrame * 100).toFixed(1)} %`,
        s.paintP95,
        s.doubleRafP50,
        `${s.runs}${s.failed ? ` (+${s.failed} failed)` : ''}${s.typedOk ? '' : ' ⚠ text missing'}`,
      ])
    }
  }
  return table(['Size', 'Candidate', 'p50 ms', 'p95 ms', 'p99 ms', '> 1 frame', 'p95 paint stamp', 'p50 double rAF', 'Runs'], rows)
}

const OLD_SEARCH_METHOD =
  "Since `b3226cb` the keys are typed once the search index is built, with the cold listings' libraries\n" +
  'closed, and each key is broken down in the page: see “Fourth round” under Before and after.'

const status = (met: boolean | null) => (met === null ? '– not measured' : met ? '✅ met' : '❌ not met')

const LABELS: Record<Candidate, string> = {
  verdict: 'Verdict',
  'verdict-find': 'Verdict, find bar open',
  'verdict-preview': 'Verdict, layout preview open',
  'lexical-bare': 'lexical-bare',
  contenteditable: 'contenteditable',
  'contenteditable-cv': 'contenteditable + content-visibility',
}

const PROFILE_TITLES: Record<ProfileKind, string> = {
  typing: 'Typing latency',
  find: 'Typing with the find bar open',
  open: 'Opening a review',
  autosave: 'Autosave while typing',
  'library-list': 'Listing the library',
  search: 'Library search',
}

/** Heads RESULTS.md, so that a round written into it by hand is not lost to the next run. */
export const GENERATED_NOTE =
  'Written by `npm run bench` (bench/lib/report.ts): a full run replaces all of it. A before/after round goes in bench/before-and-after.md, ' +
  'a profile\'s reading and plan in bench/analysis.md; `npm run bench -- --report` then rewrites this file with them.'

/** `## <kind>` sections of bench/analysis.md: the hand-written reading of the profiles, and the plan. */
async function readAnalysis(path: string): Promise<Map<string, string>> {
  const text = await readFile(path, 'utf8').catch(() => '')
  const sections = new Map<string, string>()
  for (const part of text.split(/^## /m).slice(1)) {
    const [heading, ...body] = part.split('\n')
    sections.set(heading!.trim(), body.join('\n').trim())
  }
  return sections
}

function table(head: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}

/** What RESULTS.md quotes from the hand-written files beside it (bench/analysis.md, bench/before-and-after.md). */
export interface WrittenByHand {
  /** analysis.md's `## <kind>` sections: the reading of each goal family's profiles, and the plan. */
  analysis: Map<string, string>
  /** before-and-after.md whole: the measurements before and after each change, kept across runs. */
  beforeAndAfter: string
}

/** `busy`: the last `--busy` run (bench/busy/), whose goals a full quiet run's table shows beside its own. */
export function renderMarkdown(results: Results, { analysis, beforeAndAfter }: WrittenByHand, busy?: Results): string {
  const { machine } = results
  const loaded = isLoaded(machine)
  const out: string[] = []
  const kind = results.kind === 'quick' ? 'Quick run' : results.kind === 'partial' ? 'Partial run' : 'Full run'
  out.push('# Verdict benchmarks', '')
  out.push(`<!-- ${GENERATED_NOTE} -->`, '')
  out.push(
    `> **${kind}** (${results.options.sizes.join(', ')} words, ${results.options.reps} repetitions per candidate and size) on a ` +
      `**${machine.hogs ? `busy machine, ${machine.hogs} CPU hogs running (\`--busy\`)` : loaded ? 'loaded machine' : 'quiet machine'}**: 1-minute load average ${machine.loadStart} before the run, up to ${machine.loadMax} during it, on ${machine.cores} cores` +
      `${loaded ? ' — other work competed for the processor, so absolute numbers are inflated and noisy; ratios between candidates measured side by side hold better' : ''}. ` +
      `Generated by \`npm run bench${results.kind === 'quick' ? ' -- --quick' : machine.hogs ? ' -- --busy' : ''}\` in ${Math.round(results.durationS / 60)} min.`,
    '',
  )
  out.push('## Machine', '')
  out.push(
    table(
      ['CPU', 'Cores', 'Memory', 'OS', 'Node', 'Chromium'],
      [[machine.cpu, machine.cores, `${machine.memoryGB} GB`, machine.os, machine.node, machine.chromium]],
    ),
    '',
  )
  out.push(
    `App: commit \`${results.app.commit.slice(0, 10)}\`${results.app.worktree ? ' plus the uncommitted changes of the working tree' : results.app.uncommittedInTree ? ` (a snapshot of the commit: ${results.app.uncommittedInTree} uncommitted changes in the tree were not measured)` : ''}, ` +
      `built with its own electron-vite config and served by its test host. Run on ${results.date.slice(0, 10)}.`,
    '',
  )

  const goals = [...(results.goals ?? []), ...(results.kind === 'full' && !machine.hogs ? busyGoals(busy, results.app.commit) : [])]
  out.push('## Goals', '')
  out.push(
    `This run: 1-minute load average ${machine.loadStart} before, up to ${machine.loadMax} during, on ${machine.cores} cores` +
      `${machine.hogs ? `, ${machine.hogs} CPU hogs running` : ''}${loaded ? ' (a loaded machine: judge by the ratios)' : ''}.`,
    '',
  )
  out.push(table(['Goal', 'Target', 'Measured', ''], goals.map((g) => [g.label, g.target, g.measured, status(g.met)])), '')

  const sizes = results.options.sizes
  if (results.editor.length) {
    out.push('## Typing', '')
    out.push(
      `${results.options.typing.segments.reduce((a, b) => a + b, 0)} characters typed at the end of the paragraph in the middle of the document, ` +
        `${results.options.typing.intervalMs} ms apart in ${results.options.typing.segments.length} sentences with pauses of ${results.options.typing.pausesMs.join('/')} ms ` +
        '(longer than Verdict’s 600 ms autosave debounce, so saves run while typing resumes). Latency: keydown → the frame that shows the key, ' +
        'from Event Timing (`durationThreshold: 16`) where it reports, else the paint stamp (requestAnimationFrame, then a message after that frame). ' +
        `“> 1 frame”: share of keys over ${FRAME_MS.toFixed(1)} ms. Medians over repetitions; candidates interleaved (ABCD, BCDA, …).`,
      '',
    )
    out.push(latencyTable(results.editor, CANDIDATES, sizes), '')
    const ratio = (other: Candidate, size: string) =>
      `${times(pairedRatio(results.editor, 'verdict', other, size))} (paint stamp ${times(pairedRatio(results.editor, 'verdict', other, size, (run) => run.paint.p95))})`
    const ratioRows = sizes.map((size) => [size, ratio('lexical-bare', size), ratio('contenteditable', size), ratio('contenteditable-cv', size)])
    out.push(
      'Verdict’s p95 over each candidate’s, repetition by repetition (median). Event Timing rounds durations to 8 ms, so p95 values ' +
        'fall on 16, 24, 32 ms…; the ratio of the paint stamps’ p95 (continuous, but blind to what happens after the main thread paints) is given alongside.',
      '',
    )
    out.push(table(['Size', 'vs lexical-bare', 'vs contenteditable', 'vs contenteditable + c-v'], ratioRows), '')

    out.push('## Opening', '')
    out.push(
      'From the request to open (Verdict: the click on the library’s “Open”, so main reads and parses review.md; the pages: fetching the document) ' +
        'to the text in an editable element, painted. The comparison pages show the whole document at once; Verdict shows a long review’s first ' +
        'screen, editable, and appends the rest in slices of at most 8 ms between other work: the time to the whole document in the element is given beside it. Medians, ms.',
      '',
    )
    const opening = (size: string) => {
      const [verdict, ...others] = CANDIDATES.map((c) => summarise(results.editor, c, size))
      return [size, verdict?.openMs ?? '–', verdict?.openWholeMs ?? '–', ...others.map((s) => s?.openMs ?? '–')]
    }
    out.push(table(['Size', 'Verdict', 'Verdict, whole document', ...CANDIDATES.slice(1).map((c) => LABELS[c])], sizes.map(opening)), '')
    // Runs before the harness timed the request have no parts.
    if (sizes.some((size) => Number.isFinite(summarise(results.editor, 'verdict', size)?.openRequestMs))) {
      out.push(
        'Verdict’s open in parts: the `openReview` request (main reads and parses review.md in its reader thread, or takes it from its cache of ' +
          'unchanged files, and the bridge carries the document), then the renderer (the reply read, the editor built, style, layout, paint).',
        '',
      )
      const parts = (size: string) => {
        const s = summarise(results.editor, 'verdict', size)
        return [size, s?.openMs ?? '–', s?.openRequestMs ?? '–', s ? round(s.openMs - s.openRequestMs, 1) : '–']
      }
      out.push(table(['Size', 'Open, editable', 'openReview request', 'Renderer, to the text painted'], sizes.map(parts)), '')
    }

    out.push('## Memory', '')
    out.push(
      'After typing, after a forced garbage collection: JS heap used (CDP `Performance.getMetrics`), the renderer process’s resident memory (Linux `/proc`), ' +
        'DOM nodes of the page (Verdict’s: its screen and the preview’s frame too) and of the editable element alone (the text’s own). Medians.',
      '',
    )
    const memoryRows: Array<Array<string | number>> = []
    for (const size of sizes) {
      for (const candidate of CANDIDATES) {
        const s = summarise(results.editor, candidate, size)
        if (s) memoryRows.push([size, LABELS[candidate], s.heapUsedMB, s.rendererRssMB, s.domNodes, Number.isFinite(s.editorNodes) ? s.editorNodes : '–'])
      }
    }
    out.push(table(['Size', 'Candidate', 'JS heap MB', 'Renderer RSS MB', 'DOM nodes, page', 'DOM nodes, editor'], memoryRows), '')
  }

  if (results.find?.length) {
    const find = results.find
    out.push('## Typing with the find bar open', '')
    out.push(
      `The same typing into Verdict, with the find bar closed and with it open on “${FIND_QUERY}” (opened with Mod+F before typing, its matches ` +
        'highlighted, the caret then put back in the paragraph), interleaved in rotating order. Latency as under Typing; medians over repetitions.',
      '',
    )
    out.push(latencyTable(find, FIND_CANDIDATES, sizes), '')
    const matches = (size: string) => median(find.flatMap((run) => (run.size === size && run.find ? [run.find.matches] : [])))
    const ratio = (size: string, pick?: (run: EditorRun) => number) => times(pairedRatio(find, 'verdict-find', 'verdict', size, pick))
    out.push(
      table(
        ['Size', 'Matches', 'p95 open / closed', 'p50 open / closed', 'paint stamp p95 open / closed'],
        sizes.map((size) => [size, matches(size), ratio(size), ratio(size, (run) => run.latency.p50), ratio(size, (run) => run.paint.p95)]),
      ),
      '',
    )
  }

  if (results.preview?.length) {
    const preview = results.preview
    out.push('## Typing with the layout preview open', '')
    out.push(
      'The same typing into Verdict with its layout preview open beside the editor (the page re-rendered by main once typing pauses and ' +
        'patched into the frame, or loaded whole when more than the body and head changed), and into lexical-bare, interleaved in rotating order. ' +
        'Latency as under Typing; medians over repetitions. Renders: requested while typing, and how many the frame took as a patch.',
      '',
    )
    out.push(latencyTable(preview, PREVIEW_CANDIDATES, sizes), '')
    const ratio = (size: string, pick?: (run: EditorRun) => number) => times(pairedRatio(preview, 'verdict-preview', 'lexical-bare', size, pick))
    const renders = (size: string) => {
      const runs = preview.filter((run) => run.size === size && run.previewRenders)
      return runs.length ? `${median(runs.map((run) => run.previewRenders!.requested))} (${median(runs.map((run) => run.previewRenders!.patched))} patched)` : '–'
    }
    out.push(
      table(
        ['Size', 'Renders while typing', 'p95 vs lexical-bare', 'p50 vs lexical-bare', 'paint stamp p95 vs lexical-bare'],
        sizes.map((size) => [size, renders(size), ratio(size), ratio(size, (run) => run.latency.p50), ratio(size, (run) => run.paint.p95)]),
      ),
      '',
    )
  }

  if (results.autosave.length || results.editor.length) {
    out.push('## Autosave while typing (Verdict)', '')
    out.push(
      'One traced run per size (Chromium trace, `devtools.timeline`): every main-thread task between the first and the last key. ' +
        'A save task is the one that sent `saveReview` (the saver serializes the document and hands it to the bridge in that task); ' +
        'a journal write, `journalDraft` (the crash-recovery copy the saver writes about once a second while typing goes on). ' +
        'Wall time, and for the longest save its main-thread CPU time (lower when the machine preempted the thread). The longtask column is from the untraced runs (the observer reports tasks ≥ 50 ms).',
      '',
    )
    out.push(
      table(
        ['Size', 'Saves', 'Save task median', 'Save task max', 'Save task max, CPU', 'Journal writes', 'Journal write max', 'Longest task (any)', 'Tasks > 16 ms', 'Longest idle callback (word count)', 'Longest longtask, untraced'],
        sizes.map((size) => {
          const a = results.autosave.find((x) => x.size === size)
          const longtask = summarise(results.editor, 'verdict', size)?.longestLongtaskMs
          if (!a || a.error) return [size, a?.error ? `failed: ${a.error}` : '–', '', '', '', '', '', '', '', '', ms(longtask)]
          const cpu = round(Math.max(0, ...a.saveTasks.map((t) => t.cpuMs)), 1)
          return [
            size,
            a.saveTasks.length,
            ms(a.saveTaskMedianMs),
            ms(a.saveTaskMaxMs),
            ms(cpu),
            a.journalTasks.length,
            ms(a.journalTaskMaxMs),
            ms(a.longestTaskMs),
            a.tasksOver16,
            ms(a.idleCallbackMaxMs),
            ms(longtask),
          ]
        }),
      ),
      '',
    )
  }

  if (results.library) {
    const lib = results.library
    out.push('## Library', '')
    out.push(`Generated reviews of ${lib.reviewWords.min}–${lib.reviewWords.max} words (mean ${lib.reviewWords.mean}). ${lib.note} Medians.`, '')
    out.push(
      table(
        ['Reviews', 'list() first, no index', 'list() cold', 'list() warm', 'Search: keystroke median', 'Search: worst keystroke', 'Search: clearing', 'Service list + filter', 'Library screen shown, list warm', 'Archive shown'],
        lib.list.map((l) => {
          const s = lib.search.find((x) => x.count === l.count)
          return [
            l.count.toLocaleString('en-US'),
            ms(l.firstMs),
            ms(l.coldMedianMs),
            ms(l.warmMedianMs),
            ms(s?.keystrokeMedianMs),
            ms(s?.keystrokeMaxMs),
            ms(s?.clearMedianMs),
            ms(s?.serviceListAndFilterMs),
            ms(median(s?.libraryShownMs ?? [])),
            ms(s?.archiveMedianMs),
          ]
        }),
      ),
      '',
    )
    out.push(
      `The search types “${lib.search[0]?.query ?? ''}” into the library screen’s search field; each key is timed to its rows painted (bench/lib/library.ts says how).` +
        // Runs before b3226cb typed the keys while the cold listings' indexes were still being built.
        (lib.search.some((s) => s.breakdown) ? '' : '\n' + OLD_SEARCH_METHOD),
      '',
    )
  }

  if (results.indexing) {
    const indexing = results.indexing
    out.push('## Search index', '')
    out.push(
      `The full-text index of ${indexing.reviews.toLocaleString('en-US')} generated reviews of about 1,000 words, in main's services under Node ` +
        '(bench/lib/indexing.ts says how; `npx tsx bench/search.ts` measures the working tree the same way), beside the title filter of before.',
      '',
    )
    out.push(table(['Goal', 'Target', 'Measured', '', 'Beside it'], indexingRows(indexing)), '')
  }

  if (results.pipeline || results.pdf) {
    out.push('## Pipeline and PDF export (10k-word review)', '')
    const rows: Array<Array<string | number>> = []
    if (results.pipeline) {
      const p = results.pipeline
      rows.push(['buildPost', ms(p.buildPostMedianMs), `median of ${p.runs} warm runs`])
      rows.push(['renderPage', ms(p.renderPageMedianMs), `HTML ${p.htmlKB} KB`])
      rows.push(['buildPost + renderPage', ms(p.totalMedianMs), ''])
    }
    if (results.pdf) {
      rows.push(['PDF export, first', ms(results.pdf.coldMs), 'includes launching Chromium'])
      rows.push(['PDF export', ms(results.pdf.warmMedianMs), `median of ${results.pdf.warmMs.length}; ${results.pdf.pdfKB} KB`])
    }
    out.push(table(['Step', 'Time', ''], rows), '')
  }

  if (results.hostile) {
    const h = results.hostile
    out.push('## Hostile files', '')
    out.push(
      `The shapes of the fault tests (\`tests/unit/format/hostile.ts\`). ${h.note} The other library’s list() takes ${ms(h.otherIdleMs)} with nothing else going on. ` +
        `Medians over ${h.reps} repetitions; “×” is the hostile file over its baseline.`,
      '',
    )
    const kb = (bytes: number) => `${round(bytes / 1024, 0).toLocaleString('en-US')} KB`
    const m = (values: number[]) => ms(round(median(values), 1))
    out.push(
      table(
        ['File', 'Size (baseline)', 'Opens as', 'Open', 'Baseline', '×', 'Row (list)', 'Baseline', '×', 'Other list() while read: median, worst', 'Baseline', '× (median)'],
        h.cases.map((c) => [
          c.name,
          `${kb(c.bytes)} (${kb(c.baseline.bytes)})`,
          [...new Set(c.hostile.opensAs)].join(', '),
          m(c.hostile.openMs),
          m(c.baseline.openMs),
          times(hostileRatio(c, (x) => x.openMs)),
          m(c.hostile.rowMs),
          m(c.baseline.rowMs),
          times(hostileRatio(c, (x) => x.rowMs)),
          `${m(c.hostile.otherMedianMs)}, ${m(c.hostile.otherWorstMs)}`,
          `${m(c.baseline.otherMedianMs)}, ${m(c.baseline.otherWorstMs)}`,
          times(hostileRatio(c, (x) => x.otherMedianMs)),
        ]),
      ),
      '',
    )
  }

  const failed = goals.filter((g) => g.met === false)
  if (failed.length) {
    out.push('## Goals not met: profiles and plan', '')
    const kinds = [...new Set(failed.flatMap((g) => g.profile ?? []))]
    for (const kind of kinds) {
      out.push(`### ${PROFILE_TITLES[kind]}`, '')
      for (const goal of failed.filter((g) => g.profile === kind)) out.push(`- ${goal.label}: ${goal.measured} (target ${goal.target})`)
      out.push('')
      // Autosave runs while typing: the typing profile shows the save tasks too.
      const profiles = results.profiles.filter((p) => p.kind === kind || (kind === 'autosave' && p.kind === 'typing'))
      if (kind === 'autosave' && kinds.includes('typing') && profiles.length) {
        out.push('The save and journal tasks are in the typing profile above (`$exportNodeToJSON`, `invoke`/`fetch`: the saver’s `toJSON()` and the bridge’s request).', '')
      } else for (const profile of profiles) {
        out.push(
          `Top self time — ${profile.title}: ${profile.totalMs} ms sampled (idle left out)` +
            `${profile.programMs ? `, of which ${profile.programMs} ms (${((profile.programMs / Math.max(1, profile.totalMs)) * 100).toFixed(0)} %) native \`(program)\` work — style, layout, paint — not listed` : ''}:`,
          '',
        )
        out.push(table(['Function', 'Where', 'Self ms', 'Share'], profile.top.map((f) => [`\`${f.fn}\``, f.location ? `\`${f.location}\`` : '', f.selfMs, `${(f.share * 100).toFixed(1)} %`])), '')
      }
      if (!profiles.length) out.push('_No profile in this run (run without `--no-profiles`)._', '')
      out.push(analysis.get(kind) ?? '_No analysis written for this yet: see the profile above._', '')
    }
  }

  if (beforeAndAfter.trim()) out.push(beforeAndAfter.trim(), '')

  out.push('## How to run', '')
  out.push(
    '`npm run bench` (about 10 minutes on a quiet 2-core machine) or `npm run bench -- --quick` (1k and 10k, 3 repetitions). ' +
      'See `bench/README.md` for the method and the options. Raw numbers of every run: `bench/results.json`.',
    '',
  )
  return out.join('\n')
}

/** Writes results.json and RESULTS.md into `outDir`, quoting `benchDir`'s analysis.md and before-and-after.md. */
export async function writeReport(results: Results, outDir: string, benchDir: string): Promise<void> {
  const written: WrittenByHand = {
    analysis: await readAnalysis(join(benchDir, 'analysis.md')),
    beforeAndAfter: await readFile(join(benchDir, 'before-and-after.md'), 'utf8').catch(() => ''),
  }
  const busy = await readFile(join(benchDir, 'busy', 'results.json'), 'utf8').then((text) => JSON.parse(text) as Results, () => undefined)
  await writeFile(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
  await writeFile(join(outDir, 'RESULTS.md'), renderMarkdown(results, written, busy))
}

/** `npm run bench -- --report`: RESULTS.md from `benchDir`'s results.json, with the goals as the harness defines them now. */
export async function rewriteReport(benchDir: string, outDir = benchDir): Promise<void> {
  const results = JSON.parse(await readFile(join(benchDir, 'results.json'), 'utf8')) as Results
  results.goals = evaluateGoals(results)
  await writeReport(results, outDir, benchDir)
}
