/**
 * The reviews parsed lately, by the hash of the file's bytes: reopening a review whose file has not
 * changed (back from the library, a check for outside changes) skips the Markdown parse, which
 * takes a reader thread ~200 ms at 50,000 words. The file stays the truth: a different hash (an
 * edit, a save, another program) is a miss, and the file is read from the review's latest version
 * kept here (`latest`), only its changed blocks parsed again (`reparseReview`), or parsed whole. A
 * save hands the new file's parse over, so reopening after a save is a hit. The parsed review is
 * shared, never copied, as the bases (bases.ts) share the blocks they hold: nothing changes it.
 */
import type { ParsedReview } from '../format'
import type { MetaFallback } from '../format/meta'

/** Reviews (their latest version each): the one open, the one before it and a few a critic goes back and forth between. */
const REVIEWS_KEPT = 4

export class ParseCache {
  /** In order of use, the least recent first; each with the id of the review it was read from. */
  readonly #parsed = new Map<string, { id: string; parsed: ParsedReview }>()

  get(hash: string, fallback: MetaFallback): ParsedReview | undefined {
    const key = keyOf(hash, fallback)
    const entry = this.#parsed.get(key)
    if (entry) {
      this.#parsed.delete(key)
      this.#parsed.set(key, entry)
    }
    return entry?.parsed
  }

  /** The version of review `id` kept last, whatever its bytes: what a changed file is read again from. */
  latest(id: string): ParsedReview | undefined {
    return [...this.#parsed.values()].findLast((entry) => entry.id === id)?.parsed
  }

  /** Keeps `parsed` as review `id`'s latest version: its earlier ones go, so saves never push other reviews out. */
  set(id: string, hash: string, fallback: MetaFallback, parsed: ParsedReview): void {
    const key = keyOf(hash, fallback)
    for (const [kept, entry] of this.#parsed) if (entry.id === id) this.#parsed.delete(kept)
    this.#parsed.set(key, { id, parsed })
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
