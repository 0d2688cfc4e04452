import { describe, expect, it } from 'vitest'
import { RELOADED_PARAM } from '../../../src/shared/contract'
import { RendererHealth, reloadedUrl, type RendererHealthDeps } from '../../../src/main/desktop/rendererHealth'

/** A window's side of the policy: what it was told to do, in order. */
function fakeWindow(answers: { hang?: 'wait' | 'reload'; giveUp?: 'retry' | 'quit' } = {}) {
  const done: string[] = []
  let clock = 0
  let openQuestion: { signal: AbortSignal; answer: (value: 'wait' | 'reload') => void } | null = null
  const deps: RendererHealthDeps = {
    reload: (reason) => done.push(`reload:${reason}`),
    endHung: () => done.push('end-hung'),
    askAboutHang: (signal) =>
      new Promise((resolve) => {
        done.push('ask')
        openQuestion = { signal, answer: resolve }
        // Electron's dialog closes itself when its signal aborts.
        signal.addEventListener('abort', () => resolve('wait'))
        if (answers.hang) resolve(answers.hang)
      }),
    giveUp: async (message) => {
      done.push(`give-up:${message}`)
      return answers.giveUp ?? 'retry'
    },
    quit: () => done.push('quit'),
    log: () => undefined,
    now: () => clock,
  }
  return {
    deps,
    done,
    advance: (ms: number) => (clock += ms),
    question: () => openQuestion,
  }
}

describe('renderer health', () => {
  it('reloads a crashed renderer, marked so it offers the recovery journal', async () => {
    const win = fakeWindow()
    const health = new RendererHealth(win.deps)
    expect(await health.gone({ reason: 'crashed', exitCode: 139 })).toBe('reloaded')
    expect(await health.gone({ reason: 'oom', exitCode: -1 })).toBe('reloaded')
    expect(win.done).toEqual(['reload:crashed', 'reload:oom'])
    const url = new URL(reloadedUrl('app://verdict/index.html', 'crashed'))
    expect(url.pathname).toBe('/index.html')
    expect(url.searchParams.get(RELOADED_PARAM)).toBe('crashed')
  })

  it('leaves a renderer that ended cleanly (its window closed) alone', async () => {
    const win = fakeWindow()
    expect(await new RendererHealth(win.deps).gone({ reason: 'clean-exit', exitCode: 0 })).toBe('ignored')
    expect(win.done).toEqual([])
  })

  it('stops reloading after more than 3 crashes in a minute and lets the critic retry or quit', async () => {
    const win = fakeWindow({ giveUp: 'quit' })
    const health = new RendererHealth(win.deps)
    for (let n = 0; n < 3; n++) {
      expect(await health.gone({ reason: 'crashed', exitCode: 1 })).toBe('reloaded')
      win.advance(10_000)
    }
    expect(await health.gone({ reason: 'crashed', exitCode: 1 })).toBe('quit')
    expect(win.done.slice(0, 3)).toEqual(['reload:crashed', 'reload:crashed', 'reload:crashed'])
    expect(win.done[3]).toMatch(/^give-up:Verdict's window stopped 4 times in a minute \(crashed\).*recovery journal/)
    expect(win.done[4]).toBe('quit')
  })

  it('counts only the crashes of the last minute, and starts counting afresh after Try again', async () => {
    const win = fakeWindow({ giveUp: 'retry' })
    const health = new RendererHealth(win.deps)
    // Three crashes, then a quiet minute: the next one is the first of a new minute.
    for (let n = 0; n < 3; n++) await health.gone({ reason: 'crashed', exitCode: 1 })
    win.advance(60_000)
    for (let n = 0; n < 3; n++) expect(await health.gone({ reason: 'crashed', exitCode: 1 })).toBe('reloaded')
    expect(win.done.filter((step) => step.startsWith('give-up'))).toEqual([])
    // A fourth within the minute asks; Try again reloads and the count starts over.
    expect(await health.gone({ reason: 'killed', exitCode: 9 })).toBe('reloaded')
    expect(win.done.filter((step) => step.startsWith('give-up'))).toHaveLength(1)
    expect(await health.gone({ reason: 'crashed', exitCode: 1 })).toBe('reloaded')
    expect(win.done.filter((step) => step.startsWith('give-up'))).toHaveLength(1)
  })

  it('asks Wait or Reload about a hang; Reload ends the hung renderer (whose end reloads it)', async () => {
    const win = fakeWindow({ hang: 'reload' })
    const health = new RendererHealth(win.deps)
    expect(await health.unresponsive()).toBe('reload')
    expect(win.done).toEqual(['ask', 'end-hung'])
    await health.gone({ reason: 'killed', exitCode: 9 })
    expect(win.done).toEqual(['ask', 'end-hung', 'reload:killed'])
  })

  it('Wait leaves the window be; a hang is asked about once, and the question closes when it answers again', async () => {
    const waits = fakeWindow({ hang: 'wait' })
    expect(await new RendererHealth(waits.deps).unresponsive()).toBe('wait')
    expect(waits.done).toEqual(['ask'])

    const win = fakeWindow()
    const health = new RendererHealth(win.deps)
    const first = health.unresponsive()
    expect(await health.unresponsive()).toBe('asked-already')
    health.responsive()
    expect(await first).toBe('answered-again')
    expect(win.question()?.signal.aborted).toBe(true)
    expect(win.done).toEqual(['ask'])
    // A later hang asks again.
    const second = health.unresponsive()
    win.question()?.answer('reload')
    expect(await second).toBe('reload')
    expect(win.done).toEqual(['ask', 'ask', 'end-hung'])
  })
})
