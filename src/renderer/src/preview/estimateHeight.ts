/**
 * An estimate of a preview page's height at a given width.
 *
 * The pane's viewport scrolls over (about) the page's full height, scaled, and the frame scrolls its
 * page along: a box the app controls, which keeps the scroll position across updates and lets the
 * editor drive it. The height comes from here: once the page has loaded in the frame (same origin,
 * no script), its blocks are priced with typical blog-theme metrics. It errs on the tall side: a little page background below the footer
 * is better than a cut-off post.
 */

export interface Size {
  width: number
  height: number
}

/** Inline text runs and the boxes that matter for height, in document order. */
export type Block =
  | { kind: 'text'; chars: number; font: number; line: number; before: number; after: number; indent: number }
  | { kind: 'image'; src: string; wide: boolean; before: number; after: number }
  | { kind: 'frame'; before: number; after: number }
  | { kind: 'gap'; px: number }

export interface PageModel {
  /** The theme named on the page's root (`data-theme`). */
  theme: string
  blocks: Block[]
  images: string[]
}

interface Metrics {
  /** Body text size and line height, in px and multiples. */
  font: number
  line: number
  /** Text column, px. */
  measure: number
  /** Average advance of the body face, in ems. */
  charEm: number
  /** Extra height of the page around the post: paddings, card, header margins, px. */
  chrome: number
}

/** The bundled themes (resources/themes); another theme is priced like the base stylesheet. */
const THEMES: Record<string, Metrics> = {
  classic: { font: 17, line: 1.75, measure: 46 * 16, charEm: 0.5, chrome: 220 },
  magazine: { font: 19.2, line: 1.72, measure: 40 * 16, charEm: 0.45, chrome: 200 },
  minimal: { font: 16.8, line: 1.8, measure: 36 * 16, charEm: 0.46, chrome: 150 },
}
const BASE: Metrics = { font: 18, line: 1.7, measure: 42 * 16, charEm: 0.5, chrome: 160 }

const BODY_FONT = 18
const LINE = 1.75

const HEADINGS: Record<string, { font: number; before: number; after: number }> = {
  H1: { font: 2.6, before: 0, after: 0.75 },
  H2: { font: 1.6, before: 2.2, after: 0.8 },
  H3: { font: 1.3, before: 1.8, after: 0.6 },
  H4: { font: 1.1, before: 1.5, after: 0.5 },
  H5: { font: 1, before: 1.5, after: 0.5 },
  H6: { font: 1, before: 1.5, after: 0.5 },
}

const CONTAINERS = new Set([
  'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DETAILS', 'DIV', 'DL', 'FIGURE', 'FOOTER', 'HEADER', 'MAIN', 'NAV', 'OL', 'SECTION', 'UL', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR',
])
const BLOCKS = new Set([...CONTAINERS, 'P', 'LI', 'DT', 'DD', 'FIGCAPTION', 'SUMMARY', 'PRE', 'HR', 'TD', 'TH', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'IMG', 'IFRAME', 'PICTURE'])
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE', 'META', 'LINK'])

/**
 * What each top-level element of the post's body added to a model, kept while the element is in
 * the page: a patched page (patchPage.ts) is modelled again by walking only its new blocks.
 */
const bodyBlocks = new WeakMap<Element, { indent: number; blocks: Block[]; images: string[] }>()

/** Reads the loaded (or patched) page; `estimateHeight` then prices it for any width. */
export function modelPage(doc: Document): PageModel {
  const blocks: Block[] = []
  const images: string[] = []
  walk(doc.body, blocks, images, 0)
  return { theme: doc.documentElement.getAttribute('data-theme') ?? '', blocks, images }
}

/** The page's nodes belong to the frame's window, whose `Element` is not this window's: no instanceof. */
function isElement(node: Node): node is Element {
  return node.nodeType === Node.ELEMENT_NODE
}

function walk(element: Element, blocks: Block[], images: string[], indent: number): void {
  let inline = 0
  const flush = (font = 1, line = LINE, before = 0, after = 1) => {
    if (inline > 0) blocks.push({ kind: 'text', chars: inline, font, line, before, after, indent })
    inline = 0
  }
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      inline += (node.textContent ?? '').replace(/\s+/g, ' ').trim().length
      continue
    }
    if (!isElement(node) || SKIP.has(node.tagName)) continue
    const tag = node.tagName
    if (!BLOCKS.has(tag) && !node.querySelector(Array.from(BLOCKS).join(','))) {
      inline += (node.textContent ?? '').replace(/\s+/g, ' ').trim().length + 1
      continue
    }
    flush()
    const known = bodyBlocks.get(node)
    if (known && known.indent === indent) {
      blocks.push(...known.blocks)
      images.push(...known.images)
    } else if (element.classList.contains('post-body')) {
      const own = { indent, blocks: [] as Block[], images: [] as string[] }
      walkBlock(node, own.blocks, own.images, indent)
      bodyBlocks.set(node, own)
      blocks.push(...own.blocks)
      images.push(...own.images)
    } else {
      walkBlock(node, blocks, images, indent)
    }
  }
  flush()
}

/** The model of one block-level element. */
function walkBlock(node: Element, blocks: Block[], images: string[], indent: number): void {
  const tag = node.tagName
  if (tag === 'IMG') {
    const src = node.getAttribute('src') ?? ''
    images.push(src)
    const wide = node.closest('.post-featured, .figure-wide, .figure-full') !== null
    blocks.push({ kind: 'image', src, wide, before: 0, after: 0.5 })
  } else if (tag === 'IFRAME') {
    blocks.push({ kind: 'frame', before: 0, after: 0.5 })
  } else if (tag === 'HR') {
    blocks.push({ kind: 'gap', px: 3 * BODY_FONT })
  } else if (tag === 'PRE') {
    const lines = (node.textContent ?? '').split('\n').length
    blocks.push({ kind: 'gap', px: lines * 0.9 * BODY_FONT * 1.5 + 2.5 * BODY_FONT })
  } else if (tag in HEADINGS) {
    const { font, before, after } = HEADINGS[tag]!
    blocks.push({ kind: 'text', chars: (node.textContent ?? '').trim().length, font, line: 1.25, before, after, indent })
  } else if (tag === 'TR') {
    // A table row is as tall as its tallest cell; cells share the width.
    const cells = Array.from(node.children)
    const longest = Math.max(0, ...cells.map((cell) => (cell.textContent ?? '').trim().length * cells.length))
    blocks.push({ kind: 'text', chars: longest, font: 0.95, line: 1.5, before: 0, after: 0.6, indent })
  } else if (tag === 'DETAILS' && !node.hasAttribute('open')) {
    const summary = node.querySelector('summary')
    blocks.push({ kind: 'text', chars: (summary?.textContent ?? 'Spoilers').trim().length, font: 1, line: LINE, before: 0.5, after: 1.5, indent })
  } else if (CONTAINERS.has(tag) || node.querySelector(Array.from(BLOCKS).join(','))) {
    const nested = tag === 'UL' || tag === 'OL' || tag === 'BLOCKQUOTE' || tag === 'DD' ? indent + 1.5 : indent
    const boxed = node.classList.contains('score-box') || node.classList.contains('pullquote') || tag === 'BLOCKQUOTE' || tag === 'ASIDE'
    if (boxed) blocks.push({ kind: 'gap', px: 2 * BODY_FONT })
    walk(node, blocks, images, nested)
    if (boxed || tag === 'UL' || tag === 'OL' || tag === 'FIGURE' || tag === 'TABLE') blocks.push({ kind: 'gap', px: 1.5 * BODY_FONT })
  } else {
    const small = tag === 'FIGCAPTION' || tag === 'SUMMARY' || tag === 'DT'
    const chars = (node.textContent ?? '').replace(/\s+/g, ' ').trim().length
    if (chars > 0) blocks.push({ kind: 'text', chars, font: small ? 0.85 : 1, line: small ? 1.5 : LINE, before: 0, after: tag === 'LI' || tag === 'DT' || tag === 'DD' ? 0.35 : 1.1, indent })
  }
}

/** The gutter of the themes: `clamp(1rem, 4vw, 2rem)`. */
function gutter(width: number): number {
  return Math.min(32, Math.max(16, width * 0.04))
}

export function estimateHeight(model: PageModel, width: number, imageSize: (src: string) => Size | undefined): number {
  const metrics = THEMES[model.theme] ?? BASE
  // Phones get the themes' narrow layout: slightly smaller type, tighter spacing.
  const narrow = width < 640
  const unit = metrics.font * (narrow ? 0.95 : 1)
  const content = Math.max(160, Math.min(metrics.measure, width - 2 * gutter(width) - (narrow ? 0 : 64)))
  let height = metrics.chrome * (narrow ? 0.7 : 1)
  for (const block of model.blocks) {
    switch (block.kind) {
      case 'gap':
        height += (block.px / BODY_FONT) * unit
        break
      case 'text': {
        const font = block.font * unit
        const available = Math.max(80, content - block.indent * unit)
        const perLine = Math.max(8, Math.floor(available / (font * metrics.charEm)))
        const lines = Math.max(1, Math.ceil(block.chars / perLine))
        height += lines * font * (block.line === LINE ? metrics.line : block.line) + (block.before + block.after) * unit
        break
      }
      case 'image': {
        const size = imageSize(block.src)
        const column = block.wide && !narrow ? Math.min(width - 2 * gutter(width), content + 12 * 16) : content
        // Wide and featured images fill their column; others are shown at most at their own width.
        // Unknown sizes count as a 3:2 picture across the column.
        const shown = size && size.width > 0 ? ((block.wide ? column : Math.min(size.width, column)) * size.height) / size.width : (column * 2) / 3
        height += shown + (block.before + block.after) * unit
        break
      }
      case 'frame':
        height += (content * 9) / 16 + (block.before + block.after) * unit
        break
    }
  }
  // Room for what the model does not see (score stars, tag chips, theme flourishes).
  return Math.ceil(height * 1.02 + 48)
}
