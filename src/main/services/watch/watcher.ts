/**
 * Tells the renderer when an open review's file changes outside Verdict (another editor, a sync
 * client) or its folder disappears (renamed, deleted): `review-changed-on-disk` carries the new
 * content hash, `review-missing` the id. `review-images-changed` names the images that arrived or
 * changed where the review's image paths point (a sync engine often brings `assets/poster.jpg` after
 * the review.md that shows it), so every view of them loads them again. `review-conflict` says when
 * the review comes into conflict (a sync engine's copy beside its file, git's markers in it) or out
 * of it, so the open review shows it, not only the library. Changes are judged by content hash, never by mtime alone,
 * so a touch or a copy of the same text is no change, and Verdict's own saves are not reported.
 *
 * Watching uses node:fs.watch (one recursive watcher where the platform has it natively, else the
 * library folder plus each open review's folder and its `assets/`; and in a site, the folders of the
 * site's images the open review names, `static/img/` for `/img/x.png`), debounced; where watching fails, or in `poll`
 * mode, the open reviews are polled (a stat each, a hash only when the stat moved). Only the
 * reviews asked for by `watch` are ever read, and nothing is ever written.
 */
import { watch as fsWatch, type FSWatcher } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, sep } from 'node:path'
import type { AppEvent } from '../../../shared/contract'
import type { ReviewConflict } from '../../../shared/model'
import { reviewId } from '../../../shared/validate'
import { IMAGE_REFERENCE, safeSitePath } from '../pipeline'
import { reviewConflictOf, type ConflictCopy } from '../conflicts/conflictCopies'
import { hasGitConflict } from '../conflicts/gitMarkers'
import { ASSETS_DIR, contentHash, REVIEW_FILE } from '../library/library'
import { KeyedSerial } from '../recovery/keyed'
import { ReviewFolder } from './reviewFolder'

export interface WatcherOptions {
  events: { emit(event: AppEvent): void }
  /** `auto`: fs.watch with polling as fallback and safety net; `poll`: polling only. */
  mode?: 'auto' | 'poll'
  debounceMs?: number
  /** Poll period in `poll` mode or after fs.watch failed. */
  pollMs?: number
  /** Slow poll that also runs beside fs.watch (events can be missed on network or synced drives); 0 disables. */
  safetyPollMs?: number
  /** Whether fs.watch can be recursive on this platform (defaults to macOS and Windows). */
  recursive?: boolean
  log?: (message: string, detail?: unknown) => void
}

interface Watched {
  /** Content hash the editor holds, or `missing` once the folder or file went away. */
  known: string | 'missing'
  /** Verdict's own writes in flight: checks wait for them. */
  writes: number
  recheck: boolean
  timer?: NodeJS.Timeout | undefined
  folderWatcher?: FSWatcher | undefined
  /** Without recursive watching, the review folder's `assets/`, where the folder watcher sees no file. */
  assetsWatcher?: FSWatcher | undefined
  /** Last stat seen, to skip hashing while polling. */
  seen?: string | undefined
  /** The review's folder as last looked at: its images and conflict copy. */
  folder: ReviewFolder
  /** The site's images the file names from the site's root, by the path it writes, to their files. */
  siteImages: ReadonlyMap<string, string>
  /** A watcher on each of their folders, by folder. */
  siteWatchers: Map<string, FSWatcher>
  folderTimer?: NodeJS.Timeout | undefined
  copy?: ConflictCopy | undefined
  /** Whether the file as last read has git's conflict markers. */
  git: boolean
  /** The conflict last reported (JSON; `null` for none). */
  conflictShown: string
}

export class ReviewWatcher {
  private root: string | undefined
  /** The review's file: `<id>/review.md`, or where a site layout keeps it. */
  private fileOf: (id: string) => string = (id) => join(this.root ?? '', id, REVIEW_FILE)
  private readonly watched = new Map<string, Watched>()
  private readonly serial = new KeyedSerial()
  private readonly folderSerial = new KeyedSerial()
  private rootWatcher: FSWatcher | undefined
  private pollTimer: NodeJS.Timeout | undefined
  private polling: boolean
  private readonly debounceMs: number
  private readonly pollMs: number
  private readonly safetyPollMs: number
  private readonly recursive: boolean
  private readonly log: (message: string, detail?: unknown) => void
  /** Where a site's paths from its root are read from (undefined outside a site). */
  private siteImagesDir: Promise<string | undefined> = Promise.resolve(undefined)

  constructor(private readonly options: WatcherOptions) {
    this.polling = options.mode === 'poll'
    this.debounceMs = options.debounceMs ?? 150
    this.pollMs = options.pollMs ?? 1500
    this.safetyPollMs = options.safetyPollMs ?? 10_000
    this.recursive = options.recursive ?? (process.platform === 'darwin' || process.platform === 'win32')
    this.log = options.log ?? ((message, detail) => console.error(message, detail ?? ''))
  }

  /**
   * The library in use changed: forget every watch (the renderer watches again what it opens).
   * `siteImagesDir`: in a site, the folder its paths from the root (`/img/x.png`) are read from.
   */
  useLibrary(root: string, fileOf?: (id: string) => string, siteImagesDir?: () => Promise<string | undefined>): void {
    this.close()
    this.root = root
    this.fileOf = fileOf ?? ((id) => join(root, id, REVIEW_FILE))
    this.siteImagesDir = (siteImagesDir?.() ?? Promise.resolve(undefined)).catch((error: unknown) => {
      this.log('Watcher: could not find the site’s images folder', error)
      return undefined
    })
    this.polling = this.options.mode === 'poll'
  }

  /** Starts reporting changes of `id`'s file away from `hash` (the hash the editor loaded or saved). */
  async watch(id: string, hash: string): Promise<void> {
    if (!reviewId.safeParse(id).success || !this.root) return
    const existing = this.watched.get(id)
    if (existing) existing.known = hash
    else {
      const file = this.fileOf(id)
      this.watched.set(id, {
        known: hash,
        writes: 0,
        recheck: false,
        folder: new ReviewFolder(dirname(file), basename(file)),
        siteImages: new Map(),
        siteWatchers: new Map(),
        git: false,
        conflictShown: 'null',
      })
    }
    // The first look at the images only learns what is there (a conflict it reports); it is queued before any event's look.
    const folder = existing ? undefined : this.lookAtFolder(id, false)
    this.startWatching(id)
    // The file may have changed between opening and watching.
    await Promise.all([this.check(id, true), folder])
  }

  /** The review's folder moved to `to` by Verdict (it follows the title): a watch of it moves along, at `hash`. */
  async follow(from: string, to: string, hash: string): Promise<void> {
    if (!this.watched.has(from)) return
    this.unwatch(from)
    await this.watch(to, hash)
  }

  unwatch(id: string): void {
    const entry = this.watched.get(id)
    if (!entry) return
    closeEntry(entry)
    this.watched.delete(id)
    if (this.watched.size === 0) this.stopLibraryWatchers()
  }

  /**
   * Marks a write by Verdict itself; call the returned function when it is over, with the new hash
   * when it succeeded. Checks wait meanwhile, and the new hash becomes the one the editor holds.
   */
  beginOwnWrite(id: string): (hash?: string) => void {
    const entry = this.watched.get(id)
    if (!entry) return () => {}
    entry.writes++
    let ended = false
    return (hash) => {
      if (ended) return
      ended = true
      entry.writes--
      if (hash) {
        entry.known = hash
        entry.seen = undefined
        // The write may have taken git's markers out (a resolution): the file is read again.
        if (entry.git) entry.recheck = true
      }
      if (entry.writes === 0 && entry.recheck && this.watched.get(id) === entry) {
        entry.recheck = false
        this.schedule(id)
      }
    }
  }

  /** Resolves once no check is queued or running (tests). */
  async settled(): Promise<void> {
    for (;;) {
      await Promise.all([this.serial.idle(), this.folderSerial.idle()])
      if (![...this.watched.values()].some((w) => w.timer || w.folderTimer)) return
      await new Promise((resolve) => setTimeout(resolve, this.debounceMs))
    }
  }

  close(): void {
    for (const entry of this.watched.values()) closeEntry(entry)
    this.watched.clear()
    this.stopLibraryWatchers()
  }

  private stopLibraryWatchers(): void {
    this.rootWatcher?.close()
    this.rootWatcher = undefined
    clearInterval(this.pollTimer)
    this.pollTimer = undefined
  }

  private startWatching(id: string): void {
    const root = this.root!
    if (!this.polling) {
      try {
        if (!this.rootWatcher) {
          this.rootWatcher = this.fsWatcher(root, this.recursive, (name) => this.onRootEvent(name))
        }
        const entry = this.watched.get(id)
        if (entry && !this.recursive && !entry.folderWatcher) {
          const file = this.fileOf(id)
          entry.folderWatcher = this.fsWatcher(dirname(file), false, (name) => {
            if (name === null || name === basename(file)) this.schedule(id)
            if (name !== basename(file)) this.scheduleFolder(id)
            // A new (or replaced) assets folder needs its own watcher.
            if (name === null || name === ASSETS_DIR) this.watchAssets(id, true)
          })
        }
        this.watchAssets(id, false)
      } catch (error) {
        // The folder may be gone (the check reports that); otherwise watching is not possible here.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.fallBackToPolling(error)
      }
    }
    this.ensurePollTimer()
  }

  /** Without recursive watching: the review folder's `assets/` once it exists (`renew`: it may be another folder now). */
  private watchAssets(id: string, renew: boolean): void {
    const entry = this.watched.get(id)
    if (!entry || this.recursive || this.polling || (entry.assetsWatcher && !renew)) return
    entry.assetsWatcher?.close()
    entry.assetsWatcher = undefined
    try {
      entry.assetsWatcher = this.fsWatcher(join(dirname(this.fileOf(id)), ASSETS_DIR), false, () => this.scheduleFolder(id))
    } catch (error) {
      // Not there yet: the folder watcher sees it arrive. Anything else leaves the safety poll to look.
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.log('Watcher: could not watch an assets folder', error)
    }
  }

  /** The folders of the site's images the review names, each watched once (a recursive watcher of the library may not reach them: `static/` is beside the content). */
  private watchSiteFolders(id: string, entry: Watched): void {
    if (this.polling) return
    const folders = new Set([...entry.siteImages.values()].map((file) => dirname(file)))
    for (const [folder, watcher] of entry.siteWatchers) {
      if (folders.has(folder)) continue
      watcher.close()
      entry.siteWatchers.delete(folder)
    }
    for (const folder of folders) {
      if (entry.siteWatchers.has(folder)) continue
      try {
        entry.siteWatchers.set(folder, this.fsWatcher(folder, false, () => this.scheduleFolder(id)))
      } catch (error) {
        // A folder not there yet is left to the safety poll, as anything else that cannot be watched.
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'ENOENT' && code !== 'ENOTDIR') this.log('Watcher: could not watch a folder of the site’s images', error)
      }
    }
  }

  private fsWatcher(path: string, recursive: boolean, onName: (name: string | null) => void): FSWatcher {
    const watcher = fsWatch(path, { recursive, persistent: false }, (_event, name) => onName(name ? String(name) : null))
    watcher.on('error', (error) => {
      watcher.close()
      if (watcher === this.rootWatcher) {
        this.rootWatcher = undefined
        this.fallBackToPolling(error)
      }
      for (const [id, entry] of this.watched) {
        if (entry.folderWatcher === watcher) {
          entry.folderWatcher = undefined
          this.schedule(id)
        }
        if (entry.assetsWatcher === watcher) {
          entry.assetsWatcher = undefined
          this.scheduleFolder(id)
        }
        for (const [folder, siteWatcher] of entry.siteWatchers) {
          if (siteWatcher !== watcher) continue
          entry.siteWatchers.delete(folder)
          this.scheduleFolder(id)
        }
      }
    })
    return watcher
  }

  /**
   * A change below the library: the reviews whose file is in the same top folder are checked, and
   * where the change is inside a review's folder (recursive watching names it), that folder.
   */
  private onRootEvent(name: string | null): void {
    const first = name?.split(/[\\/]/)[0] ?? null
    for (const id of this.watched.keys()) {
      if (first === null || relative(this.root!, this.fileOf(id)).split(sep)[0] === first) this.schedule(id)
      if (this.recursive && (name === null || isInside(dirname(this.fileOf(id)), join(this.root!, name)))) this.scheduleFolder(id)
    }
  }

  private fallBackToPolling(error: unknown): void {
    if (this.polling) return
    this.log('Watcher: file-system events are not available here; polling the open reviews instead', error)
    this.polling = true
    this.rootWatcher?.close()
    this.rootWatcher = undefined
    for (const entry of this.watched.values()) {
      entry.folderWatcher?.close()
      entry.folderWatcher = undefined
      entry.assetsWatcher?.close()
      entry.assetsWatcher = undefined
      for (const watcher of entry.siteWatchers.values()) watcher.close()
      entry.siteWatchers.clear()
    }
    clearInterval(this.pollTimer)
    this.pollTimer = undefined
    this.ensurePollTimer()
  }

  private ensurePollTimer(): void {
    if (this.pollTimer) return
    const every = this.polling ? this.pollMs : this.safetyPollMs
    if (every <= 0) return
    this.pollTimer = setInterval(() => {
      for (const id of this.watched.keys()) {
        void this.check(id, false)
        void this.lookAtFolder(id, true)
      }
    }, every)
    this.pollTimer.unref()
  }

  private schedule(id: string): void {
    this.debounce(id, 'timer', () => this.check(id, true))
  }

  private scheduleFolder(id: string): void {
    this.debounce(id, 'folderTimer', () => this.lookAtFolder(id, true))
  }

  /** Runs `look` once events about `id` pause; events meanwhile join the one already waiting. */
  private debounce(id: string, timer: 'timer' | 'folderTimer', look: () => Promise<void>): void {
    const entry = this.watched.get(id)
    if (!entry || entry[timer]) return
    const waiting = setTimeout(() => {
      entry[timer] = undefined
      void look()
    }, this.debounceMs)
    waiting.unref()
    entry[timer] = waiting
  }

  /** Looks at the review's folder again: a conflict copy coming or going is reported, and with `reportImages` the images that arrived or changed. */
  private lookAtFolder(id: string, reportImages: boolean): Promise<void> {
    return this.folderSerial.run(id, async () => {
      const entry = this.watched.get(id)
      if (!entry) return
      let look
      try {
        look = await entry.folder.look(entry.siteImages)
      } catch (error) {
        this.log(`Watcher: could not look at the folder of ${id}`, error)
        return
      }
      if (this.watched.get(id) !== entry) return
      if (reportImages && look.images.length > 0) this.options.events.emit({ type: 'review-images-changed', id, paths: look.images })
      entry.copy = look.copy
      this.reportConflict(id, entry)
    })
  }

  /** Tells the renderer when the review came into conflict, or out of it (git's markers win: they are in the file itself). */
  private reportConflict(id: string, entry: Watched): void {
    const conflict: ReviewConflict | null = entry.git ? { source: 'git' } : entry.copy ? reviewConflictOf(entry.copy) : null
    const shown = JSON.stringify(conflict)
    if (shown === entry.conflictShown) return
    entry.conflictShown = shown
    this.options.events.emit({ type: 'review-conflict', id, conflict })
  }

  /** The site's images the file names now: their folders watched, and looked at (a newly named one is learned, not reported). */
  private async noteSiteImages(id: string, entry: Watched, bytes: Buffer): Promise<void> {
    const dir = await this.siteImagesDir
    if (!dir || this.watched.get(id) !== entry) return
    const images = siteImagesOf(bytes.toString('utf8'), dir)
    if (images.size === entry.siteImages.size && [...images.keys()].every((src) => entry.siteImages.has(src))) return
    entry.siteImages = images
    this.watchSiteFolders(id, entry)
    this.scheduleFolder(id)
  }

  /** Compares the file with what the editor holds; `force` hashes even when the stat did not move. */
  private check(id: string, force: boolean): Promise<void> {
    return this.serial.run(id, async () => {
      const entry = this.watched.get(id)
      const root = this.root
      if (!entry || !root) return
      if (entry.writes > 0) {
        entry.recheck = true
        return
      }
      const path = this.fileOf(id)
      let hash: string
      let bytes: Buffer
      try {
        const info = await stat(path)
        const seen = `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`
        if (!force && seen === entry.seen && entry.known !== 'missing') return
        bytes = await readFile(path)
        hash = contentHash(bytes)
        entry.seen = seen
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'ENOENT' && code !== 'ENOTDIR') {
          this.log(`Watcher: could not read ${path}`, error)
          return
        }
        if (this.watched.get(id) !== entry || entry.writes > 0) return
        if (entry.known !== 'missing') {
          entry.known = 'missing'
          entry.seen = undefined
          entry.folderWatcher?.close()
          entry.folderWatcher = undefined
          this.options.events.emit({ type: 'review-missing', id })
        }
        return
      }
      // A write of ours may have begun while the file was read: its end decides.
      if (this.watched.get(id) !== entry || entry.writes > 0) {
        if (entry.writes > 0) entry.recheck = true
        return
      }
      entry.git = hasGitConflict(bytes)
      this.reportConflict(id, entry)
      await this.noteSiteImages(id, entry, bytes)
      const wasMissing = entry.known === 'missing'
      if (hash === entry.known) return
      entry.known = hash
      if (wasMissing) this.startWatching(id)
      this.options.events.emit({ type: 'review-changed-on-disk', id, hash })
    })
  }
}

function closeEntry(entry: Watched): void {
  clearTimeout(entry.timer)
  clearTimeout(entry.folderTimer)
  entry.folderWatcher?.close()
  entry.assetsWatcher?.close()
  for (const watcher of entry.siteWatchers.values()) watcher.close()
}

/** The images a post's text names from its site's root, by the path as written, to their files in `dir` (never outside it: safeSitePath). */
function siteImagesOf(text: string, dir: string): Map<string, string> {
  const images = new Map<string, string>()
  for (const [, , src] of text.matchAll(IMAGE_REFERENCE)) {
    const path = safeSitePath(src!)
    if (path) images.set(src!, join(dir, ...path.slice(1).split('/')))
  }
  return images
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel !== '' && rel !== '..' && !rel.startsWith('..' + sep)
}
