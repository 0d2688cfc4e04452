/** The review model shared by main, preload and renderer. Plain data only. */
import type { ScoreSummary, Subject } from './critic'
import type { PublishRecord } from './publish'

export const REVIEW_STATUSES = ['draft', 'ready', 'published'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

/** Front matter of `review.md`. Unknown keys are kept in `extra` and written back untouched. */
export interface ReviewMeta {
  title: string
  author: string
  /** Publication date, `YYYY-MM-DD`. */
  date: string
  tags: string[]
  excerpt: string
  status: ReviewStatus
  /** ISO timestamps kept by the app. */
  created: string
  updated: string
  /** What is reviewed. */
  subject?: Subject
  /**
   * Earlier reviews of the same work this one returns to (a rewatch, a new season), by their folder
   * names (`relates: [ballerina]`); written only when set.
   */
  relates?: string[]
  /** Mirror of the body's overall score, written by main on save; the body is the truth. */
  score?: ScoreSummary
  /** The review contains spoilers (`spoilers: true`). */
  spoilers?: boolean
  /** `assets/…` of the review's featured image. */
  featuredImage?: string
  /** Where the review was published, one record per blog. Written by main only: saves keep the file's. */
  published?: PublishRecord[]
  /** Keys this version of the app does not edit, preserved verbatim. */
  extra: Record<string, unknown>
  /**
   * Verdict's own keys whose value in this file it cannot read in the file's shape (a `status: wip`,
   * an `author` list): written back as they were and shown read-only; the field above keeps its default.
   */
  kept?: Record<string, unknown>
}

/** One row of the library. `id` is the review's folder name inside the library. */
export interface ReviewSummary
  extends Pick<
    ReviewMeta,
    'title' | 'author' | 'date' | 'status' | 'tags' | 'excerpt' | 'created' | 'updated' | 'subject' | 'score' | 'spoilers' | 'featuredImage' | 'published'
  > {
  id: string
  wordCount: number
  /** Set when `review.md` could not be parsed; such a review opens read-only. */
  problem?: string
  /** Set when a sync engine left another version of the review beside it, or git left conflict markers in it. */
  conflict?: ReviewConflict
}

/** The sync engines whose conflict copies the library recognises (docs/format.md, "Several machines"). */
export const SYNC_ENGINES = ['syncthing', 'dropbox', 'nextcloud', 'onedrive', 'icloud'] as const
export type SyncEngine = (typeof SYNC_ENGINES)[number]

export type ReviewConflict =
  /** `copy`: the conflict copy's file name, beside `review.md`. */
  | { source: SyncEngine; copy: string }
  /** Git's conflict markers inside `review.md`. */
  | { source: 'git' }

/** How a library lays out its reviews (main's library/layout.ts): Verdict's own folders, or a site's. */
export const LAYOUT_KINDS = ['verdict', 'flat', 'bundle', 'jekyll'] as const
export type LayoutKind = (typeof LAYOUT_KINDS)[number]

export interface LibraryLayout {
  kind: LayoutKind
  /** The reviews' folder inside the library, `/`-separated; '' for the library folder itself. */
  content: string
  /** The folder the site serves at `/` (Hugo `static`, Jekyll the site itself), where a site has one. */
  publicDir?: string
  /** The front matter new reviews get, as the site's posts write it. */
  frontMatter: 'yaml' | 'toml'
  /** Keys new reviews get beside the title, because most of the site's posts have them. */
  keys: string[]
}

export interface LibraryInfo {
  path: string
  layout: LibraryLayout
  /** Libraries opened before, newest first: `switchLibrary` takes these by name. */
  recent: string[]
  /** Where exports go unless another folder is picked: the last one exported to, else “Verdict Exports” beside the library. */
  exportDir: string
}

export interface Settings {
  /** Library folder chosen by the user; empty means the default (Documents/Verdict). Written by main only. */
  libraryPath: string
  recentLibraries: string[]
  /** Default author for new reviews. */
  author: string
  wordsPerMinute: number
  /** Images above this many pixels (width × height) are refused before decoding. */
  maxImagePixels: number
  /** Image files above this size are refused. */
  maxImageBytes: number
  /** Blog theme for preview and export. */
  theme: string
  /** Where exports go; empty means “Verdict Exports” beside the library. Written by main after an export. */
  exportDir: string
  /**
   * Keep blog passwords in Verdict's own file although no system keyring protects it (Linux
   * without one); otherwise they last only for the session. Opt-in after a warning.
   */
  keepSecretsWithoutKeyring: boolean
  /** The first-run dialog (the critic's name and reading speed) was answered or skipped. */
  welcomed: boolean
  /** The preview pane's width chosen with its splitter, px; 0: half the room beside the editor. */
  previewPaneWidth: number
  /** Spelling languages chosen in the right-click menu (desktop app); empty: the system's. */
  spellingLanguages: string[]
  /** The review on screen (and in which library) when Verdict was left, shown again at the next start. */
  lastReview: (ReviewPlace & { library: string }) | null
  /** Ask the update server for a newer Verdict (desktop app): only when the critic said yes. */
  checkForUpdates: boolean
  /** In focus mode, keep the line being written in the middle of the window. */
  typewriterScrolling: boolean
}

/**
 * Where in the library the critic is: a review, scrolled to a block of its text. A block rather than
 * pixels: blocks off screen are drawn at an estimated height, so a pixel offset lands elsewhere later.
 */
export interface ReviewPlace {
  id: string
  /** The top-level block at the top of the view (0: the first). */
  block: number
  /** How far (px) the view's top is below that block's top; negative above it (the title). */
  offset: number
}

export const DEFAULT_SETTINGS: Settings = {
  libraryPath: '',
  recentLibraries: [],
  author: '',
  wordsPerMinute: 265,
  maxImagePixels: 40_000_000,
  maxImageBytes: 25 * 1024 * 1024,
  theme: 'classic',
  exportDir: '',
  keepSecretsWithoutKeyring: false,
  welcomed: false,
  previewPaneWidth: 0,
  spellingLanguages: [],
  lastReview: null,
  checkForUpdates: false,
  typewriterScrolling: false,
}

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'] as const
export type ImageType = (typeof IMAGE_TYPES)[number]

/** An image stored in a review's `assets/` under a content-hash name. */
export interface ImageAsset {
  /** Relative to the review folder, as written in Markdown: `assets/<sha256-prefix>.<ext>`. */
  path: string
  type: ImageType
  width: number
  height: number
  bytes: number
}
