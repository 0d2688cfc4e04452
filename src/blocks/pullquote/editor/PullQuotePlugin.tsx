import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $setBlocksType } from '@lexical/selection'
import { $findMatchingParent } from '@lexical/utils'
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type LexicalCommand,
} from 'lexical'
import { $createPullQuoteNode, $isPullQuoteNode } from './PullQuoteNode'
import { $isSpoilerNode } from '../../spoiler/editor/SpoilerNode'
import { $insertBlock } from '@renderer/editor/plugins/insertBlocks'

/** Turns the current paragraph into a pull quote (or back); inside a spoiler, starts one after it. */
export const INSERT_PULLQUOTE_COMMAND: LexicalCommand<void> = createCommand('INSERT_PULLQUOTE_COMMAND')

export function PullQuotePlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_PULLQUOTE_COMMAND,
        () => {
          const selection = $getSelection()
          const anchor = $isRangeSelection(selection) ? selection.anchor.getNode() : null
          if (!anchor || $findMatchingParent(anchor, $isSpoilerNode)) {
            // Pull quotes are display blocks of the review itself, never hidden in a spoiler.
            const node = $createPullQuoteNode()
            $insertBlock(node, { topLevel: true })
            node.select()
            return true
          }
          const inPullQuote = $findMatchingParent(anchor, $isPullQuoteNode) !== null
          $setBlocksType(selection, () => (inPullQuote ? $createParagraphNode() : $createPullQuoteNode()))
          return true
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  )
  return null
}
