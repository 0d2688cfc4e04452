import { $createQuoteNode } from '@lexical/rich-text'
import { $createParagraphNode, $isDecoratorNode, $isElementNode, $isRootNode, type LexicalNode, type ParagraphNode } from 'lexical'
import { $keepAtTopLevel } from '@renderer/editor/plugins/insertBlocks'
import { $isPullQuoteNode } from '../../pullquote/editor/PullQuoteNode'
import { SPOILER_CONTENT } from '../model'
import { $isSpoilerNode, type SpoilerNode } from './SpoilerNode'

/**
 * Keeps a spoiler holding only what a spoiler may hold (docs/format.md): another spoiler is
 * unwrapped, a pull quote becomes a quote, any other block a spoiler cannot hold (a score, a
 * trailer) moves out after it, loose text gets a paragraph, and an empty spoiler keeps one
 * paragraph to type in.
 */
export function $normalizeSpoiler(spoiler: SpoilerNode): void {
  const parent = spoiler.getParent()
  if (parent && !$isRootNode(parent) && !$isSpoilerNode(parent)) {
    $keepAtTopLevel(spoiler)
    return
  }
  let after: LexicalNode = spoiler
  let loose: ParagraphNode | null = null
  for (const child of spoiler.getChildren()) {
    const inline = !$isElementNode(child) && !$isDecoratorNode(child) ? true : child.isInline()
    if (!inline) loose = null
    if ($isSpoilerNode(child)) {
      for (const grandchild of child.getChildren()) child.insertBefore(grandchild)
      child.remove()
    } else if ($isPullQuoteNode(child)) {
      child.replace($createQuoteNode(), true)
    } else if (!inline && !SPOILER_CONTENT.has(child.getType())) {
      after.insertAfter(child)
      after = child
    } else if (inline) {
      if (!loose) {
        loose = $createParagraphNode()
        child.insertBefore(loose)
      }
      loose.append(child)
    }
  }
  if (spoiler.getChildrenSize() === 0) spoiler.append($createParagraphNode())
}
