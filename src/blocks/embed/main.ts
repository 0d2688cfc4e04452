/** The trailer in main (src/main/blocks): its Markdown and HTML. */
import type { MainBlock } from '../../main/blocks'
import { embedHtml } from './html'
import { embedMarkdown } from './markdown'
import { embedModel } from './model'

export const embedMain: MainBlock<'embed'> = { model: embedModel, markdown: embedMarkdown, html: { embed: embedHtml } }
