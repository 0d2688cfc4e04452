// Two machines edit one review while the link is down: Syncthing keeps the losing edit as a
// conflict copy, the library shows the review in conflict, and the merge keeps both edits.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import type { ParagraphJSON } from '../../src/shared/document'
import { slow } from '../support/slow'
import { startMachines, type Machine, type Machines } from './machines'

let machines: Machines

beforeAll(async () => {
  machines = await startMachines()
})

afterAll(async () => {
  await machines?.close()
})

/** Replaces one paragraph's text and saves through the real save path, as the editor does. */
async function rewrite(machine: Machine, id: string, index: number, text: string): Promise<void> {
  const opened = await machine.services.libraries.current().open(id)
  if (opened.kind !== 'editable') throw new Error(`${machine.peer.name} opened ${id} read-only: ${opened.reason}`)
  const paragraph: ParagraphJSON = { type: 'paragraph', children: [{ type: 'text', text, format: 0 }] }
  const children = opened.doc.root.children.map((block, at) => (at === index ? paragraph : block))
  await machine.services.writes.save({ id, meta: opened.meta, doc: { root: { ...opened.doc.root, children } }, baseHash: opened.hash })
}

const row = async (machine: Machine, id: string) => (await machine.services.libraries.current().list()).find((review) => review.id === id)

test('both machines edit one review while the link is paused: the conflict shows, and a merge keeps both edits', async () => {
  const { a, b, sync } = machines
  const { id } = await a.services.libraries.current().create('Dune', 'Ana Critic')
  for (const text of ['The desert.', 'The spice.', 'The worms.']) await a.append(id, text)
  await sync.synced()
  // The version both start from, kept on each machine ("Save a version now") before the link goes down.
  await a.services.writes.snapshot(id, 'manual')
  await b.services.writes.snapshot(id, 'manual')
  await sync.synced()

  await sync.pause()
  await rewrite(a, id, 0, 'The desert, written on the train.')
  // Syncthing keeps the newer file under the real name: B's edit comes a moment later.
  await new Promise((resolve) => setTimeout(resolve, 1100))
  await rewrite(b, id, 2, 'The worms, finished at home.')
  await sync.resume()
  await sync.synced()

  // A made the losing edit: the copy is made there, then synced to B like any file.
  for (const machine of [a, b]) {
    await vi.waitFor(async () => expect((await row(machine, id))?.conflict?.source).toBe('syncthing'), { timeout: slow(30_000), interval: 100 })
  }
  const view = await a.services.conflicts.open(id)
  expect(view.body.filter((region) => region.kind === 'conflict')).toEqual([])
  await a.services.conflicts.resolve(id, view.oursHash, view.theirsHash, { merge: { body: [], keys: {} } })
  await sync.synced()

  for (const machine of [a, b]) {
    expect(await machine.paragraphs(id)).toEqual(['The desert, written on the train.', 'The spice.', 'The worms, finished at home.'])
    expect((await row(machine, id))?.conflict).toBeUndefined()
    expect((await readdir(join(machine.peer.dir, id))).filter((name) => name.includes('sync-conflict'))).toEqual([])
  }
})
