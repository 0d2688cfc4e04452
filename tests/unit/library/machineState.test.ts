// Each machine's own state of a library (caches, drafts, locks) lives in its app data, not in the library.
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createServices, shutdownServices, type Services } from '../../../src/main/container'
import { machineStateDir } from '../../../src/main/services/fs/machineState'
import { createConfBackend } from '../../../src/main/services/settings/conf'
import { headlessPlatform } from '../../support/platform'
import { paragraphs } from '../../support/workbench'

const started: Array<{ services: Services; dir: string }> = []
afterEach(async () => {
  for (const { services, dir } of started.splice(0)) {
    await shutdownServices(services)
    await rm(dir, { recursive: true, force: true })
  }
})

/** The app's services on `library`, with `data` as the app's data folder. */
async function app(dir: string, library: string, data: string): Promise<Services> {
  // A clock a minute ahead: no file counts as written within the clock's granularity, so the index keeps every row.
  const now = () => new Date(Date.now() + 60_000)
  const services = await createServices({ platform: headlessPlatform(library), settingsBackend: createConfBackend(data), dataDir: data, env: { VERDICT_LIBRARY: library }, now })
  started.push({ services, dir })
  return services
}

const draftFile = (id: string, text: string) =>
  JSON.stringify({
    format: 'verdict-draft',
    version: 1,
    id,
    at: '2026-12-01T10:00:00.000Z',
    meta: { title: 'Heat', author: 'Ana', date: '2026-12-01', tags: [], excerpt: '', status: 'draft', created: '2026-12-01T09:00:00.000Z', updated: '2026-12-01T09:00:00.000Z', extra: {} },
    doc: paragraphs(text),
    baseHash: '',
  })

describe("this machine's state of a library", () => {
  it('keeps the index, search index, drafts and locks in the app data, and the library holds none of them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verdict-state-'))
    const library = join(dir, 'library')
    // Written long ago: a row the index keeps (one written within the clock's granularity is read again instead).
    const id = 'heat'
    await mkdir(join(library, id), { recursive: true })
    await writeFile(join(library, id, 'review.md'), '---\ntitle: Heat\n---\n\nSaved text.\n')
    await utimes(join(library, id, 'review.md'), new Date(0), new Date(0))
    const services = await app(dir, library, join(dir, 'data'))
    const opened = await services.libraries.current().open(id)
    if (opened.kind !== 'editable') throw new Error(opened.reason)
    await services.journal.journal(id, { meta: opened.meta, doc: paragraphs('typed, not saved'), baseHash: opened.hash })
    await services.libraries.current().list()
    expect(await services.libraries.current().flushIndex()).toBeUndefined()
    expect(await services.libraries.current().flushSearch()).toBeUndefined()

    const state = await machineStateDir(join(dir, 'data'), library)
    expect(services.libraries.current().stateDir).toBe(state)
    expect((await readdir(state)).sort()).toEqual(['index.json', 'locks', 'recovery', 'search.json'])
    expect(await readdir(join(state, 'recovery'))).toEqual([`${id}.json`])
    const shared = await readdir(join(library, '.verdict')).catch(() => [])
    for (const name of ['index.json', 'search.json', 'recovery', 'locks']) expect(shared).not.toContain(name)
  })

  it('adopts what an older version left in the library once, then leaves later arrivals there alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verdict-state-'))
    const library = join(dir, 'library')
    await mkdir(join(library, 'heat'), { recursive: true })
    await writeFile(join(library, 'heat', 'review.md'), '---\ntitle: Heat\n---\n\nSaved text.\n')
    await mkdir(join(library, '.verdict', 'recovery'), { recursive: true })
    await writeFile(join(library, '.verdict', 'recovery', 'heat.json'), draftFile('heat', 'the draft of the last crash'))
    await writeFile(join(library, '.verdict', 'index.json'), '{"format":"verdict-library-index","version":1,"entries":{}}')
    await writeFile(join(library, '.verdict', 'keep.txt'), 'not the app state: stays')

    const services = await app(dir, library, join(dir, 'data'))
    expect((await services.journal.list()).map((draft) => draft.id)).toEqual(['heat'])
    expect((await services.journal.read('heat')).doc).toEqual(paragraphs('the draft of the last crash'))
    expect((await readdir(join(library, '.verdict'))).sort()).toEqual(['keep.txt', 'recovery'])
    expect(await readdir(join(library, '.verdict', 'recovery'))).toEqual([])
    const state = services.libraries.current().stateDir
    expect(await readFile(join(state, 'index.json'), 'utf8')).toContain('verdict-library-index')

    // Another machine running an older version drops a draft into the synced library later: not ours.
    await writeFile(join(library, '.verdict', 'recovery', 'heat.json'), draftFile('heat', "the other machine's draft"))
    await services.libraries.switchTo(library)
    expect((await services.journal.read('heat')).doc).toEqual(paragraphs('the draft of the last crash'))
  })
})
