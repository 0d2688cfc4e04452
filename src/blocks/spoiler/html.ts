/**
 * The spoiler in the HTML pipeline: a `:::spoiler` becomes a `<details>` (open when the context
 * asks), an inline `:spoiler[…]` a focusable span that plain text leaves out.
 */
import { DEFAULT_SPOILER_LABEL } from './model'
import { splitLabel } from '../../main/services/format/directive'
import { el, paragraph, plainText, txt, type AnyNode, type CriticDirective, type Props, type Render } from '../../main/services/pipeline/criticElements'

const spoilerBlock: Render = (node, ctx, transformChildren) => {
  const { label, content } = splitLabel(node)
  const summary = plainText({ type: 'root', children: label }).trim() || DEFAULT_SPOILER_LABEL
  const body = el('div', { className: ['spoiler-body'] }, content)
  transformChildren(body)
  const props: Props = { className: ['spoiler'] }
  if (ctx.spoilersOpen) props['open'] = true
  return [el('details', props, [el('summary', {}, [txt(summary)]), body])]
}

const inlineSpoiler: Render = (node, _ctx, transformChildren) => {
  const span = el('span', { className: ['spoiler-inline'], tabIndex: 0, title: 'Spoiler' }, node.children ?? [])
  transformChildren(span)
  span.data = { ...span.data, spoiler: true }
  return [span]
}

/** The warning a review with `spoilers: true` carries on a page: Verdict's in its header, a blog's atop the body. */
export const SPOILER_WARNING = 'This review contains spoilers.'

/** The warning as the body's first block, for a blog's page (an aside, so the excerpt never takes it). */
export function spoilerNotice(): AnyNode {
  return el('aside', { className: ['spoiler-notice'] }, [paragraph([txt(SPOILER_WARNING)])])
}

const WARNING_RED = '#c9302c'

export const spoilerHtml: CriticDirective = {
  render: { containerDirective: spoilerBlock, textDirective: inlineSpoiler },
  classes: ['spoiler'],
  inlineStyles: {
    'spoiler-notice': `border-left:4px solid ${WARNING_RED};padding:0.1em 1em;margin-top:1.5em;margin-bottom:1.5em;font-weight:bold`,
    spoiler: `border:1px solid ${WARNING_RED};border-radius:4px;padding:0.5em 1em;margin-top:1.5em;margin-bottom:1.5em`,
    // No hover without the theme's CSS: the words stay hidden until the reader selects them.
    'spoiler-inline': 'background-color:#333;color:#333;border-radius:2px',
  },
}
