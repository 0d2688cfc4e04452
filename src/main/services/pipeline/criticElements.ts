/**
 * The pieces a critic block's HTML renderer is made of (pipeline/directives.ts and each block's
 * `html.ts`): mdast nodes that carry their HTML shape (`data.hName` / `data.hProperties`), so
 * remark-rehype builds the markup and everything still goes through the sanitiser afterwards.
 */
import type { Element, RootContent } from 'hast'
import { h } from 'hastscript'
import type { PostForm } from '../../../shared/blogKinds'
import type { RenderContext } from './context'
import type { PostImage } from './postModel'

/** The loose node shape this transform works on (mdast plus our `criticElement`). */
export interface AnyNode {
  type: string
  name?: string
  value?: string
  url?: string
  alt?: string | null
  attributes?: Record<string, string | null | undefined> | null
  children?: AnyNode[]
  data?: { hName?: string; hProperties?: Record<string, unknown>; directiveLabel?: boolean; spoiler?: boolean; sourceText?: string }
  position?: { start: { offset?: number }; end: { offset?: number } }
}

export type Props = Record<string, string | number | boolean | string[]>

/** An mdast node that becomes exactly one HTML element with the given children. */
export function el(hName: string, hProperties: Props, children: AnyNode[] = []): AnyNode {
  return { type: 'criticElement', data: { hName, hProperties }, children }
}

export function txt(value: string): AnyNode {
  return { type: 'text', value }
}

export function paragraph(children: AnyNode[], className?: string): AnyNode {
  return className ? { type: 'paragraph', children, data: { hProperties: { className: [className] } } } : { type: 'paragraph', children }
}

export type DirectiveKind = 'containerDirective' | 'leafDirective' | 'textDirective'

/** Renders a directive; `transformChildren` renders the author's content inside it (directives in it too). */
export type Render = (node: AnyNode, ctx: RenderContext, transformChildren: (parent: AnyNode) => void) => AnyNode[]

/** One of the block's finished top-level elements in a blog's own markup (pipeline/blogMarkup.ts). */
export type ToBlogMarkup = (node: Element, ctx: RenderContext) => RootContent[]

/** A blog's own markup: WordPress's blocks, Ghost's cards. */
export type BlogMarkup = Exclude<PostForm['markup'], 'html'>

export interface CriticDirective {
  /** How each kind of the directive renders; a kind left out is unknown (pipeline/directives.ts). */
  render: Partial<Record<DirectiveKind, Render>>
  /** The roots of the class names its HTML carries (`score` for `score-box`), which the sanitiser keeps. */
  classes: readonly string[]
  /**
   * Its look on a blog whose theme does not know these classes (`PostForm.theme: 'blog'`): inline
   * CSS by class name, applied after the sanitiser. Only properties WordPress's content filter keeps
   * for an account without `unfiltered_html` (borders, spacing, colours, sizes; not `display`), and
   * never a side margin, which would undo the theme's centring of the column.
   */
  inlineStyles?: Readonly<Record<string, string>>
  /**
   * Its top-level elements in each blog's own markup (`PostForm.markup`), by their class name (each
   * block folder's `wordpress.ts`, `ghost.ts`). An element without one goes as HTML: a Custom HTML
   * block on WordPress, an HTML card on Ghost.
   */
  markup?: Partial<Record<BlogMarkup, Readonly<Record<string, ToBlogMarkup>>>>
}

/** Records an image the page shows, for the post (upload, featured image). */
export function recordImage(node: AnyNode, ctx: RenderContext, extra: { caption?: string; credit?: string; width?: PostImage['width'] }): PostImage | undefined {
  const raw = node.url ?? ''
  const resolved = ctx.resolveImage(raw)
  if (!resolved) return undefined
  const image: PostImage = {
    path: resolved.path,
    src: resolved.src,
    alt: (node.alt ?? '').trim(),
    caption: extra.caption ?? '',
    credit: extra.credit ?? '',
    width: extra.width ?? 'inline',
  }
  ctx.images.push(image)
  return image
}

/** A finished element's class names. */
export function classNames(node: Element): string[] {
  const className = node.properties['className']
  return Array.isArray(className) ? className.map(String) : []
}

/**
 * A box with side borders or padding in a plain `<div>` (pipeline/blogMarkup.ts): so the theme's
 * cap on the width of its column's children does not push the border out.
 */
export function sideBoxed(node: Element): Element {
  const style = node.properties['style']
  const sideBox = typeof style === 'string' && /(?:^|;)(?:border|padding)(?:-left|-right)?:/.test(style)
  return sideBox ? h('div', [node]) : node
}

/** A finished element's first child element with this tag name. */
export function childElement(node: Element, tagName: string): Element | undefined {
  return node.children.find((child): child is Element => child.type === 'element' && child.tagName === tagName)
}

/** Text content, leaving out inline spoilers. */
export function plainText(node: AnyNode): string {
  if (node.data?.spoiler) return ''
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? ''
  if (node.type === 'break') return ' '
  if (node.type === 'image') return ''
  return (node.children ?? []).map(plainText).join('')
}
