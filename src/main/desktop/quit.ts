import { randomUUID } from 'node:crypto'
import type { AppEvent } from '../../shared/contract'

export interface QuitOptions {
  emit(event: AppEvent): void
  /** Resolves once every write main has started (saves, journal drafts) is on disk. */
  writesIdle(): Promise<void>
  /** How long the renderer may take to save and answer; its edits are journaled about every second anyway. */
  ackMs?: number
  /** How long writes already in flight may take. */
  writesMs?: number
  log?: (message: string, detail?: unknown) => void
}

export type QuitOutcome = { renderer: 'flushed' | 'no-answer' | 'none'; writes: 'done' | 'still-running' }

/**
 * The close handshake: main asks the renderer to save now (`flush-request`), the renderer saves
 * (or journals what it cannot save) and answers with `quitReady`; then main waits for the writes in
 * flight. Both waits are bounded, so a hung renderer or disk never keeps the app from quitting;
 * what did not reach the file is then in the recovery journal, offered at the next start.
 */
export class QuitHandshake {
  private readonly waiting = new Map<string, () => void>()
  private readonly ackMs: number
  private readonly writesMs: number

  constructor(private readonly options: QuitOptions) {
    this.ackMs = options.ackMs ?? 5000
    this.writesMs = options.writesMs ?? 5000
  }

  /** Runs the handshake; `renderer: false` when no window is left to ask. */
  async prepare({ renderer }: { renderer: boolean }): Promise<QuitOutcome> {
    let answer: QuitOutcome['renderer'] = 'none'
    if (renderer) {
      const token = randomUUID()
      const acknowledged = new Promise<void>((resolve) => this.waiting.set(token, resolve))
      this.options.emit({ type: 'flush-request', token })
      answer = (await within(acknowledged, this.ackMs)) ? 'flushed' : 'no-answer'
      this.waiting.delete(token)
      if (answer === 'no-answer') this.options.log?.(`Quit: the window did not confirm its save within ${this.ackMs} ms`)
    }
    const writes = (await within(this.options.writesIdle(), this.writesMs)) ? 'done' : 'still-running'
    if (writes === 'still-running') this.options.log?.(`Quit: writes still running after ${this.writesMs} ms`)
    return { renderer: answer, writes }
  }

  /** The renderer's answer (`quitReady`): its edits are saved or journaled. */
  acknowledge(token: string): void {
    this.waiting.get(token)?.()
  }
}

/** True when `promise` settles within `ms`. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))
  try {
    return await Promise.race([promise.then(() => true, () => true), timeout])
  } finally {
    clearTimeout(timer)
  }
}
