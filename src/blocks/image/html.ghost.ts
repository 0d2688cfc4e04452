/**
 * The image on Ghost: an image card (Casper styles `kg-image-card` and widens `kg-width-wide` and
 * `kg-width-full`), its caption and credit in the card's caption.
 */
import type { ElementContent } from 'hast'
import { h } from 'hastscript'
import type { ToBlogMarkup } from '../../main/services/pipeline/criticElements'
import { htmlCard } from '../../main/services/pipeline/ghostCards'
import { figureParts } from './html'

export const imageCard: ToBlogMarkup = (figure) => {
  const { img, figcaption, width } = figureParts(figure)
  if (!img) return htmlCard([figure])
  const { src, alt, width: pixels, height } = img.properties
  const content: ElementContent[] = [h('img', { src, alt, width: pixels, height })]
  if (figcaption && figcaption.children.length > 0) content.push(figcaption)
  return [h('figure', { className: ['kg-card', 'kg-image-card', ...(width !== 'inline' ? [`kg-width-${width}`] : [])] }, content)]
}
