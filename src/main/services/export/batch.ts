/** Exporting several reviews in one go: one after another, with progress, never stopping at a failure. */
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { VerdictError } from '../../../shared/contract'
import { slugify } from '../../../shared/slug'
import { exportBundle } from './bundle'
import { exportHtmlFile, exportHtmlFolder } from './html'
import { exportPdf, type PdfOptions, type PdfPrinter } from './pdf'
import type { RenderSettings } from './render'
import type { ReviewSource } from './source'

import { type ExportFormat } from '../../../shared/contract'

export { EXPORT_FORMATS, type ExportFormat } from '../../../shared/contract'

const EXTENSIONS: Record<ExportFormat, string> = { html: '.html', 'html-folder': '', markdown: '.zip', pdf: '.pdf' }

export interface BatchProgress {
  /** 0-based position of this review. */
  index: number
  total: number
  id: string
  state: 'started' | 'done' | 'failed'
  path?: string
  error?: string
}

export interface BatchSummary {
  total: number
  succeeded: Array<{ id: string; path: string; warnings: string[] }>
  failed: Array<{ id: string; reason: string }>
  /** Set when the signal stopped the batch; the reviews not reached are in neither list. */
  cancelled: boolean
}

export interface BatchOptions {
  ids: string[]
  format: ExportFormat
  /** Folder receiving `<slug>.html`, `<slug>/`, `<slug>.zip` or `<slug>.pdf`, named after the title (suffixed when the name is taken). */
  destDir: string
  load: (id: string) => Promise<ReviewSource>
  render: RenderSettings
  printer?: PdfPrinter
  pdf?: Partial<PdfOptions>
  onProgress?: (progress: BatchProgress) => void
  signal?: AbortSignal
}

export async function exportBatch(options: BatchOptions): Promise<BatchSummary> {
  const { ids, format } = options
  const summary: BatchSummary = { total: ids.length, succeeded: [], failed: [], cancelled: false }
  const used = new Set<string>()
  for (const [index, id] of ids.entries()) {
    if (options.signal?.aborted) {
      summary.cancelled = true
      break
    }
    const report = (state: BatchProgress['state'], extra: Partial<BatchProgress> = {}) =>
      options.onProgress?.({ index, total: ids.length, id, state, ...extra })
    report('started')
    try {
      const source = await options.load(id)
      const dest = await freeName(options.destDir, slugify(source.meta.title), EXTENSIONS[format], used)
      const result =
        format === 'html' ? await exportHtmlFile(source, dest, options.render)
        : format === 'html-folder' ? await exportHtmlFolder(source, dest, options.render)
        : format === 'markdown' ? { ...(await exportBundle(source, dest)), warnings: [] }
        : await exportPdf(source, dest, requirePrinter(options.printer), { ...options.render, ...options.pdf })
      summary.succeeded.push({ id, path: result.path, warnings: result.warnings })
      report('done', { path: result.path })
    } catch (error) {
      const reason = error instanceof VerdictError || error instanceof Error ? error.message : String(error)
      summary.failed.push({ id, reason })
      report('failed', { error: reason })
    }
  }
  return summary
}

function requirePrinter(printer: PdfPrinter | undefined): PdfPrinter {
  if (!printer) throw new VerdictError('INVALID_ARGUMENT', 'PDF export needs a printer.')
  return printer
}

/** `<dir>/<slug><ext>`, or `<slug>-2<ext>`… when a file of that name exists or this batch used it. */
export async function freeName(dir: string, slug: string, ext: string, used: Set<string>): Promise<string> {
  for (let n = 1; ; n++) {
    const name = `${n === 1 ? slug : `${slug}-${n}`}${ext}`
    if (used.has(name)) continue
    try {
      await stat(join(dir, name))
    } catch {
      used.add(name)
      return join(dir, name)
    }
  }
}
