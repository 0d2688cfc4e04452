import { realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { fail } from '../errors'
import { realPathOfNearest } from '../fs/realPath'

/**
 * Exports never write into the review they read (its folder is hashed before and after in the
 * tests): a destination inside the review folder is refused. Symlinks in the existing part of the
 * destination are resolved.
 */
export async function refuseInsideReview(source: { id: string; dir: string }, dest: string): Promise<void> {
  const review = await realpath(source.dir)
  const target = await realPathOfNearest(resolve(dest))
  const rel = relative(review, target)
  if (rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))) {
    fail('INVALID_ARGUMENT', `An export of “${source.id}” cannot be written inside the review's own folder; choose another place.`)
  }
}

