/**
 * Fuzzed IPC payloads on every channel: dispatch always answers with an envelope (never throws),
 * and nothing outside the library changes, even with links planted in the library that lead out.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CHANNELS, type Channel } from '../../src/shared/contract'
import { dispatch } from '../../src/main/dispatch'
import { RESOURCES, services, snapshotTree } from './helpers'
import { slow } from '../support/slow'

/**
 * Channels that write outside the library by design: export, to the folder exports went last.
 * Switching library and saving as need a token from a pick, which these fuzzed calls never get.
 */
const WRITES_ELSEWHERE_BY_DESIGN: Channel[] = ['exportReviews']

const hostileId = fc.oneof(
  fc.constantFrom(
    'welcome-to-verdict',
    'evil',
    '..',
    '.',
    '../outside',
    '.verdict',
    '.trash',
    'a/b',
    'a\\b',
    'nul\0byte',
    '%2e%2e',
    'CON',
    'x'.repeat(200),
    'x'.repeat(201),
    'welcome-to-verdict/../../outside',
  ),
  fc.string({ maxLength: 30 }),
)
const versionId = fc.oneof(
  fc.constantFrom('20261125T100000000Z-00000000', '../../outside/secret', '20261125T100000000Z-0000000/', '..', ''),
  fc.string({ maxLength: 40 }),
)
const meta = fc.oneof(
  { weight: 4, arbitrary: fc.record({
    title: fc.string({ maxLength: 40 }),
    author: fc.string({ maxLength: 20 }),
    date: fc.constantFrom('', '2026-11-25', '2026-11-25', '../x'),
    tags: fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 3 }),
    excerpt: fc.string({ maxLength: 40 }),
    status: fc.constantFrom('draft', 'ready', 'published'),
    created: fc.constantFrom('', '2026-11-25T10:00:00.000Z'),
    updated: fc.constantFrom('', '2026-11-25T10:00:00.000Z'),
    featuredImage: fc.constantFrom('assets/a.png', 'assets/a.png', 'assets/a.png', '../../outside/secret', '/etc/passwd'),
    extra: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
  }, { requiredKeys: ['title', 'author', 'date', 'tags', 'excerpt', 'status', 'created', 'updated', 'extra'] }) },
  { weight: 1, arbitrary: fc.anything() },
)
const text = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('---js\nglobalThis.__fuzzPwned = 1\n---', '![x](../../outside/secret)', '<img src=x onerror=alert(1)>'))
const doc = fc.oneof(
  { weight: 4, arbitrary: fc.record({
    root: fc.record({
      type: fc.constant('root'),
      children: fc.array(
        fc.oneof(
          fc.record({ type: fc.constant('paragraph'), children: fc.array(fc.record({ type: fc.constant('text'), text, format: fc.integer({ min: 0, max: 255 }) }), { maxLength: 3 }) }),
          fc.record({ type: fc.constantFrom('image', 'raw-block', 'embed', 'nope'), src: fc.constantFrom('assets/a.png', '../../outside/secret'), markdown: text, url: text }),
        ),
        { maxLength: 4 },
      ),
    }),
  }) },
  { weight: 1, arbitrary: fc.anything() },
)
/** The welcome review's hash until a fuzzed save replaces it: lets some saves through to the disk. */
const WELCOME_HASH = createHash('sha256').update(readFileSync(join(RESOURCES, 'welcome', 'review.md'))).digest('hex')
const hash = fc.oneof(fc.constant(WELCOME_HASH), fc.string({ maxLength: 70 }), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }))
const path = fc.oneof(fc.constantFrom('../outside/secret', '/', '', '.'), fc.string({ maxLength: 30 }))
/** Shaped like the tokens main hands out for picks, but never handed out. */
const token = fc.string({ unit: fc.constantFrom(...'abcXYZ019_-'), minLength: 16, maxLength: 64 })
const look = { theme: fc.constantFrom('classic', 'classic', '../x', 'nope'), colorScheme: fc.constantFrom('light', 'dark') }

/** Payloads shaped like each channel's argument (so they reach the handler), plus anything at all. */
const shapes: Partial<Record<Channel, fc.Arbitrary<unknown>>> = {
  createReview: fc.record({ title: fc.string({ maxLength: 40 }) }, { requiredKeys: [] }),
  openReview: fc.record({ id: hostileId }),
  saveReview: fc.record({ id: hostileId, meta, doc, baseHash: hash }),
  renameReview: fc.record({ id: hostileId, title: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('../../outside')) }),
  duplicateReview: fc.record({ id: hostileId }),
  trashReview: fc.record({ id: hostileId }),
  restoreReview: fc.record({ trashId: hostileId }),
  importImage: fc.record({ id: hostileId, fileName: fc.oneof(fc.constant('../../outside/x.png'), fc.string({ maxLength: 20 })), data: fc.uint8Array({ maxLength: 64 }) }),
  renderPreview: fc.record({ id: hostileId, meta, doc, ...look }),
  openInBrowser: fc.record({ id: hostileId, meta, doc, ...look }),
  importReview: fc.record({ file: fc.oneof(path, token) }),
  switchLibrary: fc.oneof(fc.record({ folder: fc.oneof(path, token) }), fc.record({ recent: path })),
  saveReviewAs: fc.record({ id: hostileId, meta, doc, folder: fc.oneof(path, token) }),
  pickFile: fc.record({ purpose: fc.constantFrom('import', 'library'), extensions: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }) }),
  updateSettings: fc.record({ author: fc.string({ maxLength: 20 }), libraryPath: path, exportDir: path }, { requiredKeys: [] }),
  listVersions: fc.record({ id: hostileId }),
  readVersion: fc.record({ id: hostileId, versionId }),
  restoreVersion: fc.record({ id: hostileId, versionId }),
  snapshotReview: fc.record({ id: hostileId, reason: fc.constantFrom('manual', 'publish', 'restore', 'x') }),
  journalDraft: fc.record({ id: hostileId, meta, doc, baseHash: hash }),
  clearDraft: fc.record({ id: hostileId }),
  readRecovered: fc.record({ id: hostileId }),
  discardRecovered: fc.record({ id: hostileId }),
  watchReview: fc.record({ id: hostileId, hash }),
  unwatchReview: fc.record({ id: hostileId }),
}

const channels = CHANNELS.filter((c) => !WRITES_ELSEWHERE_BY_DESIGN.includes(c))
const call = fc.constantFrom(...channels).chain((channel) =>
  fc.tuple(fc.constant(channel), shapes[channel] ? fc.oneof({ weight: 3, arbitrary: shapes[channel] }, { weight: 1, arbitrary: fc.anything() }) : fc.anything()),
)

async function fuzz(plant: (library: string, outside: string) => Promise<void>, numRuns: number): Promise<void> {
  const env = await services()
  const outside = join(env.dir, 'outside')
  await mkdir(outside)
  await writeFile(join(outside, 'secret'), 'not the library’s')
  await writeFile(join(outside, '20261125T100000000Z-00000000.md'), 'not a version')
  await plant(env.library, outside)
  // Everything but the library itself and the settings (which updateSettings writes by design).
  const skip = (rel: string) => rel === 'library' || rel.startsWith(`library${'/'}`) || rel.startsWith('library\\') || rel.startsWith('settings')
  const before = await snapshotTree(env.dir, skip)
  try {
    await fc.assert(
      fc.asyncProperty(call, async ([channel, payload]) => {
        const result = await dispatch(env.handlers, channel, payload, env.log)
        if (process.env.FUZZ_STATS) console.log('fuzz', channel, result.ok ? 'ok' : `${result.error.code} ${result.error.message.slice(0, 300)}`)
        expect(typeof result.ok).toBe('boolean')
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0)
      }),
      { numRuns, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    )
    await env.services.journal.idle()
  } finally {
    env.services.watcher.close()
  }
  expect(await snapshotTree(env.dir, skip)).toEqual(before)
  expect((globalThis as { __fuzzPwned?: unknown }).__fuzzPwned).toBeUndefined()
  // Settings stay inside their own folder; the library folder is still a folder inside the parent.
  expect([...(await snapshotTree(env.dir)).keys()].filter((rel) => !skip(rel) && !before.has(rel))).toEqual([])
}

describe('fuzzed IPC payloads', () => {
  it('every channel answers with an envelope and changes nothing outside the library', { timeout: slow(120_000) }, async () => {
    await fuzz(async (library, outside) => {
      await symlink(outside, join(library, 'evil'))
    }, 1500)
  })

  it('also when the library’s own .verdict folder is a link leading out', { timeout: slow(60_000) }, async () => {
    await fuzz(async (library, outside) => {
      await symlink(outside, join(library, '.verdict'))
    }, 400)
  })
})
