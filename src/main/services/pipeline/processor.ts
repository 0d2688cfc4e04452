/**
 * The one Markdown → HTML processor (built once, frozen): CommonMark + GFM + directives → critic
 * blocks → hast → raw HTML parsed (only when there is some) → sanitised → finished (image URLs,
 * iframes) → the page's markup (a blog's blocks or cards) → HTML text. Per-render options travel on the VFile (`file.data.verdict`).
 *
 * Parsing is most of the cost, so parsed chunks (see `splitBlocks`) are cached by their text: an
 * edit re-parses only what changed. Everything after parsing runs on every render.
 */
import type { Root as HastRoot } from 'hast'
import { raw } from 'hast-util-raw'
import type { Root as MdastRoot, RootContent } from 'mdast'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { keptAsWritten, markdownPieces } from '../format/limits'
import { splitBlocks } from './chunks'
import type { RenderContext } from './context'
import { rehypeBlogMarkup } from './blogMarkup'
import { remarkCriticBlocks } from './directives'
import { rehypeFinalize } from './finalize'
import { sanitizeSchema } from './sanitize'

/** rehype-raw, but skipped when the tree holds no raw HTML (parse5 re-parses the whole tree). */
function rehypeRawIfAny() {
  return (tree: HastRoot, file: VFile): HastRoot => (containsRaw(tree) ? (raw(tree, { file }) as HastRoot) : tree)
}

/** Walks with its own stack, as every walk here does: no tree can be deep enough to overflow it. */
function containsRaw(tree: HastRoot): boolean {
  const pending: Array<{ type: string; children?: unknown[] }> = [tree]
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'raw') return true
    if (Array.isArray(node.children)) for (const child of node.children as Array<{ type: string }>) pending.push(child)
  }
  return false
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkCriticBlocks)
  // Footnote ids get their `user-content-` prefix from the sanitiser (clobbering), not twice.
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRawIfAny)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeFinalize)
  .use(rehypeBlogMarkup)
  .use(rehypeStringify)
  .freeze()

const CHUNK_CACHE_LIMIT = 5000
const chunkCache = new Map<string, RootContent[]>()

/**
 * The body's mdast. `chunked: false` parses it whole (the reference the chunked parse is tested
 * against).
 */
export function parseBody(body: string, chunked = true, warn: (message: string) => void = () => undefined): MdastRoot {
  const pieces = markdownPieces(body)
  if (pieces.length === 1 && !pieces[0]!.beyond) return parseWithinLimits(body, chunked)
  // Blocks beyond the parsing limits (format/limits.ts) are shown as their source, unparsed.
  const children: RootContent[] = []
  for (const piece of pieces) {
    if (!piece.beyond) children.push(...parseWithinLimits(piece.text, chunked).children)
    else {
      children.push({ type: 'code', value: piece.text })
      warn(keptAsWritten(piece))
    }
  }
  return { type: 'root', children }
}

function parseWithinLimits(body: string, chunked: boolean): MdastRoot {
  const chunks = chunked ? splitBlocks(body) : undefined
  if (!chunks || chunks.length < 2) return prepare(processor.parse(body), body)
  const children: RootContent[] = []
  for (const chunk of chunks) {
    let nodes = chunkCache.get(chunk)
    if (nodes) {
      chunkCache.delete(chunk) // most recently used last
    } else {
      nodes = prepare(processor.parse(chunk), chunk).children
      if (chunkCache.size >= CHUNK_CACHE_LIMIT) chunkCache.delete(chunkCache.keys().next().value!)
    }
    chunkCache.set(chunk, nodes)
    // The transforms rewrite the tree in place: the cached nodes must stay pristine.
    children.push(...structuredClone(nodes))
  }
  return { type: 'root', children }
}

/**
 * Keeps what later steps need from positions — the source text of directives, shown as written
 * when unknown — and drops the positions themselves (they are chunk-relative and cost cloning).
 */
function prepare(tree: MdastRoot, source: string): MdastRoot {
  type Node = { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; data?: Record<string, unknown>; children?: unknown[] }
  const pending: Node[] = [tree as Node]
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) node.data = { ...node.data, sourceText: source.slice(start, end) }
    }
    delete node.position
    if (Array.isArray(node.children)) for (const child of node.children as Node[]) pending.push(child)
  }
  return tree
}

/** Renders `body` with `ctx` (which collects images, scores, words, excerpt parts). */
export function renderMarkdown(body: string, ctx: RenderContext, options: { chunked?: boolean } = {}): string {
  return renderMarkdownBlocks(body, ctx, options).join('')
}

/**
 * `renderMarkdown` cut at the body's top-level elements: each piece is one element and the text
 * (line breaks) after it, and joined they are the body's HTML. The preview patches its page by them.
 */
export function renderMarkdownBlocks(body: string, ctx: RenderContext, options: { chunked?: boolean } = {}): string[] {
  const file = new VFile({ value: body })
  file.data.verdict = ctx
  const tree = parseBody(body, options.chunked ?? true, (warning) => ctx.warnings.push(warning))
  const hast = processor.runSync(tree, file)
  const pieces: HastRoot['children'][] = []
  for (const node of hast.children) {
    const last = pieces.at(-1)
    if (node.type === 'element' || !last) pieces.push([node])
    else last.push(node)
  }
  return pieces.map((children) => processor.stringify({ type: 'root', children }, file))
}
