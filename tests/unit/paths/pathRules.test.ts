/**
 * Paths only from main's own pickers, through the real handler table and services: the channels
 * that reach outside the library take a token for a path the picker returned, a library cannot be a
 * system folder, the home folder, the app or its parents, and every review id names a real review
 * folder whose review.md stays inside the library.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type Channel, type Envelope, VerdictError } from '../../../src/shared/contract'
import { createServices, shutdownServices, type Services } from '../../../src/main/container'
import { dispatch } from '../../../src/main/dispatch'
import { createHandlers } from '../../../src/main/routes'
import { GRANT_LIFETIME_MS, PathGrants } from '../../../src/main/services/paths/grants'
import { checkLibraryFolder } from '../../../src/main/services/paths/libraryFolder'
import { createConfBackend } from '../../../src/main/services/settings/conf'

const APP_DIR = join(import.meta.dirname, '../../..')
const dirs: string[] = []
const started: Services[] = []

// Services stopped before their folders go: their timers (outbox, index) would outlive the test.
afterEach(async () => {
  await Promise.all(started.splice(0).map(shutdownServices))
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'verdict-paths-'))
  dirs.push(dir)
  const home = join(dir, 'home')
  await mkdir(home)
  // What the "system dialog" answers next.
  const next: { folder: string | null; file: string | null } = { folder: null, file: null }
  const services: Services = await createServices({
    platform: {
      documentsDir: join(home, 'Documents'),
      resourcesDir: join(APP_DIR, 'resources'),
      blocksDir: join(APP_DIR, 'src', 'blocks'),
      appDir: APP_DIR,
      homeDir: home,
      pickFolder: async () => next.folder,
      pickFile: async () => next.file,
      openPath: async () => {},
      openExternal: async () => {},
      assetUrl: (id: string, path: string) => `/__asset/${id}/${path}`,
      printer: { print: async () => Promise.reject(new VerdictError('INTERNAL', 'no printing in these tests')) },
    },
    settingsBackend: createConfBackend(join(dir, 'settings')),
    dataDir: join(dir, 'settings'),
    env: {},
  })
  started.push(services)
  const handlers = createHandlers(services)
  const call = async (channel: Channel, args?: unknown): Promise<Envelope<unknown>> => dispatch(handlers, channel, args, { error: () => {} })
  const value = async <T>(channel: Channel, args?: unknown): Promise<T> => {
    const envelope = await call(channel, args)
    if (!envelope.ok) throw new VerdictError(envelope.error.code, envelope.error.message)
    return envelope.value as T
  }
  /** The token main hands out for a folder the user picked in its dialog. */
  const pickFolder = async (path: string, purpose = 'library'): Promise<string> => {
    next.folder = path
    return (await value<{ token: string; path: string }>('pickFolder', { purpose })).token
  }
  const pickFile = async (path: string): Promise<string> => {
    next.file = path
    return (await value<{ token: string }>('pickFile', { purpose: 'import', extensions: ['md', 'zip'] })).token
  }
  const library = () => services.libraries.current().root
  return { dir, home, services, call, value, pickFolder, pickFile, library }
}

const refused = (envelope: Envelope<unknown>, code: string, message?: RegExp) => {
  expect(envelope).toMatchObject({ ok: false, error: { code } })
  if (message) expect(!envelope.ok && envelope.error.message).toMatch(message)
}

describe('channels that reach outside the library take tokens from main’s pickers, never paths', () => {
  it('refuses path strings on switchLibrary, importReview, exportReviews and saveReviewAs', async () => {
    const t = await setup()
    const before = await readdir(t.library())
    refused(await t.call('switchLibrary', { path: '..' }), 'INVALID_ARGUMENT')
    refused(await t.call('importReview', { path: '/etc/passwd' }), 'INVALID_ARGUMENT')
    const opened = await t.services.libraries.current().open('welcome-to-verdict')
    if (opened.kind !== 'editable') throw new Error(opened.reason)
    refused(await t.call('saveReviewAs', { id: opened.id, meta: opened.meta, doc: opened.doc, destDir: t.dir }), 'INVALID_ARGUMENT')
    refused(await t.call('exportReviews', { ids: [opened.id], format: 'markdown', destDir: t.dir, theme: 'classic', colorScheme: 'light', pageSize: 'A4', marginsMm: 10 }), 'INVALID_ARGUMENT')
    // A token must come from a pick: a path in its place is not one, a made-up one names nothing.
    for (const folder of ['..', '/etc', t.dir]) refused(await t.call('switchLibrary', { folder }), 'INVALID_ARGUMENT', /not a picked folder/)
    refused(await t.call('importReview', { file: '/etc/passwd' }), 'INVALID_ARGUMENT', /not a picked folder/)
    refused(await t.call('switchLibrary', { folder: 'a'.repeat(32) }), 'INVALID_ARGUMENT', /choose again/)
    expect(await readdir(t.library())).toEqual(before)
    expect(await readdir(t.dir)).toEqual(['home', 'settings'])
  })

  it('imports, exports and saves as only where the user picked, each token for its own purpose', async () => {
    const t = await setup()
    const source = join(t.dir, 'outside.md')
    await writeFile(source, '---\ntitle: Heat\n---\n\nA picked file.\n')
    const imported = await t.value<{ id: string }>('importReview', { file: await t.pickFile(source) })
    expect(imported.id).toBe('heat')

    const exports = join(t.dir, 'exports')
    await mkdir(exports)
    // A folder picked to be the library is not a place to export to.
    refused(await t.call('exportReviews', { ids: ['heat'], format: 'markdown', folder: await t.pickFolder(exports, 'library'), theme: 'classic', colorScheme: 'light', pageSize: 'A4', marginsMm: 10 }), 'INVALID_ARGUMENT')
    const summary = await t.value<{ succeeded: unknown[] }>('exportReviews', { ids: ['heat'], format: 'markdown', folder: await t.pickFolder(exports, 'export'), theme: 'classic', colorScheme: 'light', pageSize: 'A4', marginsMm: 10 })
    expect(summary.succeeded).toHaveLength(1)
    expect(await readdir(exports)).toEqual(['heat.zip'])
    // Remembered by main, for the next export without a pick.
    expect((await t.value<{ exportDir: string }>('getLibrary')).exportDir).toBe(exports)

    const rescue = join(t.dir, 'rescue')
    await mkdir(rescue)
    const opened = await t.services.libraries.current().open('heat')
    if (opened.kind !== 'editable') throw new Error(opened.reason)
    const saved = await t.value<{ path: string }>('saveReviewAs', { id: 'heat', meta: opened.meta, doc: opened.doc, folder: await t.pickFolder(rescue, 'save-as') })
    expect(dirname(dirname(saved.path))).toBe(rescue)
  })

  it('tokens are unguessable, single-purpose and expire', () => {
    let now = 0
    const grants = new PathGrants(() => now)
    const token = grants.grant('/home/ana/Reviews', 'library')
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(grants.grant('/home/ana/Reviews', 'library')).not.toBe(token)
    expect(grants.redeem(token, 'library')).toBe('/home/ana/Reviews')
    expect(() => grants.redeem(token, 'export')).toThrow(/choose again/)
    now += GRANT_LIFETIME_MS
    expect(() => grants.redeem(token, 'library')).toThrow(/choose again/)
  })

  it('switches only to a recent library main remembers, not to a path named as one', async () => {
    const t = await setup()
    const first = t.library()
    const second = join(t.dir, 'second')
    await t.value('switchLibrary', { folder: await t.pickFolder(second) })
    expect(t.library()).toBe(second)
    refused(await t.call('switchLibrary', { recent: join(t.dir, 'never-picked') }), 'INVALID_ARGUMENT')
    refused(await t.call('switchLibrary', { recent: '/etc' }), 'INVALID_ARGUMENT')
    refused(await t.call('updateSettings', { recentLibraries: ['/etc'] }), 'INVALID_ARGUMENT')
    refused(await t.call('updateSettings', { libraryPath: '/etc' }), 'INVALID_ARGUMENT')
    await t.value('switchLibrary', { recent: first })
    expect(t.library()).toBe(first)
  })
})

describe('a library folder', () => {
  it('is never the app’s folder, one of its parents, the home folder itself or a system folder', async () => {
    const t = await setup()
    const before = t.library()
    const refusedFolders = [APP_DIR, join(APP_DIR, 'src'), join(APP_DIR, 'new-library'), dirname(APP_DIR), '/', t.home, '/etc', '/usr/share/doc', '/proc/self', '/tmp', '/home', '/var']
    for (const folder of refusedFolders) {
      refused(await t.call('switchLibrary', { folder: await t.pickFolder(folder) }), 'INVALID_ARGUMENT', /cannot be a library/)
    }
    expect(t.library()).toBe(before)
    // A folder of the user's own, new or existing, is fine.
    await t.value('switchLibrary', { folder: await t.pickFolder(join(t.home, 'Reviews', 'Films')) })
    expect(await readdir(join(t.home, 'Reviews', 'Films'))).toEqual(['welcome-to-verdict'])
  })

  it('is judged by where it really is: a symlink to a refused folder is refused, one to a folder of the user’s is followed', async () => {
    const t = await setup()
    await symlink('/etc', join(t.home, 'innocent'))
    await symlink(APP_DIR, join(t.home, 'app-link'))
    await symlink(t.home, join(t.dir, 'home-link'))
    for (const link of ['innocent', 'app-link']) {
      refused(await t.call('switchLibrary', { folder: await t.pickFolder(join(t.home, link, 'library')) }), 'INVALID_ARGUMENT', /cannot be a library/)
    }
    refused(await t.call('switchLibrary', { folder: await t.pickFolder(join(t.dir, 'home-link')) }), 'INVALID_ARGUMENT', /home folder/)
    await mkdir(join(t.home, 'real-library'))
    await symlink(join(t.home, 'real-library'), join(t.home, 'shortcut'))
    const info = await t.value<{ path: string }>('switchLibrary', { folder: await t.pickFolder(join(t.home, 'shortcut')) })
    expect(info.path).toBe(join(t.home, 'real-library'))
  })

  it('must be a full path: relative, NUL-bearing and overlong picks are refused', async () => {
    const rules = { appDir: APP_DIR, homeDir: '/home/ana', platform: 'linux' as const }
    for (const path of ['..', 'Documents', './x', '/home/ana/lib\0rary']) {
      await expect(checkLibraryFolder(path, rules), JSON.stringify(path)).rejects.toThrow(/not a full folder path/)
    }
    await expect(checkLibraryFolder(`/home/ana/${'x'.repeat(300)}`, rules)).resolves.toBe(`/home/ana/${'x'.repeat(300)}`)
    const t = await setup()
    refused(await t.call('switchLibrary', { folder: await t.pickFolder(join(t.home, 'x'.repeat(300))) }), 'IO', /name too long|ENAMETOOLONG/i)
  })

  it('refuses Windows system folders and the drive itself', async () => {
    const rules = { appDir: 'C:\\Program Files\\Verdict', homeDir: 'C:\\Users\\ana', platform: 'win32' as const }
    if (process.platform !== 'win32') return // Windows paths resolve only on Windows.
    for (const path of ['C:\\', 'C:\\Windows\\Temp', 'C:\\Users', 'C:\\Users\\ana']) await expect(checkLibraryFolder(path, rules)).rejects.toThrow(/cannot be a library/)
  })
})

describe('review ids', () => {
  it('name only real review folders inside the library', async () => {
    const t = await setup()
    const root = t.library()
    // A folder that is not a review (the Documents), and one beside the library.
    await mkdir(join(root, 'Documents'))
    await writeFile(join(root, 'Documents', 'taxes.pdf'), 'precious')
    await mkdir(join(t.dir, 'outside'))
    await writeFile(join(t.dir, 'outside', 'review.md'), '---\ntitle: Outside\n---\n\nNot in the library.\n')
    await symlink(join(t.dir, 'outside'), join(root, 'linked-folder'))
    for (const channel of ['trashReview', 'openReview', 'renameReview', 'duplicateReview', 'snapshotReview'] as const) {
      refused(await t.call(channel, { id: 'Documents', ...(channel === 'renameReview' ? { title: 'x' } : channel === 'snapshotReview' ? { reason: 'manual' } : {}) }), 'NOT_FOUND', /not a review/)
    }
    expect(await readFile(join(root, 'Documents', 'taxes.pdf'), 'utf8')).toBe('precious')
    refused(await t.call('openReview', { id: 'linked-folder' }), 'OUTSIDE_LIBRARY')
    refused(await t.call('trashReview', { id: 'linked-folder' }), 'OUTSIDE_LIBRARY')
    for (const id of ['..', '../outside', '.trash', 'a\0b', 'a/b', 'a\\b', 'x'.repeat(201), '']) {
      refused(await t.call('openReview', { id }), 'INVALID_ARGUMENT')
    }
    // %2e%2e arrives undecoded: it is a name like any other, and no review has it.
    for (const id of ['%2e%2e', '%2e%2e%2foutside']) refused(await t.call('openReview', { id }), 'NOT_FOUND')
    expect(await readdir(join(t.dir, 'outside'))).toEqual(['review.md'])
  })

  it('never follow a review.md symlink out of the library: not opened, listed, saved over or trashed through', async () => {
    const t = await setup()
    const root = t.library()
    const secret = join(t.dir, 'id_rsa')
    await writeFile(secret, '-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n')
    await mkdir(join(root, 'stolen'))
    await symlink(secret, join(root, 'stolen', 'review.md'))
    refused(await t.call('openReview', { id: 'stolen' }), 'OUTSIDE_LIBRARY')
    const welcome = await t.services.libraries.current().open('welcome-to-verdict')
    if (welcome.kind !== 'editable') throw new Error(welcome.reason)
    refused(await t.call('saveReview', { id: 'stolen', meta: welcome.meta, doc: welcome.doc, baseHash: welcome.hash }), 'OUTSIDE_LIBRARY')
    refused(await t.call('trashReview', { id: 'stolen' }), 'OUTSIDE_LIBRARY')
    const rows = await t.value<Array<{ id: string; title: string; excerpt: string }>>('listReviews')
    expect(JSON.stringify(rows)).not.toContain('PRIVATE KEY')
    expect(await readFile(secret, 'utf8')).toContain('secret')

    // A link inside the library (one review's file shown under two names) is the library's own.
    await mkdir(join(root, 'alias'))
    await symlink(join(root, 'welcome-to-verdict', 'review.md'), join(root, 'alias', 'review.md'))
    expect(await t.value<{ kind: string }>('openReview', { id: 'alias' })).toMatchObject({ kind: 'editable' })
  })
})
