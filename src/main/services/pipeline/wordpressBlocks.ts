/**
 * WordPress's block markup (the block editor's serialized form): each block is its HTML between
 * `<!-- wp:name {attributes} -->` and `<!-- /wp:name -->`, and that HTML must be exactly what the
 * block's `save()` writes for those attributes, or the editor calls it an invalid block. The shapes
 * here are those of WordPress 6.1 (block-library's `save.js` of each block; also valid later).
 *
 * Markdown's own elements become core blocks (paragraph, heading, list, quote, separator) when they
 * have the block's exact shape; anything else is a Custom HTML block, which WordPress shows as
 * written (and which is always valid). The critic blocks' forms are in their folders' `wordpress.ts`.
 */
import type { Comment, Element, ElementContent, Text } from 'hast'
import { h } from 'hastscript'

export type BlockAttributes = Record<string, unknown>

/** One block: its delimiters around its HTML, on lines of their own as WordPress writes them. */
export function wpBlock(name: string, attributes: BlockAttributes, content: ElementContent[]): ElementContent[] {
  const json = Object.keys(attributes).length > 0 ? ` ${serializeAttributes(attributes)}` : ''
  return [comment(` wp:${name}${json} `), newline(), ...content, newline(), comment(` /wp:${name} `)]
}

/** A Custom HTML block: WordPress shows it as written (its content filter still applies). */
export function htmlBlock(node: Element): ElementContent[] {
  return wpBlock('html', {}, [node])
}

/**
 * The attributes' JSON as WordPress's serializer writes it: nothing in it can end the comment or
 * be read as markup. `[` too, so no shortcode (`[gallery]`) starts inside a delimiter.
 */
export function serializeAttributes(attributes: BlockAttributes): string {
  return JSON.stringify(attributes)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\\"/g, '\\u0022')
    .replace(/\[/g, '\\u005b')
}

function comment(value: string): Comment {
  return { type: 'comment', value }
}

function newline(): Text {
  return { type: 'text', value: '\n' }
}

function hasProperties(node: Element, except: readonly string[] = []): boolean {
  return Object.entries(node.properties).some(([name, value]) => value !== undefined && !except.includes(name))
}

function elements(children: ElementContent[]): Element[] | undefined {
  const found: Element[] = []
  for (const child of children) {
    if (child.type === 'element') found.push(child)
    else if (child.type === 'text' && child.value.trim() !== '') return undefined
  }
  return found
}

/**
 * A Markdown element as the core block it is. A paragraph's class and inline style go (the block
 * has no class name, and its inline styles are attributes of their own): the theme styles it.
 */
export function coreBlock(node: Element): ElementContent[] {
  const heading = /^h([1-6])$/.exec(node.tagName)
  if (node.tagName === 'p' && !hasProperties(node, ['className', 'style'])) return wpBlock('paragraph', {}, [h('p', node.children)])
  if (heading && !hasProperties(node)) {
    const level = Number(heading[1])
    return wpBlock('heading', level === 2 ? {} : { level }, [h(node.tagName, node.children)])
  }
  if (node.tagName === 'ul' || node.tagName === 'ol') return listBlock(node) ?? htmlBlock(node)
  if (node.tagName === 'blockquote' && !hasProperties(node)) {
    const inner = elements(node.children)
    if (inner) return wpBlock('quote', {}, [h('blockquote.wp-block-quote', inner.flatMap(coreBlock))])
  }
  if (node.tagName === 'hr' && !hasProperties(node)) return wpBlock('separator', {}, [h('hr.wp-block-separator.has-alpha-channel-opacity')])
  return htmlBlock(node)
}

/** A list of list-item blocks (WordPress 6.1's list), nested lists inside their item; undefined when it has another shape. */
function listBlock(node: Element): ElementContent[] | undefined {
  const ordered = node.tagName === 'ol'
  const start = node.properties['start']
  if (hasProperties(node, ['start'])) return undefined
  const items = elements(node.children)
  if (!items) return undefined
  const blocks: ElementContent[] = []
  for (const item of items) {
    const block = listItemBlock(item)
    if (!block) return undefined
    blocks.push(...block)
  }
  const attributes: BlockAttributes = {}
  if (ordered) attributes['ordered'] = true
  if (ordered && typeof start === 'number' && start !== 1) attributes['start'] = start
  return wpBlock('list', attributes, [h(node.tagName, attributes['start'] ? { start } : {}, blocks)])
}

/** An item's text (a loose list's paragraphs run together, a line break between them), then its nested lists. */
function listItemBlock(item: Element): ElementContent[] | undefined {
  if (item.tagName !== 'li' || hasProperties(item)) return undefined
  const text: ElementContent[] = []
  const nested: ElementContent[] = []
  for (const child of item.children) {
    if (child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')) {
      const list = listBlock(child)
      if (!list) return undefined
      nested.push(...list)
    } else if (child.type === 'element' && child.tagName === 'p') {
      if (hasProperties(child)) return undefined
      if (text.length > 0) text.push(h('br'))
      text.push(...child.children)
    } else if (child.type === 'element' && !INLINE.has(child.tagName)) return undefined
    else if (child.type !== 'text' || child.value.trim() !== '' || text.length > 0) text.push(child)
  }
  while (text.at(-1)?.type === 'text' && (text.at(-1) as Text).value.trim() === '') text.pop()
  return wpBlock('list-item', {}, [h('li', [...text, ...nested])])
}

/** What may stand in a list item's own text (phrasing content that Markdown writes). */
const INLINE = new Set(['a', 'abbr', 'b', 'br', 'cite', 'code', 'data', 'del', 'em', 'i', 'img', 'input', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var'])

/** One CSS declaration list as name → value, in order. */
export function declarations(css: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const part of css.split(';')) {
    const colon = part.indexOf(':')
    if (colon > 0) found.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim())
  }
  return found
}

/**
 * A group block boxed as `css` says (border, its radius, padding, top and bottom margins: what the
 * group's style attributes hold), around `inner` blocks. The HTML carries the styles as WordPress's
 * style engine writes them from those attributes, and the `has-border-color` class its border adds.
 */
export function groupBlock(css: string, inner: ElementContent[]): ElementContent[] {
  const found = declarations(css)
  const border: Record<string, string> = {}
  const [width, style, color] = (found.get('border') ?? '').split(/\s+/)
  if (width && style && color) Object.assign(border, { color, style, width })
  const radius = found.get('border-radius')
  if (radius) border['radius'] = radius
  const spacing: Record<string, Record<string, string>> = {}
  const padding = found.get('padding')?.split(/\s+/)
  if (padding?.length) {
    const [top, right = top, bottom = top, left = right] = padding as [string, ...string[]]
    spacing['padding'] = { top, right, bottom, left }
  }
  const margin: Record<string, string> = {}
  for (const side of ['top', 'bottom'] as const) {
    const value = found.get(`margin-${side}`)
    if (value) margin[side] = value
  }
  if (Object.keys(margin).length > 0) spacing['margin'] = margin
  const styleAttribute: Record<string, unknown> = {}
  if (Object.keys(border).length > 0) styleAttribute['border'] = border
  if (Object.keys(spacing).length > 0) styleAttribute['spacing'] = spacing
  // The style engine's order: border colour, style, width, radius; then padding, then margin, each side in turn.
  const inline = [
    ...(['color', 'style', 'width', 'radius'] as const).flatMap((key) => (border[key] ? [`border-${key}:${border[key]}`] : [])),
    ...(['padding', 'margin'] as const).flatMap((kind) => Object.entries(spacing[kind] ?? {}).map(([side, value]) => `${kind}-${side}:${value}`)),
  ].join(';')
  const className = ['wp-block-group', ...(border['color'] ? ['has-border-color'] : [])]
  return wpBlock('group', Object.keys(styleAttribute).length > 0 ? { style: styleAttribute } : {}, [h('div', { className, style: inline || undefined }, inner)])
}
