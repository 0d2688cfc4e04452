/**
 * HTML in the shape Ghost's own HTML → Lexical conversion (`?source=html`, Koenig's parsers) reads
 * as its cards: `kg-card-begin: html` comments around an HTML card, `kg-image-card` figures,
 * `kg-toggle-card` and `kg-callout-card` divs. Ghost stores them as cards and its theme (Casper,
 * Source) styles them as its own. Markdown's elements go as they are (paragraphs, headings, lists,
 * quotes: Ghost's text); the critic blocks' forms are in their folders' `ghost.ts`.
 */
import type { Element, ElementContent, RootContent } from 'hast'

/** An HTML card: Ghost shows these elements exactly as they are, inline styles and all. */
export function htmlCard(nodes: ElementContent[]): RootContent[] {
  return [{ type: 'comment', value: 'kg-card-begin: html' }, ...nodes, { type: 'comment', value: 'kg-card-end: html' }]
}

/** Whether an element or one inside it has an inline style, which Ghost's text would drop (an inline spoiler's cover). */
function styledWithin(node: Element): boolean {
  if (node.properties['style'] !== undefined) return true
  return node.children.some((child) => child.type === 'element' && styledWithin(child))
}

/**
 * A Markdown element as Ghost's text, unless it needs what that text cannot hold: a class (the
 * theme would not know it), an inline style.
 */
export function ghostText(node: Element): RootContent[] {
  return node.properties['className'] !== undefined || styledWithin(node) ? htmlCard([node]) : [node]
}
