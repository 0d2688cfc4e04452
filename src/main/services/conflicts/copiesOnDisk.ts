/**
 * Conflict copies of a review's file as they are on disk: a name only a sync engine gives counts by
 * itself; an iCloud or OneDrive name (`part 2.md`, `chapter-II.md`) only when the file's text looks
 * like a version of the original's (conflictCopies.ts), so a post of a flat folder named so is never
 * taken for a copy and hidden. A file that cannot be read is no copy.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { conflictCopiesOf, conflictCopyOf, looksLikeCopy, type ConflictCopy } from './conflictCopies'

/** The conflict copies of `original` among `names`, the names of `dir`, oldest first. */
export async function copiesOnDisk(dir: string, original: string, names: readonly string[]): Promise<ConflictCopy[]> {
  const copies = conflictCopiesOf(original, names)
  const confirmed = await Promise.all(copies.map((copy) => copy.byName || readAlike(dir, copy)))
  return copies.filter((_, index) => confirmed[index])
}

/** Whether `name`, one of `names` in `dir`, is a conflict copy of a file beside it. */
export async function isCopyOnDisk(dir: string, name: string, names: ReadonlySet<string>): Promise<boolean> {
  const copy = conflictCopyOf(name, names)
  return copy !== undefined && (copy.byName || (await readAlike(dir, copy)))
}

async function readAlike(dir: string, copy: ConflictCopy): Promise<boolean> {
  try {
    const [text, original] = await Promise.all([readFile(join(dir, copy.name), 'utf8'), readFile(join(dir, copy.original), 'utf8')])
    return looksLikeCopy(text, original)
  } catch {
    return false
  }
}
