/** The pull quote on WordPress: a Pullquote block, which the theme styles as its own. */
import { h } from 'hastscript'
import type { ToBlogMarkup } from '../../main/services/pipeline/criticElements'
import { htmlBlock, wpBlock } from '../../main/services/pipeline/wordpressBlocks'
import { pullquoteText } from './html'

export const pullquoteBlock: ToBlogMarkup = (aside) => {
  const text = pullquoteText(aside)
  return text ? wpBlock('pullquote', {}, [h('figure.wp-block-pullquote', [h('blockquote', [h('p', text)])])]) : htmlBlock(aside)
}
