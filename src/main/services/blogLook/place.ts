/**
 * The review put into a blog's shell (shell.ts): its blog-native HTML in the page's content area,
 * its title, byline, date, excerpt and featured image where the theme shows the post's own, and a
 * policy that lets the page load nothing but the review's images.
 */
import type { Element, ElementContent, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { toHtml } from 'hast-util-to-html'
import { creditLine } from '../../../blocks/image/html'
import type { BlogKind, PostForm } from '../../../shared/blogKinds'
import { VerdictError } from '../../../shared/contract'
import { imageSources, type Post, type PostImage } from '../pipeline'
import { replaceWith } from './shell'

/**
 * Where themes put a post's parts: WordPress block themes and classic ones, Ghost's Casper and
 * Source, and microformats (h-entry), which IndieWeb sites (Micropub's) mark their posts with.
 */
export const POST_PARTS = {
  content: '.wp-block-post-content, .entry-content, .gh-content, .post-content, .e-content, .article-content',
  title: '.wp-block-post-title, .entry-title, .gh-article-title, .article-title, .post-title, .h-entry .p-name',
  byline: '.wp-block-post-author__name, .wp-block-post-author-name, .gh-article-author-name, .author-name, .entry-author, .h-entry .p-author',
  date: '.wp-block-post-date, .gh-article-meta-date, .byline-meta-date, .entry-date, .h-entry .dt-published',
  excerpt: '.gh-article-excerpt, .article-excerpt, .h-entry .p-summary',
  featured: '.wp-block-post-featured-image, .gh-article-image, .article-image, .post-thumbnail, .h-entry > .u-photo',
} as const

/** The featured image's figure as each kind's theme writes it, for a page whose post had none. */
const FEATURED_FIGURE: Record<Exclude<BlogKind, 'folder'>, string[]> = {
  wordpress: ['wp-block-post-featured-image'],
  ghost: ['gh-article-image', 'article-image'],
  micropub: ['u-photo'],
}

export interface PlaceOptions {
  /** The blog's post form (where its page shows the featured image). */
  form: PostForm
  kind: Exclude<BlogKind, 'folder'>
}

/** The page: the shell with the post in it. Refused when the shell has no content area to put it in. */
export function placePost(shellHtml: string, post: Post, options: PlaceOptions): string {
  const tree = fromHtml(shellHtml)
  // A page with no post (a new blog's home page) still has its main column.
  const content = select(POST_PARTS.content, tree) ?? select('main, article, body', tree)
  if (!content) throw new VerdictError('NOT_FOUND', 'The blog’s page has no content area to show the review in.')
  content.children = fromHtml(post.html, { fragment: true }).children as ElementContent[]

  const title = select(POST_PARTS.title, tree)
  if (title) setText(title, post.title)
  const head = select('head', tree)
  const titleTag = head && select('title', head)
  if (titleTag) setText(titleTag, post.title)
  for (const byline of selectAll(POST_PARTS.byline, tree)) if (post.byline.author) setText(byline, post.byline.author)
  const date = select(POST_PARTS.date, tree)
  if (date) {
    const time = date.tagName === 'time' ? date : select('time', date)
    if (time) time.properties['dateTime'] = post.byline.date
    setText(time ?? date, post.byline.dateLabel)
  }
  for (const excerpt of selectAll(POST_PARTS.excerpt, tree)) {
    if (post.excerpt) setText(excerpt, post.excerpt)
    else replaceWith(tree, excerpt, [])
  }
  placeFeatured(tree, content, title, post, options)
  if (head) head.children.unshift(policy(post))
  return toHtml(tree)
}

/** The review's featured image where the theme shows a post's, or no image there when it has none. */
function placeFeatured(tree: Root, content: Element, title: Element | undefined, post: Post, { form, kind }: PlaceOptions): void {
  const shown = form.featuredImage !== 'body' ? post.featuredImage : undefined
  const found = selectAll(POST_PARTS.featured, tree).filter((element) => !contains(content, element))
  if (!shown) {
    for (const element of found) replaceWith(tree, element, [])
    return
  }
  const [first, ...others] = found
  for (const element of others) replaceWith(tree, element, [])
  const figure = first ?? { type: 'element', tagName: 'figure', properties: { className: FEATURED_FIGURE[kind] }, children: [] }
  const img = select('img', figure)
  // The theme's own image keeps its classes and styles (a cover crop, a full width); its size was the other post's image's.
  if (img) img.properties = { ...img.properties, src: shown.src, alt: shown.alt, width: undefined, height: undefined }
  else figure.children.unshift(imageElement(shown))
  const caption = form.featuredImage === 'header' ? captionOf(shown) : ''
  const figcaption = select('figcaption', figure)
  if (figcaption && caption) setText(figcaption, caption)
  else if (figcaption) replaceWith(figure, figcaption, [])
  else if (caption) figure.children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] })
  if (!first && title) replaceWith(tree, title, form.featuredImage === 'header' ? [title, figure] : [figure, title])
}

function imageElement(image: PostImage): Element {
  return { type: 'element', tagName: 'img', properties: { src: image.src, alt: image.alt, style: 'max-width:100%;height:auto' }, children: [] }
}

/** The caption a header image carries on Ghost: the caption, then the credit unless the caption says it. */
function captionOf(image: PostImage): string {
  const credit = image.credit.trim() ? creditLine(image.credit.trim(), 'Image: ') : ''
  return [image.caption.trim(), credit && !image.caption.includes(credit) ? credit : ''].filter(Boolean).join(' ')
}

/** The element's text, its own markup (a link, a span) kept when it holds just one. */
function setText(element: Element, text: string): void {
  const only = element.children.filter((child) => child.type !== 'text' || child.value.trim() !== '')
  const [inner] = only
  if (only.length === 1 && inner?.type === 'element' && inner.tagName !== 'img') setText(inner, text)
  else element.children = [{ type: 'text', value: text }]
}

function contains(outer: Element, inner: Element): boolean {
  return outer === inner || outer.children.some((child) => child.type === 'element' && contains(child, inner))
}

/**
 * No script, nothing fetched but the review's images: the blog's styles are inline (its own
 * `style` attributes and blocks among them), so `'unsafe-inline'` is needed for styles alone.
 */
function policy(post: Post): Element {
  const csp = [
    "default-src 'none'",
    imageSources(post),
    "style-src 'unsafe-inline'",
    'font-src data:',
    "script-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
  return { type: 'element', tagName: 'meta', properties: { httpEquiv: ['Content-Security-Policy'], content: csp }, children: [] }
}
