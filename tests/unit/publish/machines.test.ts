/**
 * Two machines on one library (two sets of the real services, each with its own app data): what
 * they share is one file per machine, merged on read; of two outboxes holding one post, one sends
 * it. Here the machines share the very folder (a sync with no delay) or a copy of it (a sync cut
 * off); tests/sync runs the same through real Syncthing.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createServices, shutdownServices, type Services } from '../../../src/main/container'
import { OutboxClaims } from '../../../src/main/services/publish/claims'
import { Outbox } from '../../../src/main/services/publish/outbox'
import { createConfBackend } from '../../../src/main/services/settings/conf'
import { createPublishHarness, type PublishHarness } from '../../publish/harness'
import { headlessPlatform } from '../../support/platform'

const cleanups: Array<() => Promise<void>> = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Machine A: a library with the Ballerina review and a folder blog (the publish harness). */
async function machineA(): Promise<{ a: PublishHarness; site: string }> {
  const site = await mkdtemp(join(tmpdir(), 'verdict-site-'))
  const a = await createPublishHarness({ blog: { name: 'My site', kind: 'folder', url: site }, secret: '' })
  cleanups.push(async () => {
    await a.close()
    await rm(site, { recursive: true, force: true })
  })
  return { a, site }
}

/** Machine B: the real services with app data of their own, on `libraryDir`. */
async function machineB(libraryDir: string): Promise<Services> {
  const dataDir = await mkdtemp(join(tmpdir(), 'verdict-machine-b-'))
  const services = await createServices({
    platform: headlessPlatform(libraryDir),
    settingsBackend: createConfBackend(dataDir),
    dataDir,
    env: { VERDICT_LIBRARY: libraryDir },
    publish: { outboxCheckMs: 0, claimSettleMs: 0 },
  })
  cleanups.push(async () => {
    await shutdownServices(services)
    await rm(dataDir, { recursive: true, force: true })
  })
  return services
}

describe('files two machines share, one per machine, merged on read', () => {
  it('blogs added, changed and removed on either machine: both see one list, and each wrote only its own file', async () => {
    const { a } = await machineA()
    const b = await machineB(a.libraryDir)
    expect(b.machine).not.toBe(a.services.machine)
    const site = (await a.services.blogs.list())[0]!
    const press = await b.blogs.save({ name: 'Press', kind: 'ghost', url: 'http://127.0.0.1:2368/' }, 'id:secret')
    await b.blogs.save({ ...site, name: 'My site, renamed on B' })
    const zine = await a.services.blogs.save({ name: 'Zine', kind: 'micropub', url: 'http://127.0.0.1:8080/' }, 'token')
    await a.services.blogs.remove(press.id)

    for (const machine of [a.services, b]) {
      expect((await machine.blogs.list()).map((blog) => blog.name)).toEqual(['My site, renamed on B', 'Zine'])
    }
    expect((await b.blogs.get(zine.id)).url).toBe('http://127.0.0.1:8080/')
    expect((await readdir(join(a.libraryDir, '.verdict', 'blogs'))).sort()).toEqual([`${a.services.machine}.json`, `${b.machine}.json`].sort())
  })

  it('reads the blogs list and the outbox of older versions until a machine writes its own file, and leaves them as they were', async () => {
    const { a } = await machineA()
    const legacyBlogs = { version: 1, blogs: [{ id: 'old-blog', name: 'Old blog', kind: 'folder', url: join(tmpdir(), 'old-site') }] }
    const legacyJob = { jobId: 'old-job', request: { id: a.reviewId, blogId: 'old-blog', status: 'published' }, queuedAt: '2026-11-01T10:00:00.000Z', attempts: 2, nextAttemptAt: '2026-11-01T10:01:00.000Z', lastError: 'offline' }
    const legacyFiles = { 'blogs.json': JSON.stringify(legacyBlogs), 'outbox.json': JSON.stringify({ version: 1, jobs: [legacyJob] }) }
    const library = await mkdtemp(join(tmpdir(), 'verdict-legacy-'))
    cleanups.push(() => rm(library, { recursive: true, force: true }))
    await cp(join(a.libraryDir, a.reviewId), join(library, a.reviewId), { recursive: true })
    await mkdir(join(library, '.verdict'))
    for (const [name, text] of Object.entries(legacyFiles)) await writeFile(join(library, '.verdict', name), text)
    const b = await machineB(library)

    expect((await b.blogs.list()).map((blog) => blog.name)).toEqual(['Old blog'])
    expect(await b.publish.outbox()).toEqual([legacyJob])
    await b.blogs.save({ name: 'New blog', kind: 'micropub', url: 'http://127.0.0.1:8080/' }, 'token')
    expect((await b.blogs.list()).map((blog) => blog.name)).toEqual(['Old blog', 'New blog'])
    for (const [name, text] of Object.entries(legacyFiles)) expect(await readFile(join(library, '.verdict', name), 'utf8')).toBe(text)
  })

  it("a review's publish log holds both machines' steps in time order, and each machine wrote only its own file", async () => {
    const { a } = await machineA()
    const b = await machineB(a.libraryDir)
    // An older version's log is read too, first.
    const legacy = { version: 1, entries: [{ at: '2026-01-01T00:00:00.000Z', blogId: a.blogId, step: 'check', state: 'done' }] }
    await writeFile(join(a.libraryDir, a.reviewId, '.publish-log.json'), JSON.stringify(legacy))
    expect(await a.publish()).toMatchObject({ kind: 'published' })
    expect(await b.publish.publish({ id: a.reviewId, blogId: a.blogId, status: 'published' })).toMatchObject({ kind: 'published' })

    for (const machine of [a.services, b]) {
      const log = await machine.publish.readLog(a.reviewId)
      expect(log[0]).toEqual(legacy.entries[0])
      expect(log.filter((entry) => entry.step === 'verify' && entry.state === 'done')).toHaveLength(2)
      expect(log.map((entry) => entry.at)).toEqual(log.map((entry) => entry.at).sort())
    }
    expect((await readdir(join(a.libraryDir, a.reviewId, '.publish-log'))).sort()).toEqual([`${a.services.machine}.json`, `${b.machine}.json`].sort())
  })
})

describe('a post queued on two machines is sent once', () => {
  it('B, cut off from A, finds by its publish id the post A sent, and records it instead of sending it again', async () => {
    const { a, site } = await machineA()
    // The libraries were in sync when the link went down: B has the review and the blog, not A's publish.
    const copy = await mkdtemp(join(tmpdir(), 'verdict-machine-b-library-'))
    cleanups.push(() => rm(copy, { recursive: true, force: true }))
    await cp(a.libraryDir, copy, { recursive: true })
    const b = await machineB(copy)
    const request = { id: a.reviewId, blogId: a.blogId, status: 'published' as const }
    await new Outbox(() => b.libraries.current(), b.machine).put(request, undefined, 'The network was down.', new Date())

    const sent = (await a.publish()) as { kind: 'published'; record: { url: string; publishId: string } }
    await b.publish.flushOutbox()

    expect(await b.publish.outbox()).toEqual([])
    const manifest = JSON.parse(await readFile(join(site, 'verdict-site.json'), 'utf8')) as { posts: Array<{ publishId: string }> }
    expect(manifest.posts.map((post) => post.publishId)).toEqual([sent.record.publishId])
    expect(await readFile(join(copy, a.reviewId, 'review.md'), 'utf8')).toContain(`url: ${sent.record.url}`)
    expect(await b.publish.readLog(a.reviewId)).toContainEqual(expect.objectContaining({ step: 'post', state: 'skipped', message: `Already on My site: ${sent.record.url}` }))
  })

  it('of two machines whose outboxes hold one post and flush at once, one sends it and the other drops it once it is sent', async () => {
    const { a, site } = await machineA()
    const b = await machineB(a.libraryDir)
    const request = { id: a.reviewId, blogId: a.blogId, status: 'published' as const }
    const queuedAt = new Date()
    for (const machine of [a.services, b]) await new Outbox(() => machine.libraries.current(), machine.machine).put(request, undefined, 'The network was down.', queuedAt)

    await Promise.all([a.flushOutbox(), b.publish.flushOutbox()])
    const waiting = [...(await a.outbox()), ...(await b.publish.outbox())]
    // The one that lost the claim tries again later; by then the post is out, and it is dropped.
    await Promise.all([a.flushOutbox(), b.publish.flushOutbox()])

    expect(waiting.length).toBeLessThanOrEqual(1)
    expect([...(await a.outbox()), ...(await b.publish.outbox())]).toEqual([])
    const manifest = JSON.parse(await readFile(join(site, 'verdict-site.json'), 'utf8')) as { posts: unknown[] }
    expect(manifest.posts).toHaveLength(1)
  })
})

describe('outbox claims', () => {
  const root = () => mkdtemp(join(tmpdir(), 'verdict-claims-'))

  function claimsOf(library: string, machine: string, clock: { now: Date }, sleep = async () => {}): OutboxClaims {
    return new OutboxClaims({ library: () => ({ root: library }), machine, now: () => clock.now, sleep, settleMs: 1 })
  }

  it("holds off other machines until the claim expires, so a crashed machine's claim blocks no one for ever", async () => {
    const library = await root()
    cleanups.push(() => rm(library, { recursive: true, force: true }))
    const clock = { now: new Date('2026-12-07T08:00:00.000Z') }
    const queuedAt = '2026-12-07T07:00:00.000Z'
    expect(await claimsOf(library, 'aaaaaaaaaaaa', clock).take('post-1', queuedAt, false)).toEqual({ kind: 'ours' })
    // A then crashes: its claim stays.
    const b = claimsOf(library, 'bbbbbbbbbbbb', clock)
    expect(await b.take('post-1', queuedAt, false)).toMatchObject({ kind: 'held', machine: 'aaaaaaaaaaaa' })
    clock.now = new Date('2026-12-07T08:14:59.000Z')
    expect(await b.take('post-1', queuedAt, false)).toMatchObject({ kind: 'held' })
    clock.now = new Date('2026-12-07T08:15:01.000Z')
    expect(await b.take('post-1', queuedAt, false)).toEqual({ kind: 'ours' })
    // Another post is not held by it.
    expect(await claimsOf(library, 'cccccccccccc', clock).take('post-2', queuedAt, false)).toEqual({ kind: 'ours' })
  })

  it('a post sent since it was queued here is reported with its address; one sent before is not', async () => {
    const library = await root()
    cleanups.push(() => rm(library, { recursive: true, force: true }))
    const clock = { now: new Date('2026-12-07T08:00:00.000Z') }
    const a = claimsOf(library, 'aaaaaaaaaaaa', clock)
    await a.take('post-1', '2026-12-07T07:00:00.000Z', false)
    await a.sent('post-1', { id: '7', url: 'https://blog.example/dune', status: 'published' })
    const b = claimsOf(library, 'bbbbbbbbbbbb', clock)
    expect(await b.take('post-1', '2026-12-07T07:30:00.000Z', false)).toEqual({ kind: 'sent', machine: 'aaaaaaaaaaaa', post: { id: '7', url: 'https://blog.example/dune', status: 'published' } })
    // Queued after that send (an edit to publish again): B's to send.
    expect(await b.take('post-1', '2026-12-07T08:30:00.000Z', false)).toEqual({ kind: 'ours' })
  })

  it("a machine's sent claims are cleared a month on, when it sends again; another machine's stay", async () => {
    const library = await root()
    cleanups.push(() => rm(library, { recursive: true, force: true }))
    const clock = { now: new Date('2026-11-01T08:00:00.000Z') }
    const [a, b] = [claimsOf(library, 'aaaaaaaaaaaa', clock), claimsOf(library, 'bbbbbbbbbbbb', clock)]
    const post = { id: '7', url: 'https://blog.example/dune', status: 'published' as const }
    await a.take('old-post', '2026-11-01T07:00:00.000Z', false)
    await a.sent('old-post', post)
    await b.take('b-post', '2026-11-01T07:00:00.000Z', false)
    await b.sent('b-post', post)
    const claimFiles = async () => (await readdir(join(library, '.verdict', 'outbox', 'claims'), { recursive: true })).filter((path) => path.endsWith('.json')).length
    expect(await claimFiles()).toBe(2)

    clock.now = new Date('2026-12-02T08:00:00.000Z')
    await a.take('new-post', '2026-12-02T07:00:00.000Z', false)
    await a.sent('new-post', post)
    // A's old claim is gone, its folder too; B's (as old) and A's new one stay.
    expect(await claimFiles()).toBe(2)
    expect((await readdir(join(library, '.verdict', 'outbox', 'claims'))).length).toBe(2)
    expect(await claimsOf(library, 'cccccccccccc', clock).take('b-post', '2026-11-01T07:30:00.000Z', false)).toMatchObject({ kind: 'sent', machine: 'bbbbbbbbbbbb' })
  })

  it('of two contested claims made before either saw the other, the earlier wins on both machines and the other withdraws', async () => {
    const [libraryA, libraryB] = await Promise.all([root(), root()])
    cleanups.push(() => Promise.all([libraryA, libraryB].map((library) => rm(library, { recursive: true, force: true }))).then(() => {}))
    // Each machine's settle is the sync: once both have claimed, the other's claims arrive.
    let claimed = 0
    let bothClaimed = () => {}
    const both = new Promise<void>((resolve) => (bothClaimed = resolve))
    const claimsDir = (library: string) => join(library, '.verdict', 'outbox', 'claims')
    const syncFrom = (other: string, own: string) => async () => {
      if (++claimed === 2) bothClaimed()
      await both
      await cp(claimsDir(other), claimsDir(own), { recursive: true, force: false, errorOnExist: false })
    }
    const a = claimsOf(libraryA, 'aaaaaaaaaaaa', { now: new Date('2026-12-07T08:00:01.000Z') }, syncFrom(libraryB, libraryA))
    const b = claimsOf(libraryB, 'bbbbbbbbbbbb', { now: new Date('2026-12-07T08:00:00.000Z') }, syncFrom(libraryA, libraryB))
    const queuedAt = '2026-12-07T07:00:00.000Z'
    const [fromA, fromB] = await Promise.all([a.take('post-1', queuedAt, true), b.take('post-1', queuedAt, true)])

    expect(fromA).toMatchObject({ kind: 'held', machine: 'bbbbbbbbbbbb' })
    expect(fromB).toEqual({ kind: 'ours' })
    const left = await readdir(claimsDir(libraryA), { recursive: true })
    expect(left.filter((path) => path.endsWith('.json')).map((path) => path.split('/').pop())).toEqual(['bbbbbbbbbbbb.json'])
  })
})
