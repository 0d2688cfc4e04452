// A post queued on both machines while both were offline is published once when they come back
// online with the link up: counted on the real Micropub test site (scripts/blogs/micropub.mjs,
// started here in a folder of its own: about a second, nothing to install).
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { readMeta } from '../../src/main/services/format'
import { startFaultProxy, type FaultProxy } from '../publish/proxy'
import { slow } from '../support/slow'
import { startMachines, type Machine, type Machines } from './machines'

const run = promisify(execFile)

let machines: Machines
let site: { url: string; secret: string; dir: string }
let proxy: FaultProxy

/** Runs the Micropub site's script (start, stop) on this test's own folder of blogs. */
function micropub(command: 'start' | 'stop', dir: string) {
  return run(process.execPath, ['scripts/blogs/micropub.mjs', command], { env: { ...process.env, VERDICT_BLOGS_DIR: dir }, timeout: slow(60_000) })
}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'verdict-sync-blogs-'))
  const [started] = await Promise.all([
    micropub('start', dir).then(async () => JSON.parse(await readFile(join(dir, 'micropub.json'), 'utf8')) as { url: string; secret: string }),
    // A claim's wait for the sync engine is the sync itself: done once each side has all the other has.
    startMachines({ publish: (sync) => ({ retry: { attempts: 1, baseDelayMs: 10 }, sleep: () => sync.synced() }) }).then((started) => (machines = started)),
  ])
  site = { ...started, dir }
  // Between both machines and the site: down, it is the network gone.
  proxy = await startFaultProxy(site.url)
})

afterAll(async () => {
  await proxy?.close()
  await machines?.close()
  if (site) {
    await micropub('stop', site.dir)
    await rm(site.dir, { recursive: true, force: true })
  }
})

/** Every post on the site, by address, from its own post list. */
async function posts(): Promise<string[]> {
  const response = await fetch(`${site.url}micropub?q=source&limit=100`, { headers: { authorization: `Bearer ${site.secret}` } })
  const { items } = (await response.json()) as { items: Array<{ properties: { url: string[] } }> }
  return items.map((item) => item.properties.url[0] ?? '')
}

async function recordOn(machine: Machine, id: string) {
  const meta = readMeta(await readFile(join(machine.peer.dir, id, 'review.md')), { title: '', created: '', updated: '' })
  return meta.published?.[0]
}

test('a post queued on both machines while offline is published exactly once when both are back online with the link up', async () => {
  const { a, b, sync } = machines
  const blog = await a.services.blogs.save({ name: 'Test Micropub', kind: 'micropub', url: proxy.url }, site.secret)
  const { id } = await a.services.libraries.current().create('Dune: Part Two', 'Ana Critic')
  await a.append(id, 'The desert, again, and bigger.')
  await sync.synced()
  // B has the blog from the synced list; its token is B's own (each machine's keychain).
  await b.services.blogs.save(await b.services.blogs.get(blog.id), site.secret)

  // Offline: no link between the machines, no way to the blog. Each queues the post.
  await sync.pause()
  proxy.setDown(true)
  for (const machine of [a, b]) {
    expect(await machine.services.publish.publish({ id, blogId: blog.id, status: 'published' })).toMatchObject({ kind: 'queued' })
    expect(await machine.services.publish.outbox()).toHaveLength(1)
  }

  // Online again, the link up: both outboxes flush at once; the claim that stands sends the post.
  await sync.resume()
  proxy.setDown(false)
  await sync.synced()
  await Promise.all([a, b].map((machine) => machine.services.publish.flushOutbox()))
  await sync.synced()
  // The other looks again later: the post is out, and it drops its job.
  await Promise.all([a, b].map((machine) => machine.services.publish.flushOutbox()))
  await sync.synced()

  const sent = await posts()
  expect(sent).toHaveLength(1)
  // Counted as the site answered them too: a second create would write the same slug (it carries the publish id) over the first.
  expect(proxy.requests.filter((request) => request.method === 'POST' && request.path === '/micropub' && request.outcome === 201)).toHaveLength(1)
  for (const machine of [a, b]) {
    expect(await machine.services.publish.outbox()).toEqual([])
    expect(await recordOn(machine, id)).toMatchObject({ target: blog.id, status: 'published', url: sent[0] })
    const log = await machine.services.publish.readLog(id)
    expect(log.filter((entry) => entry.step === 'post' && entry.state === 'done')).toHaveLength(1)
    expect(log).toContainEqual(expect.objectContaining({ step: 'post', state: 'skipped', message: expect.stringContaining(`Already published since it was queued: ${sent[0]}`) }))
    const copies = (await readdir(machine.peer.dir, { recursive: true })).filter((path) => path.includes('sync-conflict'))
    expect(copies, `conflict copies on ${machine.peer.name}`).toEqual([])
  }
})
