/**
 * What main does when the window's renderer dies or hangs, as plain policy (tested under Node);
 * window.ts feeds it Electron's `render-process-gone`, `unresponsive` and `responsive` events.
 * A reload starts the app afresh, which offers what the recovery journal kept (RecoveryDialog).
 */
import { RELOADED_PARAM } from '../../shared/contract'

/** What Electron's `render-process-gone` says about the renderer's end. */
export interface GoneDetails {
  reason: string
  exitCode: number
}

export interface RendererHealthDeps {
  /** Loads the app again in the same window, marked as coming back from `reason`. */
  reload(reason: string): void
  /** Ends a hung renderer (`forcefullyCrashRenderer`): its `render-process-gone` then reloads it. */
  endHung(): void
  /** Asks Wait or Reload about a hung window; an abort (it answered again) closes the question. */
  askAboutHang(signal: AbortSignal): Promise<'wait' | 'reload'>
  /** Said instead of reloading once the window keeps crashing: try once more, or quit. */
  giveUp(message: string): Promise<'retry' | 'quit'>
  quit(): void
  log(message: string, detail?: unknown): void
  now?: () => number
}

export interface CrashLimit {
  /** More crashes than this within `withinMs` stop the reloading. */
  crashes: number
  withinMs: number
}

const DEFAULT_LIMIT: CrashLimit = { crashes: 3, withinMs: 60_000 }

/** The renderer ended as it should (its window closed): nothing to recover. */
const NOT_A_CRASH = new Set(['clean-exit'])

export class RendererHealth {
  private crashes: number[] = []
  private hang: AbortController | null = null
  private readonly now: () => number

  constructor(
    private readonly deps: RendererHealthDeps,
    private readonly limit: CrashLimit = DEFAULT_LIMIT,
  ) {
    this.now = deps.now ?? Date.now
  }

  /** The renderer is gone: reload it, unless it keeps crashing (then the critic decides). */
  async gone(details: GoneDetails): Promise<'ignored' | 'reloaded' | 'quit'> {
    this.hang?.abort()
    if (NOT_A_CRASH.has(details.reason)) return 'ignored'
    this.deps.log(`The window's renderer is gone (${details.reason}, exit code ${details.exitCode})`)
    const now = this.now()
    this.crashes = [...this.crashes.filter((at) => now - at < this.limit.withinMs), now]
    if (this.crashes.length > this.limit.crashes) {
      const minutes = Math.round(this.limit.withinMs / 60_000)
      const answer = await this.deps.giveUp(
        `Verdict's window stopped ${this.crashes.length} times in ${minutes === 1 ? 'a minute' : `${minutes} minutes`} (${details.reason}), so it was not reloaded again. ` +
          `Unsaved writing is kept in the recovery journal and offered when the window opens. The log file (Help → Open log file) says more.`,
      )
      if (answer === 'quit') {
        this.deps.quit()
        return 'quit'
      }
      this.crashes = []
    }
    this.deps.reload(details.reason)
    return 'reloaded'
  }

  /** The renderer stopped answering: ask Wait or Reload, once while it stays hung. */
  async unresponsive(): Promise<'asked-already' | 'answered-again' | 'wait' | 'reload'> {
    if (this.hang) return 'asked-already'
    const hang = new AbortController()
    this.hang = hang
    try {
      const answer = await this.deps.askAboutHang(hang.signal)
      // It answered (or died) while the question was open: nothing left to decide.
      if (hang.signal.aborted) return 'answered-again'
      if (answer === 'reload') this.deps.endHung()
      return answer
    } finally {
      if (this.hang === hang) this.hang = null
    }
  }

  /** The renderer answers again: a question about its hang is moot. */
  responsive(): void {
    this.hang?.abort()
  }
}

/** The app's address marked as reloaded after `reason`. */
export function reloadedUrl(appUrl: string, reason: string): string {
  const url = new URL(appUrl)
  url.searchParams.set(RELOADED_PARAM, reason)
  return url.toString()
}
