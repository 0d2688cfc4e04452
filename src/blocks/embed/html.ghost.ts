/** The trailer on Ghost: an embed card of its player (offline, the link card goes as an HTML card). */
import { h } from 'hastscript'
import type { ElementContent } from 'hast'
import type { ToBlogMarkup } from '../../main/services/pipeline/criticElements'
import { htmlCard } from '../../main/services/pipeline/ghostCards'
import { embedParts } from './html'

export const embedCard: ToBlogMarkup = (figure) => {
  const parts = embedParts(figure)
  if (!parts?.player) return htmlCard([figure])
  const content: ElementContent[] = [parts.player]
  if (parts.caption.length > 0) content.push(h('figcaption', parts.caption))
  return [h('figure.kg-card.kg-embed-card', content)]
}
