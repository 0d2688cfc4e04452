/**
 * A review in conflict: a sync engine left the other machine's version beside `review.md` (a
 * conflict copy), or git left both versions inside it (conflict markers). This service shows the
 * two versions merged as far as they merge by themselves (reviewMerge.ts) and writes the critic's
 * resolution as one atomic save, after keeping the replaced file in history; the conflict copy then
 * goes to the library's trash, so nothing is lost either way.
 *
 * The base of the three-way merge comes from git's own base (diff3 markers), else from the review's
 * history: the newest version kept before the older of the two sides' last saves that is neither
 * side. Versions do not record their parents, so "the newest version both sides descend from" cannot
 * be known; a version kept before both sides' edits is the one before they diverged, or older. Too
 * old a base only asks more (blocks changed since then look changed on both sides); too new a base
 * would silently take one side's old text back over the other's edit. The rare too-new case (a
 * version only one side went through) is caught by `suspect`: a one-sided change back to a block of
 * an older version is asked, not taken.
 */
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { ConflictRegion, ConflictView } from '../../../shared/contract'
import type { ReviewConflict, ReviewSummary } from '../../../shared/model'
import { moveFilesToTrash } from '../assets/assetsDir'
import { describeIoError, fail, isErrnoCode } from '../errors'
import { ReviewParseError } from '../format'
import { readFrontMatter } from '../format/frontMatter'
import { readSourceBlocks } from '../format/markdown'
import { yamlEntry } from '../format/meta'
import type { HistoryService } from '../history/history'
import { contentHash, type Library } from '../library/library'
import { readPlainFile } from '../recovery/privateDir'
import { writeOwnReviewFile, type ReviewWrites } from '../recovery/writes'
import type { ReviewWatcher } from '../watch/watcher'
import { runsMarkdown, type Pick, type Side } from './blockMerge'
import { gitConflictOf } from './gitMarkers'
import { mergedReview, mergeReviews, type ReviewMerge } from './reviewMerge'

/** How many versions older than the base lend their blocks to `suspect`. */
const SUSPECT_VERSIONS = 3

export type ConflictResolution = { keep: Side } | { merge: { body: Pick[]; keys: Record<string, Side> } }

interface Sides {
  conflict: ReviewConflict
  ours: Buffer
  theirs: Buffer
  /** The hashes a resolution must still find: review.md's, and the copy's (for git, review.md's again). */
  oursHash: string
  theirsHash: string
  /** Git's diff3 base. */
  base?: Buffer
  /** The conflict copy's file name. */
  copy?: string
}

export interface ConflictServiceOptions {
  libraries: { current(): Library }
  history: HistoryService
  writes: ReviewWrites
  watcher: ReviewWatcher
  now?: () => Date
}

export class ConflictService {
  private readonly now: () => Date

  constructor(private readonly options: ConflictServiceOptions) {
    this.now = options.now ?? (() => new Date())
  }

  /** Both versions and their merge as far as it goes by itself. */
  async open(id: string): Promise<ConflictView> {
    const library = this.options.libraries.current()
    const sides = await this.sides(library, id)
    const view = { id, conflict: sides.conflict, oursHash: sides.oursHash, theirsHash: sides.theirsHash }
    let merged: { merge: ReviewMerge; at?: string }
    try {
      merged = await this.merge(library, id, sides)
    } catch (error) {
      if (!(error instanceof ReviewParseError)) throw error
      return { ...view, base: null, unmergeable: `One of the versions cannot be read as a review (${error.message}), so only keeping one of them whole is offered.`, keys: [], body: [] }
    }
    const { merge, at } = merged
    const yaml = (key: string, value: unknown): string => (value === undefined ? '' : yamlEntry(key, value).trimEnd())
    const body = merge.body.regions.map(
      (region): ConflictRegion =>
        region.kind === 'taken'
          ? { kind: 'taken', side: region.side, markdown: runsMarkdown(region.runs) }
          : { kind: 'conflict', ours: runsMarkdown(region.ours), theirs: runsMarkdown(region.theirs) },
    )
    return {
      ...view,
      base: at ? { at } : null,
      keys: merge.conflicts.map(({ key, ours, theirs }) => ({ key, ours: yaml(key, ours), theirs: yaml(key, theirs) })),
      body,
    }
  }

  /**
   * Writes the resolution over review.md in one atomic save (the file it replaces kept in history)
   * and moves the conflict copy to the trash. Refused with CONFLICT when either file changed since
   * the critic saw them (`oursHash`, `theirsHash` from `open`).
   */
  resolve(id: string, oursHash: string, theirsHash: string, resolution: ConflictResolution): Promise<ReviewSummary> {
    const { writes, history, watcher } = this.options
    return writes.withReview(id, async (current) => {
      const library = this.options.libraries.current()
      const sides = await this.sides(library, current)
      if (sides.oursHash !== oursHash || sides.theirsHash !== theirsHash) {
        fail('CONFLICT', `A version of “${current}” changed since the conflict was shown; nothing was written. Open the conflict again to see both as they are now.`)
      }
      const text = 'keep' in resolution ? sides[resolution.keep] : Buffer.from(await this.mergedText(library, current, sides, resolution.merge))
      const path = await library.reviewFile(current)
      const onDisk = await readFile(path)
      if (!onDisk.equals(text)) {
        await history.snapshot(current, 'conflict')
        await writeOwnReviewFile(watcher, current, path, text, `save the resolved “${current}”`)
      }
      if (sides.copy) await moveFilesToTrash(library, `conflict-${current}-${this.now().getTime()}`, dirname(path), [sides.copy], `move the conflict copy of “${current}” to the trash`)
      return library.summary(current)
    })
  }

  private async mergedText(library: Library, id: string, sides: Sides, picks: { body: Pick[]; keys: Record<string, Side> }): Promise<string> {
    let merge: ReviewMerge
    try {
      merge = (await this.merge(library, id, sides)).merge
    } catch (error) {
      if (error instanceof ReviewParseError) fail('READ_ONLY', `One of the versions cannot be read as a review (${error.message}); keep one of them whole instead.`)
      throw error
    }
    let text: string
    try {
      text = mergedReview(merge, picks, this.now().toISOString())
    } catch (error) {
      // Picks that do not fit the conflicts (they changed since, or a damaged request).
      fail('INVALID_ARGUMENT', error instanceof Error ? error.message : String(error))
    }
    // The critic's own Markdown for a conflict could end the front matter or open another: refused, never written.
    try {
      readFrontMatter(Buffer.from(text))
    } catch (error) {
      fail('INVALID_ARGUMENT', `The merged review would not read back (${error instanceof Error ? error.message : String(error)}); nothing was written.`)
    }
    return text
  }

  /** The two versions of a review in conflict; NOT_FOUND when it has none. */
  private async sides(library: Library, id: string): Promise<Sides> {
    const dir = await library.reviewDir(id)
    let ours: Buffer
    try {
      ours = await readPlainFile(await library.reviewFile(id))
    } catch (error) {
      throw describeIoError(error, `read “${id}”`)
    }
    const copy = await library.conflictCopy(id)
    if (copy) {
      let theirs: Buffer
      try {
        // A link planted under a copy's name is not followed out of the library.
        theirs = await readPlainFile(join(dir, copy.name))
      } catch (error) {
        if (isErrnoCode(error, 'ENOENT')) fail('NOT_FOUND', `The conflict copy of “${id}” is gone; open the library again.`)
        throw describeIoError(error, `read the conflict copy of “${id}”`)
      }
      return { conflict: { source: copy.engine, copy: copy.name }, ours, theirs, oursHash: contentHash(ours), theirsHash: contentHash(theirs), copy: copy.name }
    }
    const git = gitConflictOf(ours.toString('utf8'))
    if (!git) fail('NOT_FOUND', `“${id}” is not in conflict: there is no other version of it to merge.`)
    const hash = contentHash(ours)
    return {
      conflict: { source: 'git' },
      ours: Buffer.from(git.ours),
      theirs: Buffer.from(git.theirs),
      oursHash: hash,
      theirsHash: hash,
      ...(git.base === undefined ? {} : { base: Buffer.from(git.base) }),
    }
  }

  /** The merge from git's base, else from history's (see the top of this file); `at`: when history's was kept. */
  private async merge(library: Library, id: string, sides: Sides): Promise<{ merge: ReviewMerge; at?: string }> {
    if (sides.base) return { merge: mergeReviews(sides.base, sides.ours, sides.theirs) }
    const { versions } = await this.options.history.list(id)
    const edited = Math.min(editedAt(sides.ours), editedAt(sides.theirs))
    const hashes = [contentHash(sides.ours), contentHash(sides.theirs)].map((hash) => hash.slice(0, 8))
    // Newest first.
    const candidates = versions.filter((version) => Date.parse(version.at) <= edited && !hashes.some((hash) => version.versionId.endsWith(`-${hash}`)))
    const [base, ...older] = candidates
    if (!base) return { merge: mergeReviews(undefined, sides.ours, sides.theirs) }
    const suspect = new Set<string>()
    for (const version of older.slice(0, SUSPECT_VERSIONS)) {
      try {
        const bytes = await this.options.history.versionBytes(library, id, version.versionId)
        for (const { block } of readSourceBlocks(readFrontMatter(bytes).body).blocks) suspect.add(JSON.stringify(block))
      } catch {
        // A version that is gone or does not read lends no blocks: the merge only asks less.
      }
    }
    const bytes = await this.options.history.versionBytes(library, id, base.versionId)
    return { merge: mergeReviews(bytes, sides.ours, sides.theirs, suspect), at: base.at }
  }
}

/** When a side was last saved: its `updated`; no bound when it has none that reads as a time. */
function editedAt(file: Buffer): number {
  try {
    const updated = readFrontMatter(file).data.updated
    const at = typeof updated === 'string' ? Date.parse(updated) : Number.NaN
    return Number.isNaN(at) ? Number.POSITIVE_INFINITY : at
  } catch {
    return Number.POSITIVE_INFINITY
  }
}
