import { VerdictError } from '@shared/contract'
import { toDelta, type DocumentDelta } from '@shared/delta'
import type { BlockJSON, EditorDocument } from '@shared/document'
import type { DocumentSource } from '@renderer/preview/latestDocument'

/** The document main holds for this sender (shared/delta.ts): its token, and where one of our blocks is in it. */
interface Base {
  token: string
  indexOf(block: BlockJSON, source: DocumentSource): number | undefined
}

/**
 * Sends an editor's document to main as a block delta (shared/delta.ts) on the last document main
 * holds for it, so the bridge carries the blocks that changed, not the review. Saves, the journal
 * and the layout preview each keep one.
 */
export class BlockDeltas {
  #base: Base | undefined

  /** `opened`: the token of the document main opened, when the editor starts from it (its blocks are found by `openedIndexOf`). */
  constructor(opened?: string) {
    this.#base = opened === undefined ? undefined : { token: opened, indexOf: (block, source) => source.openedIndexOf?.(block) }
  }

  /**
   * Sends the document as a delta on the base, or whole when no block is kept or main no longer
   * holds that base (STALE_BASE). The document sent, and the reply.
   */
  async send<T>(source: DocumentSource, send: (doc: EditorDocument | DocumentDelta) => Promise<T>): Promise<{ doc: EditorDocument; reply: T }> {
    const doc = source.toJSON() as EditorDocument
    const base = this.#base
    const delta = base && toDelta(doc, base.token, (block) => base.indexOf(block, source))
    if (!delta) return { doc, reply: await send(doc) }
    try {
      return { doc, reply: await send(delta) }
    } catch (error) {
      if (!(error instanceof VerdictError && error.code === 'STALE_BASE')) throw error
      return { doc, reply: await send(doc) }
    }
  }

  /** Main now holds `doc` (sent) under `token`: the next delta names its blocks, which the serializer keeps as the same objects. */
  adopt(doc: EditorDocument, token: string): void {
    const sent = new Map(doc.root.children.map((block, index) => [block, index]))
    this.#base = { token, indexOf: (block) => sent.get(block) }
  }
}
