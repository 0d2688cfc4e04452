/** The machine a run happened on, for RESULTS.md (no paths, no host names). */
import { spawn } from 'node:child_process'
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os'

export interface Machine {
  cpu: string
  cores: number
  memoryGB: number
  os: string
  node: string
  chromium: string
  /** 1-minute load average before the run started, and the highest seen during it (the run itself keeps about one core busy). */
  loadStart: number
  loadMax: number
  /** CPU hogs running through the run (`--busy`); absent or 0 in an ordinary run. */
  hogs?: number
}

export function describeMachine(chromium: string): Machine {
  const cpu = cpus()
  const load = Number(loadavg()[0]!.toFixed(2))
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGB: Number((totalmem() / 2 ** 30).toFixed(1)),
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium,
    loadStart: load,
    loadMax: load,
  }
}

/** Samples the load average every few seconds into `machine.loadMax`; returns the stop function. */
export function watchLoad(machine: Machine): () => void {
  const timer = setInterval(() => {
    machine.loadMax = Math.max(machine.loadMax, Number(loadavg()[0]!.toFixed(2)))
  }, 5_000)
  timer.unref()
  return () => clearInterval(timer)
}

/**
 * Starts `count` processes that each keep a core busy (a tight loop), as other work on the
 * critic's machine would. They also die with this process.
 */
export function startHogs(count: number): { pids: number[]; stop: () => void } {
  const hogs = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }))
  const stop = () => {
    for (const hog of hogs) hog.kill('SIGKILL')
  }
  process.once('exit', stop)
  return { pids: hogs.map((hog) => hog.pid!), stop }
}

/**
 * "Loaded" when other work competed for the cores: a load of half the cores before the run, or
 * more than the run's own core on top of all of them during it.
 */
export function isLoaded(machine: Machine): boolean {
  return machine.loadStart >= machine.cores / 2 || machine.loadMax >= machine.cores + 1
}
