/** The score in main (src/main/blocks): its Markdown, HTML (Verdict's and each blog's markup), warnings and the index scan's reading of `::score[…]{…}`. */
import type { MainBlock } from '../../main/blocks'
import { scoreCard } from './html.ghost'
import { scoreHtml } from './html'
import { scoreLine, scoreMarkdown, scoreWarnings } from './markdown'
import { scoreModel } from './model'
import { scoreBlock } from './html.wordpress'

export const scoreMain: MainBlock<'score'> = {
  model: scoreModel,
  markdown: scoreMarkdown,
  html: { score: { ...scoreHtml, markup: { 'wordpress-blocks': { 'score-box': scoreBlock }, 'ghost-cards': { 'score-box': scoreCard } } } },
  warnings: scoreWarnings,
  scanLine: scoreLine,
}
