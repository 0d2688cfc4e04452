/**
 * Paths the system hands over (file association, command line, a drop on the window): which path of
 * a command line is a file, what each path opens, the refusals, and the queue that holds paths until
 * the renderer listens. Real libraries and files in a temp folder, the real services and handlers.
 */
import { mkdir, mkdtemp, readdir, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { VerdictError, type AppEvent, type OpenRequest } from '../../../src/shared/contract'
import { createServices, shutdownServices, type Services } from '../../../src/main/container'
import { decideOpen, OpenRequests, pathsFromArgv, type OpenContext } from '../../../src/main/desktop/openRequests'
import { dispatch } from '../../../src/main/dispatch'
import { createHandlers } from '../../../src/main/routes'
import { PathGrants } from '../../../src/main/services/paths/grants'
import { createConfBackend } from '../../../src/main/services/settings/conf'
import { headlessPlatform } from '../../support/platform'

const APP_DIR = resolve(import.meta.dirname, '../../..')
const dirs: string[] = []
const started: Services[] = []

afterEach(async () => {
  await Promise.all(started.splice(0).map(shutdownServices))
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

const REVIEW = '---\ntitle: The Seventh Seal\n---\n\nDeath plays chess.\n'

/** A temp folder with a home folder, the library in use and another library Verdict has used (its `.verdict/`). */
async function disk() {
  const dir = await mkdtemp(join(tmpdir(), 'verdict-open-'))
  dirs.push(dir)
  const home = join(dir, 'home')
  const current = join(home, 'Verdict')
  const other = join(home, 'Old library')
  for (const folder of [join(current, 'seventh-seal'), join(other, 'wild-strawberries'), join(other, '.verdict')]) await mkdir(folder, { recursive: true })
  await writeFile(join(current, 'seventh-seal', 'review.md'), REVIEW)
  await writeFile(join(other, 'wild-strawberries', 'review.md'), '---\ntitle: Wild Strawberries\n---\n\nA long drive.\n')
  const context: OpenContext = { knownLibraries: [current], folderRules: { appDir: APP_DIR, homeDir: home } }
  return { dir, home, current, other, context }
}

const refusal = async (path: string, context: OpenContext): Promise<string> => {
  const decision = await decideOpen(path, context)
  if (decision.kind !== 'refused') throw new Error(`expected a refusal, got ${decision.kind}`)
  return decision.message
}

describe('the paths on a command line', () => {
  it('packaged: every word after the program that is not a switch, relative to the working folder', () => {
    const argv = ['/opt/Verdict/verdict', '--no-sandbox', 'notes/review.md', '--allow-file-access-from-files', '/srv/Film reviews/', '-psn_0_24582']
    expect(pathsFromArgv(argv, { defaultApp: false, cwd: '/home/ana' })).toEqual(['/home/ana/notes/review.md', '/srv/Film reviews'])
    expect(pathsFromArgv(['/opt/Verdict/verdict'], { defaultApp: false, cwd: '/home/ana' })).toEqual([])
  })

  it('development: `electron <app>` leaves out the app path (“.” too), and Chromium’s switches with values', () => {
    const argv = ['/x/node_modules/electron/dist/electron', '.', '--no-sandbox', '--original-process-start-time=13389', 'review.md']
    expect(pathsFromArgv(argv, { defaultApp: true, cwd: '/home/ana/films' })).toEqual(['/home/ana/films/review.md'])
    expect(pathsFromArgv(['/x/electron', '/home/ana/verdict', '--inspect=9229'], { defaultApp: true, cwd: '/' })).toEqual([])
  })

  it('file URLs (a Linux desktop entry’s %U) become paths; other URLs are left out; after “--” a dash is a name', () => {
    const file = pathToFileURL('/home/ana/My reviews/notes.md').href
    const argv = ['/opt/Verdict/verdict', file, 'https://example.com/x.md', '--', '-draft.md']
    expect(pathsFromArgv(argv, { defaultApp: false, cwd: '/home/ana' })).toEqual(['/home/ana/My reviews/notes.md', '/home/ana/-draft.md'])
  })
})

describe('what a handed-over path opens', () => {
  it('a review.md of the library in use, or its folder, opens that review', async () => {
    const { current, context } = await disk()
    const review = { kind: 'review', root: current, id: 'seventh-seal', file: join(current, 'seventh-seal', 'review.md') }
    expect(await decideOpen(join(current, 'seventh-seal', 'review.md'), context)).toEqual(review)
    // A path with `..` in it is the same file.
    expect(await decideOpen(join(current, 'seventh-seal', '..', 'seventh-seal'), context)).toEqual(review)
  })

  it('a review of another library (recent, or with Verdict’s own folder) opens in that library', async () => {
    const { other, context } = await disk()
    const expected = { kind: 'review', root: other, id: 'wild-strawberries', file: join(other, 'wild-strawberries', 'review.md') }
    expect(await decideOpen(join(other, 'wild-strawberries', 'review.md'), context)).toEqual(expected)
    await rm(join(other, '.verdict'), { recursive: true })
    expect(await decideOpen(join(other, 'wild-strawberries', 'review.md'), { ...context, knownLibraries: [...context.knownLibraries, other] })).toEqual(expected)
  })

  it('a library folder opens as the library, even one copied without `.verdict/`', async () => {
    const { dir, other, context } = await disk()
    expect(await decideOpen(other, context)).toEqual({ kind: 'library', root: other })
    const copied = join(dir, 'copied')
    await mkdir(join(copied, 'persona'), { recursive: true })
    await writeFile(join(copied, 'persona', 'review.md'), REVIEW)
    expect(await decideOpen(copied, context)).toEqual({ kind: 'library', root: copied })
  })

  it('a .zip bundle is imported (checked to be a zip, whatever its name’s case)', async () => {
    const { dir, context } = await disk()
    const bundle = join(dir, 'Persona.ZIP')
    await writeFile(bundle, zipSync({ 'review.md': new TextEncoder().encode(REVIEW) }))
    expect(await decideOpen(bundle, context)).toEqual({ kind: 'bundle', file: bundle })
    const fake = join(dir, 'fake.zip')
    await writeFile(fake, '# not a zip')
    expect(await refusal(fake, context)).toBe('Verdict cannot open “fake.zip”: it is not a zip archive, though its name ends in .zip.')
  })

  it('a loose Markdown file: a choice, to import it or (a review.md in its own folder) to open it where it is', async () => {
    const { dir, context } = await disk()
    const notes = join(dir, 'notes.markdown')
    await writeFile(notes, '# Notes\n')
    expect(await decideOpen(notes, context)).toEqual({
      kind: 'markdown',
      file: notes,
      notInPlace: 'Only a review.md in a folder of its own can be opened where it is; this file can be imported as a copy.',
    })
    const loose = join(dir, 'shared', 'hour-of-the-wolf', 'review.md')
    await mkdir(join(dir, 'shared', 'hour-of-the-wolf'), { recursive: true })
    await writeFile(loose, REVIEW)
    expect(await decideOpen(loose, context)).toEqual({ kind: 'markdown', file: loose, inPlace: { root: join(dir, 'shared'), id: 'hour-of-the-wolf' } })
  })

  it('a link opens what it points to; a review.md whose folder may not be a library is not opened there', async () => {
    const { dir, home, current, context } = await disk()
    const shortcut = join(dir, 'shortcut.md')
    await symlink(join(current, 'seventh-seal', 'review.md'), shortcut)
    expect(await decideOpen(shortcut, context)).toMatchObject({ kind: 'review', id: 'seventh-seal' })
    // `~/draft/review.md`: its library would be the home folder itself.
    await mkdir(join(home, 'draft'))
    await writeFile(join(home, 'draft', 'review.md'), REVIEW)
    expect(await decideOpen(join(home, 'draft', 'review.md'), context)).toEqual({
      kind: 'markdown',
      file: join(home, 'draft', 'review.md'),
      notInPlace: 'Its folder cannot be opened where it is: it is your home folder itself.',
    })
  })
})

describe('paths refused, with the reason', () => {
  it('what does not exist, and links to nothing or to themselves', async () => {
    const { dir, context } = await disk()
    expect(await refusal(join(dir, 'gone.md'), context)).toBe('Verdict cannot open “gone.md”: it does not exist (moved or deleted?).')
    await symlink(join(dir, 'nowhere.md'), join(dir, 'dangling.md'))
    expect(await refusal(join(dir, 'dangling.md'), context)).toBe('Verdict cannot open “dangling.md”: it is a link to something that does not exist.')
    await symlink(join(dir, 'loop-b.md'), join(dir, 'loop-a.md'))
    await symlink(join(dir, 'loop-a.md'), join(dir, 'loop-b.md'))
    expect(await refusal(join(dir, 'loop-a.md'), context)).toBe('Verdict cannot open “loop-a.md”: it is a link that leads back to itself.')
  })

  it('paths that are not full paths, or carry a NUL, or go on for pages', async () => {
    const { context } = await disk()
    expect(await refusal('notes/review.md', context)).toMatch(/it is not a full path/)
    expect(await refusal('/tmp/a\0b.md', context)).toMatch(/it is not a full path/)
    expect(await refusal('/' + 'a/'.repeat(3000), context)).toMatch(/it is not a full path/)
  })

  it('files too large to be a review or a bundle, checked before anything is read', async () => {
    const { dir, context } = await disk()
    const huge = join(dir, 'huge.md')
    await writeFile(huge, '')
    await truncate(huge, 11 * 1024 * 1024)
    expect(await refusal(huge, context)).toBe('Verdict cannot open “huge.md”: it is larger than the 10 MB a review can be.')
    const hugeZip = join(dir, 'huge.zip')
    await writeFile(hugeZip, '')
    await truncate(hugeZip, 513 * 1024 * 1024)
    expect(await refusal(hugeZip, context)).toBe('Verdict cannot open “huge.zip”: it is larger than the 512 MB a review bundle can be.')
  })

  it('files of other kinds, and folders that are not libraries or may not be one', async () => {
    const { dir, home, context } = await disk()
    await writeFile(join(dir, 'poster.png'), 'png')
    expect(await refusal(join(dir, 'poster.png'), context)).toBe(
      'Verdict cannot open “poster.png”: Verdict opens reviews (review.md), Markdown files (.md), review bundles (.zip) and library folders, and this is none of them.',
    )
    await mkdir(join(dir, 'Downloads'))
    expect(await refusal(join(dir, 'Downloads'), context)).toMatch(/it is not a Verdict library \(it holds no reviews\)/)
    // The home folder with reviews in it is still not a library.
    await mkdir(join(home, '.verdict'))
    expect(await refusal(home, context)).toBe('Verdict cannot open “home”: it is your home folder itself.')
    expect(await refusal(APP_DIR, { ...context, knownLibraries: [APP_DIR] })).toMatch(/it holds Verdict’s own files/)
  })
})

describe('the queue of handed-over paths', () => {
  function router(current: string, context: OpenContext) {
    const grants = new PathGrants()
    const events: AppEvent[] = []
    const recent: string[] = []
    const queue = new OpenRequests()
    const connect = () =>
      queue.connect({ context: () => context, currentRoot: () => current, grants, emit: (event) => events.push(event), addRecent: (path) => recent.push(path) })
    const requests = () => events.flatMap((event): OpenRequest[] => (event.type === 'open-request' ? [event.request] : []))
    return { queue, connect, grants, requests, recent }
  }

  it('paths handed over before the services and the renderer are up wait, then arrive in order', async () => {
    const { current, other, context } = await disk()
    const { queue, connect, requests, recent } = router(current, context)
    // macOS `open-file` fires before the app is ready.
    queue.open(join(other, 'wild-strawberries', 'review.md'))
    queue.rendererReady()
    connect()
    queue.open(join(current, 'seventh-seal', 'review.md'))
    await queue.idle()
    expect(requests()).toEqual([])
    queue.rendererReady()
    await queue.idle()
    expect(requests().map((request) => request.action === 'review' && [request.id, request.library?.path])).toEqual([
      ['wild-strawberries', other],
      ['seventh-seal', undefined],
    ])
    expect(recent).toEqual([join(other, 'wild-strawberries', 'review.md'), join(current, 'seventh-seal', 'review.md')])
  })

  it('while a new window loads, paths wait for it again', async () => {
    const { dir, current, context } = await disk()
    const { queue, connect, requests } = router(current, context)
    connect()
    queue.rendererReady()
    queue.rendererGone()
    queue.open(join(dir, 'gone.md'))
    await queue.idle()
    expect(requests()).toEqual([])
    queue.rendererReady()
    await queue.idle()
    expect(requests()).toEqual([{ action: 'refused', path: join(dir, 'gone.md'), message: 'Verdict cannot open “gone.md”: it does not exist (moved or deleted?).' }])
  })

  it('grants the handed-over path for its one purpose, nothing else', async () => {
    const { dir, current, other, context } = await disk()
    const { queue, connect, grants, requests } = router(current, context)
    const notes = join(dir, 'notes.md')
    await writeFile(notes, '# Notes\n')
    connect()
    queue.rendererReady()
    queue.open(notes)
    queue.open(other)
    await queue.idle()
    const [choose, library] = requests()
    if (choose?.action !== 'choose' || library?.action !== 'library' || !library.library) throw new Error('expected a choice and a library')
    expect(grants.redeem(choose.file.token, 'import')).toBe(notes)
    expect(() => grants.redeem(choose.file.token, 'library')).toThrow(VerdictError)
    expect(grants.redeem(library.library.token, 'library')).toBe(other)
    expect(() => grants.redeem(library.library!.token, 'import')).toThrow(VerdictError)
  })
})

describe('through the real services', () => {
  it('a bundle handed over imports through the import channel with its token, and becomes a recent document', async () => {
    const { dir, home, current } = await disk()
    const recent: string[] = []
    const services = await createServices({
      platform: { ...headlessPlatform(current), homeDir: home, addRecentDocument: (path) => recent.push(path) },
      settingsBackend: createConfBackend(join(dir, 'settings')),
      dataDir: join(dir, 'settings'),
      env: { VERDICT_LIBRARY: current },
    })
    started.push(services)
    const events: AppEvent[] = []
    services.events.subscribe((event) => events.push(event))
    const bundle = join(dir, 'persona.zip')
    await writeFile(bundle, zipSync({ 'review.md': new TextEncoder().encode('---\ntitle: Persona\n---\n\nTwo faces.\n') }))
    services.openRequests.open(bundle)
    const handlers = createHandlers(services)
    // The renderer's first screen: it listens from now on.
    await dispatch(handlers, 'reportScreen', { screen: 'library' }, { error: () => {} })
    await services.openRequests.idle()
    const request = events.find((event) => event.type === 'open-request')?.request
    if (request?.action !== 'import') throw new Error(`expected an import, got ${JSON.stringify(request)}`)
    const imported = await dispatch(handlers, 'importReview', { file: request.file.token }, { error: () => {} })
    expect(imported).toMatchObject({ ok: true, value: { id: 'persona', title: 'Persona' } })
    expect(await readdir(current)).toContain('persona')
    expect(recent).toEqual([join(current, 'persona', 'review.md')])
  })
})
