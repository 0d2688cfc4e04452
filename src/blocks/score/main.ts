/** The score in main (src/main/blocks): its Markdown, HTML, warnings and the index scan's reading of `::score[…]{…}`. */
import type { MainBlock } from '../../main/blocks'
import { scoreHtml } from './html'
import { scoreLine, scoreMarkdown, scoreWarnings } from './markdown'
import { scoreModel } from './model'

export const scoreMain: MainBlock<'score'> = { model: scoreModel, markdown: scoreMarkdown, html: { score: scoreHtml }, warnings: scoreWarnings, scanLine: scoreLine }
