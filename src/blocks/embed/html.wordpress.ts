/**
 * The trailer on WordPress: an Embed block of the video's page, which WordPress turns into its
 * player when it shows the post (oEmbed), 16:9 and as wide as the column.
 */
import { h } from 'hastscript'
import type { ElementContent } from 'hast'
import type { ToBlogMarkup } from '../../main/services/pipeline/criticElements'
import { htmlBlock, wpBlock } from '../../main/services/pipeline/wordpressBlocks'
import { embedParts } from './html'

const ASPECT = ['wp-embed-aspect-16-9', 'wp-has-aspect-ratio']

export const embedBlock: ToBlogMarkup = (figure) => {
  const parts = embedParts(figure)
  if (!parts) return htmlBlock(figure)
  const { provider, watchUrl } = parts.target
  const content: ElementContent[] = [h('div.wp-block-embed__wrapper', `\n${watchUrl}\n`)]
  if (parts.caption.length > 0) content.push(h('figcaption.wp-element-caption', parts.caption))
  const className = ['wp-block-embed', 'is-type-video', `is-provider-${provider}`, `wp-block-embed-${provider}`, ...ASPECT]
  return wpBlock('embed', { url: watchUrl, type: 'video', providerNameSlug: provider, responsive: true, className: ASPECT.join(' ') }, [h('figure', { className }, content)])
}
