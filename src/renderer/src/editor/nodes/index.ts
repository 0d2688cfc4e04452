import type { Klass, LexicalNode } from 'lexical'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import { ListItemNode, ListNode } from '@lexical/list'
import { LinkNode } from '@lexical/link'
import { HorizontalRuleNode } from '@lexical/extension'
import type { CoreBlockJSON } from '@shared/document'
import { RawBlockNode } from './raw-block/RawBlockNode'
import { InlineImageNode } from './inline-image/InlineImageNode'
import { CRITIC_EDITOR_BLOCKS } from '../criticBlocks'

/** The Lexical nodes of Markdown's own blocks (Lexical has the paragraph built in). */
const CORE_NODES: Record<CoreBlockJSON['type'], ReadonlyArray<Klass<LexicalNode>>> = {
  paragraph: [],
  heading: [HeadingNode],
  quote: [QuoteNode],
  list: [ListNode, ListItemNode],
  horizontalrule: [HorizontalRuleNode],
  'raw-block': [RawBlockNode],
}

/** Every node a review can contain: exactly the block and inline types of `@shared/document`. */
export const EDITOR_NODES: Array<Klass<LexicalNode>> = [...Object.values(CORE_NODES).flat(), ...CRITIC_EDITOR_BLOCKS.flatMap((block) => block.nodes), LinkNode, InlineImageNode]
