/**
 * Library boot step: removes temp files that an interrupted atomic write (a crash, a kill, a power
 * cut) left in review folders, their `assets/`, and the app's `.verdict/` folders. Such a file is
 * never the review: the review is always the file the temp was about to replace, whole.
 */
import { lstat, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { TEMP_PREFIX } from '../fs/atomicWrite'

/** Library root, review folder, its sub-folders, `.verdict/history/<id>`: no deeper. */
const MAX_DEPTH = 3
/** A temp file of another running process younger than this may still be in flight. */
const IN_FLIGHT_MS = 10 * 60 * 1000

export interface TempCleanupOptions {
  now?: () => number
  /** Whether a process id is running (another Verdict may be saving into the same library). */
  isRunning?: (pid: number) => boolean
}

/** Removes leftover temp files; returns the paths removed. Never throws: boot must go on. */
export async function removeLeftoverTemps(root: string, options: TempCleanupOptions = {}): Promise<string[]> {
  const now = options.now ?? Date.now
  const isRunning = options.isRunning ?? processIsRunning
  const removed: string[] = []

  async function visit(dir: string, depth: number): Promise<void> {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.name.startsWith(TEMP_PREFIX) && (entry.isFile() || entry.isSymbolicLink())) {
        if (await stillInFlight(path, entry.name)) continue
        try {
          await rm(path, { force: true })
          removed.push(path)
        } catch {
          // left for the next boot
        }
      } else if (entry.isDirectory() && depth < MAX_DEPTH) {
        await visit(path, depth + 1)
      }
    }
  }

  async function stillInFlight(path: string, name: string): Promise<boolean> {
    const pid = Number(/\.(\d+)\.[0-9a-f]{12}$/.exec(name)?.[1])
    if (!Number.isSafeInteger(pid) || pid <= 0 || !isRunning(pid)) return false
    try {
      return now() - (await lstat(path)).mtimeMs < IN_FLIGHT_MS
    } catch {
      return false
    }
  }

  await visit(root, 0)
  return removed
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
