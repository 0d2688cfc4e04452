/**
 * "Save as…": when a review cannot be saved where it is (a full disk, a read-only folder, a locked
 * file), the editor's text goes into a new review folder somewhere else, with the images it uses.
 * The review's own folder is only read; an existing folder at the destination is never written into.
 */
import { lstat, mkdir, readFile, realpath, rm } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, sep } from 'node:path'
import type { EditorDocument } from '../../../shared/document'
import type { ReviewMeta } from '../../../shared/model'
import { slugify } from '../../../shared/slug'
import { describeIoError, fail } from '../errors'
import { refuseInsideReview } from '../export/destinationGuard'
import { referencedAssets, serializeReview } from '../format'
import { writeFileAtomic } from '../fs/atomicWrite'
import { claimFolder } from '../fs/claimFolder'
import { ASSETS_DIR, REVIEW_FILE } from '../library/library'
import { safeRelativePath } from '../pipeline'

export interface SaveAsRequest {
  id: string
  /** The review's folder; undefined when it no longer exists (nothing to copy images from). */
  reviewDir: string | undefined
  meta: ReviewMeta
  doc: EditorDocument
  destDir: string
  now?: Date
}

export interface SaveAsResult {
  /** The new `review.md`. */
  path: string
  /** Images the text uses that could not be copied (missing, or not a file inside the review folder). */
  skipped: string[]
}

/** Writes `<destDir>/<slug>/review.md` (suffixed when the folder exists) and copies the images the text uses. */
export async function saveReviewAs(request: SaveAsRequest): Promise<SaveAsResult> {
  const { id, reviewDir, meta, doc, destDir } = request
  if (!isAbsolute(destDir)) fail('INVALID_ARGUMENT', `“${destDir}” is not a full folder path.`)
  if (reviewDir) await refuseInsideReview({ id, dir: reviewDir }, destDir)
  const copies = new Map<string, Uint8Array>()
  const skipped: string[] = []
  for (const written of referencedAssets(doc, meta)) {
    const path = safeRelativePath(written)
    const bytes = reviewDir && path ? await readInside(reviewDir, path) : undefined
    if (path && bytes) copies.set(path, bytes)
    else skipped.push(written)
  }
  const text = serializeReview({ ...meta, updated: (request.now ?? new Date()).toISOString() }, doc)
  const title = meta.title.trim() || 'Untitled review'
  const what = `save “${title}” in ${destDir}`
  try {
    await mkdir(destDir, { recursive: true })
  } catch (error) {
    throw describeIoError(error, what)
  }
  const folder = join(destDir, await claimFolder(destDir, slugify(title), what))
  try {
    await mkdir(join(folder, ASSETS_DIR))
    for (const [path, bytes] of copies) {
      const target = join(folder, ...path.split('/'))
      await mkdir(dirname(target), { recursive: true })
      await writeFileAtomic(target, bytes)
    }
    // Last: a folder with a review.md holds everything.
    await writeFileAtomic(join(folder, REVIEW_FILE), text)
  } catch (error) {
    // The folder was claimed empty by this call: nothing but its own partial copy is removed.
    await rm(folder, { recursive: true, force: true })
    throw describeIoError(error, what)
  }
  return { path: join(folder, REVIEW_FILE), skipped }
}

/** The bytes of a regular file at `path` inside `dir`, never through a link out of it; undefined otherwise. */
async function readInside(dir: string, path: string): Promise<Uint8Array | undefined> {
  try {
    const real = await realpath(join(dir, ...path.split('/')))
    const rel = relative(await realpath(dir), real)
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined
    if (!(await lstat(real)).isFile()) return undefined
    return new Uint8Array(await readFile(real))
  } catch {
    return undefined
  }
}
