/**
 * Block-delta saves: the editor sends main the top-level blocks that changed and names the others,
 * so an autosave of a long review carries a few blocks over the bridge, not the review.
 *
 * Main keeps, for each open editor, the list of top-level blocks of the document it last received
 * or sent — a *base* — under a token it hands out: at open (the blocks it sent) and with every save
 * (the blocks that save held). A block's stable id is its index in that base. The renderer knows
 * which of its blocks are still a base block, and which one, by object identity: its incremental
 * serializer keeps the JSON object of a block no edit touched, so the objects of the last saved
 * document are the base; for the document as opened, the serializer checks each block against the
 * one main sent (serialize.ts). Main rebuilds the whole document from the base and the delta and
 * saves it exactly as if it had been sent whole; for a base it no longer holds it answers
 * STALE_BASE, and the editor sends the whole document instead.
 */
import { VerdictError } from './contract'
import type { BlockJSON, EditorDocument } from './document'

/** The base's blocks `[from, to)`, kept as they are. */
export type KeptRun = [from: number, to: number]

export interface DocumentDelta {
  /** The token of the base, as main handed it out. */
  base: string
  /** The document's top-level blocks in order: runs of the base's, and blocks sent whole. */
  blocks: Array<KeptRun | BlockJSON>
}

export const isDelta = (doc: EditorDocument | DocumentDelta): doc is DocumentDelta => 'base' in doc

/**
 * The document as a delta on the base `base`, where `indexOf` gives a block's index in that base
 * when it is still that block; null when no block is kept (the whole document is then smaller).
 */
export function toDelta(doc: EditorDocument, base: string, indexOf: (block: BlockJSON) => number | undefined): DocumentDelta | null {
  const blocks: DocumentDelta['blocks'] = []
  let kept = false
  for (const block of doc.root.children) {
    const at = indexOf(block)
    if (at === undefined) {
      blocks.push(block)
      continue
    }
    kept = true
    const last = blocks.at(-1)
    if (Array.isArray(last) && last[1] === at) last[1] = at + 1
    else blocks.push([at, at + 1])
  }
  return kept ? { base, blocks } : null
}

/** The whole document a delta stands for, on the base's blocks. */
export function applyDelta(base: readonly BlockJSON[], delta: DocumentDelta): EditorDocument {
  const children: BlockJSON[] = []
  for (const item of delta.blocks) {
    if (!Array.isArray(item)) {
      children.push(item)
      continue
    }
    const [from, to] = item
    if (!(from < to && to <= base.length)) {
      throw new VerdictError('INVALID_ARGUMENT', `The editor named blocks ${from}–${to - 1} of a text of ${base.length} blocks; nothing was written.`)
    }
    for (let index = from; index < to; index++) children.push(base[index]!)
  }
  return { root: { type: 'root', children } }
}
