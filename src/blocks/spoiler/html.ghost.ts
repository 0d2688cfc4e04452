/**
 * The spoiler on Ghost: a toggle card, closed (Casper styles `kg-toggle-card`, and Ghost's card
 * script opens it), and the review's spoiler warning a red callout card.
 *
 * Ghost 5 reads a toggle card's heading and content as the text of their elements, and stores that
 * text as the card's HTML: so they hold the HTML as text (escaped once more), which Ghost then
 * stores as the markup it is.
 */
import { h } from 'hastscript'
import { toHtml } from 'hast-util-to-html'
import { childElement, type ToBlogMarkup } from '../../main/services/pipeline/criticElements'
import { htmlCard } from '../../main/services/pipeline/ghostCards'
import { DEFAULT_SPOILER_LABEL } from './model'

export const toggleCard: ToBlogMarkup = (details) => {
  const summary = childElement(details, 'summary')
  const body = childElement(details, 'div')
  if (!body) return htmlCard([details])
  const heading = toHtml(summary?.children ?? []).trim() || DEFAULT_SPOILER_LABEL
  return [
    h('div.kg-card.kg-toggle-card', { dataKgToggleState: 'close' }, [
      h('div.kg-toggle-heading', [h('h4.kg-toggle-heading-text', heading)]),
      h('div.kg-toggle-content', toHtml(body.children).trim()),
    ]),
  ]
}

/** The warning in a red callout card, its words the card's text. */
export const noticeCard: ToBlogMarkup = (aside) => {
  const words = childElement(aside, 'p')?.children ?? aside.children
  return [h('div.kg-card.kg-callout-card.kg-callout-card-red', [h('div.kg-callout-text', words)])]
}
