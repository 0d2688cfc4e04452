/**
 * Damaged and hostile review files: opening (and listing) them never crashes, never runs code,
 * answers read-only with a message that says what is wrong, and leaves the file byte-identical.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/dispatch'
import { services, sha256 } from './helpers'

const HEADER = '---\ntitle: Damaged\n---\n\n'
/** What the hostile front matter would create if any of it ran. */
const PWNED = join(tmpdir(), `verdict-pwned-${process.pid}`)

/**
 * How each opens: read-only with a reason matching the pattern, or `'as text'`: an unclosed
 * opening `---` is the body's own text (a rule, then words) and opens editable, as other Markdown
 * tools read it. Nothing in any of them runs.
 */
const cases: Array<[string, () => Buffer, RegExp | 'as text']> = [
  ['empty', () => Buffer.alloc(0), /empty/],
  ['NUL-filled', () => Buffer.alloc(64 * 1024), /NUL bytes/],
  ['truncated front matter', () => Buffer.from('---\ntitle: Heat\nauthor: Ana\ntags:\n  - cri'), 'as text'],
  ['invalid UTF-8', () => Buffer.concat([Buffer.from(HEADER), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80])]), /not valid UTF-8/],
  ['50 MB', () => Buffer.concat([Buffer.from(HEADER), Buffer.alloc(50 * 1024 * 1024, 'The review goes on. ')]), /50\.0 MB, more than the 2\.0 MB/],
  [
    'YAML alias bomb',
    () => {
      const lines = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
      for (let i = 1; i < 10; i++) {
        const prev = String.fromCharCode(96 + i)
        const next = String.fromCharCode(97 + i)
        lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`)
      }
      return Buffer.from(`${lines.join('\n')}\ntitle: boom\n---\n\nBody\n`)
    },
    /front matter cannot be read/,
  ],
  [
    '---js block',
    () => Buffer.from(`---js\nglobalThis.__verdictPwned = true; require("child_process").execSync("touch ${PWNED}")\n---\n\nBody\n`),
    /must start with a line of exactly "---" \(YAML\) or "\+\+\+" \(TOML\), not "---js"/,
  ],
  [
    '---javascript block with a module.exports',
    () => Buffer.from('---javascript\nmodule.exports = { title: (globalThis.__verdictPwned = true) }\n---\n'),
    /not "---javascript"/,
  ],
  ['custom YAML tags', () => Buffer.from('---\ntitle: !!js/function "function(){ globalThis.__verdictPwned = true }"\nx: !!binary aGk=\n---\n\nBody\n'), /./],
]

/** Test folders to remove afterwards (one case writes 50 MB). */
const made: Array<Awaited<ReturnType<typeof services>>> = []
async function setup() {
  const env = await services()
  made.push(env)
  return env
}
afterEach(async () => {
  for (const env of made.splice(0)) {
    env.services.watcher.close()
    await rm(env.dir, { recursive: true, force: true })
  }
})

describe('opening damaged or hostile review files', () => {
  it.each(cases)('%s: read-only with a message or plain text, nothing runs, the file is untouched', async (_name, make, reason) => {
    const { library, handlers, log, logged } = await setup()
    const id = 'damaged'
    await mkdir(join(library, id, 'assets'), { recursive: true })
    const path = join(library, id, 'review.md')
    const bytes = make()
    await writeFile(path, bytes)
    const before = sha256(bytes)

    const opened = await dispatch(handlers, 'openReview', { id }, log)
    expect(opened.ok, JSON.stringify(logged)).toBe(true)
    const value = (opened as { value: { kind: string; reason?: string; raw?: string } }).value
    if (reason === 'as text') {
      expect(value.kind).toBe('editable')
    } else if (_name === 'custom YAML tags') {
      // Unknown tags construct nothing: either refused, or read as plain strings.
      expect(['read-only', 'editable']).toContain(value.kind)
    } else {
      expect(value.kind).toBe('read-only')
      expect(value.reason).toMatch(reason)
      expect(value.raw!.length).toBeLessThanOrEqual(Math.max(bytes.length, 64 * 1024))
    }
    const listed = await dispatch(handlers, 'listReviews', undefined, log)
    expect(listed.ok).toBe(true)
    const row = (listed as { value: Array<{ id: string; problem?: string }> }).value.find((r) => r.id === id)
    expect(row).toBeDefined()
    if (value.kind === 'read-only') expect(row!.problem).toBeTruthy()

    // Watching, history and recovery cope with the file too.
    expect((await dispatch(handlers, 'watchReview', { id, hash: before }, log)).ok).toBe(true)
    expect((await dispatch(handlers, 'snapshotReview', { id, reason: 'manual' }, log)).ok).toBe(true)
    expect((await dispatch(handlers, 'listVersions', { id }, log)).ok).toBe(true)
    expect((await dispatch(handlers, 'listRecovered', undefined, log)).ok).toBe(true)
    await dispatch(handlers, 'unwatchReview', { id }, log)

    expect((globalThis as { __verdictPwned?: unknown }).__verdictPwned).toBeUndefined()
    expect(existsSync(PWNED)).toBe(false)
    expect(sha256(await readFile(path))).toBe(before)
  })

  it('refuses to save over a file it could only show read-only', async () => {
    const { library, handlers, log } = await setup()
    await mkdir(join(library, 'damaged'), { recursive: true })
    const path = join(library, 'damaged', 'review.md')
    await writeFile(path, '---\ntitle: x\n')
    const before = await readFile(path)
    const saved = await dispatch(
      handlers,
      'saveReview',
      {
        id: 'damaged',
        meta: { title: 'x', author: '', date: '', tags: [], excerpt: '', status: 'draft', created: '', updated: '', extra: {} },
        doc: { root: { type: 'root', children: [] } },
        baseHash: '',
      },
      log,
    )
    expect(saved).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await readFile(path)).toEqual(before)
  })
})
