/** PDF export through a `PdfPrinter`: Electron's printToPDF in the app, Chromium (Playwright) in tests and the browser-hosted app. */
import { refuseInsideReview } from './destinationGuard'
import { writeExportFile, type ExportResult } from './html'
import { renderForExport, type RenderSettings } from './render'
import type { ReviewSource } from './source'

export type PageSize = 'A4' | 'Letter'

export interface PdfOptions {
  pageSize: PageSize
  marginsMm: number
}

/** Turns a complete HTML document (images inlined, no network needed) into PDF bytes. */
export interface PdfPrinter {
  print(html: string, options: PdfOptions): Promise<Uint8Array>
}

export const DEFAULT_PDF_OPTIONS: PdfOptions = { pageSize: 'A4', marginsMm: 18 }

/**
 * Renders the review offline (embeds as link cards, images inlined, spoilers expanded unless
 * `spoilersOpen: false` — a reader of paper cannot click) and writes the PDF to `destFile`.
 */
export async function exportPdf(
  source: ReviewSource,
  destFile: string,
  printer: PdfPrinter,
  settings: RenderSettings & Partial<PdfOptions>,
): Promise<ExportResult> {
  await refuseInsideReview(source, destFile)
  const { pageSize = DEFAULT_PDF_OPTIONS.pageSize, marginsMm = DEFAULT_PDF_OPTIONS.marginsMm, ...render } = settings
  const { html, post } = await renderForExport(source, 'inline', { spoilersOpen: true, ...render, online: false })
  const pdf = await printer.print(html, { pageSize, marginsMm: Math.max(0, Math.min(60, marginsMm)) })
  return writeExportFile(destFile, pdf, post.warnings)
}
