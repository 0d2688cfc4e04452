import type { Klass, LexicalNode } from 'lexical'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import { ListItemNode, ListNode } from '@lexical/list'
import { LinkNode } from '@lexical/link'
import { HorizontalRuleNode } from '@lexical/extension'
import { RawBlockNode } from './raw-block/RawBlockNode'
import { ScoreNode } from './score/ScoreNode'
import { ImageNode } from './image/ImageNode'
import { SpoilerNode } from './spoiler/SpoilerNode'
import { PullQuoteNode } from './pullquote/PullQuoteNode'
import { EmbedNode } from './embed/EmbedNode'

/** Every node a review can contain: exactly the block and inline types of `@shared/document`. */
export const EDITOR_NODES: Array<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  HorizontalRuleNode,
  RawBlockNode,
  ScoreNode,
  ImageNode,
  SpoilerNode,
  PullQuoteNode,
  EmbedNode,
]
