/** The image in main (src/main/blocks): its Markdown and the `:::figure` directive's HTML. */
import type { MainBlock } from '../../main/blocks'
import { figureHtml } from './html'
import { imageMarkdown } from './markdown'
import { imageModel } from './model'

export const imageMain: MainBlock<'image'> = { model: imageModel, markdown: imageMarkdown, html: { figure: figureHtml } }
