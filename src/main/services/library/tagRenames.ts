/**
 * A tag renamed, or merged into another, across every review of the library, and its undo. Each
 * review's file is edited on its own (frontMatterEdit.ts: only its `tags` key, in the file's shape:
 * a flow list, a block list or a comma string), kept as a version first, and written atomically; a
 * file that cannot be changed is named with the reason and the others go on, so the outcome is
 * always said file by file. The undo holds each file's bytes from before and puts them back, but
 * only in a file that still holds what the rename wrote.
 */
import { randomUUID } from 'node:crypto'
import { VerdictError, type ReviewTouched, type TagRenameResult, type TagUndoResult } from '../../../shared/contract'
import type { ReviewSummary } from '../../../shared/model'
import { fail } from '../errors'
import { readMeta, rewriteFrontMatter } from '../format'
import type { ReviewWrites } from '../recovery/writes'
import { contentHash, type Library } from './library'

/** How many renames can still be undone (the toast offers the last one; older ones are let go). */
const UNDOS_KEPT = 10

interface Changed {
  review: ReviewTouched
  before: Buffer
  /** The file's hash after the rename: an undo puts back only a file that still has it. */
  hash: string
}

export interface TagRenamesOptions {
  libraries: { current(): Library }
  writes: Pick<ReviewWrites, 'rewrite'>
}

export class TagRenames {
  private readonly undos = new Map<string, { library: Library; changed: Changed[] }>()

  constructor(private readonly options: TagRenamesOptions) {}

  async rename(from: string, to: string): Promise<TagRenameResult> {
    if (from === to) fail('INVALID_ARGUMENT', `The tag is already called “${to}”.`)
    const library = this.options.libraries.current()
    const rows = (await library.list()).filter((row) => row.tags.includes(from))
    const changed: Changed[] = []
    const failed: TagRenameResult['failed'] = []
    // One file at a time: the library's other writes (saves, versions) keep their own order per review.
    for (const row of rows) {
      const review = touched(row)
      try {
        const written = await this.options.writes.rewrite(row.id, 'tags', (bytes) => retagged(bytes, row, from, to))
        if (written) changed.push({ review, ...written })
      } catch (error) {
        failed.push({ ...review, reason: reasonOf(error) })
      }
    }
    if (changed.length === 0) return { changed: [], failed }
    const undo = randomUUID()
    this.undos.set(undo, { library, changed })
    if (this.undos.size > UNDOS_KEPT) this.undos.delete(this.undos.keys().next().value!)
    return { changed: changed.map(({ review }) => review), failed, undo }
  }

  async undo(token: string): Promise<TagUndoResult> {
    const batch = this.undos.get(token)
    if (!batch) fail('NOT_FOUND', 'This tag rename can no longer be undone.')
    if (batch.library !== this.options.libraries.current()) fail('CONFLICT', 'This tag rename was made in another library; switch back to it to undo it.')
    this.undos.delete(token)
    const restored: ReviewTouched[] = []
    const failed: TagUndoResult['failed'] = []
    for (const { review, before, hash } of batch.changed) {
      try {
        await this.options.writes.rewrite(review.id, 'tags', (bytes) => {
          if (contentHash(bytes) !== hash) fail('CONFLICT', 'it was changed again after the rename, and was left as it is now')
          return before
        })
        restored.push(review)
      } catch (error) {
        failed.push({ ...review, reason: reasonOf(error) })
      }
    }
    return { restored, failed }
  }
}

/**
 * The file with `from` renamed to `to` in its tags (once: a review that has both keeps one), or
 * undefined when the file does not have the tag (any more).
 */
function retagged(bytes: Buffer, row: ReviewSummary, from: string, to: string): string | undefined {
  const fallback = { title: row.id, created: row.created, updated: row.updated }
  const meta = readMeta(bytes, fallback)
  if (meta.kept?.['tags'] !== undefined) fail('READ_ONLY', 'its tags are written in a shape Verdict keeps as written')
  if (!meta.tags.includes(from)) return undefined
  const tags = [...new Set(meta.tags.map((tag) => (tag === from ? to : tag)))]
  return rewriteFrontMatter(bytes, fallback, (read) => ({ ...read, tags }))
}

const touched = (row: ReviewSummary): ReviewTouched => ({ id: row.id, title: row.title || 'Untitled review' })

function reasonOf(error: unknown): string {
  if (error instanceof VerdictError) return error.message
  return error instanceof Error ? error.message : String(error)
}
