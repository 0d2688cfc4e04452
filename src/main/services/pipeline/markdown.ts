/**
 * The one Markdown → HTML processor (built once, frozen): CommonMark + GFM + directives → critic
 * blocks → hast → raw HTML parsed (only when there is some) → sanitised → finished (image URLs,
 * iframes) → HTML text. Per-render options travel on the VFile (`file.data.verdict`).
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
import { splitBlocks } from './blocks'
import type { RenderContext } from './context'
import { remarkCriticBlocks } from './directives'
import { rehypeFinalize } from './finalize'
import { sanitizeSchema } from './sanitize'

/** rehype-raw, but skipped when the tree holds no raw HTML (parse5 re-parses the whole tree). */
function rehypeRawIfAny() {
  return (tree: HastRoot, file: VFile): HastRoot => (containsRaw(tree) ? (raw(tree, { file }) as HastRoot) : tree)
}

function containsRaw(node: { type: string; children?: unknown[] }): boolean {
  if (node.type === 'raw') return true
  return Array.isArray(node.children) && node.children.some((child) => containsRaw(child as { type: string }))
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
  .use(rehypeStringify)
  .freeze()

const CHUNK_CACHE_LIMIT = 5000
const chunkCache = new Map<string, RootContent[]>()

/**
 * The body's mdast. `chunked: false` parses it whole (the reference the chunked parse is tested
 * against).
 */
export function parseBody(body: string, chunked = true): MdastRoot {
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
  const visit = (node: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; data?: Record<string, unknown>; children?: unknown[] }) => {
    if (node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) node.data = { ...node.data, sourceText: source.slice(start, end) }
    }
    delete node.position
    if (Array.isArray(node.children)) for (const child of node.children) visit(child as typeof node)
  }
  visit(tree as Parameters<typeof visit>[0])
  return tree
}

/** Renders `body` with `ctx` (which collects images, scores, words, excerpt parts). */
export function renderMarkdown(body: string, ctx: RenderContext, options: { chunked?: boolean } = {}): string {
  const file = new VFile({ value: body })
  file.data.verdict = ctx
  const tree = parseBody(body, options.chunked ?? true)
  const hast = processor.runSync(tree, file)
  return processor.stringify(hast, file)
}
