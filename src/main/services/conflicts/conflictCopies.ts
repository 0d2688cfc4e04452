/**
 * The names sync engines give the losing side of a conflict, so a library synced between machines
 * shows the other machine's version of a review instead of losing it from view (docs/format.md,
 * "Several machines"). Pure: a file name and the names beside it in.
 *
 * - Syncthing: `review.sync-conflict-20261206-062523-EF4V22U.md` (date, time, 7 characters of the
 *   winning device's id, base32).
 * - Dropbox: `review (conflicted copy 2026-12-06).md`, `review (Ann's conflicted copy 2026-12-06).md`,
 *   a second one the same day `… 2026-12-06 (1)).md`.
 * - Nextcloud and ownCloud: `review (conflicted copy 2026-12-06 101010).md`.
 * - OneDrive: `review-DESKTOP-7QK1P2M.md`, the computer's name as Windows reports it (upper case,
 *   at most 15 letters, digits and hyphens, never digits alone).
 * - iCloud: `review 2.md`.
 * The last two look like names people give files (`poster-2.jpg`, `part 2.md`, `chapter-II.md`), so
 * they count only when the file they would be a copy of is beside them, and a review's only when its
 * text looks like a version of that file's too (looksLikeCopy; copiesOnDisk.ts reads them).
 */
import type { ReviewConflict, SyncEngine } from '../../../shared/model'

export interface ConflictCopy {
  /** The copy's own file name. */
  name: string
  /** The name of the file it is a copy of. */
  original: string
  engine: SyncEngine
  /** Told by its name alone (Syncthing, Dropbox, Nextcloud); an iCloud or OneDrive name is also one people give files. */
  byName: boolean
}

/** `stem` + extension; the extension is the last `.xxx`, as every engine splits names. */
function splitExtension(name: string): [stem: string, extension: string] {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '']
}

const SYNCTHING = /^(.+)\.sync-conflict-\d{8}-\d{6}-[A-Z2-7]{7}$/
const DROPBOX = /^(.+) \((?:.+['’]s )?conflicted copy \d{4}-\d{2}-\d{2}(?: \(\d+\))?\)$/
const NEXTCLOUD = /^(.+) \(conflicted copy \d{4}-\d{2}-\d{2} \d{6}\)$/
const ICLOUD = /^(.+) [1-9]\d*$/
/** A Windows computer name (NetBIOS rules): not digits alone, no hyphen at either end. */
const MACHINE = /^(?!\d+$)[A-Z0-9](?:[A-Z0-9-]{0,13}[A-Z0-9])?$/

/** What `name` is a conflict copy of, with the names in its folder; undefined for any other file. */
export function conflictCopyOf(name: string, siblings: ReadonlySet<string>): ConflictCopy | undefined {
  const [stem, extension] = splitExtension(name)
  const copy = (engine: SyncEngine, originalStem: string): ConflictCopy => ({ name, original: originalStem + extension, engine, byName: engine !== 'icloud' && engine !== 'onedrive' })
  // Syncthing keeps a name without an extension whole: `notes.sync-conflict-…` has none.
  const syncthing = SYNCTHING.exec(stem) ?? SYNCTHING.exec(name)
  if (syncthing) return syncthing.input === name ? { name, original: syncthing[1]!, engine: 'syncthing', byName: true } : copy('syncthing', syncthing[1]!)
  const nextcloud = NEXTCLOUD.exec(stem)
  if (nextcloud) return copy('nextcloud', nextcloud[1]!)
  const dropbox = DROPBOX.exec(stem)
  if (dropbox) return copy('dropbox', dropbox[1]!)
  const icloud = ICLOUD.exec(stem)
  if (icloud && icloud[0] !== `${icloud[1]} 1` && siblings.has(icloud[1]! + extension)) return copy('icloud', icloud[1]!)
  // `review-DESKTOP-7QK1P2M`: the machine's name may hold hyphens, so every cut is tried.
  for (let cut = stem.indexOf('-'); cut > 0; cut = stem.indexOf('-', cut + 1)) {
    if (MACHINE.test(stem.slice(cut + 1)) && siblings.has(stem.slice(0, cut) + extension)) return copy('onedrive', stem.slice(0, cut))
  }
  return undefined
}

/** How the library and the open review name a conflict copy. */
export function reviewConflictOf(copy: ConflictCopy): ReviewConflict {
  return { source: copy.engine, copy: copy.name }
}

/** The conflict copies of `original` among a folder's names, oldest name first as the engines date them. */
export function conflictCopiesOf(original: string, names: readonly string[]): ConflictCopy[] {
  const present = new Set(names)
  return names
    .flatMap((name) => {
      const copy = name === original ? undefined : conflictCopyOf(name, present)
      return copy?.original === original ? [copy] : []
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

const FRONT_MATTER = /^(?:---\r?\n([\s\S]*?)\r?\n---|\+\+\+\r?\n([\s\S]*?)\r?\n\+\+\+|(\{[\s\S]*?\n\}))\r?$/m
/** A `title` key's value in YAML, TOML or JSON front matter, quotes and a JSON comma aside. */
const TITLE = /^\s*"?title"?\s*[:=]\s*(.*?)\s*,?\s*$/m

/** The title a review's text gives itself in its front matter, if it has one. */
function titleOf(text: string): string | undefined {
  const matter = FRONT_MATTER.exec(text)
  const block = matter && matter.index === 0 ? (matter[1] ?? matter[2] ?? matter[3]) : undefined
  const value = block === undefined ? undefined : TITLE.exec(block)?.[1]
  return value?.replace(/^(["'])(.*)\1$/, '$2') || undefined
}

/**
 * Whether a review's text under an iCloud or OneDrive copy's name looks like a version of the
 * original's: both have the same title in their front matter, or they start alike for at least
 * half of the shorter. Two posts that merely share a name's stem (`part.md`, `part 2.md`) differ in both.
 */
export function looksLikeCopy(copy: string, original: string): boolean {
  const title = titleOf(copy)
  if (title !== undefined && title === titleOf(original)) return true
  const shorter = Math.min(copy.length, original.length)
  let shared = 0
  while (shared < shorter && copy.charCodeAt(shared) === original.charCodeAt(shared)) shared++
  return shorter > 0 && shared * 2 >= shorter
}
