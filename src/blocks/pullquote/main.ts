/** The pull quote in main (src/main/blocks): its Markdown and HTML. */
import type { MainBlock } from '../../main/blocks'
import { pullquoteHtml } from './html'
import { pullquoteMarkdown } from './markdown'
import { pullquoteModel } from './model'

export const pullquoteMain: MainBlock<'pullquote'> = { model: pullquoteModel, markdown: pullquoteMarkdown, html: { pullquote: pullquoteHtml } }
