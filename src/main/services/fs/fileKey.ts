/** What identifies one version of a file (a `review.md`): read by the listing's index and the search's. */
import type { Stats } from 'node:fs'

export interface FileKey {
  mtimeMs: number
  ctimeMs: number
  size: number
  ino: number
}

export function keyOf(info: Stats): FileKey {
  return { mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, size: info.size, ino: info.ino }
}

export function sameKey(a: FileKey, b: FileKey): boolean {
  return a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.size === b.size && a.ino === b.ino
}
