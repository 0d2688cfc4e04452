/**
 * When the renderer's saver journals unsaved edits: not while keys arrive (each journal write sends
 * the whole review over the bridge), not when a save of the same typing pause covers them, but
 * right after a save fails, in a conflict, and while typing goes on for long without a pause.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { VerdictError } from '../../../src/shared/contract'
import type { ReviewMeta } from '../../../src/shared/model'

interface Saver {
  change(patch: { doc?: { toJSON(): unknown } }): void
  dispose(): void
}
// A renderer module, loaded by a path the type checker does not follow (see format/lexical.test.ts).
const { ReviewSaver } = (await import(/* @vite-ignore */ `../../../src/renderer/src/review/${'saver'}`)) as {
  ReviewSaver: new (options: Record<string, unknown>) => Saver
}

/** A document of `text` as the editor's JSON. */
const docOf = (text: string) => ({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text, format: 0 }] }] } })

function setup(save: () => Promise<{ hash: string; base: string }> = async () => ({ hash: 'next', base: crypto.randomUUID() })) {
  const calls = { saves: 0, journals: 0 }
  const saver = new ReviewSaver({
    id: 'review',
    baseHash: 'base',
    initial: { meta: {} as ReviewMeta, doc: { toJSON: () => docOf('') } },
    save: () => {
      calls.saves++
      return save()
    },
    journal: async () => void calls.journals++,
    clearJournal: async () => undefined,
    onState: () => undefined,
  })
  /** One key every 30 ms for `ms`, then `pause` ms without any. */
  const type = async (ms: number, pause: number) => {
    for (let t = 0; t < ms; t += 30) {
      saver.change({ doc: { toJSON: () => docOf(String(t)) } })
      await vi.advanceTimersByTimeAsync(30)
    }
    await vi.advanceTimersByTimeAsync(pause)
  }
  return { saver, calls, type }
}

describe('the saver’s journal', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('is not written when the save of a typing pause covers the edits', async () => {
    const { calls, type } = setup()
    for (let sentence = 0; sentence < 4; sentence++) await type(1500, 700)
    expect(calls).toEqual({ saves: 4, journals: 0 })
  })

  it('is written right after a save fails, and in a pause while saves are refused', async () => {
    const { calls, type } = setup(async () => {
      throw new VerdictError('CONFLICT', 'changed on disk')
    })
    await type(500, 700)
    expect(calls).toEqual({ saves: 1, journals: 1 })
    // In the conflict no save is tried; the pause's journal holds the new edits.
    await type(500, 700)
    expect(calls).toEqual({ saves: 1, journals: 2 })
  })

  it('is written every few seconds while typing goes on without a pause', async () => {
    const { calls, type } = setup()
    await type(10_000, 0)
    expect(calls.saves).toBe(0)
    expect(calls.journals).toBe(3)
  })
})
