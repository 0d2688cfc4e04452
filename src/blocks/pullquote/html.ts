/** The pull quote in the HTML pipeline: an `<aside class="pullquote">`, leaf or container alike. */
import { splitLabel } from '../../main/services/format/directive'
import { el, paragraph, type CriticDirective, type Render } from '../../main/services/pipeline/criticElements'

/** An empty pull quote (one not written yet) is left out of the page. */
const render: Render = (node, _ctx, transformChildren) => {
  const { label, content } = splitLabel(node)
  const children = node.type === 'leafDirective' ? (label.length ? [paragraph(label)] : []) : content
  if (children.length === 0) return []
  const aside = el('aside', { className: ['pullquote'] }, children)
  transformChildren(aside)
  return [aside]
}

export const pullquoteHtml: CriticDirective = {
  render: { leafDirective: render, containerDirective: render },
  classes: ['pullquote'],
  inlineStyles: { pullquote: 'border-top:3px solid currentColor;border-bottom:3px solid currentColor;padding:0.5em 0;margin-top:2em;margin-bottom:2em;font-size:1.3em;font-style:italic;text-align:center' },
}
