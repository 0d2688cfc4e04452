import type { Klass, LexicalNode } from 'lexical'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import { ListItemNode, ListNode } from '@lexical/list'
import { LinkNode } from '@lexical/link'
import { HorizontalRuleNode } from '@lexical/extension'
import type { BlockType } from '@shared/document'
import { RawBlockNode } from './raw-block/RawBlockNode'
import { ScoreNode } from './score/ScoreNode'
import { ImageNode } from './image/ImageNode'
import { SpoilerNode } from './spoiler/SpoilerNode'
import { PullQuoteNode } from '../../../../blocks/pullquote/editor/PullQuoteNode'
import { EmbedNode } from './embed/EmbedNode'

/** The Lexical nodes of each block type of `@shared/document` (Lexical has the paragraph built in). */
export const BLOCK_NODES: Record<BlockType, ReadonlyArray<Klass<LexicalNode>>> = {
  paragraph: [],
  heading: [HeadingNode],
  quote: [QuoteNode],
  list: [ListNode, ListItemNode],
  horizontalrule: [HorizontalRuleNode],
  'raw-block': [RawBlockNode],
  score: [ScoreNode],
  image: [ImageNode],
  spoiler: [SpoilerNode],
  pullquote: [PullQuoteNode],
  embed: [EmbedNode],
}

/** Every node a review can contain: exactly the block and inline types of `@shared/document`. */
export const EDITOR_NODES: Array<Klass<LexicalNode>> = [...Object.values(BLOCK_NODES).flat(), LinkNode]
