// Two machines on one Syncthing-synced library: what one saves, the other opens.
import { copyFile, mkdir, readdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { AppEvent } from '../../src/shared/contract'
import type { ParagraphJSON } from '../../src/shared/document'
import { contentHash } from '../../src/main/services/library/library'
import { paragraphs } from '../support/workbench'
import { slow } from '../support/slow'
import { startMachines, type Machines } from './machines'

let machines: Machines

beforeAll(async () => {
  machines = await startMachines()
})

afterAll(async () => {
  await machines?.close()
})

test('a review created and edited on A opens on B with the edit', async () => {
  const { a, b, sync } = machines
  const created = await a.services.libraries.current().create('The Long Walk', 'Ana Critic')
  await a.append(created.id, 'Written on the train.')
  await sync.synced()

  expect((await b.services.libraries.current().list()).map((review) => review.title)).toContain('The Long Walk')
  expect(await b.paragraphs(created.id)).toContain('Written on the train.')

  await b.append(created.id, 'Finished at home.')
  await sync.synced()
  expect(await a.paragraphs(created.id)).toEqual(expect.arrayContaining(['Written on the train.', 'Finished at home.']))
})

test('an image synced after its review: B, with the review open, is told when it lands', async () => {
  const { a, b, sync } = machines
  const { id } = await a.services.libraries.current().create('Paris, Texas', 'Ana Critic')
  const opened = await a.services.libraries.current().open(id)
  if (opened.kind !== 'editable') throw new Error(opened.reason)
  const image = { type: 'image', version: 1, src: 'assets/poster.png', alt: 'The poster', caption: '', credit: '', width: 'inline' }
  const text = { type: 'paragraph', children: [{ type: 'text', text: 'The poster follows.', format: 0 }] } as ParagraphJSON
  await a.services.writes.save({ id, meta: opened.meta, doc: { root: { ...opened.doc.root, children: [image, text] } } as typeof opened.doc, baseHash: opened.hash })
  await sync.synced()

  const events: AppEvent[] = []
  b.services.events.subscribe((event) => void events.push(event))
  const onB = join(b.peer.dir, id, 'review.md')
  await b.services.watcher.watch(id, contentHash(await readFile(onB)))
  // A's copy arrives whole (temp and rename), as the critic's file manager or Verdict would write it.
  const assets = join(a.peer.dir, id, 'assets')
  await mkdir(assets, { recursive: true })
  await copyFile(join(import.meta.dirname, '../unit/pipeline/fixtures/ballerina/assets/10226545b9b4e8c3.png'), join(assets, 'poster.png.part'))
  await rename(join(assets, 'poster.png.part'), join(assets, 'poster.png'))
  await sync.synced()

  await expect.poll(() => events, { timeout: slow(10_000) }).toContainEqual({ type: 'review-images-changed', id, paths: ['assets/poster.png'] })
  expect(events.filter((event) => event.type === 'review-changed-on-disk')).toEqual([])
  b.services.watcher.unwatch(id)
})

test("B never offers A's unsaved draft as its own crash's, and the library carries no machine's caches or locks", async () => {
  const { a, b, sync } = machines
  const { id } = await a.services.libraries.current().create('Heat')
  const opened = await a.services.libraries.current().open(id)
  if (opened.kind !== 'editable') throw new Error(opened.reason)
  await a.services.journal.journal(id, { meta: opened.meta, doc: paragraphs('typed on A, not saved'), baseHash: opened.hash })
  await Promise.all([a, b].map(async ({ services }) => {
    await services.libraries.current().list()
    await services.libraries.current().flushIndex()
    await services.libraries.current().flushSearch()
  }))
  await sync.synced()

  expect((await a.services.journal.list()).map((draft) => draft.id)).toEqual([id])
  expect(await b.services.journal.list()).toEqual([])
  expect((await b.services.libraries.current().list()).map((review) => review.id)).toContain(id)
  for (const { peer } of [a, b]) {
    const shared = await readdir(join(peer.dir, '.verdict')).catch(() => [])
    for (const name of ['index.json', 'search.json', 'recovery', 'locks']) expect(shared).not.toContain(name)
  }
})

test('100 edits on both machines at once leave no Syncthing conflict copy of any file of .verdict/', async () => {
  const { a, b, sync } = machines
  // Each machine writes its own reviews (two machines editing one review is a conflict of the
  // critic's, tests/sync/conflict.test.ts); what they share is .verdict/: history, and formerly the caches.
  const reviews = await Promise.all([a, a, b, b].map(async (machine, n) => ({ machine, id: (await machine.services.libraries.current().create(`Film ${n}`, 'Ana Critic')).id })))
  await sync.synced()
  await Promise.all(
    [a, b].map(async (machine) => {
      const own = reviews.filter((review) => review.machine === machine)
      for (let edit = 0; edit < 50; edit++) {
        const { id } = own[edit % own.length]!
        await machine.append(id, `Edit ${edit} on ${machine.peer.name}.`)
        if (edit % 10 === 9) await machine.services.writes.snapshot(id, 'manual')
        if (edit % 7 === 0) await machine.services.libraries.current().list()
      }
      await machine.services.libraries.current().flushIndex()
      await machine.services.libraries.current().flushSearch()
    }),
  )
  await sync.synced()

  for (const { peer } of [a, b]) {
    const copies = (await readdir(join(peer.dir, '.verdict'), { recursive: true })).filter((path) => path.includes('sync-conflict'))
    expect(copies, `conflict copies in ${peer.name}'s .verdict`).toEqual([])
  }
  for (const { machine, id } of reviews) {
    const other = machine === a ? b : a
    expect((await other.paragraphs(id)).filter((text) => text.startsWith('Edit '))).toHaveLength(25)
  }
})
