import { realpath } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * `path` with its longest existing ancestor resolved through symlinks and the rest appended: where a
 * folder that does not exist yet would really be, for judging it before it is made.
 */
export async function realPathOfNearest(path: string): Promise<string> {
  const missing: string[] = []
  let current = path
  for (;;) {
    try {
      return join(await realpath(current), ...missing.reverse())
    } catch {
      const parent = dirname(current)
      if (parent === current) return path
      missing.push(basename(current))
      current = parent
    }
  }
}
