/**
 * rehype plugin, the last pass: the finished body in the markup of the page it goes into
 * (`PostForm.markup`). Each top-level element goes to the critic block whose class it carries (its
 * `markup` forms, by class name), else to the blog's form of Markdown's elements.
 *
 * - `html` on a blog's theme: a box with side borders or padding goes in a plain `<div>`. A theme
 *   caps the width of its column's children, and with `box-sizing` out of reach (WordPress's filter
 *   drops it) such a box would stick out by those; in the div, the column's child, it takes the
 *   width left inside instead.
 * - `wordpress-blocks`: blocks (pipeline/wordpressBlocks.ts).
 * - `ghost-cards`: Ghost's cards and text (pipeline/ghostCards.ts).
 */
import type { Element, Root, RootContent } from 'hast'
import type { VFile } from 'vfile'
import type { RenderContext } from './context'
import { classNames, sideBoxed, type BlogMarkup, type ToBlogMarkup } from './criticElements'
import { CRITIC_DIRECTIVES } from './directives'
import { ghostText } from './ghostCards'
import { coreBlock } from './wordpressBlocks'

const FORMS: Record<BlogMarkup, { byClass: ReadonlyMap<string, ToBlogMarkup>; otherwise: (node: Element) => RootContent[] }> = {
  'wordpress-blocks': { byClass: byClass('wordpress-blocks'), otherwise: coreBlock },
  'ghost-cards': { byClass: byClass('ghost-cards'), otherwise: ghostText },
}

function byClass(markup: BlogMarkup): ReadonlyMap<string, ToBlogMarkup> {
  return new Map(Object.values(CRITIC_DIRECTIVES).flatMap((directive) => Object.entries(directive.markup?.[markup] ?? {})))
}

function blogForm(node: RootContent, markup: BlogMarkup, ctx: RenderContext): RootContent[] {
  // Whitespace between blocks: the blog's markup sets its own.
  if (node.type === 'text') return node.value.trim() ? [node] : []
  if (node.type !== 'element') return [node]
  const { byClass, otherwise } = FORMS[markup]
  const form = classNames(node)
    .map((name) => byClass.get(name))
    .find((found) => found !== undefined)
  return form ? form(node, ctx) : otherwise(node)
}

export function rehypeBlogMarkup() {
  return (tree: Root, file: VFile) => {
    const ctx = file.data.verdict
    if (!ctx) throw new Error('rehypeBlogMarkup needs file.data.verdict')
    const { markup } = ctx.form
    if (markup === 'html') {
      if (ctx.form.theme === 'blog') tree.children = tree.children.map((node) => (node.type === 'element' ? sideBoxed(node) : node))
      return
    }
    tree.children = tree.children.flatMap((node) => {
      const form = blogForm(node, markup, ctx)
      return form.length > 0 ? [...form, { type: 'text', value: '\n\n' }] : []
    })
  }
}
