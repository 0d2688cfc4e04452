/**
 * kill -9 during autosaves: a child process saves a ~50k-word review 1,000 times while it is killed
 * with SIGKILL at random moments (20 times). After every kill the file must parse and be exactly the
 * last acknowledged save or the one in flight; after the library's boot step no temp file remains.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseReview, serializeReview } from '../../src/main/services/format'
import { TEMP_PREFIX } from '../../src/main/services/fs/atomicWrite'
import { bundledChildren, largeDocument, MARK, reviewMetaOf, services, sha256, tempFiles } from './helpers'
import { slow } from '../support/slow'

// FAULT_SAVES / FAULT_KILLS shrink the run while working on it; the suite uses the full numbers.
const TOTAL_SAVES = Number(process.env.FAULT_SAVES ?? 1000)
const KILLS = Number(process.env.FAULT_KILLS ?? 20)

/** A small seeded generator, so a failure can be replayed with FAULT_SEED. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Run {
  acked: { n: number; hash: string } | undefined
  inFlight: { n: number; hash: string } | undefined
  exit: Promise<number | null>
  child: ChildProcess
  stderr: string[]
}

function startChild(script: string, reviewDir: string, template: string, first: number, count: number, librarySaves: number, onAck: (n: number) => void): Run {
  const child = spawn(process.execPath, [script, reviewDir, template, String(first), String(count), String(librarySaves)], { stdio: ['ignore', 'pipe', 'pipe'] })
  const run: Run = { acked: undefined, inFlight: undefined, child, stderr: [], exit: new Promise((done) => child.on('exit', (code) => done(code))) }
  let buffer = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    let newline
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const [word, n, hash] = buffer.slice(0, newline).split(' ')
      buffer = buffer.slice(newline + 1)
      if (word === 'start') run.inFlight = { n: Number(n), hash: hash! }
      if (word === 'ack') {
        run.acked = { n: Number(n), hash: hash! }
        run.inFlight = undefined
        onAck(Number(n))
      }
    }
  })
  child.stderr!.on('data', (chunk: Buffer) => run.stderr.push(chunk.toString('utf8')))
  return run
}

describe('kill -9 during autosaves', () => {
  it(`leaves the last acknowledged or the in-flight save, whole, through ${KILLS} kills in ${TOTAL_SAVES} saves`, { timeout: slow(180_000) }, async () => {
    const seed = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000)
    const rand = random(seed)
    console.log(`kill -9 fault test: seed ${seed} (FAULT_SEED=${seed} replays it)`)

    const dir = await mkdtemp(join(tmpdir(), 'verdict-kill-'))
    const bundle = await mkdtemp(join(tmpdir(), 'verdict-kill-child-'))
    const { autosaver: script } = await bundledChildren(bundle, 'autosaver')
    const library = join(dir, 'library')
    const reviewDir = join(library, 'long-review')
    await mkdir(join(reviewDir, 'assets'), { recursive: true })
    const text = serializeReview(reviewMetaOf('A long review'), largeDocument(50_000))
    expect(text.includes(MARK)).toBe(true)
    const template = join(dir, 'template.md')
    await writeFile(template, text)
    await writeFile(join(reviewDir, 'review.md'), text.replace(MARK, 'The first text.'))

    let lastGood = sha256(await readFile(join(reviewDir, 'review.md')))
    let next = 0
    let kills = 0
    let runs = 0
    const outcomes = { acked: 0, inFlight: 0, tempsSeen: 0 }
    while (next < TOTAL_SAVES || kills < KILLS) {
      const killThis = kills < KILLS
      // Until the kills are done a run always has saves left to be killed in.
      const count = Math.max(TOTAL_SAVES - next, 50)
      // Every seventh run starts with a save through Library.save itself (slow: it serializes 50k words).
      const librarySaves = runs % 7 === 0 ? 1 : 0
      // Killed after a random number of acknowledged saves (0: while loading or in its first save), always before the end.
      const killAfter = Math.min(Math.floor(rand() * 1.5 * (TOTAL_SAVES / KILLS)), count - 1)
      const delay = rand() * 4
      let run: Run | undefined
      const killed = new Promise<void>((resolve) => {
        run = startChild(script, reviewDir, template, next, count, librarySaves, (n) => {
          if (killThis && n - next + 1 >= killAfter && !run!.child.killed) {
            setTimeout(() => {
              run!.child.kill('SIGKILL')
              resolve()
            }, delay)
          }
        })
        if (killThis && killAfter === 0) {
          // Killed before or during its first save (possibly while still loading).
          setTimeout(() => {
            run!.child.kill('SIGKILL')
            resolve()
          }, rand() * 400)
        }
        void run.exit.then(() => resolve())
      })
      await killed
      const code = await run!.exit
      runs++
      if (killThis && run!.child.signalCode === 'SIGKILL') kills++
      else if (code !== 0) throw new Error(`autosaver failed (${code}): ${run!.stderr.join('')}`)

      const bytes = await readFile(join(reviewDir, 'review.md'))
      const hash = sha256(bytes)
      const allowed = [run!.acked?.hash ?? lastGood, run!.inFlight?.hash].filter(Boolean)
      expect(allowed, `after run ${runs} (kill ${kills}) the file is neither the acknowledged nor the in-flight save`).toContain(hash)
      expect(() => parseReview(bytes, { title: '', created: '', updated: '' })).not.toThrow()
      if (hash === run!.inFlight?.hash) {
        outcomes.inFlight++
        next = run!.inFlight.n + 1
      } else {
        outcomes.acked++
        next = (run!.acked?.n ?? next - 1) + 1
      }
      lastGood = hash
      outcomes.tempsSeen += (await readdir(reviewDir)).filter((name) => name.startsWith(TEMP_PREFIX)).length
    }
    console.log(`kill -9 fault test: ${kills} kills in ${runs} runs; file was the acknowledged save ${outcomes.acked}×, the in-flight one ${outcomes.inFlight}×; ${outcomes.tempsSeen} temp files seen after kills`)
    expect(kills).toBe(KILLS)
    expect(next).toBeGreaterThanOrEqual(TOTAL_SAVES)
    expect((await readFile(join(reviewDir, 'review.md'), 'utf8')).includes(`Autosave number ${next - 1} of the long review.`)).toBe(true)

    // The boot step (as the app opens the library) removes what the kills left behind.
    const booted = await services(dir)
    expect(await tempFiles(library)).toEqual([])
    const opened = await booted.handlers.openReview({ id: 'long-review' })
    expect(opened).toMatchObject({ kind: 'editable', id: 'long-review' })
    booted.services.watcher.close()
    await rm(dir, { recursive: true, force: true })
    await rm(bundle, { recursive: true, force: true })
  })
})
