/**
 * The reviews parsed lately, by the hash of the file's bytes: reopening a review whose file has not
 * changed (back from the library, a check for outside changes) skips the Markdown parse, which
 * takes a reader thread ~200 ms at 50,000 words. The file stays the truth: a different hash (an
 * edit, a save, another program) is a miss and the file is parsed again. The parsed review is
 * shared, never copied, as the bases (bases.ts) share the blocks they hold: nothing changes it.
 */
import type { ParsedReview } from '../format'
import type { MetaFallback } from '../format/meta'

/** Enough for the review open, the one before it and a few a critic goes back and forth between. */
const REVIEWS_KEPT = 4

export class ParseCache {
  /** In order of use, the least recent first. */
  readonly #parsed = new Map<string, ParsedReview>()

  get(hash: string, fallback: MetaFallback): ParsedReview | undefined {
    const key = keyOf(hash, fallback)
    const parsed = this.#parsed.get(key)
    if (parsed) {
      this.#parsed.delete(key)
      this.#parsed.set(key, parsed)
    }
    return parsed
  }

  set(hash: string, fallback: MetaFallback, parsed: ParsedReview): void {
    const key = keyOf(hash, fallback)
    this.#parsed.delete(key)
    this.#parsed.set(key, parsed)
    for (const oldest of this.#parsed.keys()) {
      if (this.#parsed.size <= REVIEWS_KEPT) break
      this.#parsed.delete(oldest)
    }
  }
}

/** The fallback is part of the key: it fills what the front matter leaves out (the folder's name, its dates). */
function keyOf(hash: string, { title, created, updated, date }: MetaFallback): string {
  return JSON.stringify([hash, title, created, updated, date ?? null])
}
