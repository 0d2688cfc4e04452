/**
 * The browser mode's own file and folder picker: the browser has no system dialog that returns a
 * path, so main serves one. A pick starts only when main asks for one (the `pickFolder`/`pickFile`
 * channels); the page shows the picker while it is pending, and only then may it list folders or
 * answer with a path. What it answers goes back through main, which hands the renderer a token.
 */
import { randomBytes } from 'node:crypto'
import { readdir, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, extname, isAbsolute, join, resolve } from 'node:path'
import { RequestError } from './body'

export type PickKind = 'folder' | 'file'

/** What the page is told to show. */
export interface PickRequest {
  session: string
  kind: PickKind
  /** For files: the extensions offered (lower case, no dot). */
  extensions: string[]
  /** The folder the picker opens in. */
  start: string
}

export interface FolderListing {
  path: string
  /** Null at the top of the file system. */
  parent: string | null
  folders: string[]
  files: string[]
  /** True when the folder held more entries than are listed. */
  truncated: boolean
}

/** More entries than anyone scrolls through; a folder of 100,000 files still answers at once. */
const MAX_ENTRIES = 2000

export class PickerBroker {
  private pending: (PickRequest & { answer: (path: string | null) => void }) | undefined
  private readonly watchers = new Set<(event: 'picker' | 'picker-done', data: unknown) => void>()

  constructor(private readonly start: () => string = homedir) {}

  /** Pages showing the picker subscribe here (the event stream); returns the unsubscribe. */
  subscribe(watcher: (event: 'picker' | 'picker-done', data: unknown) => void): () => void {
    this.watchers.add(watcher)
    if (this.pending) watcher('picker', this.requestOf(this.pending))
    return () => this.watchers.delete(watcher)
  }

  /** Main's side: resolves with the chosen path, or null when cancelled (or replaced by a newer pick). */
  pick(kind: PickKind, extensions: string[] = []): Promise<string | null> {
    this.finish(null)
    return new Promise((answer) => {
      this.pending = { session: randomBytes(16).toString('base64url'), kind, extensions: extensions.map((e) => e.toLowerCase()), start: this.start(), answer }
      this.broadcast('picker', this.requestOf(this.pending))
    })
  }

  /** The page's side: the folder's sub-folders (and, for a file pick, its files of the offered kinds). */
  async list(session: string, path: string): Promise<FolderListing> {
    const pick = this.current(session)
    const folder = absolute(path)
    let entries
    try {
      entries = await readdir(folder, { withFileTypes: true })
    } catch (error) {
      throw new RequestError(404, `The folder “${folder}” cannot be opened: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`)
    }
    const folders: string[] = []
    const files: string[] = []
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await isFolderPath(join(folder, entry.name))))
      if (isFolder) folders.push(entry.name)
      else if (pick.kind === 'file' && pick.extensions.includes(extname(entry.name).slice(1).toLowerCase())) files.push(entry.name)
    }
    const byName = (a: string, b: string) => a.localeCompare(b)
    const parent = dirname(folder)
    return {
      path: folder,
      parent: parent === folder ? null : parent,
      folders: folders.sort(byName).slice(0, MAX_ENTRIES),
      files: files.sort(byName).slice(0, MAX_ENTRIES),
      truncated: folders.length > MAX_ENTRIES || files.length > MAX_ENTRIES,
    }
  }

  /** The page's answer: a path (the folder shown, or a file in it), or null for Cancel. */
  async choose(session: string, path: string | null): Promise<void> {
    const pick = this.current(session)
    if (path !== null) {
      const chosen = absolute(path)
      const isFolder = await isFolderPath(chosen)
      if (pick.kind === 'folder' && !isFolder) throw new RequestError(400, `“${chosen}” is not a folder.`)
      if (pick.kind === 'file' && (isFolder || !pick.extensions.includes(extname(chosen).slice(1).toLowerCase()))) {
        throw new RequestError(400, `“${chosen}” is not a ${pick.extensions.map((e) => `.${e}`).join(', ')} file.`)
      }
      path = chosen
    }
    this.finish(path)
  }

  private current(session: string): PickRequest {
    if (!this.pending || this.pending.session !== session) throw new RequestError(409, 'This picker is no longer open; press “Browse…” again.')
    return this.pending
  }

  private finish(path: string | null): void {
    const done = this.pending
    if (!done) return
    this.pending = undefined
    done.answer(path)
    this.broadcast('picker-done', { session: done.session })
  }

  private requestOf({ session, kind, extensions, start }: PickRequest): PickRequest {
    return { session, kind, extensions, start }
  }

  private broadcast(event: 'picker' | 'picker-done', data: unknown): void {
    for (const watcher of this.watchers) watcher(event, data)
  }
}

/** The picker's location field takes absolute paths only: nothing relative to the server's folder. */
function absolute(path: string): string {
  if (path.includes('\0') || !isAbsolute(path)) throw new RequestError(400, `“${path.slice(0, 200)}” is not a full path (it must start at the top of the disk).`)
  return resolve(path)
}

async function isFolderPath(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
