/** `npm run bench -- [options]`. */

export const PARTS = ['editor', 'find', 'preview', 'autosave', 'library', 'index', 'pipeline', 'pdf', 'hostile'] as const
export type Part = (typeof PARTS)[number]
/** Parts that need the test host and Chromium; the others run in Node alone. */
export const BROWSER_PARTS: readonly Part[] = ['editor', 'find', 'preview', 'autosave', 'library']

export const SIZES = { '1k': 1_000, '10k': 10_000, '50k': 50_000 } as const
export type SizeLabel = keyof typeof SIZES

export interface Options {
  quick: boolean
  reps: number
  sizes: SizeLabel[]
  parts: Part[]
  /** Reviews in the generated libraries. */
  libraries: number[]
  /** Measure the working tree (uncommitted changes included) instead of HEAD. */
  worktree: boolean
  /** Measure this commit instead of HEAD (a before/after comparison); a partial run. */
  commit?: string
  /** Reuse the previous build of the app in bench/.tmp/app. */
  build: boolean
  /** Take CPU profiles for the goals that are not met. */
  profiles: boolean
  /** A run with non-default parts, sizes or repetitions writes to bench/.tmp, not over the committed results. */
  partial: boolean
  /** Only rewrite RESULTS.md from results.json (after editing bench/analysis.md or bench/before-and-after.md). */
  reportOnly: boolean
  /** CPU hogs kept running through the run (one a core): how each candidate degrades on a busy machine. */
  busy: boolean
  /** The editor, find and preview parts record a Chromium trace of each run's typing: the main thread's work per key, by what it was. */
  trace: boolean
}

export const USAGE = `npm run bench -- [options]

  --quick            1k and 10k words only, 3 repetitions (for development)
  --reps N           repetitions per candidate and size (default 3: about 10 minutes on 2 cores)
  --sizes 1k,10k     document sizes (default 1k,10k,50k)
  --only editor,…    parts: ${PARTS.join(', ')}
  --libraries 10000  reviews in the library part's generated libraries (default 1000,10000); the
                     index part's library has the largest count
  --worktree         measure the working tree (uncommitted changes too) instead of the last commit
  --commit REV       measure an earlier commit instead (before/after comparisons; a partial run)
  --no-build         reuse the previous build in bench/.tmp/app
  --no-profiles      skip the CPU profiles of goals not met
  --report           only rewrite bench/RESULTS.md from bench/results.json, bench/analysis.md and
                     bench/before-and-after.md
  --trace            trace each typing run of the editor, find and preview parts: the renderer's
                     main-thread work per key, by kind, in the log (traces kept in bench/.tmp/traces/)
  --busy             keep a CPU hog on each core throughout: how each candidate degrades on a busy
                     machine; unless told otherwise, only the editor and preview parts at 50k (its
                     goals). Results go to bench/busy/ (bench/.tmp/busy/ with --only, --sizes, --reps),
                     and a full run's RESULTS.md shows its goals beside its own
  --help

Results go to bench/results.json and bench/RESULTS.md; a run with --reps, --sizes or --only
writes them to bench/.tmp/ instead, so a partial run never replaces the committed results.`

export function parseArgs(argv: string[]): Options | 'help' {
  const options: Options = {
    quick: false,
    reps: 3,
    sizes: ['1k', '10k', '50k'],
    parts: [...PARTS],
    libraries: [1_000, 10_000],
    worktree: false,
    build: true,
    profiles: true,
    partial: false,
    reportOnly: false,
    busy: false,
    trace: false,
  }
  let reps: number | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = () => {
      const next = argv[++i]
      if (next === undefined) throw new Error(`${arg} needs a value`)
      return next
    }
    switch (arg) {
      case '--quick':
        options.quick = true
        break
      case '--reps':
        reps = Number(value())
        if (!Number.isInteger(reps) || reps < 1) throw new Error('--reps takes a whole number ≥ 1')
        options.partial = true
        break
      case '--sizes': {
        const sizes = value().split(',')
        for (const size of sizes) if (!(size in SIZES)) throw new Error(`unknown size ${size} (sizes: ${Object.keys(SIZES).join(', ')})`)
        options.sizes = sizes as SizeLabel[]
        options.partial = true
        break
      }
      case '--only': {
        const parts = value().split(',')
        for (const part of parts) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`unknown part ${part} (parts: ${PARTS.join(', ')})`)
        options.parts = parts as Part[]
        options.partial = true
        break
      }
      case '--libraries': {
        const counts = value().split(',').map(Number)
        if (!counts.every((n) => Number.isInteger(n) && n > 0)) throw new Error('--libraries takes whole numbers, e.g. 1000,10000')
        options.libraries = counts
        options.partial = true
        break
      }
      case '--worktree':
        options.worktree = true
        break
      case '--commit':
        options.commit = value()
        options.partial = true
        break
      case '--no-build':
        options.build = false
        break
      case '--no-profiles':
        options.profiles = false
        break
      case '--report':
        options.reportOnly = true
        break
      case '--busy':
        options.busy = true
        break
      case '--trace':
        options.trace = true
        options.partial = true
        break
      case '--help':
      case '-h':
        return 'help'
      default:
        throw new Error(`unknown option ${arg}\n\n${USAGE}`)
    }
  }
  if (options.quick && !argv.includes('--sizes')) options.sizes = ['1k', '10k']
  // A busy run's goals are typing at 50k, bare and with the preview: what it runs unless told otherwise.
  if (options.busy && !argv.includes('--only')) options.parts = ['editor', 'preview']
  if (options.busy && !argv.includes('--sizes')) options.sizes = ['50k']
  if (reps !== undefined) options.reps = reps
  return options
}
