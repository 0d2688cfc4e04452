/** The pull quote in Markdown (docs/format.md, "Pull quote"): `:::pullquote` around one paragraph. */
import type { ContainerDirective } from 'mdast-util-directive'
import type { BlockConverter } from '../../main/services/format/markdownBlocks'
import { attributesOf, withoutLabel } from '../../main/services/format/directive'
import { inlineFromMdast, inlineToMdast, normalizeInline, Unrepresentable } from '../../main/services/format/inline'
import type { PullQuoteJSON } from './model'

/** One paragraph of inline content; an empty pull quote is not written (Markdown could not read it back). */
export const pullquoteMarkdown: BlockConverter<PullQuoteJSON, ContainerDirective> = {
  type: 'pullquote',
  reads: ['containerDirective:pullquote'],
  // An empty pull quote is one not written yet: kept, as `:::pullquote` and its closing fence.
  normalize: (node) => ({ type: 'pullquote', children: normalizeInline(node, 'paragraph') }),
  fromMdast: (node, read) => {
    attributesOf(node, [], read)
    const content = withoutLabel(node)
    if (content.length === 0) return { type: 'pullquote', children: [] }
    const [only, ...rest] = content
    if (only?.type !== 'paragraph' || rest.length > 0) throw new Unrepresentable('a pull quote that is not one paragraph')
    return { type: 'pullquote', children: inlineFromMdast(only.children) }
  },
  toMdast: (node) => ({
    type: 'containerDirective',
    name: 'pullquote',
    attributes: {},
    children: node.children.length ? [{ type: 'paragraph', children: inlineToMdast(node.children) }] : [],
  }),
}
