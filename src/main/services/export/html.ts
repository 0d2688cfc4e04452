/** HTML export: one self-contained file (images as data: URIs) or a folder (index.html + images/). */
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describeIoError } from '../errors'
import { writeFileAtomic } from '../fs/atomicWrite'
import { refuseInsideReview } from './destinationGuard'
import { renderForExport, type RenderSettings } from './render'
import type { ReviewSource } from './source'

export interface ExportResult {
  /** The file or folder written. */
  path: string
  /** What the author may want to know (images left out, unknown blocks…). */
  warnings: string[]
}

export const FOLDER_PAGE = 'index.html'

/** Writes `destFile` (replacing it) with the whole post in one file. */
export async function exportHtmlFile(source: ReviewSource, destFile: string, settings: RenderSettings): Promise<ExportResult> {
  await refuseInsideReview(source, destFile)
  const { html, post } = await renderForExport(source, 'inline', settings)
  return writeExportFile(destFile, html, post.warnings)
}

/** Writes one exported file (its folder created if needed); every single-file format ends here. */
export async function writeExportFile(destFile: string, data: string | Uint8Array, warnings: string[]): Promise<ExportResult> {
  try {
    await mkdir(dirname(destFile), { recursive: true })
    await writeFileAtomic(destFile, data)
  } catch (error) {
    throw describeIoError(error, `write “${destFile}”`)
  }
  return { path: destFile, warnings }
}

/** Writes `destDir/index.html` and `destDir/images/…` (the folder is created if needed). */
export async function exportHtmlFolder(source: ReviewSource, destDir: string, settings: RenderSettings): Promise<ExportResult> {
  await refuseInsideReview(source, destDir)
  const { html, post, files } = await renderForExport(source, 'folder', settings)
  try {
    await mkdir(join(destDir, 'images'), { recursive: true })
    for (const [relative, bytes] of files) await writeFileAtomic(join(destDir, ...relative.split('/')), bytes)
    await writeFileAtomic(join(destDir, FOLDER_PAGE), html)
  } catch (error) {
    throw describeIoError(error, `write the export to “${destDir}”`)
  }
  return { path: destDir, warnings: post.warnings }
}
