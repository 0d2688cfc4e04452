/**
 * The one Markdown → HTML processor (built once, frozen): CommonMark + GFM + directives → critic
 * blocks → hast → raw HTML parsed (only when there is some) → sanitised → finished (image URLs,
 * iframes) → the page's markup (a blog's blocks or cards) → HTML text. Per-render options travel on the VFile (`file.data.verdict`).
 *
 * Parsing is most of the cost, so parsed chunks (see `splitBlocks`) are cached by their text: an
 * edit re-parses only what changed. A body that splits into chunks is also rendered chunk by chunk,
 * each chunk's HTML cached with what it added to the render's context (see `renderChunk`): the
 * preview re-renders a 50,000-word review at every pause in typing, and only the edited chunk runs.
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
import { measureText, type TextMeasure } from '../../../shared/text'
import { keptAsWritten, markdownPieces } from '../format/limits'
import { splitBlocks } from './chunks'
import type { RenderContext, ScoreRecord } from './context'
import type { ImageDetails, PostImage } from './postModel'
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
  const chunked = options.chunked ?? true
  // Blog markup (WordPress's blocks, Ghost's cards) joins the top-level elements its own way: rendered whole.
  const pieces = chunked && ctx.form.markup === 'html' ? markdownPieces(body) : []
  const chunks = pieces.length === 1 && !pieces[0]!.beyond ? splitBlocks(body) : undefined
  if (chunks && chunks.length > 1) {
    const rendered = renderByChunks(chunks, ctx)
    if (rendered) return rendered
  }
  return renderWhole(body, ctx, chunked)
}

function renderWhole(body: string, ctx: RenderContext, chunked: boolean): string[] {
  const file = new VFile({ value: body })
  file.data.verdict = ctx
  const tree = parseBody(body, chunked, (warning) => ctx.warnings.push(warning))
  return cutAtElements(processor.runSync(tree, file), file)
}

function cutAtElements(hast: HastRoot, file: VFile): string[] {
  const pieces: HastRoot['children'][] = []
  for (const node of hast.children) {
    const last = pieces.at(-1)
    if (node.type === 'element' || !last) pieces.push([node])
    else last.push(node)
  }
  return pieces.map((children) => processor.stringify({ type: 'root', children }, file))
}

/** One chunk rendered alone: its pieces, what it added to the context, and what it asked the context's callbacks. */
interface RenderedChunk {
  pieces: string[]
  warnings: string[]
  images: PostImage[]
  scores: ScoreRecord[]
  excerptParts: string[]
  words: TextMeasure
  /** The resolver's answers, in order: a cached chunk asks again (the post records its assets and warnings that way) and is used only if each answer is the same. */
  resolved: Array<[raw: string, answer: string]>
  details: Array<[path: string, answer: string]>
}

const RENDER_CACHE_LIMIT = 5000
const renderCache = new Map<string, RenderedChunk>()

/**
 * The body rendered chunk by chunk (chunks parse alone as together: chunks.ts), equal to rendering
 * it whole: between two top-level elements the whole render has a line break, which a chunk's last
 * piece lacks; the opening blocks (a byline, the spoiler notice) are rendered first, on their own.
 * Undefined when a chunk adds to the opening (a featured image's caption, moved to the top of the
 * body): that body is rendered whole.
 */
function renderByChunks(chunks: string[], ctx: RenderContext): string[] | undefined {
  const settings = JSON.stringify([ctx.online, ctx.playerSizedCards, ctx.spoilersOpen, ctx.creditPrefix, ctx.form, ctx.featuredPath ?? null])
  const rendered: RenderedChunk[] = []
  for (const chunk of chunks) {
    const key = `${settings}\u0000${chunk}`
    let result = renderCache.get(key)
    if (result && replays(result, ctx)) renderCache.delete(key) // most recently used last
    else {
      result = renderChunk(chunk, ctx)
      if (!result) return undefined
      if (renderCache.size >= RENDER_CACHE_LIMIT) renderCache.delete(renderCache.keys().next().value!)
    }
    renderCache.set(key, result)
    rendered.push(result)
  }
  const opening = ctx.opening.length > 0 || ctx.spoilerNotice ? renderOpening(ctx) : undefined
  const words = { ...(opening?.words ?? measureText('')) }
  const pieces = opening ? withLineBreak(opening.pieces) : []
  rendered.forEach((result, index) => {
    pieces.push(...(index < rendered.length - 1 ? withLineBreak(result.pieces) : result.pieces))
    ctx.warnings.push(...result.warnings)
    ctx.images.push(...result.images.map((image) => ({ ...image })))
    ctx.scores.push(...result.scores.map((score) => structuredClone(score)))
    ctx.excerptParts.push(...result.excerptParts)
    words.words += result.words.words
    words.characterWords += result.words.characterWords
    words.characters += result.words.characters
  })
  ctx.words = words
  return pieces
}

function withLineBreak(pieces: string[]): string[] {
  return pieces.length === 0 ? pieces : [...pieces.slice(0, -1), `${pieces.at(-1)}\n`]
}

/** Asks the context's callbacks what the chunk's render asked them: true when every answer is the same. */
function replays(result: RenderedChunk, ctx: RenderContext): boolean {
  return (
    result.resolved.every(([raw, answer]) => JSON.stringify(ctx.resolveImage(raw) ?? null) === answer) &&
    result.details.every(([path, answer]) => JSON.stringify(ctx.imageDetails(path) ?? null) === answer)
  )
}

/** A chunk rendered in a context of its own, whose callbacks are recorded; undefined when it added to the opening. */
function renderChunk(chunk: string, ctx: RenderContext): RenderedChunk | undefined {
  const resolved: RenderedChunk['resolved'] = []
  const details: RenderedChunk['details'] = []
  const own: RenderContext = {
    ...ctx,
    source: chunk,
    opening: [],
    spoilerNotice: false,
    warnings: [],
    images: [],
    scores: [],
    excerptParts: [],
    words: measureText(''),
    resolveImage: (raw) => {
      const answer = ctx.resolveImage(raw)
      resolved.push([raw, JSON.stringify(answer ?? null)])
      return answer
    },
    imageDetails: (path): ImageDetails | undefined => {
      const answer = ctx.imageDetails(path)
      details.push([path, JSON.stringify(answer ?? null)])
      return answer
    },
  }
  const pieces = renderWhole(chunk, own, false)
  if (own.opening.length > 0) return undefined
  return { pieces, warnings: own.warnings, images: own.images, scores: own.scores, excerptParts: own.excerptParts, words: own.words, resolved, details }
}

/** The blocks that open the body, rendered as an empty body with them. */
function renderOpening(ctx: RenderContext): { pieces: string[]; words: TextMeasure } {
  const own: RenderContext = { ...ctx, source: '', warnings: [], images: [], scores: [], excerptParts: [], words: measureText('') }
  const pieces = renderWhole('', own, false)
  ctx.warnings.push(...own.warnings)
  ctx.excerptParts.push(...own.excerptParts)
  return { pieces, words: own.words }
}
