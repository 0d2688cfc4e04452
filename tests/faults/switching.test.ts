/**
 * 100 review switches per second with saves pending: the renderer's pattern (open, type, journal,
 * save on switch away, one save in flight per review with the hash it got back) driven through
 * dispatch for five reviews at once, plus stray saves with stale hashes. Each file must end up with
 * exactly its own last text, stray saves must be refused as conflicts, and no draft may be lost.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { OpenedReview, SaveResult } from '../../src/shared/contract'
import type { EditorDocument } from '../../src/shared/document'
import { dispatch } from '../../src/main/dispatch'
import { services } from './helpers'
import { slow } from '../support/slow'

const doc = (id: string, k: number): EditorDocument => ({
  root: {
    type: 'root',
    children: [
      { type: 'paragraph', children: [{ type: 'text', text: `Review ${id} belongs to ${id} alone.`, format: 0 }] },
      { type: 'paragraph', children: [{ type: 'text', text: `${id} edit number ${k}.`, format: 0 }] },
    ],
  },
})

describe('fast review switching with pending saves', () => {
  it('100 switches a second across five reviews: every file holds only its own newest text', { timeout: slow(60_000) }, async () => {
    const { library, handlers, log, logged } = await services()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const created = await dispatch(handlers, 'createReview', { title: `Switch ${i}` }, log)
      ids.push((created as { value: { id: string } }).value.id)
    }
    interface Editor {
      hash: string
      meta: unknown
      k: number
      inFlight: Promise<void> | undefined
      again: boolean
      lastSaved: number
    }
    const editors = new Map<string, Editor>()
    for (const id of ids) {
      const opened = (await dispatch(handlers, 'openReview', { id }, log)) as { ok: true; value: OpenedReview & { kind: 'editable' } }
      editors.set(id, { hash: opened.value.hash, meta: opened.value.meta, k: 0, inFlight: undefined, again: false, lastSaved: -1 })
    }
    const conflicts: string[] = []
    const failures: string[] = []

    /** The renderer's saver: one save in flight per review, the newest state saved after it. */
    function save(id: string): Promise<void> {
      const editor = editors.get(id)!
      if (editor.inFlight) {
        editor.again = true
        return editor.inFlight
      }
      const k = editor.k
      editor.inFlight = (async () => {
        const result = await dispatch(handlers, 'saveReview', { id, meta: editor.meta, doc: doc(id, k), baseHash: editor.hash }, log)
        if (result.ok) {
          editor.hash = (result.value as SaveResult).hash
          editor.lastSaved = k
        } else failures.push(`${id}: ${result.error.code} ${result.error.message}`)
        editor.inFlight = undefined
        if (editor.again) {
          editor.again = false
          await save(id)
        }
      })()
      return editor.inFlight
    }

    const pending: Promise<unknown>[] = []
    const started = Date.now()
    for (let s = 0; s < 100; s++) {
      const id = ids[s % ids.length]!
      const editor = editors.get(id)!
      editor.k++
      pending.push(dispatch(handlers, 'openReview', { id }, log))
      pending.push(dispatch(handlers, 'journalDraft', { id, meta: editor.meta, doc: doc(id, editor.k), baseHash: editor.hash }, log))
      pending.push(save(id))
      if (s % 10 === 5) {
        // A stray save from a stale editor state (an old window, a late timer): must be refused.
        const stray = dispatch(handlers, 'saveReview', { id, meta: editor.meta, doc: doc('intruder', s), baseHash: 'stale' }, log)
        pending.push(stray.then((r) => void (!r.ok && conflicts.push(r.error.code))))
      }
      const due = started + (s + 1) * 10
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())))
    }
    await Promise.all(pending)
    for (const id of ids) await editors.get(id)!.inFlight

    expect(failures, logged.join('\n')).toEqual([])
    expect(conflicts).toEqual(Array(10).fill('CONFLICT'))
    for (const id of ids) {
      const editor = editors.get(id)!
      // The last state typed may still be pending in the renderer's saver: flush it as a switch would.
      if (editor.lastSaved !== editor.k) await save(id)
      const text = await readFile(join(library, id, 'review.md'), 'utf8')
      expect(text).toContain(`${id} edit number ${editor.k}.`)
      for (const other of ids) if (other !== id) expect(text).not.toContain(other)
      expect(text).not.toContain('intruder')
    }
    // Every draft was saved exactly as journaled, so none is left to recover.
    const recovered = await dispatch(handlers, 'listRecovered', undefined, log)
    expect(recovered).toEqual({ ok: true, value: [] })
  })
})
