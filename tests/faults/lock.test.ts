/**
 * Two real processes on one library: the library's locks (.verdict/locks) keep a queued post from
 * being sent twice, a held lock is waited for or refused with the reason, and the lock of a process
 * killed with -9 goes stale and is taken over.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { VerdictError } from '../../src/shared/contract'
import { OUTBOX_LOCK, withLibraryLock } from '../../src/main/services/fs/libraryLock'
import { Outbox } from '../../src/main/services/publish/outbox'
import { createPublishHarness, type PublishHarness } from '../publish/harness'
import { slow } from '../support/slow'
import { bundledChildren } from './helpers'

const ROOT = join(import.meta.dirname, '../..')
const children: ChildProcess[] = []
let harness: PublishHarness | undefined
let bundle: string
let scripts: Record<'outboxSender' | 'lockHolder', string>

beforeAll(async () => {
  bundle = await mkdtemp(join(tmpdir(), 'verdict-lock-children-'))
  scripts = await bundledChildren(bundle, 'outboxSender', 'lockHolder')
})
afterAll(() => rm(bundle, { recursive: true, force: true }))

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  await harness?.close()
  harness = undefined
})

interface Child {
  process: ChildProcess
  /** Resolves when the child has printed this line. */
  printed(line: string): Promise<void>
  exit: Promise<number | null>
  lines: string[]
  stderr: string[]
}

function child(script: keyof typeof scripts, args: string[]): Child {
  const process_ = spawn(process.execPath, [scripts[script], ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(process_)
  const lines: string[] = []
  const waiting: Array<() => void> = []
  let buffer = ''
  process_.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    const parts = buffer.split('\n')
    buffer = parts.pop()!
    lines.push(...parts)
    for (const wake of waiting.splice(0)) wake()
  })
  const stderr: string[] = []
  process_.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')))
  // 'close', not 'exit': its last lines may still be in the pipe when it exits.
  const exit = new Promise<number | null>((done) => process_.on('close', (code) => done(code)))
  const printed = async (line: string) => {
    while (!lines.includes(line)) {
      if (process_.exitCode !== null) throw new Error(`The child ended (${process_.exitCode}) before printing “${line}”: ${stderr.join('')}`)
      await new Promise<void>((wake) => waiting.push(wake) && exit.then(() => wake()))
    }
  }
  return { process: process_, printed, exit, lines, stderr }
}

describe('two processes on one library', () => {
  it('send a queued post once: the second finds it sent and the post exists once on the blog', { timeout: slow(120_000) }, async () => {
    const site = await mkdtemp(join(tmpdir(), 'verdict-site-'))
    harness = await createPublishHarness({ blog: { name: 'My site', kind: 'folder', url: site }, secret: '' })
    // A long review: building its post takes long enough that two senders would overlap for sure.
    const file = join(harness.libraryDir, harness.reviewId, 'review.md')
    await writeFile(file, `${await readFile(file, 'utf8')}\n${'A long paragraph about the film and its fights. '.repeat(4000)}\n`)
    const request = { id: harness.reviewId, blogId: harness.blogId, status: 'published' as const }
    await new Outbox(() => harness!.services.libraries.current(), harness.services.machine).put(request, undefined, 'The blog could not be reached.', new Date(0))
    const go = join(harness.libraryDir, '..', 'go')
    const bundles = inject('workerBundles')
    const senders = [0, 1].map(() => child('outboxSender', [harness!.libraryDir, harness!.settingsDir, go, ROOT, bundles.reader, bundles.search]))
    await Promise.all(senders.map((sender) => sender.printed('ready')))
    await writeFile(go, '')
    expect(await Promise.all(senders.map((sender) => sender.exit))).toEqual([0, 0])
    expect(senders.map((sender) => sender.lines.find((line) => line.startsWith('posted '))).sort()).toEqual(['posted 0', 'posted 1'])

    const manifest = JSON.parse(await readFile(join(site, 'verdict-site.json'), 'utf8')) as { posts: unknown[] }
    expect(manifest.posts).toHaveLength(1)
    const records = (await readFile(join(harness.libraryDir, harness.reviewId, 'review.md'), 'utf8')).match(/^\s*- target: /gm)
    expect(records).toHaveLength(1)
    expect(await harness.outbox()).toEqual([])
  })

  it('a held lock is waited for, refused with the reason after the wait, and taken over once its killed holder goes stale', { timeout: slow(60_000) }, async () => {
    const root = await mkdtemp(join(tmpdir(), 'verdict-lock-'))
    const holder = child('lockHolder', [root, '1500', '1000'])
    await holder.printed('held')
    // Waited for: the holder lets go after a second.
    expect(await withLibraryLock(root, OUTBOX_LOCK, async () => 'mine', { waitMs: slow(20_000) })).toBe('mine')
    await holder.printed('released')

    const killed = child('lockHolder', [root, '1500'])
    await killed.printed('held')
    const refused = await withLibraryLock(root, OUTBOX_LOCK, async () => 'mine', { waitMs: 200 }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(VerdictError)
    expect((refused as VerdictError).code).toBe('CONFLICT')
    expect((refused as VerdictError).message).toContain('busy with this library’s outbox')
    killed.process.kill('SIGKILL')
    await killed.exit
    // Nobody touches the dead holder's lock any more: stale after 1.5 s, then it is ours.
    expect(await withLibraryLock(root, OUTBOX_LOCK, async () => 'mine', { waitMs: slow(20_000), staleMs: 1500 })).toBe('mine')
  })
})
