import { lstat, mkdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { reviewId } from '../../../shared/validate'
import { describeIoError, fail, isErrnoCode } from '../errors'
import { ASSETS_DIR, type Library } from '../library/library'

export interface AssetsFolder {
  /** The review's folder. */
  reviewDir: string
  /** `<review>/assets` (in a site layout, where its images go: siteFiles.ts); it may not exist yet. */
  path: string
  /** What the review writes before an image's file name: `assets/`; in a site, nothing beside the page, or the path from its root (`/images/`). */
  prefix: string
  exists: boolean
}

/**
 * The `assets/` folder of a review, confined to the library: the id must be one plain folder name
 * (the library's `reviewDir` then refuses symlinks leading out), and `assets` itself must be a real
 * folder, not a symlink that would carry writes or moves somewhere else.
 */
export async function assetsFolder(library: Library, id: string): Promise<AssetsFolder> {
  // IPC validates ids too; services are also called from elsewhere, and `reviewDir('')` would be the library root.
  if (!reviewId.safeParse(id).success) fail('OUTSIDE_LIBRARY', `“${id}” is not a review of this library and was refused.`)
  const reviewDir = await library.reviewDir(id)
  const site = await library.siteFiles()
  const { path, prefix } = site ? await site.imageFolder(id) : { path: join(reviewDir, ASSETS_DIR), prefix: `${ASSETS_DIR}/` }
  let info
  try {
    info = await lstat(path)
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return { reviewDir, path, prefix, exists: false }
    throw describeIoError(error, `read the assets folder of “${id}”`)
  }
  if (!info.isDirectory()) fail('OUTSIDE_LIBRARY', `The assets folder of “${id}” is not a plain folder (a link or a file?), so Verdict does not use it.`)
  return { reviewDir, path, prefix, exists: true }
}

/**
 * Moves files out of a review's `assets/` into a new folder `.trash/assets-<id>-<ms>/` of the
 * library (`.verdict/trash/…` in a site layout; suffixed if that name is taken), so nothing is
 * ever deleted outright. Returns the trash folder's name inside the trash.
 */
export function moveAssetsToTrash(library: Library, id: string, assetsDir: string, names: string[], now: Date): Promise<string> {
  return moveFilesToTrash(library, `assets-${id}-${now.getTime()}`, assetsDir, names, `move unused images of “${id}” to the trash`)
}

/** Moves files of `dir` into a new folder of the library's `.trash` named `base` (suffixed if taken); returns its name. */
export async function moveFilesToTrash(library: Library, base: string, dir: string, names: string[], what: string): Promise<string> {
  const trashRoot = await library.trashDir()
  let folder = ''
  try {
    await mkdir(trashRoot, { recursive: true })
    for (let n = 1; ; n++) {
      folder = n === 1 ? base : `${base}-${n}`
      try {
        await mkdir(join(trashRoot, folder))
        break
      } catch (error) {
        if (!isErrnoCode(error, 'EEXIST')) throw error
      }
    }
    for (const name of names) await rename(join(dir, name), join(trashRoot, folder, name))
  } catch (error) {
    throw describeIoError(error, what)
  }
  return folder
}

/**
 * Runs `task` after every earlier task on the same key has settled, so an import and a clean-up of
 * one assets folder never interleave their read-check-write steps (e.g. a clean-up trashing a file
 * that an import just found and is about to hand back). In-process only, like the app itself.
 */
const queues = new Map<string, Promise<unknown>>()

export async function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve()
  const run = previous.then(task, task)
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  queues.set(key, settled)
  try {
    return await run
  } finally {
    if (queues.get(key) === settled) queues.delete(key)
  }
}
