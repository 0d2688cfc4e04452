import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogFile } from '../../../src/main/desktop/logFile'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verdict-log-'))
})
afterEach(async () => rm(dir, { recursive: true, force: true }))

describe('main log file', () => {
  it('appends stamped lines, with an error’s stack', async () => {
    const log = createLogFile(join(dir, 'logs', 'main.log'), { now: () => new Date('2026-12-06T10:00:00Z') })
    log('Publish failed', new Error('socket hang up'))
    log('Second line')
    const text = await readFile(join(dir, 'logs', 'main.log'), 'utf8')
    // The stack's lines are indented under their message, so each entry starts with its stamp.
    expect(text).toMatch(/^2026-12-06T10:00:00\.000Z Publish failed Error: socket hang up\n {3,}at /)
    expect(text.endsWith('2026-12-06T10:00:00.000Z Second line\n')).toBe(true)
  })

  it('rotates by size and keeps only the newest files', async () => {
    const log = createLogFile(join(dir, 'main.log'), { maxBytes: 200, keep: 2 })
    for (let i = 0; i < 40; i++) log(`line ${i} ${'x'.repeat(40)}`)
    expect((await readdir(dir)).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log'])
    const newest = await readFile(join(dir, 'main.log'), 'utf8')
    expect(newest).toContain('line 39 ')
    expect(Buffer.byteLength(newest)).toBeLessThanOrEqual(200)
    expect(await readFile(join(dir, 'main.1.log'), 'utf8')).not.toContain('line 39 ')
  })
})
