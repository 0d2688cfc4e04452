/**
 * The spoiler in the HTML pipeline: a `:::spoiler` becomes a `<details>` (open when the context
 * asks), an inline `:spoiler[…]` a focusable span that plain text leaves out.
 */
import { DEFAULT_SPOILER_LABEL } from './model'
import { splitLabel } from '../../main/services/format/directive'
import { el, plainText, txt, type CriticDirective, type Props, type Render } from '../../main/services/pipeline/criticElements'

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

export const spoilerHtml: CriticDirective = { render: { containerDirective: spoilerBlock, textDirective: inlineSpoiler }, classes: ['spoiler'] }
