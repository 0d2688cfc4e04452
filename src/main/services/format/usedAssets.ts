/**
 * The files of a review's folder its text uses, for the clean-up of unused images
 * (assets/cleanup.ts). When in doubt a path counts as used: a file wrongly kept costs a little
 * disk, a file wrongly collected breaks the review.
 */
import type { Nodes } from 'mdast'
import type { EditorDocument } from '../../../shared/document'
import type { ReviewMeta } from '../../../shared/model'
import { withinLimits } from './limits'
import { parseMarkdown } from './syntax'

/** `assets/x.png`, also written `./assets/x.png` or with backslashes, in any case. */
const ASSET_PATH = /^(?:\.[\\/])*assets[\\/]/i
/** An `assets/…` path anywhere in text (HTML attributes, unknown directives, …), but not the end of a longer path or URL. */
const ASSET_MENTION = /(?<![\w./-])(?:\.\/)*assets\/[^\s"'()<>[\]{}|`*]+/gi
const HTML_URL = /\b(?:src|href|srcset|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi

/**
 * Every `assets/…` path the review uses: image nodes (inside spoilers too), the images, links,
 * definitions and HTML of raw blocks, anything in a raw block that merely looks like such a path,
 * and the featured image. Paths are returned as written; cleanup.ts matches them leniently.
 */
export function referencedAssets(doc: EditorDocument, meta: ReviewMeta): Set<string> {
  const found = new Set<string>()
  const add = (path: string | null | undefined): void => {
    const trimmed = path?.trim()
    if (trimmed && ASSET_PATH.test(trimmed)) found.add(trimmed)
  }
  const walk = (node: { type?: unknown; children?: unknown; src?: unknown; markdown?: unknown }): void => {
    if (node.type === 'image' && typeof node.src === 'string') add(node.src)
    if (node.type === 'raw-block' && typeof node.markdown === 'string') rawReferences(node.markdown, add)
    if (Array.isArray(node.children)) for (const child of node.children) if (child && typeof child === 'object') walk(child as typeof node)
  }
  walk(doc.root)
  add(meta.featuredImage)
  return found
}

function rawReferences(markdown: string, add: (path: string | undefined) => void): void {
  for (const [mention] of markdown.matchAll(ASSET_MENTION)) add(mention)
  // A block beyond the parsing limits (limits.ts) is not parsed: its mentions above are what it uses.
  if (!withinLimits(markdown)) return
  const visit = (node: Nodes): void => {
    if ('url' in node && typeof node.url === 'string') add(node.url)
    if (node.type === 'html') {
      // srcset: `a.png 1x, b.png 2x`.
      for (const match of node.value.matchAll(HTML_URL)) {
        for (const candidate of (match[1] ?? match[2] ?? match[3] ?? '').split(',')) add(candidate.trim().split(/\s+/)[0])
      }
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(parseMarkdown(markdown))
}
