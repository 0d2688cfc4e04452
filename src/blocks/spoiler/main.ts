/** The spoiler in main (src/main/blocks): its Markdown and HTML, in Verdict's and each blog's markup. */
import type { MainBlock } from '../../main/blocks'
import { noticeCard, toggleCard } from './html.ghost'
import { spoilerHtml } from './html'
import { spoilerMarkdown } from './markdown'
import { spoilerModel } from './model'

/**
 * On WordPress both stay Custom HTML blocks (its Details block came with 6.3; Debian 12 has 6.1),
 * styled inline: `<details>` opens there without a script.
 */
export const spoilerMain: MainBlock<'spoiler'> = {
  model: spoilerModel,
  markdown: spoilerMarkdown,
  html: { spoiler: { ...spoilerHtml, markup: { 'ghost-cards': { spoiler: toggleCard, 'spoiler-notice': noticeCard } } } },
}
