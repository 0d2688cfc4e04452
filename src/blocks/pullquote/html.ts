/** The pull quote in the HTML pipeline: an `<aside class="pullquote">`, leaf or container alike. */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
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

/**
 * A finished pull quote's words as one run of text, its paragraphs a line break apart (the blogs'
 * quote blocks hold one paragraph); undefined when it holds more than paragraphs.
 */
export function pullquoteText(aside: Element): ElementContent[] | undefined {
  const text: ElementContent[] = []
  for (const child of aside.children) {
    if (child.type === 'text' && child.value.trim() === '') continue
    if (child.type !== 'element' || child.tagName !== 'p') return undefined
    if (text.length > 0) text.push(h('br'))
    text.push(...child.children)
  }
  return text
}
