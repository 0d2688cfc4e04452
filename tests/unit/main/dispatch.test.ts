import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { CHANNELS } from '../../../src/shared/contract'
import { createServices, shutdownServices, type Services } from '../../../src/main/container'
import { dispatch } from '../../../src/main/dispatch'
import { createHandlers } from '../../../src/main/routes'
import { createConfBackend } from '../../../src/main/services/settings/conf'
import { headlessPlatform } from '../../support/platform'
import { score } from '../../support/documents'

/** Each test's services, stopped after it: their timers (outbox, index) would outlive the test. */
const started: Services[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map(shutdownServices))
})

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'verdict-dispatch-'))
  // What the system folder dialog answers next.
  const next: { folder: string | null } = { folder: null }
  const services = await createServices({
    platform: { ...headlessPlatform(dir), pickFolder: async () => next.folder },
    settingsBackend: createConfBackend(join(dir, 'settings')),
    dataDir: join(dir, 'settings'),
    env: {},
  })
  started.push(services)
  const logged: string[] = []
  const log = { error: (m: string) => void logged.push(m) }
  return { dir, next, services, handlers: createHandlers(services), log, logged }
}

describe('dispatch', () => {
  it('boots the default library in Documents/Verdict with the welcome review and remembers it', async () => {
    const { dir, handlers, log } = await setup()
    const info = await dispatch(handlers, 'getLibrary', undefined, log)
    expect(info).toEqual({ ok: true, value: { path: join(dir, 'Verdict'), layout: { kind: 'verdict', content: '', frontMatter: 'yaml', keys: [] }, recent: [join(dir, 'Verdict')], exportDir: join(dir, 'Verdict Exports') } })
    const list = await dispatch(handlers, 'listReviews', undefined, log)
    expect(list.ok && list.value).toMatchObject([{ id: 'welcome-to-verdict', title: 'Welcome to Verdict' }])
  })

  it('rejects malformed payloads with a specific message and logs them', async () => {
    const { handlers, log, logged } = await setup()
    const result = await dispatch(handlers, 'openReview', { id: '../../etc' }, log)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(!result.ok && result.error.message).toMatch(/id: not a review folder name/)
    expect(logged.join('\n')).toMatch(/openReview/)
  })

  it('refuses a document with a node the format does not know as an invalid argument, writing nothing', async () => {
    const { handlers, log, services } = await setup()
    const created = await dispatch(handlers, 'createReview', { title: 'Heat' }, log)
    if (!created.ok) throw new Error(created.error.message)
    const opened = await services.libraries.current().open((created.value as { id: string }).id)
    if (opened.kind !== 'editable') throw new Error(opened.reason)
    const doc = { root: { type: 'root', children: [{ type: 'marquee', children: [] }] } }
    const result = await dispatch(handlers, 'saveReview', { id: opened.id, meta: opened.meta, doc, baseHash: opened.hash }, log)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/"marquee"/) } })
    expect((await services.libraries.current().open(opened.id)).kind === 'editable' && (await services.libraries.current().open(opened.id))).toMatchObject({ hash: opened.hash })
  })

  it('names the field of a block, sent whole or in a delta, that has the wrong type, writing nothing', async () => {
    const { handlers, log, services } = await setup()
    const created = await dispatch(handlers, 'createReview', { title: 'Heat' }, log)
    if (!created.ok) throw new Error(created.error.message)
    const opened = await services.libraries.current().open(created.value.id)
    if (opened.kind !== 'editable') throw new Error(opened.reason)
    const save = (doc: unknown) => dispatch(handlers, 'saveReview', { id: opened.id, meta: opened.meta, doc, baseHash: opened.hash }, log)
    const whole = await save({ root: { type: 'root', children: [{ ...score(), value: 9 }] } })
    expect(!whole.ok && whole.error).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'Invalid request to saveReview: doc.root.children.0.value: Invalid input: expected string, received number',
    })
    const delta = await save({ base: opened.base, blocks: [[0, 1], { ...score(), overall: 'yes' }] })
    expect(!delta.ok && delta.error).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'Invalid request to saveReview: doc.blocks.1.overall: Invalid input: expected boolean, received string',
    })
    expect(await services.libraries.current().open(opened.id)).toMatchObject({ hash: opened.hash })
  })

  it('switches library, creating the folder, and keeps the recent list', async () => {
    const { dir, next, handlers, log } = await setup()
    const other = join(dir, 'Other library')
    next.folder = other
    const picked = await dispatch(handlers, 'pickFolder', { purpose: 'library' }, log)
    expect(picked).toMatchObject({ ok: true, value: { path: other, token: expect.any(String) } })
    const switched = await dispatch(handlers, 'switchLibrary', { folder: picked.ok && (picked.value as { token: string }).token }, log)
    expect(switched).toMatchObject({ ok: true, value: { path: other, recent: [other, join(dir, 'Verdict')] } })
    expect(await readdir(other)).toEqual(['welcome-to-verdict'])
  })

  it('answers any fuzzed payload on any channel with an envelope and never writes outside the library', async () => {
    const { dir, handlers, log } = await setup()
    const before = (await readdir(dir)).sort()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS.filter((c) => c !== 'switchLibrary')), fc.anything(), async (channel, payload) => {
        const result = await dispatch(handlers, channel, payload, log)
        expect(typeof result.ok).toBe('boolean')
      }),
      { numRuns: 300 },
    )
    expect((await readdir(dir)).sort()).toEqual(before)
  })
})
