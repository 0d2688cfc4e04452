/** The review an export reads: its folder, front matter and Markdown body. Exports only ever read it. */
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ReviewMeta } from '../../../shared/model'
import { describeIoError, fail, isErrnoCode } from '../errors'
import { parseReview, ReviewParseError } from '../format'
import type { Library } from '../library/library'
import { withSiteRecords } from '../library/publishRecords'
import type { SiteFiles } from '../library/siteFiles'

export interface ReviewSource {
  id: string
  /** The review's folder (assets are read from it, never written). */
  dir: string
  /** Where Verdict keeps its records of the review (the publish log). */
  records: string
  meta: ReviewMeta
  body: string
  /** The review's Markdown file (`review.md`, or a site's post). */
  file: string
  /** A site's post: its images may be paths from the site's root, which this reads. */
  site?: SiteFiles
  sitePaths?: boolean
  /** A site's post: the day it carries on the blogs it went to (its file keeps the site's own date). */
  postDay?: string
  /** A site's post whose publish records cannot be read: why (publishing waits until they can). */
  recordsDamaged?: string
}

/**
 * Reads a review of `library` for export; an unreadable review.md is an INVALID_ARGUMENT with the
 * parser's reason. An untitled review is titled by its id, unless `untitled` says otherwise
 * (publishing wants to know there is no title).
 */
export async function loadReviewSource(library: Library, id: string, { untitled = id } = {}): Promise<ReviewSource> {
  const dir = await library.reviewDir(id)
  const path = await library.reviewFile(id)
  let bytes: Buffer
  let info
  try {
    ;[bytes, info] = await Promise.all([readFile(path), stat(path)])
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) fail('NOT_FOUND', `The review “${id}” has no ${basename(path)}.`)
    throw describeIoError(error, `read “${id}”`)
  }
  try {
    const { meta, body } = parseReview(bytes, { ...library.fallbackOf(id, info), ...(untitled === id ? {} : { title: untitled }) })
    const site = await library.siteFiles()
    const source: ReviewSource = { id, dir, file: path, records: await library.recordsDir(id), meta, body, ...(site ? { site, sitePaths: true } : {}) }
    // A site's publish records are Verdict's, in .verdict/, not the post's (publishRecords.ts).
    const kept = await (await library.publishRecords())?.read(id)
    if (!kept) return source
    return { ...source, meta: withSiteRecords(meta, kept), ...(kept.date ? { postDay: kept.date } : {}), ...(kept.damaged ? { recordsDamaged: kept.damaged } : {}) }
  } catch (error) {
    if (error instanceof ReviewParseError) fail('INVALID_ARGUMENT', `“${id}” cannot be exported until its ${basename(path)} can be read: ${error.message}`)
    throw error
  }
}
