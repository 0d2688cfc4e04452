import { describe, expect, it } from 'vitest'
import type { AppEvent } from '../../../src/shared/contract'
import { QuitHandshake } from '../../../src/main/desktop/quit'

describe('quit handshake', () => {
  it('asks the renderer to save, waits for its answer, then for the writes in flight', async () => {
    const steps: string[] = []
    let finishWrite!: () => void
    const write = new Promise<void>((resolve) => (finishWrite = resolve))
    const quit: QuitHandshake = new QuitHandshake({
      emit: (event: AppEvent) => {
        if (event.type !== 'flush-request') return
        steps.push('asked')
        // The renderer saves, then answers; the write it started is still finishing.
        setTimeout(() => {
          steps.push('answered')
          quit.acknowledge(event.token)
          setTimeout(() => {
            steps.push('written')
            finishWrite()
          }, 20)
        }, 20)
      },
      writesIdle: () => write,
    })
    const outcome = await quit.prepare({ renderer: true })
    steps.push('quit')
    expect(outcome).toEqual({ renderer: 'flushed', writes: 'done' })
    expect(steps).toEqual(['asked', 'answered', 'written', 'quit'])
  })

  it('quits after bounded waits when the renderer never answers and a write hangs', async () => {
    const logged: string[] = []
    const quit = new QuitHandshake({
      emit: () => undefined,
      writesIdle: () => new Promise(() => undefined),
      ackMs: 50,
      writesMs: 50,
      log: (message) => logged.push(message),
    })
    const started = Date.now()
    expect(await quit.prepare({ renderer: true })).toEqual({ renderer: 'no-answer', writes: 'still-running' })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(logged).toHaveLength(2)
  })

  it('ignores an answer to another request, and asks no one when no window is left', async () => {
    const events: AppEvent[] = []
    const quit = new QuitHandshake({ emit: (event) => events.push(event), writesIdle: async () => undefined, ackMs: 50 })
    const pending = quit.prepare({ renderer: true })
    quit.acknowledge('not-the-token')
    expect((await pending).renderer).toBe('no-answer')
    expect(await quit.prepare({ renderer: false })).toEqual({ renderer: 'none', writes: 'done' })
    expect(events).toHaveLength(1)
  })
})
