/**
 * The one typed IPC contract. Every channel maps one argument object to one result; main's handler
 * table `satisfies Handlers`, the preload implements `Api` over it, and the e2e test host serves the
 * same table over loopback HTTP.
 */
import type { CommandId, Screen } from './commands'
import type { EditorDocument } from './document'
import type { SearchField } from './search'
import type { ImageAsset, ImageType, LibraryInfo, ReviewMeta, ReviewPlace, ReviewSummary, Settings } from './model'
import type {
  BlogDraft,
  BlogView,
  OutboxJob,
  PreflightProblem,
  PublishLogEntry,
  PublishOutcome,
  PublishRecord,
  PublishRequest,
  SecretBackend,
} from './publish'

export type OpenedReview =
  | {
      kind: 'editable'
      id: string
      hash: string
      meta: ReviewMeta
      doc: EditorDocument
      /** What the file holds that the editor reports but keeps (a score outside its scale, a refused image path). */
      warnings: string[]
    }
  /** The file could not be parsed: shown read-only with the reason and its raw text, never written. */
  | { kind: 'read-only'; id: string; reason: string; raw: string }

export interface SaveResult {
  hash: string
  updated: string
  wordCount: number
  /** The folder followed the new title: the review's id from now on (its images, versions and draft moved with it). */
  movedTo?: string
}

/** Why a version of a review was kept. */
export const VERSION_REASONS = ['autosave', 'manual', 'publish', 'restore'] as const
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

/** `exportReviews`: the reviews and look, and `folder` (a token for an `export` pick), else the folder last exported to. */
export type ExportChoice = Omit<ExportRequest, 'destDir'> & { folder?: string }

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
}

/** What the About dialog shows. */
export interface AboutInfo {
  name: string
  version: string
  /** Electron, Chromium, Node and V8 versions as the host knows them (no Electron in the browser mode). */
  versions: { electron?: string; chrome?: string; node: string; v8?: string }
  licence: string
}

export interface Contract {
  getLibrary: { args: void; result: LibraryInfo }
  listReviews: { args: void; result: ReviewSummary[] }
  /** Full-text search with filters (see shared/search.ts for the language); best matches first. */
  searchReviews: { args: { query: string; limit: number }; result: SearchResults }
  /**
   * Opens (creating if needed) another library folder and remembers it: a folder picked for
   * `library` (its token), or one of the recent libraries main remembers (`LibraryInfo.recent`).
   */
  switchLibrary: { args: { folder: string } | { recent: string }; result: LibraryInfo }
  /** Asks the user for a folder with the system dialog (the browser mode's own picker); null when cancelled. */
  pickFolder: { args: { purpose: Exclude<PickPurpose, 'import'> }; result: PickedPath | null }
  createReview: { args: { title?: string }; result: ReviewSummary }
  openReview: { args: { id: string }; result: OpenedReview }
  /** `baseHash` is the hash the editor loaded; a different file on disk is a conflict. */
  saveReview: {
    args: { id: string; meta: ReviewMeta; doc: EditorDocument; baseHash: string }
    result: SaveResult
  }
  /**
   * Writes the editor's state as a new review `<folder>/<slug>/review.md` (suffixed, never into an
   * existing folder) with the images it uses, when it cannot be saved where it is; the review is untouched.
   * `folder` is the token of a `save-as` pick. `skipped`: images the text uses that could not be copied.
   */
  saveReviewAs: {
    args: { id: string; meta: ReviewMeta; doc: EditorDocument; folder: string }
    result: { path: string; skipped: string[] }
  }
  /** Sets the title and moves the folder to the title's slug (suffixed on collision). */
  renameReview: { args: { id: string; title: string }; result: ReviewSummary }
  duplicateReview: { args: { id: string }; result: ReviewSummary }
  /** Moves the review into the library's `.trash`; `trashId` undoes it. */
  trashReview: { args: { id: string }; result: { trashId: string } }
  restoreReview: { args: { trashId: string }; result: ReviewSummary }
  /** Copies an image into the review's assets (validated, content-hash named, stored once). */
  importImage: { args: { id: string; fileName: string; data: Uint8Array }; result: ImageAsset }
  /** The bytes of one of the review's images (the renderer downscales an image too large for a blog). */
  readImage: { args: { id: string; path: string }; result: { data: Uint8Array; type: ImageType } }
  /**
   * The themed page for the editor's current (possibly unsaved) state, images via assetUrl: the
   * address (of the app's own origin) where main serves it for the preview frame.
   */
  renderPreview: {
    args: PageLook & { id: string; meta: ReviewMeta; doc: EditorDocument }
    result: { url: string; warnings: string[] }
  }
  listThemes: { args: void; result: string[] }
  /** Writes the page (images inlined) to a temp file and opens it in the system browser. */
  openInBrowser: { args: PageLook & { id: string; meta: ReviewMeta; doc: EditorDocument }; result: { path: string } }
  /** Exports saved reviews; progress arrives as `export-progress` events. Reviews are never modified. */
  exportReviews: { args: ExportChoice; result: ExportSummary }
  /** Imports a bundle made by export (.zip) or a Markdown file (.md), picked for `import` (its token), as a new review. */
  importReview: { args: { file: string }; result: ReviewSummary }
  /** Asks the user for a file with the system dialog (the browser mode's own picker); null when cancelled. */
  pickFile: { args: { purpose: 'import'; extensions: string[] }; result: PickedPath | null }
  /** Opens a link clicked in the preview in the system's browser or mail program: https and mailto only, anything else is refused. */
  openExternal: { args: { url: string }; result: void }
  getSettings: { args: void; result: Settings }
  /** The critic's choices; where the critic is (`lastReview`) goes through `rememberPlace` only. */
  updateSettings: { args: Partial<Omit<Settings, 'lastReview'>>; result: Settings }
  /** The review on screen and how far it is scrolled, or null for the library: what the next start shows. */
  rememberPlace: { args: { review: ReviewPlace | null }; result: void }
  /** The OS user's full name where the system has one ('' otherwise), offered as the critic's name on first run. */
  suggestAuthor: { args: void; result: string }
  /** The review to show at start: the one last on screen, if it is still in the current library. */
  lastPlace: { args: void; result: ReviewPlace | null }
  /** Kept versions of the review, newest first, and a version that could not be kept. */
  listVersions: { args: { id: string }; result: VersionList }
  /** A version's text and its diff to the current file. */
  readVersion: { args: { id: string; versionId: string }; result: { markdown: string; diff: DiffPart[] } }
  /** Keeps the current file as a version (undoable), then writes the chosen version over it; reopens it. */
  restoreVersion: { args: { id: string; versionId: string }; result: OpenedReview }
  /** Keeps the current file as a version now (a manual checkpoint, or before publishing). */
  snapshotReview: { args: { id: string; reason: 'manual' | 'publish' }; result: VersionInfo }
  /** The editor's unsaved state, sent about every second while typing; kept until a save holds it. */
  journalDraft: {
    args: { id: string; meta: ReviewMeta; doc: EditorDocument; baseHash: string }
    result: void
  }
  /** Drops the journaled draft (the editor has nothing unsaved). */
  clearDraft: { args: { id: string }; result: void }
  /** Drafts left by a crash or a quit with unsaved edits, newest first. */
  listRecovered: { args: void; result: RecoveredDraft[] }
  readRecovered: {
    args: { id: string }
    result: { meta: ReviewMeta; doc: EditorDocument; baseHash: string; at: string }
  }
  /** The user chose not to keep a recovered draft. */
  discardRecovered: { args: { id: string }; result: void }
  /** Reports changes of the open review's file by others as `review-changed-on-disk` / `review-missing`. */
  watchReview: { args: { id: string; hash: string }; result: void }
  unwatchReview: { args: { id: string }; result: void }
  /** The library's blogs (never their secrets) and where secrets are kept on this computer. */
  listBlogs: { args: void; result: { blogs: BlogView[]; secrets: SecretBackend } }
  /** Adds a blog (no id) or changes one; a non-empty `secret` replaces the stored one. */
  saveBlog: { args: { blog: BlogDraft; secret?: string }; result: BlogView }
  removeBlog: { args: { id: string }; result: void }
  /** What would stop this publish (nothing is sent but a sign-in check). */
  preflightPublish: { args: Omit<PublishRequest, 'overwrite'>; result: PreflightProblem[] }
  /** Publishes the saved review; steps arrive as `publish-progress` events. */
  publishReview: { args: PublishRequest; result: PublishOutcome }
  listOutbox: { args: void; result: OutboxJob[] }
  /** Tries every waiting publish now; returns what still waits. */
  sendOutbox: { args: void; result: OutboxJob[] }
  readPublishLog: { args: { id: string }; result: PublishLogEntry[] }
  /** The screen the renderer shows: main enables the menu's items for it. */
  reportScreen: { args: { screen: Screen }; result: void }
  getAbout: { args: void; result: AboutInfo }
  /** The answer to `flush-request`: the renderer's edits are saved (or journaled); main may quit. */
  quitReady: { args: { token: string }; result: void }
}

export type Channel = keyof Contract
export type Args<C extends Channel> = Contract[C]['args']
export type Result<C extends Channel> = Contract[C]['result']

export const CHANNELS = [
  'getLibrary',
  'listReviews',
  'searchReviews',
  'switchLibrary',
  'pickFolder',
  'createReview',
  'openReview',
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
  'publishReview',
  'listOutbox',
  'sendOutbox',
  'readPublishLog',
  'reportScreen',
  'getAbout',
  'quitReady',
] as const satisfies readonly Channel[]

// Compile-time check that CHANNELS lists every channel of the contract.
type Missing = Exclude<Channel, (typeof CHANNELS)[number]>
const everyChannelListed: Missing extends never ? true : Missing = true
void everyChannelListed

/** Main-side implementation of the contract. */
export type Handlers = { [C in Channel]: (args: Args<C>) => Promise<Result<C>> }

/** Events main pushes to the renderer. */
export type AppEvent =
  | { type: 'library-changed' }
  | { type: 'review-changed-on-disk'; id: string; hash: string }
  /** The open review's folder (or its review.md) was renamed or deleted outside Verdict. */
  | { type: 'review-missing'; id: string }
  | { type: 'export-progress'; index: number; total: number; id: string; state: 'started' | 'done' | 'failed'; error?: string }
  /** One step of a publish (an image, the post, the check afterwards), as it happens. */
  | { type: 'publish-progress'; id: string; entry: PublishLogEntry }
  /** Main wrote the review's `published` records: the editor's file now has this hash. */
  | { type: 'review-published'; id: string; hash: string; published: PublishRecord[] }
  | { type: 'outbox-changed' }
  /** The critic chose a command in the application menu. */
  | { type: 'command'; command: CommandId }
  /** The app is about to quit: save now and answer with `quitReady`. */
  | { type: 'flush-request'; token: string }

/**
 * What the preload (or the e2e test host) exposes as `window.verdict`: deliberately tiny, so both
 * implementations are trivially the same. Results travel as envelopes because an Error crossing
 * contextBridge keeps only its message.
 */
export interface Bridge {
  invoke(channel: Channel, args: unknown): Promise<Envelope<unknown>>
  onEvent(listener: (event: AppEvent) => void): () => void
  /** URL under which the renderer may load a file of a review's folder (e.g. `assets/x.png`). */
  assetUrl(reviewId: string, relativePath: string): string
}

/** What the renderer sees: the channels as typed methods, plus events and asset URLs. */
export type Api = {
  [C in Channel]: Args<C> extends void ? () => Promise<Result<C>> : (args: Args<C>) => Promise<Result<C>>
} & Pick<Bridge, 'onEvent' | 'assetUrl'>

export function createApi(bridge: Bridge): Api {
  const methods = Object.fromEntries(
    CHANNELS.map((channel) => [channel, async (args?: unknown) => unwrap(await bridge.invoke(channel, args))]),
  )
  return {
    ...methods,
    onEvent: (listener) => bridge.onEvent(listener),
    assetUrl: (reviewId, relativePath) => bridge.assetUrl(reviewId, relativePath),
  } as Api
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}

export const IPC_PREFIX = 'verdict:'
export const EVENT_CHANNEL = 'verdict:event'
export const ASSET_SCHEME = 'verdict-asset'

/** `verdict-asset://library/<id>/<path>`: how the app's window loads a review's files. */
export function assetProtocolUrl(reviewId: string, relativePath: string): string {
  return `${ASSET_SCHEME}://library/${[reviewId, ...relativePath.split('/')].map(encodeURIComponent).join('/')}`
}

export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'OUTSIDE_LIBRARY',
  'CONFLICT',
  'READ_ONLY',
  'ALREADY_EXISTS',
  'IO',
  /** A blog refused the sign-in: the critic enters the credentials again. */
  'UNAUTHORIZED',
  /** A blog refused the request; the message carries the blog's own words. */
  'REMOTE',
  /** The browser mode's server refused a request that did not come from Verdict's own page. */
  'FORBIDDEN',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** What crosses the bridge: errors travel as data so the code survives serialisation. */
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
