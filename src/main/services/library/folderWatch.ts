/**
 * Which review folders nothing has touched since the listing last looked at them, so a warm listing
 * need not `stat` each `review.md` and folder again (issue 19: those 20,000 stats were most of a
 * warm listing of 10,000 reviews).
 *
 * Linux only, in Verdict's own layout, on a local file system: inotify, which Node's `fs.watch`
 * uses there, watches one folder at a time and reports every entry created, written, renamed or
 * removed in it (an edit in place, a save by rename, a checkout, a sync engine's temporary file and
 * its conflict copy), but not changes made by another machine on a network or FUSE drive. A
 * library-wide watcher library would not do better here: chokidar wraps the same `fs.watch` and
 * starts with a `stat` of every file, @parcel/watcher is native code (a build per Electron) that
 * also needs a watch per folder on Linux.
 *
 * A folder is trusted only while its watch was in place before the stat the listing holds, and no
 * event came since. Anything that could hide a change ends the trust, and the listing then stats
 * as before: any event in the folder; the folder itself moved, removed or unmounted (its watch is
 * dropped); an event at the library's root naming it (it may be another folder now); a watch
 * error; a burst of events as large as the kernel's queue could have overflowed with (libuv drops
 * inotify's overflow notice, so a lost event can only be told by the burst that filled the queue:
 * libuv reads the whole queue in one go); and a timer, every few minutes. A `review.md` that is a
 * link or has other hard links (written through another path) is never trusted.
 */
import { readFileSync, statfsSync, watch, type FSWatcher } from 'node:fs'
import { basename, sep } from 'node:path'
import { performance } from 'node:perf_hooks'

/** Local file systems (statfs magic numbers): ext2-4, XFS, Btrfs, tmpfs, F2FS, ZFS, overlayfs, bcachefs, JFS, ReiserFS. */
const LOCAL_FILE_SYSTEMS = new Set([0xef53, 0x58465342, 0x9123683e, 0x01021994, 0xf2f52010, 0x2fc12fc1, 0x794c7630, 0xca451a4e, 0x3153464a, 0x52654973])
/**
 * Main's time for one slice of watching and verifying folders, between which it answers requests.
 * A slice of 400 folders took 6 ms on a quiet machine but 40-200 ms with the search index's cold
 * build and other work on two cores: a slice is ended by time, not by count.
 */
const SLICE_MS = 4
/** Every so often the trust ends, and the next listing stats every folder again. */
const REVIEW_ALL_MS = 5 * 60_000

/** The inotify limit of one Linux setting, or `fallback` where it cannot be read. */
function inotifyLimit(name: string, fallback: number): number {
  try {
    const value = Number(readFileSync(`/proc/sys/fs/inotify/${name}`, 'utf8'))
    return Number.isSafeInteger(value) && value > 0 ? value : fallback
  } catch {
    return fallback
  }
}

/** Whether changes under `root` reach this machine's inotify: Linux, on a local file system. */
export function watchableFolder(root: string): boolean {
  if (process.platform !== 'linux') return false
  try {
    return LOCAL_FILE_SYSTEMS.has(Number(statfsSync(root).type))
  } catch {
    return false
  }
}

interface Folder {
  watcher: FSWatcher
  /** Verified since the watch began, and no event since. */
  clean: boolean
}

export interface FolderWatchOptions {
  root: string
  /**
   * Whether the review's folder and `review.md` are still as the listing last read them (the file
   * a plain one with no other hard link); called in the same task that starts trusting it, so an
   * event after the check ends the trust again.
   */
  unchangedSinceListed: (id: string) => boolean
  /** At most this many folders watched: inotify's watches are shared by every program of the user. */
  maxWatches?: number
  /** A burst of this many events may have overflowed the kernel's queue. */
  burstLimit?: number
  reviewAllMs?: number
  log?: (message: string, detail?: unknown) => void
}

export class FolderWatch {
  private readonly folders = new Map<string, Folder>()
  private rootWatcher: FSWatcher | undefined
  private readonly maxWatches: number
  private readonly burstLimit: number
  private burst = 0
  private timer: NodeJS.Timeout | undefined
  /** Set once a watch could not be added (the user's limit): no more are tried. */
  private full = false
  private closed = false
  private watching: Promise<void> | undefined
  private readonly log: (message: string, detail?: unknown) => void

  constructor(private readonly options: FolderWatchOptions) {
    // A quarter of the user's watches: editors, sync engines and file managers need theirs.
    this.maxWatches = options.maxWatches ?? Math.floor(inotifyLimit('max_user_watches', 8192) / 4)
    // Far below the queue's length: a false alarm costs one full listing, a missed one a stale row.
    this.burstLimit = options.burstLimit ?? Math.min(1024, Math.floor(inotifyLimit('max_queued_events', 16384) / 4))
    this.log = options.log ?? ((message, detail) => console.error(message, detail ?? ''))
  }

  /**
   * The review folders of `ids` the listing may take as last read. Waits first for the events of
   * changes made before it was called: libuv reads them in the poll phase this task resumes after.
   */
  async unchanged(ids: readonly string[]): Promise<ReadonlySet<string>> {
    await new Promise((resolve) => setImmediate(resolve))
    const trusted = new Set<string>()
    if (this.closed || !this.rootWatcher) return trusted
    for (const id of ids) if (this.folders.get(id)?.clean) trusted.add(id)
    return trusted
  }

  /**
   * After a listing: watches the folders not watched yet and verifies those not trusted, in slices,
   * in the background. Their next listing takes them as read if nothing happened meanwhile.
   */
  afterListing(ids: readonly string[]): Promise<void> {
    if (this.closed) return Promise.resolve()
    this.watching ??= this.watchAndVerify(ids).finally(() => (this.watching = undefined))
    return this.watching
  }

  /** Resolves once the folders of the last listing are watched and verified (tests). */
  async settled(): Promise<void> {
    await this.watching
  }

  /** Stops watching for good (the library was closed). */
  close(): void {
    this.closed = true
    this.reset()
  }

  private async watchAndVerify(ids: readonly string[]): Promise<void> {
    if (!this.rootWatcher && !this.startRoot()) return
    this.timer ??= setInterval(() => this.distrustAll(), this.options.reviewAllMs ?? REVIEW_ALL_MS).unref()
    let sliceStart = performance.now()
    for (const id of ids) {
      if (performance.now() - sliceStart >= SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve))
        if (this.closed || !this.rootWatcher) return
        sliceStart = performance.now()
      }
      const folder = this.folders.get(id) ?? this.watchFolder(id)
      if (!folder || folder.clean) continue
      folder.clean = true
      if (!this.options.unchangedSinceListed(id)) folder.clean = false
    }
  }

  private startRoot(): boolean {
    try {
      const root = this.options.root
      this.rootWatcher = this.watcher(root, (name) => {
        // The root itself moved, went or was unmounted: every folder's watch may be gone with it.
        if (name === null || name === basename(root)) this.reset()
        // A folder of that name came, went or was replaced: its watch may follow another folder.
        else this.drop(name)
      })
      return true
    } catch (error) {
      this.log('Library: could not watch the library folder; listings look at every review', error)
      return false
    }
  }

  private watchFolder(id: string): Folder | undefined {
    if (this.full || this.folders.size >= this.maxWatches) return undefined
    try {
      const folder: Folder = {
        clean: false,
        watcher: this.watcher(`${this.options.root}${sep}${id}`, (name) => {
          // The folder itself moved, went or was unmounted: its watch ends (a child of its own name, too).
          if (name === null || name === id) this.drop(id)
          else folder.clean = false
        }),
      }
      this.folders.set(id, folder)
      return folder
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      // ENOSPC: the user's inotify watches are all taken; the rest of the folders are stat'ed.
      if (code === 'ENOSPC' || code === 'EMFILE') this.full = true
      else if (code !== 'ENOENT' && code !== 'ENOTDIR') this.log(`Library: could not watch the folder of ${id}`, error)
      return undefined
    }
  }

  private watcher(path: string, onName: (name: string | null) => void): FSWatcher {
    const watcher = watch(path, { persistent: false }, (_event, name) => {
      this.count()
      onName(name === null ? null : String(name))
    })
    watcher.on('error', (error) => {
      this.log('Library: a folder watch failed; listings look at every review', error)
      this.reset()
    })
    return watcher
  }

  /** Counts the events of this turn of the event loop: a burst as long as the kernel's queue may have lost some. */
  private count(): void {
    if (this.burst++ === 0) setImmediate(() => (this.burst = 0))
    if (this.burst === this.burstLimit) this.distrustAll()
  }

  private distrustAll(): void {
    for (const folder of this.folders.values()) folder.clean = false
  }

  private drop(id: string): void {
    this.folders.get(id)?.watcher.close()
    this.folders.delete(id)
  }

  /** Every watch ends; the next listing stats every folder and watches them again. */
  private reset(): void {
    for (const folder of this.folders.values()) folder.watcher.close()
    this.folders.clear()
    this.rootWatcher?.close()
    this.rootWatcher = undefined
    clearInterval(this.timer)
    this.timer = undefined
  }
}
