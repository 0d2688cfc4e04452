/**
 * Where the critic blocks go when inserted, shared by their plugins: at the caret, replacing an
 * empty paragraph rather than splitting around it, or at the end of the text when the editor has
 * no caret. Scores, trailers, pull quotes and spoilers live at the top level of the text only, so
 * inside a spoiler they go right after it.
 */
import { $findMatchingParent, $getNearestBlockElementAncestorOrThrow, $insertNodeToNearestRoot } from '@lexical/utils'
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  type LexicalNode,
} from 'lexical'
import { $isSpoilerNode } from '../../../../blocks/spoiler/editor/SpoilerNode'

export function $insertBlock(node: LexicalNode, { topLevel }: { topLevel: boolean }): void {
  let selection = $getSelection()
  if (selection === null) {
    $getRoot().selectEnd()
    selection = $getSelection()
  }
  const anchor = $isRangeSelection(selection) ? selection.anchor.getNode() : selection?.getNodes()[0]
  if (topLevel && anchor) {
    const spoiler = $findMatchingParent(anchor, $isSpoilerNode)
    if (spoiler) {
      spoiler.insertAfter(node)
      $selectAfter(node)
      return
    }
  }
  if ($isRangeSelection(selection) && selection.isCollapsed() && anchor) {
    const block = $isRootNode(anchor) ? null : $getNearestBlockElementAncestorOrThrow(anchor)
    if ($isParagraphNode(block) && block.getChildrenSize() === 0 && (!topLevel || $isRootNode(block.getParent()))) {
      block.replace(node)
      $selectAfter(node)
      return
    }
  }
  $insertNodeToNearestRoot(node)
}

/** Puts the caret in the block after `node`, adding a paragraph when there is none to type in. */
export function $selectAfter(node: LexicalNode): void {
  const next = node.getNextSibling()
  if ($isElementNode(next) && !next.isShadowRoot()) {
    next.selectStart()
    return
  }
  const paragraph = $createParagraphNode()
  node.insertAfter(paragraph)
  paragraph.select()
}

/** Moves a block that must live at the top level (score, trailer) out to after its top-level ancestor. */
export function $keepAtTopLevel(node: LexicalNode): void {
  let top = node.getParent()
  if (top === null || $isRootNode(top)) return
  for (let parent = top.getParent(); parent !== null && !$isRootNode(parent); parent = parent.getParent()) top = parent
  top.insertAfter(node)
}
