/**
 * The typed IPC contract. Every channel maps one argument object to one result, declared once in
 * channels.ts; main's handler table `satisfies Handlers`, the preload implements the `Bridge` the
 * renderer's `Api` is made over, and the browser mode serves the same table over loopback HTTP.
 * Nothing here imports zod at run time: the sandboxed preload bundles this file.
 */
import type { Args, Channel, ParsedArgs, Result } from './channels'
import type { CommandId } from './commands'
import type { BlockJSON, EditorDocument } from './document'
import type { SearchField } from './search'
import type { ReviewConflict, ReviewMeta } from './model'
import type { PublishLogEntry, PublishRecord } from './publish'
import { assetSegments } from './critic'
import { isOneOf } from './oneOf'

export type OpenedReview =
  | {
      kind: 'editable'
      id: string
      hash: string
      meta: ReviewMeta
      doc: EditorDocument
      /** The token under which main keeps `doc`'s blocks: the first base of the editor's delta saves (delta.ts). */
      base: string
      /** What the file holds that the editor reports but keeps (a score outside its scale, a refused image path). */
      warnings: string[]
    }
  /** The file could not be parsed: shown read-only with the reason and its raw text, never written. */
  | { kind: 'read-only'; id: string; reason: string; raw: string }

/**
 * A long review main had not read yet, opened in two parts (openReviewInParts): its first blocks,
 * read at once, and a token for the rest (openReviewRest), read meanwhile. Until the rest comes
 * there is no base for delta saves, and the document's warnings need it whole.
 */
export interface ReviewFirstPart {
  kind: 'first-part'
  id: string
  hash: string
  meta: ReviewMeta
  /** The first top-level blocks, as the whole document begins. */
  doc: EditorDocument
  rest: string
}

/**
 * The rest of a review opened in parts: the blocks after the first part's, the document's warnings
 * and the base of its delta saves; or the review as read whole, when the first part turned out not
 * to begin the whole document or the whole could not be read (read-only).
 */
export type ReviewRest =
  | { kind: 'rest'; blocks: BlockJSON[]; warnings: string[]; base: string }
  | { kind: 'whole'; review: OpenedReview }

export interface SaveResult {
  hash: string
  updated: string
  wordCount: number
  /** The token under which main keeps the saved document's blocks: the base of the next delta save (delta.ts). */
  base: string
  /** The folder followed the new title: the review's id from now on (its images, versions and draft moved with it). */
  movedTo?: string
}

/** A review's two versions and how far they merge by themselves (ResolveConflictDialog). */
export interface ConflictView {
  id: string
  conflict: ReviewConflict
  /** Both sides' hashes as read: a resolution is refused if either file changed since. */
  oursHash: string
  theirsHash: string
  /** When the version the merge starts from was kept; null when there is none (git's diff3 base, or no history). */
  base: { at: string } | null
  /** Why only keeping one version whole is offered: a side cannot be read as a review. */
  unmergeable?: string
  /** Front matter keys changed differently on both sides, as YAML lines ('' where a side has no such key). */
  keys: Array<{ key: string; ours: string; theirs: string }>
  /** The merged body in order: stretches taken without asking, and conflicts to pick. */
  body: ConflictRegion[]
}

export type ConflictSide = 'ours' | 'theirs'

export type ConflictRegion =
  | { kind: 'taken'; side: ConflictSide | 'both'; markdown: string }
  | { kind: 'conflict'; ours: string; theirs: string }

/** Why a version of a review was kept. */
export const VERSION_REASONS = ['autosave', 'manual', 'publish', 'restore', 'tags', 'conflict'] as const
export type VersionReason = (typeof VERSION_REASONS)[number]

/** One kept version of a review's `review.md` (newest first in `listVersions`). */
export interface VersionInfo {
  /** `<UTC stamp>-<first 8 hex of the content hash>`, e.g. `20261125T100000123Z-1a2b3c4d`. */
  versionId: string
  /** ISO time the version was taken: the file held this text at that moment. */
  at: string
  reason: VersionReason
  wordCount: number
  /** Words gained (+) or lost (−) since the previous (older) version; the oldest counts from 0. */
  wordDelta: number
}

/** A review's kept versions, and the last time one was due but could not be kept (until one is kept again). */
export interface VersionList {
  versions: VersionInfo[]
  missed?: { at: string; message: string }
}

/** A word or line diff, from the version (`delete`: only in the version) to the current file (`insert`). */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

/** An editor state journaled before it was saved, found at startup. */
export interface RecoveredDraft {
  id: string
  title: string
  /** ISO time the draft was journaled. */
  at: string
  wordCount: number
  /** False when the review's folder no longer exists (renamed, deleted): the draft is kept all the same. */
  reviewExists: boolean
}

export const EXPORT_FORMATS = ['html', 'html-folder', 'markdown', 'pdf'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
export type ColorScheme = 'light' | 'dark'

/** How a page is laid out: the blog theme and its colours (preview, open in browser, export). */
export interface PageLook {
  theme: string
  colorScheme: ColorScheme
}

/** What "As on <blog>" asks of main: which blog, whether to fetch its page anew, the post's date choice. */
export type AsOnRequest = NonNullable<ParsedArgs<'renderPreview'>['asOn']>

/** Of a list of `pieces` (HTML, one element each with the line breaks after it), those at `[start, start + removed)` replaced by `insert`. */
export interface PiecesPatch {
  pieces: number
  start: number
  removed: number
  insert: string[]
}

/** The page the preview frame shows (`from`) made the newest one: its head's elements and its body's blocks patched, the rest the same. */
export interface PreviewPatch {
  from: string
  head: PiecesPatch
  body: PiecesPatch
}

/** A rendered preview: where main serves it, what readers won't see as written, and whose look it has. */
export interface PreviewPage {
  url: string
  /** The newest page as a patch of the one the frame shows (when the request named it and only the body changed). */
  patch?: PreviewPatch
  /** The token under which main holds the document rendered: the next render may send a delta on it (shared/delta.ts). */
  base: string
  warnings: string[]
  /** Shown as on a blog: the page of it that gave the look, when it was fetched, and why a refresh failed (the kept look is shown). */
  asOn?: { blogName: string; pageUrl: string; fetchedAt: string; unreachable?: string }
}

export interface ExportRequest extends PageLook {
  ids: string[]
  format: ExportFormat
  /** Folder receiving the files; names come from the reviews' titles (suffixed, never overwritten). */
  destDir: string
  pageSize: 'A4' | 'Letter'
  marginsMm: number
}

/** What a path picked in main's dialog is for: its token is good for that channel only. */
export const PICK_PURPOSES = ['library', 'export', 'save-as', 'publish-folder', 'import'] as const
export type PickPurpose = (typeof PICK_PURPOSES)[number]

/**
 * A path the user picked in main's dialog: `path` to show, `token` to hand back to the channel it
 * was picked for. Channels that reach outside the library take the token, never a path.
 */
export interface PickedPath {
  path: string
  token: string
}

/**
 * What to do with a path the system handed over (opened with Verdict, given on the command line,
 * dropped on the window), as main decided it. Paths the renderer must hand back come as picks.
 */
export type OpenRequest =
  /** A review of a library: `library` when it is not the library in use (switch to it first). */
  | { action: 'review'; path: string; id: string; library?: PickedPath }
  | { action: 'library'; path: string; library?: PickedPath }
  /** A review bundle (.zip): imported into the library in use. */
  | { action: 'import'; file: PickedPath }
  /**
   * A Markdown file outside any library: the critic chooses to import a copy, or (a `review.md` in a
   * review folder) to open it where it is, its folder's parent becoming the library.
   */
  | { action: 'choose'; file: PickedPath; inPlace?: { library: PickedPath; id: string }; notInPlace?: string }
  | { action: 'refused'; path: string; message: string }

export interface ExportSummary {
  total: number
  succeeded: Array<{ id: string; path: string; warnings: string[] }>
  failed: Array<{ id: string; reason: string }>
}

/** One review found by the library search: the sentence that matched, its matched words marked. */
export interface SearchHit {
  id: string
  /** Where the sentence comes from. */
  field: SearchField
  snippet: string
  /** `[start, end)` of each matched word in `snippet`. */
  marks: Array<[number, number]>
  /** The matched text as the editor shows it, to scroll to when the review opens (body and verdict only). */
  focus?: string
}

export interface SearchResults {
  hits: SearchHit[]
  /** How many reviews match; at least this many when `more` (phrases are checked only as far as needed). */
  total: number
  more: boolean
  /** Filters that were left out, and why. */
  problems: string[]
  /** While the index is being built from the files: reviews read so far of those to read. */
  indexing?: { done: number; total: number }
  /** A newer search of the same session came before this one ran: nothing was looked for. */
  superseded?: true
}

/** A review a library-wide change reached, or could not (`reason`: why its file was left as it was). */
export interface ReviewTouched {
  id: string
  title: string
}

/** A tag renamed (or merged into another) across the library: each file changed, or why not. */
export interface TagRenameResult {
  changed: ReviewTouched[]
  failed: Array<ReviewTouched & { reason: string }>
  /** Hands every changed file back as it was (`undoTagRename`); none when nothing changed. */
  undo?: string
}

/** What an undo of a tag rename put back, and the files it left (changed again since, or gone). */
export interface TagUndoResult {
  restored: ReviewTouched[]
  failed: Array<ReviewTouched & { reason: string }>
}

/**
 * A Letterboxd file imported: the reviews made from it (oldest first), the library's reviews of
 * viewings it holds again (not imported twice), and each row left out or read in part, with why.
 */
export interface LetterboxdImportResult {
  imported: ReviewTouched[]
  skipped: ReviewTouched[]
  notes: string[]
}

/** The library written as Letterboxd's import file: its path, the films in it, and what was left out. */
export interface LetterboxdExportResult {
  path: string
  exported: number
  /** Reviews of other kinds (Letterboxd is for films). */
  notFilms: number
  failed: Array<ReviewTouched & { reason: string }>
}

/** What the About dialog shows. */
export interface AboutInfo {
  name: string
  version: string
  /** Electron, Chromium, Node and V8 versions as the host knows them (no Electron in the browser mode). */
  versions: { electron?: string; chrome?: string; node: string; v8?: string }
  licence: string
}

export type { Args, Channel, ParsedArgs, Result }

export const CHANNELS = [
  'getLibrary',
  'listReviews',
  'searchReviews',
  'archiveStats',
  'exportArchive',
  'switchLibrary',
  'setLibraryLayout',
  'pickFolder',
  'createReview',
  'openReview',
  'openReviewInParts',
  'openReviewRest',
  'saveReview',
  'saveReviewAs',
  'renameReview',
  'duplicateReview',
  'trashReview',
  'restoreReview',
  'importImage',
  'readImage',
  'renderPreview',
  'listThemes',
  'openInBrowser',
  'exportReviews',
  'importReview',
  'renameTag',
  'undoTagRename',
  'importLetterboxd',
  'exportLetterboxd',
  'pickFile',
  'openExternal',
  'getSettings',
  'updateSettings',
  'rememberPlace',
  'lastPlace',
  'suggestAuthor',
  'listVersions',
  'readVersion',
  'restoreVersion',
  'openConflict',
  'resolveConflict',
  'snapshotReview',
  'journalDraft',
  'clearDraft',
  'listRecovered',
  'readRecovered',
  'discardRecovered',
  'watchReview',
  'unwatchReview',
  'listBlogs',
  'saveBlog',
  'removeBlog',
  'preflightPublish',
  'publishByline',
  'publishReview',
  'listOutbox',
  'sendOutbox',
  'readPublishLog',
  'reportScreen',
  'reportFocusMode',
  'getAbout',
  'quitReady',
] as const satisfies readonly Channel[]

// The sandboxed preload cannot load zod, so the names are listed again here, without the schemas;
// with `satisfies` above, this compile-time check keeps the list equal to the declared channels.
type Missing = Exclude<Channel, (typeof CHANNELS)[number]>
const everyChannelListed: Missing extends never ? true : Missing = true
void everyChannelListed

/** Main-side implementation of the contract. */
export type Handlers = { [C in Channel]: (args: ParsedArgs<C>) => Promise<Result<C>> }

/** Events main pushes to the renderer. */
export type AppEvent =
  | { type: 'library-changed' }
  | { type: 'review-changed-on-disk'; id: string; hash: string }
  /** The open review's folder (or its review.md) was renamed or deleted outside Verdict. */
  | { type: 'review-missing'; id: string }
  /** Image files arrived or changed where the open review's image paths point (paths as the review writes them: `assets/x.jpg`). */
  | { type: 'review-images-changed'; id: string; paths: string[] }
  /** The open review came into conflict (another machine's version beside it, git's markers in it), or out of it (null). */
  | { type: 'review-conflict'; id: string; conflict: ReviewConflict | null }
  | { type: 'export-progress'; index: number; total: number; id: string; state: 'started' | 'done' | 'failed'; error?: string }
  /** One step of a publish (an image, the post, the check afterwards), as it happens. */
  | { type: 'publish-progress'; id: string; entry: PublishLogEntry }
  /**
   * Main wrote the review's publish records (into its front matter, or a site's `.verdict/`) and the
   * date the post carries (`date`, its front matter's after the write): the file now has `hash`.
   */
  | { type: 'review-published'; id: string; hash: string; published: PublishRecord[]; date: string }
  | { type: 'outbox-changed' }
  /** A post that waited in the outbox was sent, or failed for good (it waits no more). */
  | { type: 'outbox-finished'; id: string; title: string; blogName: string; result: { sent: true; url: string } | { sent: false; reason: string } }
  /** Main asks the window to open this review (a notification about it was clicked). */
  | { type: 'open-review'; id: string }
  /** The critic chose a command in the application menu. */
  | { type: 'command'; command: CommandId }
  /** The app is about to quit: save now and answer with `quitReady`. */
  | { type: 'flush-request'; token: string }
  /** The system handed Verdict a path to open (file association, command line, a drop on the window). */
  | { type: 'open-request'; request: OpenRequest }

/**
 * What the preload (or the e2e test host) exposes as `window.verdict`: deliberately tiny, so both
 * implementations are trivially the same. Results travel as envelopes because an Error crossing
 * contextBridge keeps only its message.
 */
export interface Bridge {
  /** Main checks `args` with the channel's schema whatever the type says: the type is the renderer's side of the contract. */
  invoke<C extends Channel>(channel: C, args: Args<C>): Promise<Envelope<Result<C>>>
  onEvent(listener: (event: AppEvent) => void): () => void
  /** URL under which the renderer may load a file of a review's folder (e.g. `assets/x.png`). */
  assetUrl(reviewId: string, relativePath: string): string
  /**
   * Opens a file or folder dropped on the window as if the system had handed it over (an
   * `open-request` follows). Only the preload can tell a dropped file's path, and only for a file the
   * user really dropped, so the page never names a path itself; without one (the browser) it fails.
   */
  openDropped(file: File): Promise<Envelope<void>>
}

/** A channel as a method; a channel without an argument takes `void`, so it is called with none. */
type Method<C extends Channel> = (args: Args<C>) => Promise<Result<C>>
type Methods = { [C in Channel]: Method<C> }
/** Methods as they are made, one channel at a time. */
type SomeMethods<Of extends Channel = Channel> = { [C in Of]?: Method<C> }

/** What the renderer sees: the channels as typed methods, plus events and asset URLs. */
export type Api = Methods & Pick<Bridge, 'onEvent' | 'assetUrl'> & { openDropped(file: File): Promise<void> }

export function createApi(bridge: Bridge): Api {
  return {
    ...channelMethods(bridge),
    onEvent: (listener) => bridge.onEvent(listener),
    assetUrl: (reviewId, relativePath) => bridge.assetUrl(reviewId, relativePath),
    openDropped: async (file) => unwrap(await bridge.openDropped(file)),
  }
}

function channelMethods(bridge: Bridge): Methods {
  const methods: SomeMethods = {}
  for (const channel of CHANNELS) addMethod(methods, channel, bridge)
  if (!hasEveryChannel(methods)) throw new Error('A channel of the contract has no method')
  return methods
}

/** Generic in the channel, so tsc holds each method to its own channel's argument and result. */
function addMethod<C extends Channel>(methods: SomeMethods<C>, channel: C, bridge: Bridge): void {
  const method: Method<C> = async (args) => unwrap(await bridge.invoke(channel, args))
  methods[channel] = method
}

/** Checks the list rather than asserting it: CHANNELS is every channel (checked above), but a loop's result is typed partial. */
function hasEveryChannel(methods: SomeMethods): methods is Methods {
  return CHANNELS.every((channel) => methods[channel] !== undefined)
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && isOneOf(CHANNELS, value)
}

export const IPC_PREFIX = 'verdict:'
export const EVENT_CHANNEL = 'verdict:event'
/** Not a contract channel: `invoke` cannot reach it, only the preload's `openDropped` with a dropped file's path. */
export const DROP_CHANNEL = 'verdict:open-dropped'
/** The query main adds when it reloads the window after its renderer crashed (the reason as value). */
export const RELOADED_PARAM = 'reloaded'
export const ASSET_SCHEME = 'verdict-asset'

/** `verdict-asset://library/<id>/<path>`: how the app's window loads a review's files. */
export function assetProtocolUrl(reviewId: string, relativePath: string): string {
  return `${ASSET_SCHEME}://library/${[reviewId, ...assetSegments(relativePath)].map(encodeURIComponent).join('/')}`
}

export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'OUTSIDE_LIBRARY',
  'CONFLICT',
  'READ_ONLY',
  'ALREADY_EXISTS',
  'IO',
  /** A delta save or draft named a base main no longer holds (delta.ts): the editor sends the whole document. */
  'STALE_BASE',
  /** A blog refused the sign-in: the critic enters the credentials again. */
  'UNAUTHORIZED',
  /** A blog refused the request; the message carries the blog's own words. */
  'REMOTE',
  /** The browser mode's server refused a request that did not come from Verdict's own page. */
  'FORBIDDEN',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** What crosses the bridge: errors travel as data so the code survives serialization. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } }

export class VerdictError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'VerdictError'
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  throw new VerdictError(envelope.error.code, envelope.error.message)
}
