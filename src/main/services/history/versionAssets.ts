import type { EditorDocument } from '../../../shared/document'
import type { ReviewMeta } from '../../../shared/model'
import { isSafeAssetPath } from '../../../shared/critic'

/**
 * The `assets/…` paths a version of review.md uses, so asset clean-up keeps what history needs.
 * Reads the parsed document (image nodes, featured image) when there is one, and also scans the raw
 * text, which catches paths inside raw HTML or a file that no longer parses: when in doubt, kept.
 */
export function referencedAssets(text: string, parsed?: { meta: ReviewMeta; doc: EditorDocument }): string[] {
  const found = new Set<string>()
  const add = (candidate: string): void => {
    let path = candidate.replace(/^\.\//, '')
    if (path.includes('%')) {
      try {
        path = decodeURIComponent(path)
      } catch {
        return
      }
    }
    if (path.startsWith('assets/') && isSafeAssetPath(path)) found.add(path)
  }
  if (parsed) {
    if (parsed.meta.featuredImage) add(parsed.meta.featuredImage)
    const stack: unknown[] = [parsed.doc.root]
    while (stack.length) {
      const node = stack.pop() as { src?: unknown; children?: unknown[] } | null
      if (!node || typeof node !== 'object') continue
      if (typeof node.src === 'string') add(node.src)
      if (Array.isArray(node.children)) stack.push(...node.children)
    }
  }
  for (const match of text.matchAll(/(?:\.\/)?assets\/[^\s"'()<>[\]{}|\\`*]+/g)) {
    add(match[0].replace(/[.,;:!]+$/, ''))
  }
  return [...found].sort()
}
