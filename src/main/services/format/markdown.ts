/**
 * Markdown body ↔ editor document, through the block registry (blocks.ts).
 *
 * Both directions go through `normalizeDocument`, so `markdownToDocument(documentToMarkdown(doc))`
 * equals `normalizeDocument(doc)`: the normalization (inline.ts and blocks.ts list its rules) is
 * exactly what Markdown cannot express, and reading a document back changes nothing else.
 */
import { VerdictError } from '../../../shared/contract'
import type { RootContent } from 'mdast'
import { emptyDocument, type BlockJSON, type EditorDocument } from '../../../shared/document'
import { BLOCKS, mdastKey, rawBlock, type BlockConverter, type ReadContext } from './blocks'
import { CRITIC_BLOCKS } from '../../blocks'
import { Unrepresentable } from './inline'
import { childrenOf, unknownNode, type LooseNode } from './nodes'
import { ReviewParseError } from './frontMatter'
import { keptAsWritten, markdownPieces } from './limits'
import { BLOCK_SEPARATOR, parseMarkdown, stringifyMarkdown, toLf } from './syntax'

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
  const { blocks, warnings } = readSourceBlocks(markdown)
  const children = blocks.map(({ block }) => block)
  return { doc: children.length ? { root: { type: 'root', children } } : emptyDocument(), warnings }
}

/** A top-level block and where its Markdown is in the body: `source.slice(from, to)`. */
export interface SourceBlock {
  block: BlockJSON
  from: number
  to: number
}

export interface SourceBlocks {
  /** The body read, line endings as LF. */
  source: string
  /** The blocks of the document `readMarkdown` gives, in order, each with its source range. */
  blocks: SourceBlock[]
  warnings: string[]
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
  let offset = 0
  for (const piece of pieces) {
    const at = offset
    offset += piece.text.length + 1 // pieces are the body's lines, cut at line ends
    if (piece.beyond) {
      blocks.push({ block: { type: 'raw-block', markdown: piece.text }, from: at, to: at + piece.text.length })
      warn(keptAsWritten(piece))
      continue
    }
    const read: ReadContext = {
      source: piece.text,
      blocks: (nodes, allowed) => nodes.filter((node) => !isSeparator(node)).map((node) => readBlock(node, read, allowed)),
      warn,
    }
    for (const node of parseMarkdown(piece.text).children) {
      if (isSeparator(node)) continue
      const [block] = normalizeBlocks([readBlock(node, read) as unknown as LooseNode])
      if (block) blocks.push({ block, from: at + node.position!.start.offset!, to: at + node.position!.end.offset! })
    }
  }
  const doc: EditorDocument = { root: { type: 'root', children: blocks.map(({ block }) => block) } }
  return { source, blocks, warnings: [...warnings, ...CRITIC_BLOCKS.flatMap((block) => block.warnings?.(doc) ?? [])] }
}

/** A link or footnote definition (`[x]: …`, `[^x]: …`), also inside quotes and lists; linear on any line. */
const DEFINITION = /^[ \t>*+\-\d.)]*\[[^\]\n]*\]:/m

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
  const start = node.position?.start.offset ?? 0
  const spans: Array<[number, number]> = []
  const visit = (child: RootContent): void => {
    const { start, end } = child.position ?? {}
    if (child.type === 'inlineCode' && start?.offset !== undefined && end?.offset !== undefined) spans.push([start.offset, end.offset])
    else if ('children' in child) for (const grandchild of child.children) visit(grandchild)
  }
  visit(node)
  let text = ''
  let at = start
  for (const [from, to] of spans) {
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
  const templated = !isDirective(node) && TEMPLATE.test(withoutCodeSpans(node, read.source))
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
