/**
 * Locks shared by every process on this machine working on one library — a second app instance, the
 * browser mode, a script — so a queued post is sent by one of them only and the library's own files
 * have one writer at a time. A lock is `locks/<name>.lock` in this machine's state folder of the
 * library (fs/machineState.ts: a lock synced to another machine would mean nothing there), a folder
 * made atomically (proper-lockfile's mkdir strategy: every OS, network drives too) and touched while
 * held, so the lock of a process killed with -9 goes stale and is taken over.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import lockfile from 'proper-lockfile'
import { VerdictError } from '../../../shared/contract'
import { localDir } from './machineState'

export interface LockOptions {
  /** How long to wait for another holder; 0 tries once. */
  waitMs: number
  /** A lock not touched for this long belongs to a process that died. */
  staleMs?: number
  /** Told when the lock was lost while held (its folder removed, or the disk stopped answering). */
  onCompromised?: (error: Error) => void
}

/** A lock: its file name (ours alone, the same on every file system) and what it guards, for messages. */
export interface LibraryLock {
  name: string
  what: string
}

export const OUTBOX_LOCK: LibraryLock = { name: 'outbox', what: 'outbox' }
export const INDEX_LOCK: LibraryLock = { name: 'index', what: 'index' }

/** A review's publishing: its id is any folder name, so the file is named by its hash. */
export function publishLock(reviewId: string): LibraryLock {
  return { name: `publish-${createHash('sha256').update(reviewId).digest('hex').slice(0, 32)}`, what: `publishing of “${reviewId}”` }
}

const DEFAULT_STALE_MS = 10_000

/** Runs `work` holding the library's `lock`; throws CONFLICT when another holder keeps it past `waitMs`. */
export async function withLibraryLock<T>(stateDir: string, lock: LibraryLock, work: () => Promise<T>, options: LockOptions): Promise<T> {
  const release = await acquire(stateDir, lock.name, options)
  if (!release) throw new VerdictError('CONFLICT', `Another Verdict window or process is busy with this library’s ${lock.what}; try again in a moment.`)
  try {
    return await work()
  } finally {
    await release().catch(() => {})
  }
}

async function acquire(stateDir: string, name: string, { waitMs, staleMs = DEFAULT_STALE_MS, onCompromised }: LockOptions): Promise<(() => Promise<void>) | undefined> {
  const folder = await localDir(stateDir, 'locks')
  try {
    return await lockfile.lock(join(folder, name), {
      realpath: false,
      lockfilePath: join(folder, `${name}.lock`),
      stale: staleMs,
      update: Math.max(1000, staleMs / 2),
      retries: waitMs > 0 ? { forever: true, minTimeout: 25, maxTimeout: 250, maxRetryTime: waitMs } : 0,
      // The default throws from a timer, which would end the app; the work in hand finishes instead.
      onCompromised: onCompromised ?? (() => {}),
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return undefined
    throw error
  }
}
