/**
 * Markdown body ↔ editor document, through the block registry (markdownBlocks.ts).
 *
 * Both directions go through `normalizeDocument`, so `markdownToDocument(documentToMarkdown(doc))`
 * equals `normalizeDocument(doc)`: the normalization (inline.ts and markdownBlocks.ts list its rules) is
 * exactly what Markdown cannot express, and reading a document back changes nothing else.
 */
import { VerdictError } from '../../../shared/contract'
import type { RootContent } from 'mdast'
import { emptyDocument, type BlockJSON, type EditorDocument } from '../../../shared/document'
import { BLOCKS, mdastKey, rawBlock, type BlockConverter, type ReadContext } from './markdownBlocks'
import { CRITIC_BLOCKS } from '../../blocks'
import { Unrepresentable } from './inline'
import { childrenOf, unknownNode, type LooseNode } from './nodes'
import { ReviewParseError } from './frontMatter'
import { keptAsWritten, markdownPieces, withinLimits } from './limits'
import { DEFINITION, firstSegmentsEnd } from './segments'
import { withoutSiteImages } from './inlineImage'
import { BLOCK_SEPARATOR, codeSpans, parseMarkdown, stringifyMarkdown, toLf } from './syntax'

const byType = new Map(BLOCKS.map((converter) => [converter.type as string, converter]))
/** The entries reading each mdast key, in registry order. */
const byMdast = new Map<string, BlockConverter[]>()
for (const converter of BLOCKS) for (const key of converter.reads) byMdast.set(key, [...(byMdast.get(key) ?? []), converter])

export interface ReadMarkdown {
  doc: EditorDocument
  /** What the body holds that the editor reports but keeps as written (ParsedReview.warnings). */
  warnings: string[]
}

/**
 * Blocks beyond the parsing limits (limits.ts) are raw blocks, unparsed; the rest is read piece by
 * piece, each piece as it reads in place.
 */
export function readMarkdown(markdown: string): ReadMarkdown {
  return documentOf(readSourceBlocks(markdown))
}

/** The document of the blocks read (an empty one when there are none). */
export function documentOf({ blocks, warnings }: SourceBlocks): ReadMarkdown {
  const children = blocks.map(({ block }) => block)
  return { doc: children.length ? { root: { type: 'root', children } } : emptyDocument(), warnings }
}

/** A top-level block and where its Markdown is in the body: `source.slice(from, to)`. */
export interface SourceBlock {
  block: BlockJSON
  from: number
  to: number
  /** What reading it reported (SourceBlocks.warnings), kept with it for a reread in part. */
  warnings?: string[]
}

export interface SourceBlocks {
  /** The body read, line endings as LF. */
  source: string
  /** The blocks of the document `readMarkdown` gives, in order, each with its source range. */
  blocks: SourceBlock[]
  warnings: string[]
  /**
   * Read in pieces, some block being beyond the parsing limits (limits.ts), or a warning reported
   * by no block: never read again in part.
   */
  apart: boolean
}

/**
 * The body's top-level blocks with their source ranges, so a save can keep the bytes of those
 * unchanged. Blocks beyond the parsing limits (limits.ts) are raw blocks, unparsed; the rest is
 * read piece by piece, each piece as it reads in place.
 */
export function readSourceBlocks(markdown: string): SourceBlocks {
  const source = toLf(markdown)
  const warnings: string[] = []
  const warn = (message: string): void => void warnings.push(message)
  const pieces = markdownPieces(source)
  const beyond = pieces.find((piece) => piece.beyond)
  if (beyond && DEFINITION.test(source)) {
    // Read apart, a reference would lose its definition and be saved back as escaped text.
    throw new ReviewParseError(`${keptAsWritten(beyond)} The review also defines links or footnotes by name, which Verdict cannot keep linked across that block, so it opens read-only.`)
  }
  const blocks: SourceBlock[] = []
  let stray = false
  let offset = 0
  for (const piece of pieces) {
    const at = offset
    offset += piece.text.length + 1 // pieces are the body's lines, cut at line ends
    if (piece.beyond) {
      warn(keptAsWritten(piece))
      blocks.push({ block: { type: 'raw-block', markdown: piece.text }, from: at, to: at + piece.text.length, warnings: warnings.slice(-1) })
      continue
    }
    const read: ReadContext = {
      source: piece.text,
      blocks: (nodes, allowed) => nodes.filter((node) => !isSeparator(node)).map((node) => readBlock(node, read, allowed)),
      warn,
    }
    for (const node of parseMarkdown(piece.text).children) {
      if (isSeparator(node)) continue
      const warned = warnings.length
      const [block] = normalizeBlocks([readBlock(node, read) as unknown as LooseNode])
      const own = warnings.slice(warned)
      if (block) blocks.push({ block, from: at + node.position!.start.offset!, to: at + node.position!.end.offset!, ...(own.length ? { warnings: own } : {}) })
      else if (own.length) stray = true
    }
  }
  return { source, blocks, warnings: [...warnings, ...blockWarnings(blocks)], apart: pieces.length > 1 || beyond !== undefined || stray }
}

/**
 * The body's first blocks, holding at least `atLeast` characters of it, read alone: what a long
 * review shows first while the rest is read. They are the first blocks of `readSourceBlocks(markdown)`,
 * ranges and own warnings included (the cut is one `firstSegmentsEnd` knows to be safe; a property
 * test checks it); the document's own warnings need the whole. Undefined when the body is short,
 * has no such cut, or is read in pieces (limits.ts).
 */
export function readFirstBlocks(markdown: string, atLeast: number): SourceBlock[] | undefined {
  const source = toLf(markdown)
  const end = firstSegmentsEnd(source, atLeast)
  if (end === undefined || !withinLimits(source)) return undefined
  const first = readSourceBlocks(source.slice(0, end))
  return first.apart ? undefined : first.blocks
}

/** What the critic blocks report about the document (ParsedReview.warnings). */
function blockWarnings(blocks: readonly SourceBlock[]): string[] {
  const doc: EditorDocument = { root: { type: 'root', children: blocks.map(({ block }) => block) } }
  return CRITIC_BLOCKS.flatMap((block) => block.warnings?.(doc) ?? [])
}

/** The most of a changed body read again in part; past it the whole body is read off main (reader.ts). */
const REREAD_MAX_CHARS = 40_000

/**
 * The blocks of `markdown`, an edited version of the body `previous` was read from, reading only
 * the stretch that changed: from the block before the last one whose first line is before the
 * first changed character, to the first block whose lines are all after the last one; each cut
 * after a blank line. CommonMark reads a body line by line, so a block starting on an unchanged
 * line after unchanged text and a blank line starts there again, and the blocks before it read as
 * before; the stretch's last block, read alone, must come out as it was and where it was (the
 * change closed whatever it opened), so every block after it does too, and so must its first (see
 * below). Undefined where that does not hold, where a part cannot be read alone (link definitions,
 * blocks beyond the limits) or the stretch is long: the caller reads the whole body. A property
 * test checks the result against reading the whole body.
 */
export function rereadSourceBlocks(previous: SourceBlocks, markdown: string): SourceBlocks | undefined {
  const source = toLf(markdown)
  if (source === previous.source) return previous
  const old = previous.source
  if (previous.apart || DEFINITION.test(source) || DEFINITION.test(old)) return undefined
  const pieces = markdownPieces(source)
  if (pieces.length > 1 || pieces[0]?.beyond !== undefined) return undefined
  const shortest = Math.min(old.length, source.length)
  let same = 0
  while (same < shortest && old.charCodeAt(same) === source.charCodeAt(same)) same++
  let sameEnd = 0
  while (sameEnd < shortest - same && old.charCodeAt(old.length - 1 - sameEnd) === source.charCodeAt(source.length - 1 - sameEnd)) sameEnd++
  const changedEnd = old.length - sameEnd // the change is old[same, changedEnd) in the old body
  const shift = source.length - old.length
  const blocks = previous.blocks
  const lineStart = (at: number): number => old.lastIndexOf('\n', at - 1) + 1
  const lineEnd = (text: string, at: number): number => {
    const end = text.indexOf('\n', at)
    return end === -1 ? text.length : end
  }
  // A blank line before a block closes whatever came before it: a later line can make the lines of
  // an open paragraph a setext heading or a table's header, so no cut follows a block without one.
  const blankBefore = (index: number): boolean => index === 0 || /\n[ \t]*\n/.test(old.slice(blocks[index - 1]!.to, lineStart(blocks[index]!.from)))
  // First: the last block whose first line ends before the change; last: the first block after it.
  let first = -1
  while (first + 1 < blocks.length && lineEnd(old, blocks[first + 1]!.from) < same) first++
  while (first > 0 && !blankBefore(first)) first--
  // And one block more, read again as it was: micromark's reading of a block can follow the one
  // before it (a list item after indented code read as a paragraph once a table after it changed).
  let before = first > 0 ? first - 1 : -1
  while (before > 0 && !blankBefore(before)) before--
  let last = first + 1
  while (last < blocks.length && (lineStart(blocks[last]!.from) < changedEnd || !blankBefore(last))) last++
  const start = before === -1 ? first : before
  const from = start === -1 ? 0 : lineStart(blocks[start]!.from)
  const to = last < blocks.length ? lineEnd(source, blocks[last]!.to + shift) : source.length
  if (to - from > REREAD_MAX_CHARS) return undefined
  const read = readSourceBlocks(source.slice(from, to))
  if (read.apart) return undefined
  const stretch = read.blocks.map((again) => ({ ...again, from: from + again.from, to: from + again.to }))
  const readAsBefore = (again: SourceBlock | undefined, kept: SourceBlock, by: number): boolean =>
    again !== undefined && again.from === kept.from + by && again.to === kept.to + by && JSON.stringify(again.block) === JSON.stringify(kept.block)
  if (before !== -1 && !readAsBefore(stretch[0], blocks[before]!, 0)) return undefined
  if (last < blocks.length && !readAsBefore(stretch.at(-1), blocks[last]!, shift)) return undefined
  const after = blocks.slice(last + 1).map((kept) => ({ ...kept, from: kept.from + shift, to: kept.to + shift }))
  const all = [...blocks.slice(0, Math.max(start, 0)), ...stretch, ...after]
  return { source, blocks: all, warnings: [...all.flatMap((each) => each.warnings ?? []), ...blockWarnings(all)], apart: false }
}

const isSeparator = (node: RootContent): boolean => node.type === 'html' && node.value === BLOCK_SEPARATOR

/**
 * Template and extension syntax Markdown does not know: Hugo shortcodes and Liquid (`{{ }}`,
 * `{% %}`), math (`$x$`, `$$`), `:::` containers other than Verdict's and kramdown attributes
 * (`{: .x}`). A block holding any is kept as written, since rewriting it would escape what the
 * site generator reads.
 */
const TEMPLATE = /(?<!\\)\{[{%]|(?<!\\)\$\$|(?<![\\$])\$(?=[^\s$])[^$\n]*?(?<=[^\s\\])\$(?!\d)|^[ \t]*:::|^[ \t]*\{:/m
/**
 * A block's source with each code span as one letter: a span holds text as typed (`{%` in one is the
 * critic's, and the writer cannot escape it there), and a letter rather than nothing keeps what
 * follows from seeming to start a line (`:::`). The spans are the parser's, found by position: a
 * backtick in a link title or an escaped one opens none.
 */
function withoutCodeSpans(node: RootContent, source: string): string {
  let text = ''
  let at = node.position?.start.offset ?? 0
  for (const [from, to] of codeSpans(node)) {
    text += `${source.slice(at, from)}c`
    at = to
  }
  return text + source.slice(at, node.position?.end.offset)
}

/** Verdict's directives are read by their own rules; the blocks a spoiler holds are checked one by one. */
const isDirective = (node: RootContent): boolean => node.type === 'containerDirective' || node.type === 'leafDirective'

export function markdownToDocument(markdown: string): EditorDocument {
  return readMarkdown(markdown).doc
}

function readBlock(node: RootContent, read: ReadContext, allowed?: ReadonlySet<string>): BlockJSON {
  const text = withoutCodeSpans(node, read.source)
  // A paragraph's images after `{{ site.baseurl }}` are images (markdownBlocks.ts reads them), no template.
  const templated = !isDirective(node) && TEMPLATE.test(node.type === 'paragraph' ? withoutSiteImages(text) : text)
  for (const converter of byMdast.get(mdastKey(node)) ?? []) {
    if ((allowed && !allowed.has(converter.type)) || (templated && !converter.readsTemplates)) continue
    try {
      return converter.fromMdast(node, read)
    } catch (error) {
      if (!(error instanceof Unrepresentable)) throw error
    }
  }
  return rawBlock.fromMdast(node, read)
}

/** The body, ending with one newline; empty for a document without content. */
export function documentToMarkdown(doc: EditorDocument): string {
  return stringifyMarkdown({ type: 'root', children: writeBlocks(normalizeDocument(doc).root.children) })
}

/** One normalized block as mdast, for a writer that places blocks itself (bodyEdit.ts). */
export function blockToMdast(block: BlockJSON): RootContent {
  return byType.get(block.type)!.toMdast(block, writeBlocks)
}

function writeBlocks(nodes: readonly BlockJSON[]): RootContent[] {
  return nodes.map((node) => byType.get(node.type)!.toMdast(node, writeBlocks))
}

/**
 * Checks a document (it may come from the renderer) and puts it in the form Markdown reads back
 * identically. Throws, naming the node, on unknown node types and malformed nodes. A document
 * without blocks gets the editor's empty paragraph.
 */
export function normalizeDocument(doc: EditorDocument): EditorDocument {
  const root = (doc as { root?: unknown } | null)?.root as LooseNode | undefined
  if (root?.type !== 'root') throw new VerdictError('INVALID_ARGUMENT', 'Cannot write the document as Markdown: it has no root node.')
  const children = normalizeBlocks(childrenOf(root))
  return children.length ? { root: { type: 'root', children } } : emptyDocument()
}

function normalizeBlocks(nodes: LooseNode[]): BlockJSON[] {
  return nodes.flatMap((node) => {
    const converter = byType.get(node.type) ?? unknownNode(node.type, 'as a block')
    return converter.normalize(node, normalizeBlocks) ?? []
  })
}
