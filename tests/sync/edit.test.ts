// Two machines on one Syncthing-synced library: what one saves, the other opens.
import { afterAll, beforeAll, expect, test } from 'vitest'
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
