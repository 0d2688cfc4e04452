/**
 * The rendering pipeline and PDF export on the 10k-word review, through the snapshot's own
 * services: `buildPost` + `renderPage` (as the preview and every export run them) and `exportPdf`
 * with the Chromium printer the browser-hosted app uses.
 */
import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as ExportTypes from '../../src/main/services/export'
import type * as LibraryTypes from '../../src/main/services/library/library'
import type * as PipelineTypes from '../../src/main/services/pipeline'
import type { Snapshot } from './snapshot'
import { median, round } from './stats'
import { stateDirOf } from '../../tests/support/machineState'

type ExportModule = typeof ExportTypes
type PipelineModule = typeof PipelineTypes
type LibraryModule = typeof LibraryTypes

export interface PipelineResults {
  review: string
  runs: number
  buildPostMs: number[]
  renderPageMs: number[]
  /** Medians of the warm runs. */
  buildPostMedianMs: number
  renderPageMedianMs: number
  totalMedianMs: number
  htmlKB: number
}

export interface PdfResults {
  review: string
  /** The first export, including Chromium's launch. */
  coldMs: number
  warmMs: number[]
  warmMedianMs: number
  pdfKB: number
}

const load = async <T>(snapshot: Snapshot, path: string): Promise<T> => (await import(pathToFileURL(join(snapshot.dir, path)).href)) as T

async function source(snapshot: Snapshot, libraryDir: string, id: string) {
  const { Library } = await load<LibraryModule>(snapshot, 'src/main/services/library/library.ts')
  const exports = await load<ExportModule>(snapshot, 'src/main/services/export/index.ts')
  const library = new Library({ root: libraryDir, stateDir: stateDirOf(libraryDir), defaultAuthor: () => 'Bench' })
  const theme = await exports.loadTheme({ themes: join(snapshot.dir, 'resources/themes'), blocks: join(snapshot.dir, 'src/blocks') }, exports.DEFAULT_THEME)
  return { exports, review: await exports.loadReviewSource(library, id), theme }
}

export async function benchPipeline(options: { snapshot: Snapshot; libraryDir: string; id: string; runs: number; log: (line: string) => void }): Promise<PipelineResults> {
  const { review, theme } = await source(options.snapshot, options.libraryDir, options.id)
  const { buildPost, renderPage } = await load<PipelineModule>(options.snapshot, 'src/main/services/pipeline/index.ts')
  const once = () => {
    const t0 = performance.now()
    const post = buildPost(review, { online: false })
    const t1 = performance.now()
    const html = renderPage(post, { theme, colorScheme: 'light', online: false })
    return { build: t1 - t0, render: performance.now() - t1, html }
  }
  for (let i = 0; i < 3; i++) once() // warm-up: JIT and the processor's caches
  const buildPostMs: number[] = []
  const renderPageMs: number[] = []
  let htmlKB = 0
  for (let i = 0; i < options.runs; i++) {
    const run = once()
    buildPostMs.push(round(run.build, 1))
    renderPageMs.push(round(run.render, 1))
    htmlKB = round(Buffer.byteLength(run.html) / 1024, 0)
  }
  const totals = buildPostMs.map((ms, i) => ms + renderPageMs[i]!)
  const result: PipelineResults = {
    review: options.id,
    runs: options.runs,
    buildPostMs,
    renderPageMs,
    buildPostMedianMs: round(median(buildPostMs), 1),
    renderPageMedianMs: round(median(renderPageMs), 1),
    totalMedianMs: round(median(totals), 1),
    htmlKB,
  }
  options.log(`pipeline: buildPost ${result.buildPostMedianMs} ms + renderPage ${result.renderPageMedianMs} ms`)
  return result
}

export async function benchPdf(options: { snapshot: Snapshot; libraryDir: string; id: string; out: string; runs: number; executablePath: string; log: (line: string) => void }): Promise<PdfResults> {
  const { exports, review, theme } = await source(options.snapshot, options.libraryDir, options.id)
  const printer = exports.createChromiumPrinter({ executablePath: options.executablePath })
  await mkdir(options.out, { recursive: true })
  try {
    const exportOnce = async (name: string) => {
      const t = performance.now()
      await exports.exportPdf(review, join(options.out, name), printer, { theme })
      return round(performance.now() - t, 0)
    }
    const coldMs = await exportOnce('cold.pdf')
    const warmMs: number[] = []
    for (let i = 0; i < options.runs; i++) warmMs.push(await exportOnce(`warm-${i}.pdf`))
    const result: PdfResults = {
      review: options.id,
      coldMs,
      warmMs,
      warmMedianMs: round(median(warmMs), 0),
      pdfKB: round((await stat(join(options.out, 'cold.pdf'))).size / 1024, 0),
    }
    options.log(`pdf: cold ${coldMs} ms, warm ${result.warmMedianMs} ms`)
    return result
  } finally {
    await printer.close()
  }
}
