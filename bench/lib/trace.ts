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

/** A trace's events and the bench's marks around its typing run. */
function typingMarks(buffer: Buffer): { events: TraceEvent[]; start: TraceEvent; end: TraceEvent } {
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])
  const start = events.find((e) => e.name === 'bench-typing-start')
  const end = events.find((e) => e.name === 'bench-typing-end')
  if (!start || !end) throw new Error('the trace has no typing marks')
  return { events, start, end }
}

export function analyseAutosaveTrace(buffer: Buffer): AutosaveTrace {
  const { events, start, end } = typingMarks(buffer)
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

/** Main-thread time of one kind of work over a typing run (self time: without the work nested in it). */
export interface WorkShare {
  /** The trace event's name; a DOM event's with its type, layout and paint with the frame they were for. */
  work: string
  ms: number
  /** Wall time (a preempted thread counts its waiting too). */
  wallMs: number
}

export interface TypingWork {
  /** Wall time the renderer's main thread was inside a task between the typing marks. */
  busyMs: number
  /** Its thread (CPU) time. */
  cpuMs: number
  tasks: number
  /** Every kind of work, most first (CPU time). */
  shares: WorkShare[]
}

/**
 * What the renderer's main thread did while typing, by kind of work: the self time of every trace
 * event inside the typing marks, so that a key's own handling, the frame's paint, a subframe's
 * layout or a timer's JavaScript each count once. Layout, pre-paint and paint are split by frame
 * (the page's own, or a subframe such as the layout preview's), from the frames the trace lists.
 */
export function analyseTypingWork(buffer: Buffer): TypingWork {
  const { events, start, end } = typingMarks(buffer)
  const subframes = new Set<string>()
  for (const e of events) {
    const data = (e.args as { data?: { frames?: Array<{ frame: string; parent?: string }>; frame?: string; parent?: string } } | undefined)?.data
    for (const frame of data?.frames ?? []) if (frame.parent) subframes.add(frame.frame)
    if (data?.frame && data.parent) subframes.add(data.frame)
  }
  const spans = events
    .filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X' && e.dur !== undefined && e.ts >= start.ts && e.ts <= end.ts)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const shares = new Map<string, WorkShare>()
  // Nesting by time: each span's self time is its duration less its children's.
  const stack: Array<{ event: TraceEvent; childWall: number; childCpu: number }> = []
  const close = (entry: { event: TraceEvent; childWall: number; childCpu: number }) => {
    const wall = entry.event.dur!
    const cpu = entry.event.tdur ?? wall
    const name = workName(entry.event, subframes)
    const share = shares.get(name) ?? { work: name, ms: 0, wallMs: 0 }
    share.ms += Math.max(0, cpu - entry.childCpu) / 1000
    share.wallMs += Math.max(0, wall - entry.childWall) / 1000
    shares.set(name, share)
    const parent = stack.at(-1)
    if (parent) {
      parent.childWall += wall
      parent.childCpu += cpu
    }
  }
  let busy = 0
  let cpu = 0
  let tasks = 0
  for (const event of spans) {
    while (stack.length && stack.at(-1)!.event.ts + stack.at(-1)!.event.dur! <= event.ts) close(stack.pop()!)
    if (stack.length === 0) {
      busy += event.dur!
      cpu += event.tdur ?? event.dur!
      tasks++
    }
    stack.push({ event, childWall: 0, childCpu: 0 })
  }
  while (stack.length) close(stack.pop()!)
  return {
    busyMs: round(busy / 1000, 1),
    cpuMs: round(cpu / 1000, 1),
    tasks,
    shares: [...shares.values()].map((s) => ({ ...s, ms: round(s.ms, 1), wallMs: round(s.wallMs, 1) })).sort((a, b) => b.ms - a.ms),
  }
}

function workName(event: TraceEvent, subframes: ReadonlySet<string>): string {
  const args = event.args as { data?: { type?: string; frame?: string; functionName?: string; url?: string }; beginData?: { frame?: string } } | undefined
  if (event.name === 'EventDispatch') return `EventDispatch ${args?.data?.type ?? ''}`.trim()
  if (event.name === 'FunctionCall') {
    const where = args?.data?.url?.split('/').at(-1)?.replace(/-[\w-]{8}\.js$/, '.js') ?? ''
    return `FunctionCall ${args?.data?.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`
  }
  const frame = args?.beginData?.frame ?? args?.data?.frame
  if (frame && /^(Layout|PrePaint|Paint|UpdateLayoutTree|HitTest|ScrollLayer|ParseHTML)$/.test(event.name)) return `${event.name} (${subframes.has(frame) ? 'subframe' : 'page'})`
  return event.name
}
