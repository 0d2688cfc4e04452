/**
 * A `review.md` that git left with conflict markers (a library kept in git, merged or pulled with
 * both sides changed). Pure: the file's text in, the two sides (and the base, when git wrote it
 * with `merge.conflictStyle = diff3` or `zdiff3`) out.
 *
 * Markers count only as git writes them, each at the start of its own line and in order:
 * `<<<<<<< ours`, optionally `||||||| base`, `=======`, `>>>>>>> theirs`. Anything else (a setext
 * heading's `=======` underline, a quote of `<<<<<<<`) is text.
 */

export interface GitConflict {
  /** The file as the side git calls ours had it (the branch merged into). */
  ours: string
  /** The file as the merged side had it. */
  theirs: string
  /** The common ancestor, when every conflicted hunk carries it (diff3 style). */
  base?: string
  /** The labels git wrote after the opening and closing markers (`HEAD`, a branch, a commit). */
  oursLabel: string
  theirsLabel: string
}

const OPEN = /^<{7}(?: (.*))?$/
const BASE = /^\|{7}(?: .*)?$/
const SPLIT = /^={7}$/
const CLOSE = /^>{7}(?: (.*))?$/

type Section = 'both' | 'ours' | 'base' | 'theirs'

/** Whether git left conflict markers in the file (checked for the marker's bytes first: most files have none). */
export function hasGitConflict(file: Uint8Array): boolean {
  return Buffer.from(file.buffer, file.byteOffset, file.byteLength).includes('<<<<<<<') && gitConflictOf(Buffer.from(file).toString('utf8')) !== undefined
}

/** The two sides of a file with git conflict markers; undefined when it has none, or not in git's order. */
export function gitConflictOf(text: string): GitConflict | undefined {
  if (!text.includes('<<<<<<<')) return undefined
  const lines = text.split(/(?<=\n)/)
  const out = { ours: '', theirs: '', base: '' }
  let section: Section = 'both'
  let hunks = 0
  let hunksWithBase = 0
  let oursLabel = ''
  let theirsLabel = ''
  for (const line of lines) {
    const bare = line.replace(/\r?\n$/, '')
    if (section === 'both' && OPEN.test(bare)) {
      section = 'ours'
      hunks++
      oursLabel ||= OPEN.exec(bare)![1] ?? ''
    } else if (section === 'ours' && BASE.test(bare)) {
      section = 'base'
      hunksWithBase++
    } else if ((section === 'ours' || section === 'base') && SPLIT.test(bare)) {
      section = 'theirs'
    } else if (section === 'theirs' && CLOSE.test(bare)) {
      section = 'both'
      theirsLabel ||= CLOSE.exec(bare)![1] ?? ''
    } else if (section === 'both') {
      out.ours += line
      out.theirs += line
      out.base += line
    } else {
      out[section] += line
    }
  }
  // An unclosed hunk is not git's doing: the file is read as it is.
  if (hunks === 0 || section !== 'both') return undefined
  return { ours: out.ours, theirs: out.theirs, ...(hunksWithBase === hunks ? { base: out.base } : {}), oursLabel, theirsLabel }
}
