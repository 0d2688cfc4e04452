/**
 * The documents main holds for the editors' delta saves (shared/delta.ts): the top-level blocks of
 * each document opened or saved lately, under a token, so that a save or a draft can name the
 * blocks it did not change instead of sending them again.
 */
import { randomUUID } from 'node:crypto'
import { applyDelta, isDelta, type DocumentDelta } from '../../../shared/delta'
import type { BlockJSON, EditorDocument } from '../../../shared/document'
import { fail } from '../errors'

/**
 * How many documents are held, the least recently used dropped first: an editor needs its newest
 * one (and its previous one while a draft sent before a save is on its way); a dropped one costs
 * a single whole-document save.
 */
const BASES_HELD = 8

export class DocumentBases {
  /** In order of use, the least recent first. */
  readonly #held = new Map<string, readonly BlockJSON[]>()

  /** Holds the blocks of a document main sent or saved; the token that names them. */
  hold(doc: EditorDocument): string {
    const token = randomUUID()
    this.#held.set(token, doc.root.children)
    for (const oldest of this.#held.keys()) {
      if (this.#held.size <= BASES_HELD) break
      this.#held.delete(oldest)
    }
    return token
  }

  /** The whole document a save or a draft stands for: a delta applied to the blocks it names. */
  resolve(doc: EditorDocument | DocumentDelta): EditorDocument {
    if (!isDelta(doc)) return doc
    const base = this.#held.get(doc.base)
    if (!base) fail('STALE_BASE', 'Verdict no longer holds the text this change was made on; the editor sends the whole text instead.')
    this.#held.delete(doc.base)
    this.#held.set(doc.base, base)
    return applyDelta(base, doc)
  }
}
