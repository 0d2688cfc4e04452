import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { ChromiumPrinter, exportBatch, loadReviewSource, loadTheme, type BatchProgress } from '../../../src/main/services/export'
import { STYLE_DIRS } from '../pipeline/renderFixtures'
import { hashTree, tempDir, tempLibrary } from '../../support/tempLibrary'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})
const printer = new ChromiumPrinter()
afterAll(() => printer.close())

async function setup() {
  const lib = await tempLibrary(['ballerina', 'piranesi', 'blue-rev'])
  const out = await tempDir()
  cleanups.push(lib.cleanup, out.cleanup)
  // A review whose review.md cannot be read.
  const { mkdir } = await import('node:fs/promises')
  await mkdir(join(lib.root, 'broken'))
  await writeFile(join(lib.root, 'broken', 'review.md'), '---\ntitle: [unclosed\n---\n')
  return { lib, out: out.dir, theme: await loadTheme(STYLE_DIRS, 'classic') }
}

describe('batch export', () => {
  for (const format of ['html', 'html-folder', 'markdown', 'pdf'] as const) {
    it(`exports several reviews as ${format}, reports progress and what failed, and touches no review`, async () => {
      const { lib, out, theme } = await setup()
      const before = await hashTree(lib.root)
      const progress: BatchProgress[] = []
      const ids = ['ballerina', 'missing', 'piranesi', 'broken', 'blue-rev']
      const summary = await exportBatch({
        ids,
        format,
        destDir: out,
        load: (id) => loadReviewSource(lib.library, id),
        render: { theme },
        printer,
        onProgress: (p) => progress.push(p),
      })
      expect(summary.total).toBe(5)
      expect(summary.cancelled).toBe(false)
      expect(summary.succeeded.map((s) => s.id)).toEqual(['ballerina', 'piranesi', 'blue-rev'])
      expect(summary.failed.map((f) => f.id)).toEqual(['missing', 'broken'])
      expect(summary.failed[0]!.reason).toMatch(/no longer exists/)
      expect(summary.failed[1]!.reason).toMatch(/cannot be exported until its review\.md can be read/)
      expect(progress.map((p) => `${p.index}:${p.id}:${p.state}`)).toEqual([
        '0:ballerina:started', '0:ballerina:done',
        '1:missing:started', '1:missing:failed',
        '2:piranesi:started', '2:piranesi:done',
        '3:broken:started', '3:broken:failed',
        '4:blue-rev:started', '4:blue-rev:done',
      ])
      const ext = { html: '.html', 'html-folder': '', markdown: '.zip', pdf: '.pdf' }[format]
      // Named after the titles (“Piranesi: a house of endless halls”, “Alvvays – Blue Rev”), not the folders.
      expect((await readdir(out)).sort()).toEqual(['alvvays-blue-rev', 'ballerina', 'piranesi-a-house-of-endless-halls'].map((name) => `${name}${ext}`))
      expect(await hashTree(lib.root)).toEqual(before)
    })
  }

  it('does not overwrite earlier exports and stops when cancelled', async () => {
    const { lib, out, theme } = await setup()
    const load = (id: string) => loadReviewSource(lib.library, id)
    await exportBatch({ ids: ['piranesi'], format: 'html', destDir: out, load, render: { theme } })
    const again = await exportBatch({ ids: ['piranesi', 'piranesi'], format: 'html', destDir: out, load, render: { theme } })
    expect(again.succeeded.map((s) => s.path)).toEqual([join(out, 'piranesi-a-house-of-endless-halls-2.html'), join(out, 'piranesi-a-house-of-endless-halls-3.html')])
    const controller = new AbortController()
    const stopped = await exportBatch({
      ids: ['ballerina', 'blue-rev'],
      format: 'markdown',
      destDir: out,
      load,
      render: { theme },
      signal: controller.signal,
      onProgress: (p) => p.state === 'done' && controller.abort(),
    })
    expect(stopped).toMatchObject({ cancelled: true, succeeded: [{ id: 'ballerina' }], failed: [] })
  })
})
