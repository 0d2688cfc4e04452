/** The spoiler in main (src/main/blocks): its Markdown and HTML. */
import type { MainBlock } from '../../main/blocks'
import { spoilerHtml } from './html'
import { spoilerMarkdown } from './markdown'
import { spoilerModel } from './model'

export const spoilerMain: MainBlock<'spoiler'> = { model: spoilerModel, markdown: spoilerMarkdown, html: { spoiler: spoilerHtml } }
