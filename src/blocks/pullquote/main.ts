/** The pull quote in main (src/main/blocks): its Markdown and HTML, in Verdict's and each blog's markup. */
import type { MainBlock } from '../../main/blocks'
import { pullquoteCard } from './html.ghost'
import { pullquoteHtml } from './html'
import { pullquoteMarkdown } from './markdown'
import { pullquoteModel } from './model'
import { pullquoteBlock } from './html.wordpress'

export const pullquoteMain: MainBlock<'pullquote'> = {
  model: pullquoteModel,
  markdown: pullquoteMarkdown,
  html: { pullquote: { ...pullquoteHtml, markup: { 'wordpress-blocks': { pullquote: pullquoteBlock }, 'ghost-cards': { pullquote: pullquoteCard } } } },
}
