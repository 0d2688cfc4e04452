import { createHash, randomUUID } from 'node:crypto'
import { lstatSync, statSync, type Stats } from 'node:fs'
import { cp, lstat, mkdir, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path'
import type { OpenedReview, ReviewFirstPart, ReviewRest, SaveResult, SearchResults } from '../../../shared/contract'
import { emptyDocument, type EditorDocument } from '../../../shared/document'
import type { LibraryLayout, ReviewMeta, ReviewSummary } from '../../../shared/model'
import { slugify } from '../../../shared/slug'
import { reviewId } from '../../../shared/validate'
import { collectUnusedAssets } from '../assets/cleanup'
import { reviewConflictOf, type ConflictCopy } from '../conflicts/conflictCopies'
import { copiesOnDisk } from '../conflicts/copiesOnDisk'
import { hasGitConflict } from '../conflicts/gitMarkers'
import { readFirstPart, readMeta, referencedAssets, reparseReview, ReviewParseError, reviseReview, rewriteFrontMatter, serializeReview, wordCountOf, type FirstPart, type ParsedReview } from '../format'
import type { SourceBlock } from '../format/markdown'
import type { MetaFallback } from '../format/meta'
import { describeIoError, fail, isErrnoCode } from '../errors'
import { writeFileAtomic } from '../fs/atomicWrite'
import { arrivingAs } from '../fs/syncTemp'
import { privateDir } from '../recovery/privateDir'
import { ReviewSearch } from '../search/reviewSearch'
import type { ReviewPlace } from '../search/searchText'
import { DocumentBases } from './bases'
import { keyOf, sameKey } from '../fs/fileKey'
import { FolderWatch, watchableFolder } from './folderWatch'
import { RACY_MS, statAll, SummaryIndex } from './indexStore'
import { loadLayout, saveLayout } from './layout'
import { ParseCache } from './parseCache'
import { ReviewReader, warmUpParser } from './reader'
import { DAMAGED_RECORDS_FIX, liveOn, mergeRecords, PublishRecordStore, withSiteRecords } from './publishRecords'
import { nameFallback, SiteFiles } from './siteFiles'
import { megabytes } from '../../../shared/text'

export const REVIEW_FILE = 'review.md'
export const ASSETS_DIR = 'assets'
export const TRASH_DIR = '.trash'
/**
 * In a review folder Verdict named itself: the folder follows the title until the review is
 * published or renamed by hand, which remove it (as may the critic, to keep the name).
 */
export const FOLLOWS_TITLE_FILE = '.name-follows-title'
const FOLLOWS_TITLE_NOTE =
  'Verdict renames this folder when the review’s title changes, until the review is published or renamed by hand. Delete this file to keep the name.\n'
/**
 * Review files above this size open read-only, unparsed: Markdown parsing takes seconds per
 * megabyte, so a huge (or hostile) file would stall the app for minutes. A 50,000-word review is ~0.3 MB.
 */
export const MAX_REVIEW_BYTES = 2 * 1024 * 1024
/** How much of a too-large file the read-only view gets. */
const TOO_LARGE_PREVIEW_BYTES = 64 * 1024
/** How long an image must have stayed unused, over saves, before a save moves it to the trash. */
export const UNUSED_ASSET_GRACE_MS = 10 * 60_000

export interface LibraryOptions {
  root: string
  /** This machine's own state of the library (caches, locks): outside it, in the app's data (fs/machineState.ts). */
  stateDir: string
  /** Author for new reviews. */
  defaultAuthor: () => string
  now?: () => Date
  /** Assets that older versions still use (version history), never cleaned up. */
  keepAssets?: (id: string) => Promise<Set<string>>
  /** Parses files off main (reader.ts); the process's shared reader by default. */
  reader?: ReviewReader
  /** The layout to use; by default the one chosen or detected (layout.ts). */
  layout?: LibraryLayout
}

/** A review as read, before an editable one's blocks are held for the editor. */
type ReadReview = Exclude<OpenedReview, { kind: 'editable' }> | Omit<Extract<OpenedReview, { kind: 'editable' }>, 'base'>

/** Whether main's own parser has read its warm-up review (`warmUpParser`). */
let mainParserWarm = false
/**
 * Reads of the warm-up review on main. One compiles the parser, but its code is not at full speed
 * yet: the bench's 10k first part (6,000 characters) then took 70-112 ms of CPU in Node at load 7-11,
 * against 51-70 ms after ten reads (~30 once warm); the ten took 87-139 ms on that load, in tasks
 * of 9-14 ms.
 */
const MAIN_PARSER_WARM_UPS = 10

/** Reads the warm-up review `times` times on main, each in a task of its own so requests run between. */
function warmUpMainParser(times: number): void {
  setImmediate(() => {
    warmUpParser()
    if (times > 1) warmUpMainParser(times - 1)
  })
}

/** One reader for the process: libraries come and go with switching, its threads stay warm. */
const sharedReader = new ReviewReader()

/** A long review's first part is at least this much of its body when the editor does not say what its window shows: more than the widest window's first screen. */
const FIRST_PART_CHARS = 6000
/**
 * The least first part, whatever the window says: less would save main little of its parse and
 * leave a small window's editor waiting for the rest as soon as it scrolls.
 */
const MIN_FIRST_PART_CHARS = 1500
/** Rests of reviews opened in parts kept for the editors to ask for: one per window that opened one lately. */
const RESTS_HELD = 4

/** A review opened in parts, until its editor asks for the rest. */
interface PendingRest {
  id: string
  bytes: Uint8Array
  whole: Promise<ParsedReview>
  /** The blocks sent as its first part. */
  first: SourceBlock[]
  /** Warnings that are not the document's own (the site's publish records). */
  warnings: string[]
}

/** What the editor shows about a site's damaged publish records. */
function recordWarnings(records: { damaged?: string } | undefined): string[] {
  return records?.damaged ? [`${records.damaged} ${DAMAGED_RECORDS_FIX}`] : []
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** `id` when it is a review folder's name; anything else (a path, `..`) is refused before it reaches the disk. */
export function checkedReviewId(id: string): string {
  if (!reviewId.safeParse(id).success) fail('OUTSIDE_LIBRARY', `“${id}” is not a review folder name and was refused.`)
  return id
}

/** A review's key in the maps and queues of a service that serves every library the app opens. */
export function reviewKey(library: Library, id: string): string {
  return `${library.root}\0${id}`
}

/** The review file's bytes; a file gone since its id was checked is NOT_FOUND, other failures say what failed. */
export async function readReviewBytes(path: string, id: string): Promise<Buffer> {
  try {
    return await readFile(path)
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) fail('NOT_FOUND', `The review “${id}” has no ${basename(path)} any more.`)
    throw describeIoError(error, `read “${id}”`)
  }
}

/**
 * One library folder: one sub-folder per review holding `review.md` and `assets/`, or a site's
 * content folder in its own layout (layout.ts, siteFiles.ts). The folder is the single source of
 * truth; the rows of the library index (indexStore.ts) are reused only while their file is unchanged.
 */
export class Library {
  readonly root: string
  readonly stateDir: string
  private readonly now: () => Date
  private readonly index: SummaryIndex
  private readonly search: ReviewSearch
  private listing: Promise<ReviewSummary[]> | undefined
  /** Per review folder: its modification time when last read for conflict copies, and the copy found. */
  private readonly folders = new Map<string, { mtimeMs: number; copy: ConflictCopy | undefined }>()
  private nextListing: Promise<ReviewSummary[]> | undefined
  /** A listing has finished: the row index holds every review it found. */
  private listed = false
  private readonly reader: ReviewReader
  private layoutLoad: Promise<LibraryLayout> | undefined
  /** Layouts chosen since the library opened (a review's place in a site follows it). */
  private layoutChanges = 0
  /** The site layout's files, once the layout is known; undefined in Verdict's own layout. */
  private site: SiteFiles | undefined
  /** A site's publish records, in `.verdict/` (publishRecords.ts); undefined in Verdict's own layout, where the file keeps them. */
  private records: PublishRecordStore | undefined
  /**
   * The last failure of the image clean-up that follows a save. A save never fails because of it:
   * the clean-up only moves unused files to the trash, and the next save tries again.
   */
  lastCleanupFailure: Error | undefined
  /** The documents opened and saved lately, which the editors' delta saves name (bases.ts). */
  readonly bases = new DocumentBases()
  /** The reviews opened lately, parsed, by their file's hash (parseCache.ts). */
  private readonly parsed = new ParseCache()
  /** Reviews opened in parts, by their rest's token (`openRest`). */
  private readonly rests = new Map<string, PendingRest>()
  /** The review folders nothing touched since they were listed; undefined where changes cannot be watched (folderWatch.ts). */
  private folderWatch: FolderWatch | undefined

  constructor(private readonly options: LibraryOptions) {
    this.root = options.root
    this.stateDir = options.stateDir
    this.now = options.now ?? (() => new Date())
    this.reader = options.reader ?? sharedReader
    this.index = new SummaryIndex({
      root: this.root,
      stateDir: this.stateDir,
      fileOf: (id) => this.filePath(id),
      summarize: (id, path, info, bytes) => this.readSummary(id, path, info, bytes),
      now: () => this.now().getTime(),
    })
    this.search = new ReviewSearch({
      stateDir: this.stateDir,
      root: this.root,
      maxBytes: MAX_REVIEW_BYTES,
      row: (id) => this.withRecords(this.index.cached(id)),
      rows: () => this.rowsWithRecords(),
    })
  }

  /**
   * The reviews in the library. One listing at a time, in order: one started earlier but finished
   * later forgot the reviews a newer one had found, in the rows and in the search index. Calls made
   * while a listing runs share the one after it.
   */
  list(): Promise<ReviewSummary[]> {
    if (!this.listing) {
      this.listing = this.listOnce().finally(() => (this.listing = undefined))
      return this.listing
    }
    this.nextListing ??= this.listing
      .catch(() => undefined)
      .then(() => {
        this.nextListing = undefined
        return this.list()
      })
    return this.nextListing
  }

  /** How the library lays out its reviews: the critic's choice, else what its files show. */
  layout(): Promise<LibraryLayout> {
    this.layoutLoad ??= (this.options.layout ? Promise.resolve(this.options.layout) : loadLayout(this.root)).then((layout) => {
      this.site = layout.kind === 'verdict' ? undefined : new SiteFiles(this.root, layout)
      this.records = this.site ? new PublishRecordStore(this.root) : undefined
      return layout
    })
    return this.layoutLoad
  }

  /** Keeps the critic's choice of layout; the next listing reads the reviews it shows. */
  async setLayout(layout: LibraryLayout): Promise<void> {
    this.layoutChanges++
    await saveLayout(this.root, layout)
    this.layoutLoad = undefined
    this.options.layout = layout
    await this.layout()
  }

  /**
   * The review's file as last known, unchecked (the index and the watcher stat it); the layout must
   * be loaded. Plain concatenation in Verdict's layout: `join` normalises, which costs milliseconds
   * over 10,000 ids.
   */
  filePath(id: string): string {
    return this.site?.path(id) ?? `${this.root}${sep}${id}${sep}${REVIEW_FILE}`
  }

  /** The site layout's files; undefined in Verdict's own layout. */
  async siteFiles(): Promise<SiteFiles | undefined> {
    await this.layout()
    return this.site
  }

  /** A site's publish records; undefined in Verdict's own layout, whose review files keep theirs. */
  async publishRecords(): Promise<PublishRecordStore | undefined> {
    await this.layout()
    return this.records
  }

  /** The folder a site's paths from its root (`/img/x.png`) are read from; undefined without a site or such a folder. */
  async siteImagesDir(): Promise<string | undefined> {
    return (await (await this.siteFiles())?.siteFolders())?.shared?.dir
  }

  private async listOnce(): Promise<ReviewSummary[]> {
    const site = await this.siteFiles()
    const ids = site ? await site.ids() : (await readdir(this.root, { withFileTypes: true })).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name)
    const watch = this.watchOf(site)
    const unchanged = watch ? await watch.unchanged(ids) : new Set<string>()
    const [rows] = await Promise.all([this.index.rows(ids, unchanged), this.records?.refresh()])
    this.listed = true
    // Main reads a long review's first part itself (openInParts): its parser is compiled once the library shows, not at the first open.
    if (!mainParserWarm) {
      mainParserWarm = true
      warmUpMainParser(MAIN_PARSER_WARM_UPS)
    }
    // Reviews changed outside Verdict, and every review when the search index is new, are read in the
    // background; the index is told only when a file version changed since it was last told.
    this.search.reconcile(`${this.layoutChanges}.${this.index.version}`, () => this.index.fileKeys(), site ? (id) => this.sitePlace(site, id) : undefined)
    const listed = (await this.withConflictCopies(rows, unchanged)).map((row) => this.withRecords(row))
    void watch?.afterListing(ids)
    return listed
  }

  /** The watch of the review folders, in Verdict's own layout where changes can be watched; none in a site. */
  private watchOf(site: SiteFiles | undefined): FolderWatch | undefined {
    if (site) {
      this.folderWatch?.close()
      this.folderWatch = undefined
    } else
      this.folderWatch ??= watchableFolder(this.root) ? new FolderWatch({ root: this.root, unchangedSinceListed: (id) => this.unchangedSinceListed(id) }) : undefined
    return this.folderWatch
  }

  /**
   * Whether a review's `review.md` and folder are as the last listing read them, settled (not
   * modified too recently to tell), the file a plain one with no other hard link: its folder's
   * events then tell every change of it.
   */
  private unchangedSinceListed(id: string): boolean {
    const key = this.index.settledKey(id)
    const known = this.folders.get(id)
    if (!key || !known) return false
    try {
      const file = lstatSync(this.filePath(id), { throwIfNoEntry: false })
      const folder = statSync(dirname(this.filePath(id)), { throwIfNoEntry: false })
      return (
        file !== undefined &&
        file.isFile() &&
        file.nlink === 1 &&
        sameKey(key, keyOf(file)) &&
        folder !== undefined &&
        folder.mtimeMs === known.mtimeMs &&
        Date.now() - known.mtimeMs >= RACY_MS
      )
    } catch {
      return false
    }
  }

  /**
   * The row as the library shows it: in a site, with the records of `.verdict/` (the post's file
   * has none, or an older Verdict's), and published when the post is live on a blog.
   */
  private withRecords<T extends ReviewSummary | undefined>(row: T): T {
    const records = row && this.records?.cached(row.id)
    return row && records ? withSiteRecords(row, records) : row
  }

  private *rowsWithRecords(): Iterable<ReviewSummary> {
    for (const row of this.index.cachedRows()) yield this.withRecords(row)
  }

  /**
   * The rows, marked where a sync engine left another version of a review beside its file. The
   * index keys rows on the file alone; a folder's modification time changes whenever a file
   * appears in it or leaves it, so only folders changed since their last read (or too recently to
   * tell, as the index does) are read again: a `stat` per review, not a directory read. A site's
   * flat posts share their folder, which is read once per listing.
   */
  private async withConflictCopies(rows: ReviewSummary[], unchanged: ReadonlySet<string>): Promise<ReviewSummary[]> {
    const listed = new Set(rows.map((row) => row.id))
    for (const id of this.folders.keys()) if (!listed.has(id)) this.folders.delete(id)
    const marked: ReviewSummary[] = new Array(rows.length)
    const looked: number[] = []
    rows.forEach((row, index) => {
      const known = unchanged.has(row.id) ? this.folders.get(row.id) : undefined
      if (known && Date.now() - known.mtimeMs >= RACY_MS) marked[index] = withCopy(row, known.copy)
      else looked.push(index)
    })
    const infos = await statAll(looked.map((index) => dirname(this.filePath(rows[index]!.id))), 'folder')
    const reads = new Map<string, Promise<string[]>>()
    // Only the folders read again wait: 10,000 promises were most of a warm listing's own time.
    const reading: Array<Promise<void>> = []
    looked.forEach((index, at) => {
      const row = rows[index]!
      const info = infos[at]
      // At the start, the index file tells which folders held no copy at what modification time.
      const known = this.folders.get(row.id) ?? this.index.folderWithoutCopy(row.id)
      // File times are the disk's clock, not the app's (`now` may be a test's).
      if (info && known && known.mtimeMs === info.mtimeMs && Date.now() - info.mtimeMs >= RACY_MS) {
        this.folders.set(row.id, known)
        marked[index] = withCopy(row, known.copy)
        return
      }
      reading.push(
        this.conflictCopy(row.id, reads).then((copy) => {
          if (info) {
            this.folders.set(row.id, { mtimeMs: info.mtimeMs, copy })
            // Kept only when read settled: a copy arriving in the same clock tick would not move the time.
            this.index.noteFolder(row.id, !copy && Date.now() - info.mtimeMs >= RACY_MS ? info.mtimeMs : undefined)
          }
          marked[index] = withCopy(row, copy)
        }),
      )
    })
    await Promise.all(reading)
    this.index.persist()
    return marked
  }

  /**
   * The first conflict copy of the review's file (by name: the engines date them), if any: beside
   * `review.md`, a site's post file or a bundle's `index.md`. `reads` shares a folder's names
   * between the reviews of one listing.
   */
  async conflictCopy(id: string, reads = new Map<string, Promise<string[]>>()): Promise<ConflictCopy | undefined> {
    await this.layout()
    const file = this.filePath(id)
    const dir = dirname(file)
    let names = reads.get(dir)
    if (!names) reads.set(dir, (names = readdir(dir)))
    try {
      return (await copiesOnDisk(dir, basename(file), await names))[0]
    } catch (error) {
      if (isErrnoCode(error, 'ENOENT', 'ENOTDIR')) return undefined
      throw error
    }
  }

  /**
   * The rows of the last listing, as the library screen shows them, without a `stat` of every
   * review (the archive counts these); a library not listed yet is listed first.
   */
  async lastListed(): Promise<ReviewSummary[]> {
    if (!this.listed) await this.list()
    return [...this.rowsWithRecords()]
  }

  /** Full-text search over the reviews of the last listing (shared/search.ts has the language). */
  searchReviews(query: string, limit: number, session?: string): Promise<SearchResults> {
    return this.search.search(query, limit, session)
  }

  /** Stops the search index's background work: the library is no longer in use. */
  close(): void {
    this.search.stop()
    this.folderWatch?.close()
  }

  /** Waits until the search index has read every review and its file is written (tests, the bench, shutdown). */
  flushSearch(): Promise<Error | undefined> {
    return this.search.flush()
  }

  /** Waits until the review folders of the last listing are watched, where they can be (tests). */
  async flushWatch(): Promise<void> {
    await this.folderWatch?.settled()
  }

  /** Waits until the library index file holds the last listing (it is written in the background). */
  async flushIndex(): Promise<Error | undefined> {
    await this.index.flush()
    return this.index.lastWriteFailure
  }

  async create(title = '', author = this.options.defaultAuthor()): Promise<ReviewSummary> {
    const shownTitle = title.trim() || 'Untitled review'
    const stamp = this.now().toISOString()
    const site = await this.siteFiles()
    if (site) return this.createInSite(site, shownTitle, author, stamp)
    const id = await this.freeId(slugify(shownTitle))
    const meta: ReviewMeta = {
      title: shownTitle,
      author,
      date: stamp.slice(0, 10),
      tags: [],
      excerpt: '',
      status: 'draft',
      created: stamp,
      updated: stamp,
      extra: {},
    }
    const dir = join(this.root, id)
    try {
      await mkdir(join(dir, ASSETS_DIR), { recursive: true })
      await writeFileAtomic(join(dir, REVIEW_FILE), serializeReview(meta, emptyDocument()))
      await writeFileAtomic(join(dir, FOLLOWS_TITLE_FILE), FOLLOWS_TITLE_NOTE)
    } catch (error) {
      throw describeIoError(error, `create the review “${shownTitle}”`)
    }
    return this.summary(id)
  }

  /** A new review in the site's layout and front matter style; nothing else is added to the site. */
  private async createInSite(site: SiteFiles, title: string, author: string, stamp: string): Promise<ReviewSummary> {
    const day = stamp.slice(0, 10)
    const id = await this.freeId(site.baseId(slugify(title), day))
    const file = site.path(id)
    try {
      await mkdir(dirname(file), { recursive: true })
      await writeFileAtomic(file, site.newReviewText(title, day, author))
    } catch (error) {
      throw describeIoError(error, `create the review “${title}”`)
    }
    return this.summary(id)
  }

  /** The review for the editor: an editable one's blocks are held for its delta saves (bases.ts). */
  async open(id: string): Promise<OpenedReview> {
    return this.opened(await this.read(id))
  }

  /**
   * As `open`, but a long review main has not read yet (just after the start, or changed by another
   * program beyond a reread in part) comes in two parts: its first blocks, read here in a few
   * milliseconds, and a token for the rest (`openRest`), which a reader thread parses meanwhile.
   * The editor shows the first screen while main would still be parsing the whole. `screenChars`:
   * the characters of text the editor's window shows at most (the first part covers them: parsing
   * 3,000 characters for a 1280×800 window, where it parsed 6,000, halves main's part of the open).
   */
  async openInParts(id: string, screenChars?: number): Promise<OpenedReview | ReviewFirstPart> {
    const read = await this.read(id, Math.max(screenChars ?? FIRST_PART_CHARS, MIN_FIRST_PART_CHARS))
    return read.kind === 'first-part' ? read : this.opened(read)
  }

  /** The rest of a review opened in parts (its first part's `rest` token), once the whole is read. */
  async openRest(token: string): Promise<ReviewRest> {
    const pending = this.rests.get(token)
    if (!pending) fail('NOT_FOUND', 'The rest of this review is no longer waiting to be sent; open the review again.')
    this.rests.delete(token)
    let whole: ParsedReview
    try {
      whole = await pending.whole
    } catch (error) {
      if (!(error instanceof ReviewParseError)) throw error
      return { kind: 'whole', review: { kind: 'read-only', id: pending.id, reason: error.message, raw: Buffer.from(pending.bytes).toString('utf8') } }
    }
    const first = whole.sourceBlocks.blocks.slice(0, pending.first.length)
    // The first part's cut is one known to be safe (segments.ts); should it ever not begin the
    // whole, the editor takes the whole instead of a wrong start.
    if (JSON.stringify(first) !== JSON.stringify(pending.first)) return { kind: 'whole', review: await this.open(pending.id) }
    return {
      kind: 'rest',
      blocks: whole.doc.root.children.slice(pending.first.length),
      warnings: [...whole.warnings, ...pending.warnings],
      base: this.bases.hold(whole.doc),
    }
  }

  private opened(read: ReadReview): OpenedReview {
    return read.kind === 'editable' ? { ...read, base: this.bases.hold(read.doc) } : read
  }

  private read(id: string): Promise<ReadReview>
  /** `firstPartChars`: a long review not parsed yet comes in parts, its first part at least this long. */
  private read(id: string, firstPartChars: number): Promise<ReadReview | ReviewFirstPart>
  private async read(id: string, firstPartChars?: number): Promise<ReadReview | ReviewFirstPart> {
    const bytes = await this.readReviewFile(id)
    if (bytes.byteLength > MAX_REVIEW_BYTES) {
      return { kind: 'read-only', id, reason: tooLarge(bytes.byteLength), raw: Buffer.from(bytes.subarray(0, TOO_LARGE_PREVIEW_BYTES)).toString('utf8') }
    }
    const hash = contentHash(bytes)
    const fallback = await this.fallbackMeta(id)
    try {
      let parsed = this.parsed.get(hash, fallback)
      if (!parsed) {
        // Changed since it was read last (another program, a restored version): its changed blocks
        // are read again here, in a few milliseconds; a long stretch is parsed whole, off main.
        const previous = this.parsed.latest(id)
        parsed = previous && reparseReview(previous, bytes, fallback)
        if (!parsed && firstPartChars !== undefined) {
          const first = readFirstPart(bytes, fallback, firstPartChars)
          if (first) return await this.firstPart(id, hash, bytes, fallback, first)
        }
        parsed ??= await this.reader.open(bytes, fallback)
        this.parsed.set(id, hash, fallback, parsed)
      }
      const { meta, doc, warnings } = parsed
      const records = await this.records?.read(id)
      return { kind: 'editable', id, hash, meta: records ? withSiteRecords(meta, records) : meta, doc, warnings: [...warnings, ...recordWarnings(records)] }
    } catch (error) {
      if (!(error instanceof ReviewParseError)) throw error
      return { kind: 'read-only', id, reason: error.message, raw: Buffer.from(bytes).toString('utf8') }
    }
  }

  /** Sends a review's first blocks, its whole parsed meanwhile in a reader thread for `openRest`. */
  private async firstPart(id: string, hash: string, bytes: Uint8Array, fallback: MetaFallback, first: FirstPart): Promise<ReviewFirstPart> {
    const whole = this.reader.open(bytes, fallback).then((parsed) => {
      this.parsed.set(id, hash, fallback, parsed)
      return parsed
    })
    // A rest never asked for (the window closed) is no unhandled rejection; `openRest` sees the error.
    whole.catch(() => undefined)
    const records = await this.records?.read(id)
    const rest = randomUUID()
    this.rests.set(rest, { id, bytes, whole, first: first.blocks, warnings: recordWarnings(records) })
    for (const oldest of this.rests.keys()) {
      if (this.rests.size <= RESTS_HELD) break
      this.rests.delete(oldest)
    }
    const meta = records ? withSiteRecords(first.meta, records) : first.meta
    return { kind: 'first-part', id, hash, meta, doc: { root: { type: 'root', children: first.blocks.map(({ block }) => block) } }, rest }
  }

  /**
   * Writes the editor's state. Refuses when the file on disk is not the one the editor loaded
   * (`baseHash`), so an outside edit or an unparseable file is never overwritten silently.
   */
  async save(id: string, meta: ReviewMeta, doc: EditorDocument, baseHash: string): Promise<SaveResult> {
    const path = await this.reviewFile(id)
    const current = await this.readReviewFile(id)
    if (contentHash(current) !== baseHash) {
      fail('CONFLICT', `“${meta.title || id}” was changed outside Verdict since it was opened; your edits were not written over it.`)
    }
    const fallback = await this.fallbackMeta(id)
    // The file as opened or last saved is kept parsed: its blocks are not read again for the save.
    const before = this.parsed.get(baseHash, fallback)
    // Only the edits are written; `published` (the publish records) stays the file's (reviseReview).
    const revision = reviseReview(current, fallback, await this.statusAsFiled(id, current, fallback, meta), doc, this.now().toISOString(), before?.sourceBlocks)
    if (!revision.changed) {
      // Nothing to write, but images left unused earlier still reach their grace period.
      await this.tidyAssets(id, revision.meta, doc)
      return { hash: baseHash, updated: revision.meta.updated, wordCount: wordCountOf(doc), base: this.bases.hold(doc) }
    }
    try {
      await writeFileAtomic(path, revision.text)
    } catch (error) {
      throw describeIoError(error, `save “${meta.title || id}”`)
    }
    await this.tidyAssets(id, revision.meta, doc)
    // The row and the search index take the saved text now, not at the next listing.
    const bytes = Buffer.from(revision.text, 'utf8')
    const hash = contentHash(bytes)
    // The saved file parsed from the one before (its changed blocks read again), so reopening it is a hit.
    const after = before && reparseReview(before, bytes, fallback)
    if (after) this.parsed.set(id, hash, fallback, after)
    await this.index.written(id, bytes)
    return { hash, updated: revision.meta.updated, wordCount: wordCountOf(doc), base: this.bases.hold(doc) }
  }

  /**
   * A site's post shows as published while it is live on a blog (its records say so, not its
   * file): that status is not the critic's edit, and is not written into the post.
   */
  private async statusAsFiled(id: string, file: Uint8Array, fallback: MetaFallback, meta: ReviewMeta): Promise<ReviewMeta> {
    if (!this.records || meta.status !== 'published') return meta
    const filed = readMeta(Buffer.from(file), fallback)
    if (filed.status === 'published' || !liveOn(mergeRecords(filed.published, await this.records.read(id)))) return meta
    return { ...meta, status: filed.status }
  }

  /** Main wrote the review's file itself (not through `save`): its row and search text take the new bytes now. */
  async written(id: string, bytes: Uint8Array): Promise<void> {
    await this.index.written(id, bytes)
  }

  /**
   * Moves images the saved review no longer uses to the trash, once unused for the grace period.
   * Only in Verdict's own layout: a site's image folders are shared by its pages and templates.
   */
  private async tidyAssets(id: string, meta: ReviewMeta, doc: EditorDocument): Promise<void> {
    if (await this.siteFiles()) return
    try {
      const keep = (await this.options.keepAssets?.(id)) ?? new Set<string>()
      await collectUnusedAssets(this, id, { referenced: referencedAssets(doc, meta), keep, graceMs: UNUSED_ASSET_GRACE_MS, now: this.now() })
    } catch (error) {
      this.lastCleanupFailure = error instanceof Error ? error : new Error(String(error))
    }
  }

  /** Sets the title and moves the folder to the title's slug, keeping the id when the slug is unchanged. */
  async rename(id: string, title: string): Promise<ReviewSummary> {
    const opened = await this.read(id)
    if (opened.kind === 'read-only') fail('READ_ONLY', `“${id}” cannot be renamed until its review.md can be read: ${opened.reason}`)
    const meta = { ...opened.meta, title: title.trim(), updated: this.now().toISOString() }
    await this.writeMeta(id, (read) => ({ ...read, title: meta.title, updated: meta.updated }))
    // A site's file names are its pages' addresses: a rename changes the title only.
    if (await this.siteFiles()) return this.summary(id)
    // Named by hand: the name stays, whatever the title becomes.
    await this.pinName(id)
    const slug = slugify(meta.title)
    if (slug === id) return this.summary(id)
    return this.summary(await this.moveTo(id, slug, `rename “${id}”`))
  }

  /**
   * Moves a folder that follows its title to the title's slug (suffixed when taken); the new id, or
   * `id` when it stays (pinned, or already named after this title).
   */
  async followTitle(id: string, title: string): Promise<string> {
    if (await this.siteFiles()) return id
    const dir = await this.reviewDir(id)
    if (!(await isFile(join(dir, FOLLOWS_TITLE_FILE)))) return id
    const slug = slugify(title)
    // `slug-2` stays `slug-2`: its name is already this title's, `slug` is someone else's.
    if (id === slug || (id.startsWith(`${slug}-`) && /^\d+$/.test(id.slice(slug.length + 1)))) return id
    return this.moveTo(id, slug, `rename “${id}” after its title`)
  }

  /** The folder keeps its name from now on (published, or renamed by hand). */
  async pinName(id: string): Promise<void> {
    if (await this.siteFiles()) return
    try {
      await rm(join(await this.reviewDir(id), FOLLOWS_TITLE_FILE), { force: true })
    } catch (error) {
      throw describeIoError(error, `keep the folder name of “${id}”`)
    }
  }

  private async moveTo(id: string, slug: string, what: string): Promise<string> {
    const target = await this.freeId(slug)
    await this.move(join(this.root, id), join(this.root, target), what)
    this.index.forget(id)
    this.search.remove(id)
    return target
  }

  async duplicate(id: string): Promise<ReviewSummary> {
    const opened = await this.read(id)
    if (opened.kind === 'read-only') fail('READ_ONLY', `“${id}” cannot be duplicated until its review.md can be read: ${opened.reason}`)
    const title = `${opened.meta.title} (copy)`
    const stamp = this.now().toISOString()
    const site = await this.siteFiles()
    const target = await this.freeId(site ? site.baseId(slugify(title), stamp.slice(0, 10)) : slugify(title))
    const [from, to] = site ? [site.unit(id), site.copyUnit(id, target)] : [await this.reviewDir(id), join(this.root, target)]
    try {
      await cp(from, to, { recursive: true, errorOnExist: true, force: false })
    } catch (error) {
      throw describeIoError(error, `duplicate “${opened.meta.title}”`)
    }
    await this.writeMeta(target, (read) => ({ ...read, title, status: 'draft', created: stamp, updated: stamp }))
    return this.summary(target)
  }

  /**
   * Moves the review into `.trash`; nothing is ever deleted outright. A site's review (its file, or
   * its bundle's folder) goes to `.verdict/trash/<trashId>/`, so nothing is added to the site.
   */
  async trash(id: string): Promise<{ trashId: string }> {
    const dir = await this.reviewDir(id)
    const trashId = `${id}--${this.now().getTime()}`
    const site = await this.siteFiles()
    if (site) {
      const unit = site.unit(id)
      await mkdir(join(await this.trashDir(), trashId))
      await this.move(unit, join(await this.trashDir(), trashId, basename(unit)), `move “${id}” to the trash`)
    } else {
      await mkdir(join(this.root, TRASH_DIR), { recursive: true })
      await this.move(dir, join(this.root, TRASH_DIR, trashId), `move “${id}” to the trash`)
    }
    this.index.forget(id)
    this.search.remove(id)
    await this.records?.follow(id, trashId)
    return { trashId }
  }

  async restore(trashId: string): Promise<ReviewSummary> {
    const from = join(await this.trashDir(), trashId)
    if (!(await isDirectory(from))) fail('NOT_FOUND', `“${trashId}” is no longer in the trash.`)
    const original = trashId.replace(/--\d+$/, '')
    const id = await this.freeId(original)
    const site = await this.siteFiles()
    if (site) {
      const [name] = await readdir(from)
      if (!name) fail('NOT_FOUND', `“${trashId}” is no longer in the trash.`)
      await mkdir(site.contentDir, { recursive: true })
      await this.move(join(from, name), site.restoredUnit(id, name), `restore “${original}”`)
      await rm(from, { recursive: true, force: true }) // the emptied folder
      await this.records?.follow(trashId, id)
    } else await this.move(from, join(this.root, id), `restore “${original}”`)
    return this.summary(id)
  }

  /** Where trashed reviews go: `.trash` in Verdict's layout, `.verdict/trash` in a site's. */
  async trashDir(): Promise<string> {
    return (await this.siteFiles()) ? privateDir(this.root, 'trash') : join(this.root, TRASH_DIR)
  }

  /**
   * Where Verdict keeps its own records of a review (the publish log): its folder in Verdict's
   * layout, `.verdict/reviews/<id>/` in a site's, so nothing is added to the site.
   */
  async recordsDir(id: string): Promise<string> {
    const dir = await this.reviewDir(id)
    return this.site ? privateDir(this.root, 'reviews', id) : dir
  }

  /** The review's Markdown file, checked as `reviewDir` checks its folder. */
  async reviewFile(id: string): Promise<string> {
    const dir = await this.reviewDir(id)
    return this.site ? this.site.path(id) : join(dir, REVIEW_FILE)
  }

  /**
   * The review's folder, refusing anything that is not a folder directly inside the library. In a
   * site layout, the folder its relative image paths start from: its bundle, or the content folder.
   */
  async reviewDir(id: string): Promise<string> {
    checkedReviewId(id)
    const site = await this.siteFiles()
    const root = await realpath(this.root)
    if (site) {
      // A site's review is a file (or bundle) anywhere inside the library, its links resolved.
      const file = await site.locate(id)
      const rel = relative(root, await realPathOf(file, id))
      if (rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) fail('OUTSIDE_LIBRARY', `“${id}” points outside the library and was refused.`)
      return dirname(file)
    }
    const dir = join(this.root, id)
    const rel = relative(root, await realPathOf(dir, id))
    if (rel !== id || isAbsolute(rel)) fail('OUTSIDE_LIBRARY', `“${id}” points outside the library and was refused.`)
    await checkReviewFile(root, dir, id)
    return dir
  }

  private async readReviewFile(id: string): Promise<Uint8Array> {
    return readReviewBytes(await this.reviewFile(id), id)
  }

  /** Changes front matter keys in place; the body's bytes stay as they are. */
  private async writeMeta(id: string, change: (meta: ReviewMeta) => ReviewMeta): Promise<void> {
    const path = await this.reviewFile(id)
    try {
      await writeFileAtomic(path, rewriteFrontMatter(await readFile(path), await this.fallbackMeta(id), change))
    } catch (error) {
      throw describeIoError(error, `save “${id}”`)
    }
  }

  private async move(from: string, to: string, what: string): Promise<void> {
    try {
      await rename(from, to)
    } catch (error) {
      throw describeIoError(error, what)
    }
  }

  /** `base`, else `base-2`, `base-3`, … : the first name not taken by a review. */
  private async freeId(base: string): Promise<string> {
    const site = await this.siteFiles()
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}-${n}`
      if (site) {
        if (!(await site.taken(id))) return id
        continue
      }
      try {
        await stat(join(this.root, id))
      } catch (error) {
        if (isErrnoCode(error, 'ENOENT')) return id
        throw error
      }
    }
  }

  private async fallbackMeta(id: string): Promise<MetaFallback> {
    return this.fallbackOf(id, await stat(await this.reviewFile(id)))
  }

  /** What a file without these keys shows: its name (a Jekyll post's date too) and its times. */
  fallbackOf(id: string, info: Stats): MetaFallback {
    return { ...(this.site ? nameFallback(this.site.layout, id) : { title: id }), created: info.birthtime.toISOString(), updated: info.mtime.toISOString() }
  }

  /** Where a site keeps a review and its title when the file gives none (the search thread knows Verdict's own layout). */
  private sitePlace(site: SiteFiles, id: string): ReviewPlace {
    return { path: site.path(id), title: nameFallback(site.layout, id).title }
  }

  /** Whether a sync engine is bringing a new version of the review's file into its folder (fs/syncTemp.ts). */
  private async arriving(id: string): Promise<boolean> {
    const file = this.filePath(id)
    try {
      return arrivingAs(await readdir(dirname(file)), basename(file))
    } catch {
      return false
    }
  }

  /** The library row of one review (from the index while its review.md is unchanged). */
  async summary(id: string): Promise<ReviewSummary> {
    const row = (await this.index.row(id)) ?? fail('NOT_FOUND', `The review “${id}” could not be read back.`)
    await this.records?.read(id)
    return withCopy(this.withRecords(row), await this.conflictCopy(id))
  }

  /**
   * The row as a full parse would give it (`parseReview`, `scoreMirror`, `wordCountOf`), from the
   * front matter and a scan of the body (indexScan.ts) instead of the editor's whole document.
   */
  private async readSummary(id: string, path: string, info: Stats, bytes?: Uint8Array): Promise<ReviewSummary | undefined> {
    const fallback = this.fallbackOf(id, info)
    // An engine that writes in place leaves half a file while its temp marker stands beside it (one that
    // renames its temp over review.md leaves the old whole file, older than this): keep the last row.
    if (Date.now() - info.mtimeMs < RACY_MS && (await this.arriving(id))) return undefined
    let git: Pick<ReviewSummary, 'conflict'> = {}
    try {
      if (info.size > MAX_REVIEW_BYTES) throw new ReviewParseError(tooLarge(info.size))
      await this.reviewDir(id) // The row of a review.md linked out of the library shows nothing of the file.
      const file = bytes ?? (await readFile(path))
      if (hasGitConflict(file)) git = { conflict: { source: 'git' } }
      const { fields, search } = await this.reader.summarize(file, fallback)
      // The same read feeds the search index, so a changed file is read once.
      this.search.put(id, keyOf(info), search, this.site ? this.sitePlace(this.site, id) : undefined)
      return { id, ...fields, ...git }
    } catch (error) {
      // Half a file a sync engine is still writing is not a broken review: it is read again once it landed.
      if (error instanceof ReviewParseError && (await this.arriving(id))) return undefined
      const problem = error instanceof ReviewParseError ? error.message : describeIoError(error, `read “${id}”`).message
      return {
        id,
        title: fallback.title,
        author: '',
        date: fallback.date ?? '',
        status: 'draft',
        tags: [],
        excerpt: '',
        wordCount: 0,
        created: fallback.created,
        updated: fallback.updated,
        problem,
        ...git,
      }
    }
  }
}

/**
 * A review folder holds `review.md` (any other folder — the user's Documents under a library
 * pointed too high — is not a review to open, rename or trash), and a `review.md` that is a link
 * may point only inside the library: an outside file is never read into the app or written over.
 */
async function checkReviewFile(root: string, dir: string, id: string): Promise<void> {
  const file = join(dir, REVIEW_FILE)
  try {
    if (!(await lstat(file)).isSymbolicLink()) return
    const rel = relative(root, await realpath(file))
    if (rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) {
      fail('OUTSIDE_LIBRARY', `The ${REVIEW_FILE} of “${id}” links to a file outside the library and was refused.`)
    }
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) fail('NOT_FOUND', `“${id}” is not a review: it has no ${REVIEW_FILE}.`)
    throw error
  }
}

function withCopy(row: ReviewSummary, copy: ConflictCopy | undefined): ReviewSummary {
  return copy ? { ...row, conflict: reviewConflictOf(copy) } : row
}

/** The real path of a review's folder or file; NOT_FOUND when it is gone. */
async function realPathOf(path: string, id: string): Promise<string> {
  try {
    return await realpath(path)
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) fail('NOT_FOUND', `The review “${id}” no longer exists in this library.`)
    throw error
  }
}

function tooLarge(bytes: number): string {
  return `The file is ${megabytes(bytes)}, more than the ${megabytes(MAX_REVIEW_BYTES)} Verdict opens for editing; it is shown read-only (the beginning only) and left as it is.`
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return false
    throw error
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
