/**
 * Paths the system hands Verdict: a file opened with it (file association, macOS `open-file`), the
 * command line of the first or a second instance, a file dropped on the window. Each is judged here
 * and becomes an `open-request` for the renderer, which saves the open review before acting on it.
 *
 * Such a path is a trust boundary like a picker's answer: only the path the user handed over (and
 * the library folder it lies in) is granted, as a token for the one channel that uses it; anything
 * missing, unreadable, too large or of another kind is refused with a sentence saying why.
 */
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises'
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AppEvent, OpenRequest } from '../../shared/contract'
import { reviewId } from '../../shared/validate'
import { isErrnoCode } from '../services/errors'
import { MAX_BUNDLE_BYTES, MAX_REVIEW_BYTES } from '../services/export/bundle'
import { REVIEW_FILE } from '../services/library/library'
import type { PathGrants } from '../services/paths/grants'
import { checkLibraryFolder, type FolderRules } from '../services/paths/libraryFolder'
import { VERDICT_DIR } from '../services/recovery/privateDir'

const MARKDOWN = new Set(['.md', '.markdown'])
const MAX_PATH = 4096
/** Sub-folders looked at to tell a library without `.verdict/` yet (copied, synced) from any folder. */
const LIBRARY_PROBE = 200

export interface ArgvShape {
  /** Electron run as `electron <app> …` (development, tests): the app's path comes before the files. */
  defaultApp: boolean
  /** Where a relative path is relative to (a second instance's own working directory). */
  cwd: string
}

/**
 * The paths among a command line: not the program, not the app's path in development, not Electron's
 * or Chromium's switches (`--no-sandbox`, `--allow-file-access-from-files`, macOS `-psn_…`), which a
 * second instance's argv carries too. `file://` URLs (Linux desktop entries' %U) become paths;
 * other URLs are not files and are left out. After `--` every word is a path.
 */
export function pathsFromArgv(argv: readonly string[], { defaultApp, cwd }: ArgvShape): string[] {
  const paths: string[] = []
  let switches = true
  for (const word of argv.slice(defaultApp ? 2 : 1)) {
    if (switches && word === '--') switches = false
    else if (switches && word.startsWith('-')) continue
    else if (/^file:\/\//i.test(word)) paths.push(fileURLToPath(word))
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(word)) continue
    else if (word !== '') paths.push(resolve(cwd, word))
  }
  return paths
}

/** What a handed-over path is, before anything is granted (real paths, symlinks resolved). */
export type OpenDecision =
  | { kind: 'review'; root: string; id: string; file: string }
  | { kind: 'library'; root: string }
  | { kind: 'bundle'; file: string }
  | { kind: 'markdown'; file: string; inPlace?: { root: string; id: string }; notInPlace?: string }
  | { kind: 'refused'; message: string }

export interface OpenContext {
  /** The libraries Verdict knows: the one in use and the recent ones. */
  knownLibraries: string[]
  folderRules: FolderRules
}

/** Judges one path handed over by the system. Never throws: a path it cannot take is `refused`, with why. */
export async function decideOpen(handed: string, context: OpenContext): Promise<OpenDecision> {
  const name = `“${basename(handed).slice(0, 200) || handed.slice(0, 200)}”`
  const refused = (why: string): OpenDecision => ({ kind: 'refused', message: `Verdict cannot open ${name}: ${why}.` })
  if (handed.length > MAX_PATH || handed.includes('\0') || !isAbsolute(handed)) return refused('it is not a full path to a file or folder')
  let path: string
  try {
    // A link (a shortcut on the desktop) opens what it points to; that is what is judged below.
    path = await realpath(handed)
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT', 'ENOTDIR')) return refused((await isLink(handed)) ? 'it is a link to something that does not exist' : 'it does not exist (moved or deleted?)')
    if (isErrnoCode(error, 'ELOOP')) return refused('it is a link that leads back to itself')
    return unreadable(error, refused)
  }
  try {
    return await decidePath(path, context, refused)
  } catch (error) {
    return unreadable(error, refused)
  }
}

function unreadable(error: unknown, refused: (why: string) => OpenDecision): OpenDecision {
  if (isErrnoCode(error, 'EACCES', 'EPERM')) return refused('you do not have permission to read it')
  return refused(error instanceof Error ? error.message : String(error))
}

async function decidePath(path: string, context: OpenContext, refused: (why: string) => OpenDecision): Promise<OpenDecision> {
  const info = await stat(path)
  if (info.isDirectory()) return decideFolder(path, context, refused)
  if (!info.isFile()) return refused('it is not a file or folder (a device or a pipe?)')
  const extension = extname(path).toLowerCase()
  if (extension === '.zip') {
    if (info.size > MAX_BUNDLE_BYTES) return refused(`it is larger than the ${megabytes(MAX_BUNDLE_BYTES)} a review bundle can be`)
    if (!(await startsWithZipSignature(path))) return refused('it is not a zip archive, though its name ends in .zip')
    return { kind: 'bundle', file: path }
  }
  if (!MARKDOWN.has(extension)) {
    return refused('Verdict opens reviews (review.md), Markdown files (.md), review bundles (.zip) and library folders, and this is none of them')
  }
  const review = await reviewOf(path, context)
  if (review) return review
  if (info.size > MAX_REVIEW_BYTES) return refused(`it is larger than the ${megabytes(MAX_REVIEW_BYTES)} a review can be`)
  return { kind: 'markdown', file: path, ...(await inPlace(path, context)) }
}

/** A review's folder opens that review; a library opens; any other folder is refused, not made a library. */
async function decideFolder(path: string, context: OpenContext, refused: (why: string) => OpenDecision): Promise<OpenDecision> {
  if (await isFile(join(path, REVIEW_FILE))) {
    const review = await reviewOf(join(path, REVIEW_FILE), context)
    if (review) return review
    return refused('it is a review folder outside any library Verdict knows; open its review.md to import it or open its library')
  }
  if (!(await looksLikeLibrary(path, context))) {
    return refused('it is not a Verdict library (it holds no reviews); to start a new library there, use “Switch library…”')
  }
  const problem = await libraryProblem(path, context)
  return problem ? refused(problem) : { kind: 'library', root: path }
}

/** `<library>/<id>/review.md` of a library Verdict knows (or that has Verdict's own folder): that review. */
async function reviewOf(file: string, context: OpenContext): Promise<OpenDecision | undefined> {
  if (basename(file) !== REVIEW_FILE) return undefined
  const folder = dirname(file)
  const root = dirname(folder)
  if (!reviewId.safeParse(basename(folder)).success || !(await isKnownLibrary(root, context))) return undefined
  const problem = await libraryProblem(root, context)
  if (problem) return { kind: 'refused', message: `Verdict cannot open “${basename(folder)}”: ${problem}.` }
  return { kind: 'review', root, id: basename(folder), file }
}

/** A `review.md` in a folder of its own may open where it is: its folder's parent becomes the library. */
async function inPlace(file: string, context: OpenContext): Promise<Pick<Extract<OpenDecision, { kind: 'markdown' }>, 'inPlace' | 'notInPlace'>> {
  const id = basename(dirname(file))
  if (basename(file) !== REVIEW_FILE || !reviewId.safeParse(id).success) {
    return { notInPlace: `Only a ${REVIEW_FILE} in a folder of its own can be opened where it is; this file can be imported as a copy.` }
  }
  const root = dirname(dirname(file))
  const problem = await libraryProblem(root, context)
  return problem ? { notInPlace: `Its folder cannot be opened where it is: ${problem}.` } : { inPlace: { root, id } }
}

async function isKnownLibrary(root: string, context: OpenContext): Promise<boolean> {
  const known = await Promise.all(context.knownLibraries.map((library) => realpath(library).catch(() => library)))
  return known.includes(root) || (await isFolder(join(root, VERDICT_DIR)))
}

/** A known library, or a folder some of whose sub-folders hold a review.md (a library copied without `.verdict/`). */
async function looksLikeLibrary(root: string, context: OpenContext): Promise<boolean> {
  if (await isKnownLibrary(root, context)) return true
  const entries = await readdir(root, { withFileTypes: true }).catch(() => [])
  const folders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).slice(0, LIBRARY_PROBE)
  for (const folder of folders) if (await isFile(join(root, folder.name, REVIEW_FILE))) return true
  return false
}

/** Why this folder may not be a library (the home folder, a system folder, the app's own), if it may not. */
async function libraryProblem(root: string, context: OpenContext): Promise<string | undefined> {
  try {
    await checkLibraryFolder(root, context.folderRules)
    return undefined
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // checkLibraryFolder's sentence names the folder and suggests a picker; here only its reason is wanted.
    return /cannot be a library: ([^.]*)\./.exec(message)?.[1] ?? message
  }
}

async function startsWithZipSignature(path: string): Promise<boolean> {
  const file = await open(path, 'r')
  try {
    const { bytesRead, buffer } = await file.read(Buffer.alloc(4), 0, 4, 0)
    return bytesRead === 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && (buffer[2] === 0x03 || buffer[2] === 0x05)
  } finally {
    await file.close()
  }
}

const isFile = (path: string): Promise<boolean> => stat(path).then((info) => info.isFile(), () => false)
const isFolder = (path: string): Promise<boolean> => lstat(path).then((info) => info.isDirectory(), () => false)
const isLink = (path: string): Promise<boolean> => lstat(path).then((info) => info.isSymbolicLink(), () => false)
const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`

export interface OpenRequestsOptions {
  context: () => OpenContext
  /** The library in use, to tell whether a review or library needs a switch. */
  currentRoot: () => string
  grants: PathGrants
  emit: (event: AppEvent) => void
  /** The system's recent documents (Dock, Jump List), given each review opened from a path. */
  addRecent?: (path: string) => void
  log?: (message: string, detail?: unknown) => void
}

/**
 * Routes handed-over paths to the renderer. Paths that arrive before a renderer listens (macOS
 * `open-file` fires before the app is ready, before the services exist; the first instance's own
 * command line) wait until the renderer shows its first screen; so do those arriving while a new
 * window loads.
 */
export class OpenRequests {
  private readonly waiting: string[] = []
  private options: OpenRequestsOptions | undefined
  private listening = false
  private routing: Promise<void> = Promise.resolve()

  /** The services are up: paths can be judged and granted from now on. */
  connect(options: OpenRequestsOptions): void {
    this.options = options
  }

  /** A path handed over by the system: routed now, or once a renderer listens. */
  open(path: string): void {
    if (this.listening) this.route(path)
    else this.waiting.push(path)
  }

  /** A window is (re)loading: what arrives now waits for it. */
  rendererGone(): void {
    this.listening = false
  }

  /** The renderer shows a screen and listens: what waited is routed, in the order it came. */
  rendererReady(): void {
    if (!this.options) return
    this.listening = true
    for (const path of this.waiting.splice(0)) this.route(path)
  }

  /** Resolves once every path routed so far has reached the renderer (tests; nothing else waits on it). */
  idle(): Promise<void> {
    return this.routing
  }

  // One at a time, so requests reach the renderer in the order the system sent them.
  private route(path: string): void {
    const options = this.options
    if (!options) return void this.waiting.push(path)
    this.routing = this.routing.then(() =>
      request(path, options).then(
        (request) => options.emit({ type: 'open-request', request }),
        (error: unknown) => options.log?.(`Opening ${path} failed`, error),
      ),
    )
  }
}

/** The decision as the renderer gets it: each path it must hand back granted for its one channel. */
async function request(path: string, { context, currentRoot, grants, addRecent }: OpenRequestsOptions): Promise<OpenRequest> {
  const decision = await decideOpen(path, context())
  const current = await realpath(currentRoot()).catch(() => currentRoot())
  const library = (root: string) => (root === current ? {} : { library: { path: root, token: grants.grant(root, 'library') } })
  switch (decision.kind) {
    case 'review':
      addRecent?.(decision.file)
      return { action: 'review', path, id: decision.id, ...library(decision.root) }
    case 'library':
      return { action: 'library', path, ...library(decision.root) }
    case 'bundle':
      return { action: 'import', file: { path, token: grants.grant(decision.file, 'import') } }
    case 'markdown': {
      const file = { path, token: grants.grant(decision.file, 'import') }
      if (!decision.inPlace) return { action: 'choose', file, ...(decision.notInPlace ? { notInPlace: decision.notInPlace } : {}) }
      const { root, id } = decision.inPlace
      return { action: 'choose', file, inPlace: { library: { path: root, token: grants.grant(root, 'library') }, id } }
    }
    case 'refused':
      return { action: 'refused', path, message: decision.message }
  }
}
