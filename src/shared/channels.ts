/**
 * Every IPC channel, declared once: what it does, the schema main parses its argument with, and its
 * result. The argument types are the schemas' own (`z.input` for what the renderer sends, `z.output`
 * for what the handler receives), so a schema and its type cannot drift apart. The channels that
 * carry a document take its schemas from main (`channelSchemas`), which knows every critic block.
 */
import { z } from 'zod'
import { SCREENS } from './commands'
import { ARCHIVE_FORMATS, type ArchiveStats } from './archive'
import type { EditorDocument } from './document'
import type { DocumentSchemas } from './documentSchema'
import type { ImageAsset, ImageType, LibraryInfo, ReviewMeta, ReviewPlace, ReviewSummary, Settings } from './model'
import { POST_DATES, type BlogView, type OutboxJob, type PostByline, type PreflightProblem, type PublishLogEntry, type PublishOutcome, type SecretBackend } from './publish'
import {
  EXPORT_FORMATS,
  PICK_PURPOSES,
  type AboutInfo,
  type ConflictView,
  type DiffPart,
  type ExportSummary,
  type OpenedReview,
  type PickedPath,
  type PreviewPage,
  type RecoveredDraft,
  type ReviewFirstPart,
  type ReviewRest,
  type SaveResult,
  type SearchResults,
  type LetterboxdExportResult,
  type LetterboxdImportResult,
  type TagRenameResult,
  type TagUndoResult,
  type VersionInfo,
  type VersionList,
} from './contract'
import { blogConfig, imageSource, libraryLayout, publishRequest, reviewId, reviewMeta, reviewPlace, VERSION_ID_PATTERN } from './validate'

/** A channel's result type, carried in its declaration for the compiler only: main's handler makes the value. */
interface Returns<T> {
  readonly result?: (value: T) => void
}
const returns = <T>(): Returns<T> => ({})

/** No argument: `void`, so the renderer's method is called with none. */
const none = z.void()

const pageLook = {
  theme: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'not a theme name'),
  colorScheme: z.enum(['light', 'dark']),
}

/** What the renderer may change; the library and export folders are main's to write, from picks. */
const settingsPatch = z.strictObject({
  author: z.string().max(200).optional(),
  wordsPerMinute: z.number().int().min(50).max(2000).optional(),
  maxImagePixels: z.number().int().min(1_000_000).max(500_000_000).optional(),
  maxImageBytes: z.number().int().min(1024 * 1024).max(200 * 1024 * 1024).optional(),
  theme: pageLook.theme.optional(),
  keepSecretsWithoutKeyring: z.boolean().optional(),
  welcomed: z.boolean().optional(),
  checkForUpdates: z.boolean().optional(),
  typewriterScrolling: z.boolean().optional(),
  previewPaneWidth: z.number().int().min(0).max(10_000).optional(),
})

const versionId = z.string().regex(VERSION_ID_PATTERN, 'not a version id')

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'not a content hash')
const conflictSide = z.enum(['ours', 'theirs'])
/** One version whole, or the merge with a pick (or the critic's own Markdown) per conflict. */
const conflictResolution = z.union([
  z.strictObject({ keep: conflictSide }),
  z.strictObject({
    merge: z.strictObject({
      body: z.array(z.union([conflictSide, z.strictObject({ markdown: z.string().max(2 * 1024 * 1024) })])).max(10_000),
      keys: z.record(z.string().max(200), conflictSide),
    }),
  }),
])

const editorState = (doc: DocumentSchemas['editorDocument']) => ({ id: reviewId, meta: reviewMeta, doc, ...pageLook })
/** A token main handed out for a picked path (paths.ts): base64url, never a path. */
const pickToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not a picked folder or file')
/** A tag's new name: one without a comma, since a file that lists its tags as `a, b` would read it as two. */
const newTagName = z.string().trim().min(1, 'a tag needs a name').max(100).regex(/^[^,]*$/, 'a tag cannot hold a comma')
const folderPurpose = z.enum(PICK_PURPOSES).exclude(['import'])

/** The channels, given the document's schemas: main's, made with its registry of critic blocks (src/main/blocks). */
export const channelSchemas = ({ editorDocument, savedDocument }: DocumentSchemas) => ({
  getLibrary: { args: none, result: returns<LibraryInfo>() },
  listReviews: { args: none, result: returns<ReviewSummary[]>() },
  /** Full-text search with filters (see shared/search.ts for the language); best matches first. */
  /** `session`: the asking search field's own id; its newer search supersedes its older ones not yet run. */
  searchReviews: {
    args: z.strictObject({ query: z.string().max(1000), limit: z.number().int().min(1).max(500), session: z.string().min(1).max(100).optional() }),
    result: returns<SearchResults>(),
  },
  /** The archive's numbers (shared/archive.ts), counted from the library's rows. */
  archiveStats: { args: none, result: returns<ArchiveStats>() },
  /**
   * Writes one row per review as CSV or JSON into `folder` (a token for an `export` pick), as
   * `verdict-archive-<day>.<format>`, never over an existing file. Reviews are not touched.
   */
  exportArchive: {
    args: z.strictObject({ format: z.enum(ARCHIVE_FORMATS), folder: pickToken }),
    result: returns<{ path: string; reviews: number }>(),
  },
  /**
   * Opens (creating if needed) another library folder and remembers it: a folder picked for
   * `library` (its token), or one of the recent libraries main remembers (`LibraryInfo.recent`).
   */
  switchLibrary: {
    args: z.union([z.strictObject({ folder: pickToken }), z.strictObject({ recent: z.string().min(1).max(4096) })]),
    result: returns<LibraryInfo>(),
  },
  /** Keeps how the library lays out its reviews (Verdict's folders, or a site's layout); the listing then follows it. */
  setLibraryLayout: { args: libraryLayout, result: returns<LibraryInfo>() },
  /** Asks the user for a folder with the system dialog (the browser mode's own picker); null when cancelled. */
  pickFolder: { args: z.strictObject({ purpose: folderPurpose }), result: returns<PickedPath | null>() },
  createReview: { args: z.strictObject({ title: z.string().max(500).optional() }), result: returns<ReviewSummary>() },
  openReview: { args: z.strictObject({ id: reviewId }), result: returns<OpenedReview>() },
  /**
   * A long review main has not read yet comes in two parts: its first blocks at once, the rest from
   * openReviewRest. `screenChars`: the characters of text the editor's window shows at most, which
   * the first part covers (main's own default otherwise).
   */
  openReviewInParts: { args: z.strictObject({ id: reviewId, screenChars: z.number().int().min(1).max(1_000_000).optional() }), result: returns<OpenedReview | ReviewFirstPart>() },
  /** The rest of a review opened in parts, once read (`rest`: the first part's token); asked for once. */
  openReviewRest: { args: z.strictObject({ rest: z.uuid() }), result: returns<ReviewRest>() },
  /**
   * `baseHash` is the hash the editor loaded; a different file on disk is a conflict. `doc` is the
   * whole document or its changes to a base main holds (delta.ts; STALE_BASE when it holds it no more).
   */
  saveReview: {
    args: z.strictObject({ id: reviewId, meta: reviewMeta, doc: savedDocument, baseHash: z.string().max(128) }),
    result: returns<SaveResult>(),
  },
  /**
   * Writes the editor's state as a new review `<folder>/<slug>/review.md` (suffixed, never into an
   * existing folder) with the images it uses, when it cannot be saved where it is; the review is untouched.
   * `folder` is the token of a `save-as` pick. `skipped`: images the text uses that could not be copied.
   */
  saveReviewAs: {
    args: z.strictObject({ id: reviewId, meta: reviewMeta, doc: editorDocument, folder: pickToken }),
    result: returns<{ path: string; skipped: string[] }>(),
  },
  /** Sets the title and moves the folder to the title's slug (suffixed on collision). */
  renameReview: { args: z.strictObject({ id: reviewId, title: z.string().min(1).max(500) }), result: returns<ReviewSummary>() },
  duplicateReview: { args: z.strictObject({ id: reviewId }), result: returns<ReviewSummary>() },
  /** Moves the review into the library's `.trash`; `trashId` undoes it. */
  trashReview: { args: z.strictObject({ id: reviewId }), result: returns<{ trashId: string }>() },
  restoreReview: { args: z.strictObject({ trashId: reviewId }), result: returns<ReviewSummary>() },
  /** Copies an image into the review's assets (validated, content-hash named, stored once). */
  importImage: {
    args: z.strictObject({
      id: reviewId,
      fileName: z.string().min(1).max(255),
      // Bytes over any buffer, as the renderer has them: plain `z.instanceof(Uint8Array)` types an ArrayBuffer's only.
      data: z.instanceof<typeof Uint8Array<ArrayBufferLike>>(Uint8Array),
    }),
    result: returns<ImageAsset>(),
  },
  /** The bytes of one of the review's images, its site's too (the renderer downscales an image too large for a blog). */
  readImage: {
    args: z.strictObject({ id: reviewId, path: imageSource }),
    result: returns<{ data: Uint8Array; type: ImageType }>(),
  },
  /**
   * The themed page for the editor's current (possibly unsaved) state, images via assetUrl: the
   * address (of the app's own origin) where main serves it for the preview frame.
   */
  renderPreview: {
    args: z.strictObject({
      ...editorState(editorDocument),
      /** Whole, or a delta on the `base` of the previous render's reply. */
      doc: savedDocument,
      /**
       * "As on <blog>": the page in that blog's own look instead of a theme; `refresh` fetches it anew
       * (the critic asked); `dated`, the Publish dialog's date choice the post is shown with.
       */
      asOn: z.strictObject({ blogId: z.string().min(1).max(100), refresh: z.boolean(), dated: z.enum(POST_DATES) }).optional(),
      /** The address of the page the frame shows: the reply may then patch it (PreviewPatch) instead. */
      shown: z.string().max(200).optional(),
    }),
    result: returns<PreviewPage>(),
  },
  listThemes: { args: none, result: returns<string[]>() },
  /** Writes the page (images inlined) to a temp file and opens it in the system browser. */
  openInBrowser: { args: z.strictObject(editorState(editorDocument)), result: returns<{ path: string }>() },
  /**
   * Exports saved reviews: the reviews and look, and `folder` (a token for an `export` pick), else the
   * folder last exported to. Progress arrives as `export-progress` events. Reviews are never modified.
   */
  exportReviews: {
    args: z.strictObject({
      ...pageLook,
      ids: z.array(reviewId).min(1).max(100_000),
      format: z.enum(EXPORT_FORMATS),
      folder: pickToken.optional(),
      pageSize: z.enum(['A4', 'Letter']),
      marginsMm: z.number().min(0).max(60),
    }),
    result: returns<ExportSummary>(),
  },
  /** Imports a bundle made by export (.zip) or a Markdown file (.md), picked for `import` (its token), as a new review. */
  importReview: { args: z.strictObject({ file: pickToken }), result: returns<ReviewSummary>() },
  /**
   * Renames a tag in every review that has it, or merges it into `to` when reviews already use that
   * one: only each file's `tags` changes, each file written atomically after a version of it is kept.
   */
  renameTag: { args: z.strictObject({ from: reviewMeta.shape.tags.element, to: newTagName }), result: returns<TagRenameResult>() },
  /** Puts back every file a tag rename changed, unless it was changed again since. */
  undoTagRename: { args: z.strictObject({ undo: z.uuid() }), result: returns<TagUndoResult>() },
  /** Imports a Letterboxd export's reviews.csv or diary.csv, picked for `import` (its token): one new review per film logged. */
  importLetterboxd: { args: z.strictObject({ file: pickToken }), result: returns<LetterboxdImportResult>() },
  /** Writes the library's film reviews as Letterboxd's import file into a folder picked for `export` (its token). */
  exportLetterboxd: { args: z.strictObject({ folder: pickToken }), result: returns<LetterboxdExportResult>() },
  /** Asks the user for a file with the system dialog (the browser mode's own picker); null when cancelled. */
  pickFile: {
    args: z.strictObject({ purpose: z.literal('import'), extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).max(20) }),
    result: returns<PickedPath | null>(),
  },
  /** Opens a link clicked in the preview in the system's browser or mail program: https and mailto only, anything else is refused. */
  openExternal: {
    // Which links may leave the app is main's decision (allowedExternalUrl); here only the shape.
    args: z.strictObject({ url: z.string().max(8192) }),
    result: returns<void>(),
  },
  getSettings: { args: none, result: returns<Settings>() },
  /** The critic's choices; where the critic is (`lastReview`) goes through `rememberPlace` only. */
  updateSettings: { args: settingsPatch, result: returns<Settings>() },
  /** The review on screen and how far it is scrolled, or null for the library: what the next start shows. */
  rememberPlace: { args: z.strictObject({ review: reviewPlace.nullable() }), result: returns<void>() },
  /** The review to show at start: the one last on screen, if it is still in the current library. */
  lastPlace: { args: none, result: returns<ReviewPlace | null>() },
  /** The OS user's full name where the system has one ('' otherwise), offered as the critic's name on first run. */
  suggestAuthor: { args: none, result: returns<string>() },
  /** Kept versions of the review, newest first, and a version that could not be kept. */
  listVersions: { args: z.strictObject({ id: reviewId }), result: returns<VersionList>() },
  /** A version's text and its diff to the current file. */
  readVersion: {
    args: z.strictObject({ id: reviewId, versionId }),
    result: returns<{ markdown: string; diff: DiffPart[] }>(),
  },
  /** Keeps the current file as a version (undoable), then writes the chosen version over it; reopens it. */
  restoreVersion: { args: z.strictObject({ id: reviewId, versionId }), result: returns<OpenedReview>() },
  /** The review's two versions (a sync engine's conflict copy, or git's markers) and how far they merge. */
  openConflict: { args: z.strictObject({ id: reviewId }), result: returns<ConflictView>() },
  /**
   * Writes the merge (or one version whole) as one save, the other version kept in history; the
   * conflict copy goes to the trash. Refused when either file changed since `openConflict`.
   */
  resolveConflict: {
    args: z.strictObject({ id: reviewId, oursHash: hash, theirsHash: hash, resolution: conflictResolution }),
    result: returns<ReviewSummary>(),
  },
  /** Keeps the current file as a version now (a manual checkpoint, or before publishing). */
  snapshotReview: {
    args: z.strictObject({ id: reviewId, reason: z.enum(['manual', 'publish']) }),
    result: returns<VersionInfo>(),
  },
  /** The editor's unsaved state (whole, or as a delta like a save's), sent while typing; kept until a save holds it. */
  journalDraft: {
    args: z.strictObject({ id: reviewId, meta: reviewMeta, doc: savedDocument, baseHash: z.string().max(128) }),
    result: returns<void>(),
  },
  /** Drops the journaled draft (the editor has nothing unsaved). */
  clearDraft: { args: z.strictObject({ id: reviewId }), result: returns<void>() },
  /** Drafts left by a crash or a quit with unsaved edits, newest first. */
  listRecovered: { args: none, result: returns<RecoveredDraft[]>() },
  readRecovered: {
    args: z.strictObject({ id: reviewId }),
    result: returns<{ meta: ReviewMeta; doc: EditorDocument; baseHash: string; at: string }>(),
  },
  /** The user chose not to keep a recovered draft. */
  discardRecovered: { args: z.strictObject({ id: reviewId }), result: returns<void>() },
  /** Reports changes of the open review's file by others as `review-changed-on-disk` / `review-missing`, and images arriving for it as `review-images-changed`, its conflict coming or going as `review-conflict`; resolves once watching (images are known from then on). */
  watchReview: { args: z.strictObject({ id: reviewId, hash: z.string().max(128) }), result: returns<void>() },
  unwatchReview: { args: z.strictObject({ id: reviewId }), result: returns<void>() },
  /** The library's blogs (never their secrets) and where secrets are kept on this computer. */
  listBlogs: { args: none, result: returns<{ blogs: BlogView[]; secrets: SecretBackend }>() },
  /** Adds a blog (no id) or changes one; a non-empty `secret` replaces the stored one. */
  saveBlog: {
    args: z.strictObject({ blog: blogConfig.partial({ id: true }), secret: z.string().max(10_000).optional() }),
    result: returns<BlogView>(),
  },
  removeBlog: { args: z.strictObject({ id: blogConfig.shape.id }), result: returns<void>() },
  /** What would stop this publish (nothing is sent but a sign-in check). */
  preflightPublish: { args: publishRequest.omit({ overwrite: true }), result: returns<PreflightProblem[]>() },
  /** The byline the post will carry on the blog (the blog is asked who its users are; nothing is sent). */
  publishByline: { args: publishRequest.pick({ id: true, blogId: true }), result: returns<PostByline>() },
  /** Publishes the saved review; steps arrive as `publish-progress` events. */
  publishReview: { args: publishRequest, result: returns<PublishOutcome>() },
  listOutbox: { args: none, result: returns<OutboxJob[]>() },
  /** Tries every waiting publish now; returns what still waits. */
  sendOutbox: { args: none, result: returns<OutboxJob[]>() },
  readPublishLog: { args: z.strictObject({ id: reviewId }), result: returns<PublishLogEntry[]>() },
  /** The screen the renderer shows: main enables the menu's items for it. */
  reportScreen: { args: z.strictObject({ screen: z.enum(SCREENS) }), result: returns<void>() },
  /** Whether the review screen is in focus mode: the menu's Focus mode item shows it checked. */
  reportFocusMode: { args: z.strictObject({ on: z.boolean() }), result: returns<void>() },
  getAbout: { args: none, result: returns<AboutInfo>() },
  /** The answer to `flush-request`: the renderer's edits are saved (or journaled); main may quit. */
  quitReady: { args: z.strictObject({ token: z.uuid() }), result: returns<void>() },
})

type Channels = ReturnType<typeof channelSchemas>
export type Channel = keyof Channels
/** What the renderer sends on a channel. */
export type Args<C extends Channel> = z.input<Channels[C]['args']>
/** What the channel's handler receives: the argument as its schema parsed it. */
export type ParsedArgs<C extends Channel> = z.output<Channels[C]['args']>
export type Result<C extends Channel> = Channels[C]['result'] extends Returns<infer T> ? T : never

/** Parses a channel's argument or throws zod's error listing what is wrong; `documents` as for `channelSchemas`. */
export function argumentParser(documents: DocumentSchemas): <C extends Channel>(channel: C, raw: unknown) => ParsedArgs<C> {
  // Seen as a map over the channels, indexing with a generic channel gives that channel's own schema
  // type; indexing the channels themselves gives the union of every channel's schema.
  const schemas: { [K in Channel]: { args: z.ZodType<ParsedArgs<K>, Args<K>> } } = channelSchemas(documents)
  return (channel, raw) => schemas[channel].args.parse(raw)
}
