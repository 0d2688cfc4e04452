/**
 * The pull quote on Ghost: its alternative quote (`kg-blockquote-alt`), which Ghost's card styles
 * set large and centred. In an HTML card: Ghost 5's HTML import reads every `<blockquote>`, that
 * class or not, as a plain quote (its quote's parser outranks the alternative's).
 */
import { h } from 'hastscript'
import type { ToBlogMarkup } from '../../main/services/pipeline/criticElements'
import { htmlCard } from '../../main/services/pipeline/ghostCards'
import { pullquoteText } from './html'

export const pullquoteCard: ToBlogMarkup = (aside) => {
  const text = pullquoteText(aside)
  return htmlCard([text ? h('blockquote.kg-blockquote-alt', text) : aside])
}
