/** The image in main (src/main/blocks): its Markdown and the `:::figure` directive's HTML, in Verdict's and each blog's markup. */
import type { MainBlock } from '../../main/blocks'
import { imageCard } from './html.ghost'
import { figureHtml } from './html'
import { imageMarkdown } from './markdown'
import { imageModel } from './model'
import { imageBlock } from './html.wordpress'

export const imageMain: MainBlock<'image'> = {
  model: imageModel,
  markdown: imageMarkdown,
  html: { figure: { ...figureHtml, markup: { 'wordpress-blocks': { figure: imageBlock }, 'ghost-cards': { figure: imageCard } } } },
}
