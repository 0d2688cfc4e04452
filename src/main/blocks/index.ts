/**
 * The critic blocks in main: each block folder's `main.ts` gives its model, its Markdown converter
 * (format/markdownBlocks.ts), the directives its HTML renders (pipeline/directives.ts, whose classes the
 * sanitiser keeps) and what else main asks of it. Registered by one line in `./registry.ts`.
 */
import type { BlockJSON, CriticBlockModel, CriticBlockType, EditorDocument } from '../../shared/document'
import { documentSchemas } from '../../shared/documentSchema'
import type { BlockConverter } from '../services/format/markdownBlocks'
import type { CriticDirective } from '../services/pipeline/criticElements'
import * as registered from './registry'

export interface MainBlock<T extends CriticBlockType> {
  model: CriticBlockModel<T>
  /** Markdown to JSON and back, and the check of JSON from the renderer. */
  markdown: BlockConverter<Extract<BlockJSON, { type: T }>>
  /** How the HTML pipeline renders its directives, by directive name (a figure is the image's). */
  html: Readonly<Record<string, CriticDirective>>
  /** What the review API reports about its blocks in a document but keeps as written (ParsedReview.warnings). */
  warnings?: (doc: EditorDocument) => string[]
  /** The block of one line as Verdict writes it, read without the parser by the library's index scan: one that adds no words. */
  scanLine?: (line: string) => Extract<BlockJSON, { type: T }> | undefined
}

/** Every critic block type, each under its own name: a type missing from registry.ts is a type error here. */
export const MAIN_BLOCKS: { readonly [K in CriticBlockType]: MainBlock<K> } = registered

/** One of them, whichever type. */
export type AnyMainBlock = { [K in CriticBlockType]: MainBlock<K> }[CriticBlockType]

/** The blocks in the order of the Insert menu (their models' `insert.order`). */
export const CRITIC_BLOCKS: readonly AnyMainBlock[] = Object.values(MAIN_BLOCKS).sort((a, b) => a.model.insert.order - b.model.insert.order)

/** What main accepts as a document from the renderer and from a draft: Markdown's own blocks and every block's model.ts schema. */
export const DOCUMENT_SCHEMAS = documentSchemas(CRITIC_BLOCKS.map((block) => block.model.schema))
