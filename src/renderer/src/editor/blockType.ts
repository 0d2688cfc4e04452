import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text'
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
} from '@lexical/list'
import { $setBlocksType } from '@lexical/selection'
import { $getNearestNodeOfType } from '@lexical/utils'
import { $createParagraphNode, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical'

export const BLOCK_TYPES = {
  paragraph: 'Paragraph',
  h2: 'Heading 2',
  h3: 'Heading 3',
  h4: 'Heading 4',
  quote: 'Quote',
  bullet: 'Bulleted list',
  number: 'Numbered list',
} as const
export type BlockType = keyof typeof BLOCK_TYPES

/** The block type at the selection's anchor, as the toolbar shows it. Call inside a read or update. */
export function $currentBlockType(): BlockType {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return 'paragraph'
  const anchor = selection.anchor.getNode()
  const list = $getNearestNodeOfType(anchor, ListNode)
  if ($isListNode(list)) return list.getListType() === 'number' ? 'number' : 'bullet'
  const block = anchor.getTopLevelElement()
  if ($isHeadingNode(block)) return block.getTag() as BlockType
  if ($isQuoteNode(block)) return 'quote'
  return 'paragraph'
}

/** Turns the selected blocks into `type`; choosing the current list or quote again reverts to paragraphs. */
export function setBlockType(editor: LexicalEditor, type: BlockType): void {
  editor.update(() => {
    const current = $currentBlockType()
    const next = current === type && type !== 'paragraph' ? 'paragraph' : type
    if (next === 'bullet' || next === 'number') {
      editor.dispatchCommand(next === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined)
      return
    }
    $setBlocksType($getSelection(), () =>
      next === 'paragraph' ? $createParagraphNode() : next === 'quote' ? $createQuoteNode() : $createHeadingNode(next),
    )
  })
}
