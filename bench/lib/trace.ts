/**
 * Reads a Chromium trace of Verdict typing (categories toplevel + devtools.timeline): every task
 * the renderer's main thread ran between the `bench-typing-start` and `-end` marks, classified by
 * what ran inside it. A task that sent `saveReview` is an autosave (the saver serializes the
 * document and hands it to the bridge in the same task); one that sent `journalDraft` is the
 * recovery journal the saver also writes while typing goes on; `renderPreview`, the layout preview.
 */
import { median, round } from './stats'

interface TraceEvent {
  name: string
  cat?: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** Thread (CPU) time: without the time the thread was preempted. */
  tdur?: number
  args?: { data?: { url?: string; type?: string } }
}

export type TaskKind = 'autosave' | 'journal' | 'preview' | 'keystroke' | 'idle callback' | 'timer' | 'frame' | 'garbage collection' | 'other'

export interface TaskSummary {
  kind: TaskKind
  /** Wall-clock duration. */
  ms: number
  /** Main-thread CPU time (lower than `ms` when the machine preempted the thread). */
  cpuMs: number
}

export interface AutosaveTrace {
  /** Longest main-thread task while typing, any kind. */
  longestTaskMs: number
  tasksOver16: number
  tasksOver50: number
  saveTasks: TaskSummary[]
  saveTaskMedianMs: number
  saveTaskMaxMs: number
  /** Recovery-journal writes (`journalDraft`) while typing. */
  journalTasks: TaskSummary[]
  journalTaskMaxMs: number
  /** Longest requestIdleCallback task (the word count runs in one). */
  idleCallbackMaxMs: number
  longestTasks: TaskSummary[]
}

export function analyseAutosaveTrace(buffer: Buffer): AutosaveTrace {
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])
  const start = events.find((e) => e.name === 'bench-typing-start')
  const end = events.find((e) => e.name === 'bench-typing-end')
  if (!start || !end) throw new Error('the trace has no typing marks')
  const thread = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ts >= start.ts && e.ts <= end.ts).sort((a, b) => a.ts - b.ts)
  const tasks = thread.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined)

  let cursor = 0
  const summaries = tasks.map((task): TaskSummary => {
    const inside: TraceEvent[] = []
    while (cursor < thread.length && thread[cursor]!.ts < task.ts) cursor++
    for (let i = cursor; i < thread.length && thread[i]!.ts < task.ts + task.dur!; i++) if (thread[i] !== task) inside.push(thread[i]!)
    return { kind: classify(inside, task.dur!), ms: round(task.dur! / 1000, 1), cpuMs: round((task.tdur ?? task.dur!) / 1000, 1) }
  })
  const saves = summaries.filter((t) => t.kind === 'autosave')
  const journal = summaries.filter((t) => t.kind === 'journal')
  const longest = [...summaries].sort((a, b) => b.ms - a.ms)
  return {
    longestTaskMs: longest[0]?.ms ?? 0,
    tasksOver16: summaries.filter((t) => t.ms > 16).length,
    tasksOver50: summaries.filter((t) => t.ms > 50).length,
    saveTasks: saves,
    saveTaskMedianMs: round(median(saves.map((t) => t.ms)), 1),
    saveTaskMaxMs: round(Math.max(0, ...saves.map((t) => t.ms)), 1),
    journalTasks: journal,
    journalTaskMaxMs: round(Math.max(0, ...journal.map((t) => t.ms)), 1),
    idleCallbackMaxMs: round(Math.max(0, ...summaries.filter((t) => t.kind === 'idle callback').map((t) => t.ms)), 1),
    longestTasks: longest.slice(0, 8),
  }
}

function classify(inside: TraceEvent[], duration: number): TaskKind {
  const has = (name: string) => inside.some((e) => e.name === name)
  const sent = (channel: string) => inside.some((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url?.includes(`/__ipc/${channel}`))
  if (sent('saveReview')) return 'autosave'
  if (sent('journalDraft')) return 'journal'
  if (sent('renderPreview')) return 'preview'
  if (inside.some((e) => e.name === 'EventDispatch' && /^(keydown|keypress|beforeinput|textInput|input|keyup)$/.test(e.args?.data?.type ?? ''))) return 'keystroke'
  if (has('FireIdleCallback')) return 'idle callback'
  if (has('TimerFire')) return 'timer'
  if (has('FireAnimationFrame') || has('Paint') || has('Layout')) return 'frame'
  const gc = inside.filter((e) => /^(MinorGC|MajorGC)$/.test(e.name)).reduce((sum, e) => sum + (e.dur ?? 0), 0)
  if (gc > duration / 2) return 'garbage collection'
  return 'other'
}
