import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { isErrnoCode } from '../errors'
import { EXTENSIONS } from '../assets/probe'
import type { ConflictCopy } from '../conflicts/conflictCopies'
import { copiesOnDisk } from '../conflicts/copiesOnDisk'
import { ASSETS_DIR } from '../library/library'

/**
 * Image files by name: the accepted types' extensions. A sync engine's temp name (`.syncthing.x.jpg.tmp`,
 * `.x.jpg.~1a2b`, `x.jpg.icloud`) ends otherwise, so an image counts only once it has its real name.
 */
const IMAGE_NAME = new RegExp(`\\.(?:${[...Object.values(EXTENSIONS), 'jpeg'].join('|')})$`, 'i')

export interface FolderLook {
  /** Paths (relative to the folder, `/`-separated) of the images new or changed since the last look. */
  images: string[]
  /** A sync engine's conflict copy of the review's file beside it, the first by name. */
  copy: ConflictCopy | undefined
}

/**
 * The folder of an open review's file, as the watcher looks at it: the image files where the review's
 * relative image paths point (the folder, where a site's bundle or content folder holds them beside
 * the page, and its `assets/`, Verdict's own layout), each by a stamp of its stat, so each look says
 * which images arrived or changed since the one before; and a conflict copy of the file. A folder
 * that is not there (yet) has none. Only image names are stat'ed, so a content folder of many posts
 * costs one directory read.
 */
export class ReviewFolder {
  private seen = new Map<string, string>()

  constructor(
    private readonly folder: string,
    /** The review's file name in the folder (`review.md`, a post's `x.md`, a bundle's `index.md`). */
    private readonly file: string,
  ) {}

  /**
   * `siteImages`: the images the review names from its site's root, by the path it writes
   * (`/img/x.png`, `{{ site.baseurl }}/img/x.png`), to their files. One named for the first time is
   * learned, not reported (the editor has just loaded it); once named, its arrival or change is.
   */
  async look(siteImages: ReadonlyMap<string, string> = new Map()): Promise<FolderLook> {
    const names = await namesIn(this.folder)
    const now = new Map<string, string>()
    for (const [sub, inSub] of [['', names], [ASSETS_DIR, await namesIn(join(this.folder, ASSETS_DIR))]] as const) {
      for (const name of inSub) {
        if (!IMAGE_NAME.test(name)) continue
        const stamp = await fileStamp(join(this.folder, sub, name))
        if (stamp) now.set(sub ? `${sub}/${name}` : name, stamp)
      }
    }
    const learned = new Set<string>()
    for (const [src, file] of siteImages) {
      // Missing files are stamped '' too, so that their arrival is a change.
      now.set(src, await fileStamp(file))
      if (!this.seen.has(src)) learned.add(src)
    }
    const images = [...now].filter(([path, stamp]) => stamp !== '' && this.seen.get(path) !== stamp && !learned.has(path)).map(([path]) => path)
    this.seen = now
    return { images, copy: (await copiesOnDisk(this.folder, this.file, names))[0] }
  }
}

/** A regular file's stat as a stamp that moves with any change of it; '' when there is none. */
async function fileStamp(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined)
  return info?.isFile() ? `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}` : ''
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir)
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT', 'ENOTDIR')) return []
    throw error
  }
}
