/** The trailer in main (src/main/blocks): its Markdown and HTML, in Verdict's and each blog's markup. */
import type { MainBlock } from '../../main/blocks'
import { embedCard } from './html.ghost'
import { embedHtml } from './html'
import { embedMarkdown } from './markdown'
import { embedModel } from './model'
import { embedBlock } from './html.wordpress'

export const embedMain: MainBlock<'embed'> = {
  model: embedModel,
  markdown: embedMarkdown,
  html: { embed: { ...embedHtml, markup: { 'wordpress-blocks': { embed: embedBlock }, 'ghost-cards': { embed: embedCard } } } },
}
