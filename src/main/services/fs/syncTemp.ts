/**
 * Names sync engines give a file while it arrives, before renaming it to its real name, and the
 * placeholders of files not downloaded yet. Such a file is never a review or an image of one, and
 * while one stands for a review's `review.md` the review.md there may be the old one or, with an
 * engine that writes in place, half of the new one.
 */
const PATTERNS: RegExp[] = [
  /^\.syncthing\.(.+)\.tmp$/, // Syncthing (a long name becomes a hash: no target then)
  /^~syncthing~(.+)\.tmp$/, // Syncthing on Windows
  /^\.(.+)\.~[0-9a-f]+$/i, // Nextcloud and ownCloud
  /^\.(.+)\.icloud$/, // iCloud Drive: not downloaded yet
  /^~.*\.tmp$/i, // OneDrive and other Windows writers
]

/** Whether `name` is one of those temp files or placeholders. */
export function isSyncTemp(name: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(name))
}

/** Whether one of `names` (a folder's entries) may be on its way to becoming `target`. */
export function arrivingAs(names: Iterable<string>, target: string): boolean {
  for (const name of names) {
    for (const pattern of PATTERNS) {
      const match = pattern.exec(name)
      if (match && (match[1] === undefined || match[1] === target || /^[0-9a-f]{64}$/.test(match[1]))) return true
    }
  }
  return false
}
