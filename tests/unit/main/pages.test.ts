import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { AppEvent, PreviewPatch } from '../../../src/shared/contract'
import { createServices, shutdownServices, type Services } from '../../../src/main/container'
import { dispatch } from '../../../src/main/dispatch'
import { createHandlers } from '../../../src/main/routes'
import { createChromiumPrinter } from '../../../src/main/services/export'
import { createConfBackend } from '../../../src/main/services/settings/conf'
import { pdfText } from '../../support/pdf'
import { headlessPlatform } from '../../support/platform'

const printer = createChromiumPrinter()
afterAll(() => printer.close())

/** Each test's services, stopped after it: their timers (outbox, index) would outlive the test. */
const started: Services[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map(shutdownServices))
})

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'verdict-pages-'))
  const opened: string[] = []
  // What the system dialog answers next.
  const next: { folder: string | null; file: string | null } = { folder: null, file: null }
  const services = await createServices({
    platform: {
      ...headlessPlatform(dir),
      pickFolder: async () => next.folder,
      pickFile: async () => next.file,
      openPath: async (path) => void opened.push(path),
      assetUrl: (id, path) => `verdict-asset://library/${id}/${path}`,
      printer,
    },
    settingsBackend: createConfBackend(join(dir, 'settings')),
    dataDir: join(dir, 'settings'),
    env: {},
  })
  started.push(services)
  const handlers = createHandlers(services)
  const log = { error: () => {} }
  const call = async <T>(channel: Parameters<typeof dispatch>[1], args?: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, args, log)
    if (!result.ok) throw new Error(result.error.message)
    return result.value as T
  }
  /** The token main gives for a path the user picked in its dialog. */
  const pick = async (kind: 'folder' | 'file', path: string, purpose: string): Promise<string> => {
    next[kind] = path
    const args = kind === 'folder' ? { purpose } : { purpose, extensions: ['zip', 'md'] }
    return (await call<{ token: string }>(kind === 'folder' ? 'pickFolder' : 'pickFile', args)).token
  }
  const events: AppEvent[] = []
  services.events.subscribe((event) => events.push(event))
  const library = services.libraries.current()
  const review = await library.create('Ballerina')
  const reviewFile = join(library.root, review.id, 'review.md')
  await writeFile(
    reviewFile,
    '---\ntitle: Ballerina\nauthor: Ana Critic\ndate: 2026-11-25\nsubject:\n  kind: film\n  title: Ballerina\n  year: 2025\n---\n\n' +
      'A **bruising** spin-off.\n\n::score[Overall Score]{value="9.5" scale="10" overall}\n',
  )
  return { dir, call, pick, events, opened, library, review, reviewFile, services }
}

describe('pages: preview, open in browser, export and import through the contract', () => {
  it('previews the unsaved editor state as a themed, script-free page', async () => {
    const { call, library, review, services } = await setup()
    const opened = await call<{ kind: string; meta: unknown; doc: unknown }>('openReview', { id: review.id })
    const { url } = await call<{ url: string }>('renderPreview', {
      id: review.id,
      meta: opened.meta,
      doc: { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Typed but not saved', format: 0 }] }] } },
      theme: 'magazine',
      colorScheme: 'dark',
    })
    // The preview frame loads the page from main, at an address of the app's origin.
    const html = services.pages.previews.get(url)!
    expect(html).toContain('Typed but not saved')
    expect(html).toContain('Ballerina')
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/)
    expect((await readdir(join(library.root, review.id))).sort()).toEqual(['.name-follows-title', 'assets', 'review.md'])
  })

  it('renders a delta on the previous render as that document whole, and patches the page the frame shows', async () => {
    const { call, review, services } = await setup()
    const opened = await call<{ meta: unknown; doc: { root: { children: unknown[] } } }>('openReview', { id: review.id })
    const look = { id: review.id, meta: opened.meta, theme: 'classic', colorScheme: 'light' }
    const first = await call<{ url: string; base: string; patch?: unknown }>('renderPreview', { ...look, doc: opened.doc })
    expect(first.patch).toBeUndefined()
    const blocks = opened.doc.root.children
    const added = { type: 'paragraph', children: [{ type: 'text', text: 'A closing line, typed last', format: 0 }] }
    const whole = await call<{ url: string }>('renderPreview', { ...look, doc: { root: { type: 'root', children: [...blocks, added] } } })
    const delta = await call<{ url: string; patch?: PreviewPatch }>('renderPreview', {
      ...look,
      doc: { base: first.base, blocks: [[0, blocks.length], added] },
      shown: first.url,
    })
    expect(services.pages.previews.get(delta.url)).toBe(services.pages.previews.get(whole.url))
    // The frame's page gets the new last block (and the one before it, which now has a line break after it).
    // The frame's page gets the new last block (and the one before it, which now has a line break
    // after it), and the head its new description (the excerpt is the body's opening here).
    const patch = delta.patch!
    expect(patch.from).toBe(first.url)
    expect(patch.body.start + patch.body.removed).toBe(patch.body.pieces)
    expect(patch.body.insert.at(-1)).toBe('<p>A closing line, typed last</p>')
    expect(patch.body.insert.length).toBeLessThanOrEqual(2)
    expect(patch.head.insert.join('')).toContain('A closing line, typed last')
    await expect(call('renderPreview', { ...look, doc: { base: '00000000-0000-4000-8000-000000000000', blocks: [[0, 1]] } })).rejects.toThrow(/no longer holds the text/)
  })

  it('refuses an unknown theme with a clear message', async () => {
    const { call, review } = await setup()
    const opened = await call<{ meta: unknown; doc: unknown }>('openReview', { id: review.id })
    await expect(call('renderPreview', { id: review.id, meta: opened.meta, doc: opened.doc, theme: 'nope', colorScheme: 'light' })).rejects.toThrow(
      /theme “nope” is not installed/,
    )
  })

  it('opens the page in the browser from a temp file', async () => {
    const { call, opened, review } = await setup()
    const state = await call<{ meta: unknown; doc: unknown }>('openReview', { id: review.id })
    const { path } = await call<{ path: string }>('openInBrowser', { id: review.id, meta: state.meta, doc: state.doc, theme: 'classic', colorScheme: 'light' })
    expect(opened).toEqual([path])
    expect(await readFile(path, 'utf8')).toContain('Overall Score: 9.5 out of 10')
  })

  it('exports every format with progress, leaves the review untouched, and imports the bundle back', async () => {
    const { call, pick, dir, events, review, reviewFile } = await setup()
    const before = await readFile(reviewFile)
    const destDir = join(dir, 'exports')
    const folder = await pick('folder', destDir, 'export')
    for (const format of ['html', 'html-folder', 'markdown', 'pdf'] as const) {
      const summary = await call<{ succeeded: Array<{ path: string }>; failed: unknown[] }>('exportReviews', {
        ids: [review.id],
        format,
        folder,
        theme: 'classic',
        colorScheme: 'light',
        pageSize: 'A4',
        marginsMm: 15,
      })
      expect(summary.failed).toEqual([])
      expect(summary.succeeded).toHaveLength(1)
    }
    expect((await readdir(destDir)).sort()).toEqual(['ballerina', 'ballerina.html', 'ballerina.pdf', 'ballerina.zip'])
    expect(events.filter((e) => e.type === 'export-progress' && e.state === 'done')).toHaveLength(4)
    expect(await pdfText(join(destDir, 'ballerina.pdf'))).toMatch(/Ballerina[\s\S]*9\.5/)
    expect(await readFile(reviewFile)).toEqual(before)

    const imported = await call<{ id: string; title: string }>('importReview', { file: await pick('file', join(destDir, 'ballerina.zip'), 'import') })
    expect(imported).toMatchObject({ id: 'ballerina-2', title: 'Ballerina' })
  })

  it('refuses an import into a site’s folder before writing anything', async () => {
    const { dir, call, pick, library } = await setup()
    await call('setLibraryLayout', { kind: 'flat', content: 'posts', frontMatter: 'yaml', keys: [] })
    const before = (await readdir(library.root)).sort()
    await writeFile(join(dir, 'heat.md'), '---\ntitle: Heat\n---\n\nTense.\n')
    await expect(call('importReview', { file: await pick('file', join(dir, 'heat.md'), 'import') })).rejects.toThrow(/a site’s own folder.*Nothing was written/)
    expect((await readdir(library.root)).sort()).toEqual(before)
  })

  it('reports a failed review in a batch and goes on with the others', async () => {
    const { call, dir, library, review } = await setup()
    // No folder picked: the export goes to “Verdict Exports” beside the library.
    await writeFile(join(library.root, review.id, 'review.md'), '---\ntitle: [broken\n---\n')
    const other = await library.create('Heat')
    const summary = await call<{ succeeded: Array<{ id: string }>; failed: Array<{ id: string; reason: string }> }>('exportReviews', {
      ids: [review.id, other.id],
      format: 'html',
      theme: 'minimal',
      colorScheme: 'light',
      pageSize: 'Letter',
      marginsMm: 10,
    })
    expect(summary.succeeded.map((s) => s.id)).toEqual(['heat'])
    expect(await readdir(join(dir, 'Verdict Exports'))).toEqual(['heat.html'])
    expect(summary.failed).toEqual([{ id: 'ballerina', reason: expect.stringMatching(/cannot be exported until its review.md can be read/) }])
  })
})
