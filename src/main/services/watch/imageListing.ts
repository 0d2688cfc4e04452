import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { isErrnoCode } from '../errors'
import { EXTENSIONS } from '../assets/probe'
import { ASSETS_DIR } from '../library/library'

/**
 * Image files by name: the accepted types' extensions. A sync engine's temp name (`.syncthing.x.jpg.tmp`,
 * `.x.jpg.~1a2b`, `x.jpg.icloud`) ends otherwise, so an image counts only once it has its real name.
 */
const IMAGE_NAME = new RegExp(`\\.(?:${[...Object.values(EXTENSIONS), 'jpeg'].join('|')})$`, 'i')

/**
 * The image files where a review's relative image paths point: its folder (a site's bundle or content
 * folder holds them beside the page) and the `assets/` folder in it (Verdict's own layout), each by a
 * stamp of its stat. Each look says which images arrived or changed since the one before; a folder that
 * is not there (yet) has none. Only image names are stat'ed, so a content folder of many posts costs
 * one directory read.
 */
export class ImageListing {
  private seen = new Map<string, string>()

  constructor(private readonly folder: string) {}

  /** Paths (relative to the folder, `/`-separated) of the images new or changed since the last look. */
  async changes(): Promise<string[]> {
    const now = new Map<string, string>()
    for (const sub of ['', ASSETS_DIR]) {
      for (const name of await imageNames(join(this.folder, sub))) {
        const info = await stat(join(this.folder, sub, name)).catch(() => undefined)
        if (info?.isFile()) now.set(sub ? `${sub}/${name}` : name, `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`)
      }
    }
    const changed = [...now].filter(([path, stamp]) => this.seen.get(path) !== stamp).map(([path]) => path)
    this.seen = now
    return changed
  }
}

async function imageNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => IMAGE_NAME.test(name))
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT', 'ENOTDIR')) return []
    throw error
  }
}
