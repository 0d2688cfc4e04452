import { realpath } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve, sep, basename, join } from 'node:path'
import { fail } from '../errors'

/**
 * Exports never write into the review they read (its folder is hashed before and after in the
 * tests): a destination inside the review folder is refused. Symlinks in the existing part of the
 * destination are resolved.
 */
export async function refuseInsideReview(source: { id: string; dir: string }, dest: string): Promise<void> {
  const review = await realpath(source.dir)
  const target = await realExisting(resolve(dest))
  const rel = relative(review, target)
  if (rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))) {
    fail('INVALID_ARGUMENT', `An export of “${source.id}” cannot be written inside the review's own folder; choose another place.`)
  }
}

/** `path` with its longest existing ancestor resolved through symlinks. */
async function realExisting(path: string): Promise<string> {
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
