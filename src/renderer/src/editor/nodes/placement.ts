import { $copyNode, $isRootNode, type LexicalNode } from 'lexical'
import { $isSpoilerNode } from '../../../../blocks/spoiler/editor/SpoilerNode'

/**
 * Images and Markdown kept as written are blocks of the text or of a spoiler (docs/format.md), or
 * the review cannot be saved. A paste can put one inside a paragraph (Lexical wraps what it takes
 * for inline content), a heading, a quote, a list or a link: it moves out to where it belongs,
 * splitting what held it so that the text keeps its order.
 */
export function $keepAsBlock(node: LexicalNode): void {
  for (let parent = node.getParent(); parent !== null && !$isRootNode(parent) && !$isSpoilerNode(parent); parent = node.getParent()) {
    const after = node.getNextSiblings()
    if (after.length > 0) parent.insertAfter($copyNode(parent).append(...after))
    parent.insertAfter(node)
    if (parent.isEmpty()) parent.remove()
  }
}
