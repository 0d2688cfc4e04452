/**
 * Inline content (text with format bits, hard line breaks, links, images) between the editor and mdast.
 *
 * `normalizeInline` puts inline content in the one form Markdown reads back identically; the rules
 * are the only places where a round trip changes the editor's content:
 * - format bits Markdown cannot express (underline, sub/superscript, highlight, …) are dropped,
 *   and so are text style and Lexical's text modes;
 * - a newline inside a text node is a hard line break (that is how the editor shows it); code
 *   points a UTF-8 file or a character reference cannot carry are U+FFFD (nodes.ts);
 * - spaces and tabs at the start of a block or line, and at the end of a block, are dropped (a
 *   Markdown parser drops them), and so is a hard break ending a block (it would read as `\`);
 * - headings are one line (ATX), so a line break in one becomes a space;
 * - bold, italic and strikethrough leave whitespace at their edges: `** x**` does not open, so the
 *   marker moves inward and the whitespace keeps only its other formats;
 * - a link opening a paragraph cannot hold code containing `]:` (see below);
 * - adjacent text nodes with the same format merge, and empty ones go.
 */
import type { PhrasingContent } from 'mdast'
import { TEXT_FORMAT, type InlineJSON, type LinkJSON, type TextJSON } from '../../../shared/document'
import { inlineImageFromMdast, normalizeInlineImage, type ImageMarkdown } from './inlineImage'
import { childrenOf, integerField, textField, unknownNode, type LooseNode } from './nodes'

const { bold, italic, strikethrough, code } = TEXT_FORMAT
const WRITABLE_FORMATS = bold | italic | strikethrough | code

/** Marks written as mdast elements; when two reach equally far, the earlier one goes outside. */
const MARKS = [
  { bit: strikethrough, type: 'delete' },
  { bit: bold, type: 'strong' },
  { bit: italic, type: 'emphasis' },
] as const

/** Thrown while reading Markdown the editor cannot hold; the enclosing block is then kept verbatim. */
export class Unrepresentable extends Error {}

/** The block holding inline content: paragraphs, quotes and list items are written as paragraphs. */
export type InlineBlock = 'paragraph' | 'heading'

/**
 * Walks with its own stack: emphasis can nest thousands deep in a hostile file. Images are read
 * where `images` says how each is written (inlineImage.ts); without, they are refused (plain text).
 */
export function inlineFromMdast(nodes: readonly PhrasingContent[], images?: ImageMarkdown, format = 0): InlineJSON[] {
  const out: InlineJSON[] = []
  const pending: Array<{ node: PhrasingContent; format: number }> = []
  const within = (children: readonly PhrasingContent[], format: number): void => {
    for (let index = children.length - 1; index >= 0; index--) pending.push({ node: children[index]!, format })
  }
  within(nodes, format)
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, format } = next
    switch (node.type) {
      // A soft line break renders as a space, and the editor has no soft breaks.
      case 'text':
        out.push({ type: 'text', text: node.value.replaceAll('\n', ' '), format })
        break
      case 'inlineCode':
        out.push({ type: 'text', text: node.value.replaceAll('\n', ' '), format: format | code })
        break
      case 'emphasis':
        within(node.children, format | italic)
        break
      case 'strong':
        within(node.children, format | bold)
        break
      case 'delete':
        within(node.children, format | strikethrough)
        break
      case 'break':
        out.push({ type: 'linebreak' })
        break
      case 'link': {
        // Markdown links cannot contain links, so the children are text, breaks and images.
        const children = inlineFromMdast(node.children, images, format) as LinkJSON['children']
        out.push({ type: 'link', url: node.url, title: node.title ?? null, children })
        break
      }
      case 'image': {
        const markdown = images?.(node)
        if (markdown === undefined) throw new Unrepresentable('an image')
        out.push(inlineImageFromMdast(node, markdown))
        break
      }
      default:
        throw new Unrepresentable(node.type)
    }
  }
  return out
}

/** Expects normalized content (see `normalizeInline`); `open` are the marks already written around it. */
export function inlineToMdast(nodes: readonly InlineJSON[], open = 0): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let run: Marked[] = []
  const flush = (): void => {
    out.push(...marksToMdast(run, open))
    run = []
  }
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'link') {
      run.push(node)
      continue
    }
    flush()
    if (node.type === 'linebreak') out.push({ type: 'break' })
    else out.push({ type: 'verbatim', value: node.markdown })
  }
  flush()
  return out
}

/** What a mark can cover: text, and a link, marked with what all its text has. */
type Marked = TextJSON | LinkJSON

/**
 * The marks of a link are those all its text has, so emphasis around it is written around it
 * (`_Oh, [Baby Driver](u)! I knew…_`) rather than split at its edges.
 */
function marksOf(node: Marked): number {
  if (node.type === 'text') return node.format
  const texts = node.children.filter((child) => child.type === 'text')
  return texts.length ? texts.reduce((marks, text) => marks & text.format, bold | italic | strikethrough) : 0
}

/**
 * Nests the marks of a run of text nodes and links: at each node, the mark not yet open that
 * reaches furthest opens first, so marks nest rather than split where they can.
 */
function marksToMdast(runs: readonly Marked[], open: number): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (let index = 0; index < runs.length; ) {
    const run = runs[index]!
    let best: { mark: (typeof MARKS)[number]; end: number } | undefined
    for (const mark of MARKS) {
      if (!(marksOf(run) & mark.bit) || open & mark.bit) continue
      let end = index + 1
      while (end < runs.length && marksOf(runs[end]!) & mark.bit) end++
      if (!best || end > best.end) best = { mark, end }
    }
    if (!best) {
      if (run.type === 'link') out.push({ type: 'link', url: run.url, title: run.title ?? null, children: inlineToMdast(run.children, open) })
      else out.push(run.format & code ? { type: 'inlineCode', value: run.text } : { type: 'text', value: run.text })
      index++
      continue
    }
    out.push({ type: best.mark.type, children: marksToMdast(runs.slice(index, best.end), open | best.mark.bit) })
    index = best.end
  }
  return out
}

/** Validates inline nodes from the renderer and applies the rules above. */
export function normalizeInline(parent: LooseNode, block: InlineBlock): InlineJSON[] {
  const nodes = readInline(parent, block, false)
  trimLines(nodes, true)
  const [first] = nodes
  // `[`]:x`](u)` opening a paragraph reads as a link definition; nothing can prevent it but
  // writing that code as plain text, whose `]` can be escaped.
  if (block === 'paragraph' && first?.type === 'link') {
    for (const child of first.children) if (child.type === 'text' && child.format & code && child.text.includes(']:')) child.format &= ~code
    trimLines(first.children, false)
    first.children = tidy(first.children) as LinkJSON['children']
  }
  return tidy(nodes)
}

function readInline(parent: LooseNode, block: InlineBlock, inLink: boolean): InlineJSON[] {
  const lineBreak = (): InlineJSON =>
    block === 'paragraph' ? { type: 'linebreak' } : { type: 'text', text: ' ', format: 0 }
  return childrenOf(parent).flatMap((node): InlineJSON[] => {
    switch (node.type) {
      case 'text': {
        const format = integerField(node, 'format') & WRITABLE_FORMATS
        const parts = textField(node, 'text').split(/\r\n|\r|\n/)
        return parts.flatMap((text, index) => [
          ...(index ? [lineBreak()] : []),
          ...(text ? [{ type: 'text' as const, text, format }] : []),
        ])
      }
      case 'linebreak':
        return [lineBreak()]
      case 'inline-image':
        return [normalizeInlineImage(node, block === 'heading')]
      case 'link': {
        if (inLink) unknownNode('link', 'inside a link')
        const title = node.title == null || node.title === '' ? null : textField(node, 'title')
        const children = readInline(node, block, true)
        trimLines(children, false)
        return [{ type: 'link', url: textField(node, 'url'), title, children: tidy(children) as LinkJSON['children'] }]
      }
      default:
        return unknownNode(node.type, `inside a "${parent.type}"`)
    }
  })
}

const isPlainText = (node: InlineJSON | undefined): node is TextJSON =>
  node?.type === 'text' && !(node.format & code)

/** Drops what a Markdown parser drops: see the module comment. Mutates `nodes`. */
function trimLines(nodes: InlineJSON[], blockEdges: boolean): void {
  const trimLineStart = (index: number): void => {
    for (let node = nodes[index]; isPlainText(node); node = nodes[index]) {
      node.text = node.text.replace(/^[ \t]+/, '')
      if (node.text) return
      nodes.splice(index, 1)
    }
  }
  if (blockEdges) trimLineStart(0)
  for (let index = 0; index < nodes.length; index++) if (nodes[index]!.type === 'linebreak') trimLineStart(index + 1)
  if (!blockEdges) return
  for (let last = nodes.at(-1); last; last = nodes.at(-1)) {
    if (isPlainText(last)) last.text = last.text.replace(/[ \t]+$/, '')
    else if (last.type !== 'linebreak') return
    if (last.type === 'text' && last.text) return
    nodes.pop()
  }
}

/** Moves marks off edge whitespace, merges equal neighbours, drops empty text. */
function tidy(nodes: InlineJSON[]): InlineJSON[] {
  const out: InlineJSON[] = []
  let run: Marked[] = []
  const flush = (): void => {
    out.push(...unmarkEdgeWhitespace(run))
    run = []
  }
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'link') run.push(node)
    else {
      flush()
      out.push(node)
    }
  }
  flush()
  return out
}

/** Whitespace as CommonMark's flanking rules (and micromark) define it. */
const SPACE = /\s/
/** A link's edges are never whitespace: its text is tidied apart. */
const LINK_STANDS_IN = 'x'

/**
 * Takes each mark off the whitespace at the edges of the stretch it covers (code is never bare
 * whitespace), merges equal neighbours and drops empty text. Works on whole runs: only a run whose
 * marked stretch starts or ends in its whitespace is cut. A link in the stretch is kept whole (its
 * own text was tidied on its own), so whitespace beside it stays marked.
 */
function unmarkEdgeWhitespace(runs: readonly Marked[]): InlineJSON[] {
  const texts = runs.filter((run) => run.type === 'link' || run.text !== '')
  const textOf = (run: Marked): string => (run.type === 'link' ? LINK_STANDS_IN : run.text)
  const edges = texts.map((run) => {
    const text = textOf(run)
    let lead = 0
    let trail = 0
    if (run.type === 'text' && !(run.format & code)) {
      while (lead < text.length && SPACE.test(text[lead]!)) lead++
      if (lead === text.length) trail = lead
      else while (SPACE.test(text[text.length - 1 - trail]!)) trail++
    }
    // The stretches [from, to) of the text that lose a mark.
    return { lead, trail, unmarked: [] as Array<{ bit: number; from: number; to: number }> }
  })
  for (const { bit } of MARKS) {
    for (let start = 0; start < texts.length; ) {
      let end = start
      while (end < texts.length && marksOf(texts[end]!) & bit) end++
      if (end === start) {
        start++
        continue
      }
      for (let index = start; index < end; index++) {
        const { lead, unmarked } = edges[index]!
        if (lead) unmarked.push({ bit, from: 0, to: lead })
        if (lead < textOf(texts[index]!).length) break
      }
      for (let index = end - 1; index >= start; index--) {
        const { trail, unmarked } = edges[index]!
        const length = textOf(texts[index]!).length
        if (trail) unmarked.push({ bit, from: length - trail, to: length })
        if (trail < length) break
      }
      start = end
    }
  }
  const merged: InlineJSON[] = []
  const push = (text: string, format: number): void => {
    const last = merged.at(-1)
    if (last?.type === 'text' && last.format === format) last.text += text
    else merged.push({ type: 'text', text, format })
  }
  texts.forEach((run, index) => {
    if (run.type === 'link') {
      merged.push(run)
      return
    }
    const { text, format } = run
    const { unmarked } = edges[index]!
    if (unmarked.length === 0) return push(text, format)
    const cuts = [...new Set([0, text.length, ...unmarked.flatMap(({ from, to }) => [from, to])])].sort((a, b) => a - b)
    for (let cut = 0; cut + 1 < cuts.length; cut++) {
      const from = cuts[cut]!
      let pieceFormat = format
      for (const stretch of unmarked) if (stretch.from <= from && from < stretch.to) pieceFormat &= ~stretch.bit
      push(text.slice(from, cuts[cut + 1]), pieceFormat)
    }
  })
  return merged
}
