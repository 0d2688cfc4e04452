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
import type { PostForm } from '../../../shared/blogKinds'
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

export interface PlaceOptions {
  /** The blog's post form (where its page shows the featured image). */
  form: PostForm
  /** The name the theme's byline shows: the post's author, or the account where the post names her itself. */
  signedBy: string
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
  for (const byline of selectAll(POST_PARTS.byline, tree)) if (options.signedBy) setText(byline, options.signedBy)
  const date = select(POST_PARTS.date, tree)
  if (date) {
    const time = date.tagName === 'time' ? date : select('time', date)
    const label = time ? dateLike(toText(time), String(time.properties['dateTime'] ?? ''), post.byline.date) : undefined
    if (time) time.properties['dateTime'] = post.byline.date
    setText(time ?? date, label ?? post.byline.dateLabel)
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
function placeFeatured(tree: Root, content: Element, title: Element | undefined, post: Post, { form }: PlaceOptions): void {
  const shown = form.featuredImage !== 'body' ? post.featuredImage : undefined
  const found = selectAll(POST_PARTS.featured, tree).filter((element) => !contains(content, element))
  if (!shown) {
    for (const element of found) replaceWith(tree, element, [])
    return
  }
  const [first, ...others] = found
  for (const element of others) replaceWith(tree, element, [])
  const figure = first ?? { type: 'element', tagName: 'figure', properties: { className: [...(form.featuredFigure ?? [])] }, children: [] }
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

/**
 * The element's text, its own markup (a link, a span) kept when it holds just one, with the words
 * around it ("By <name>", "Posted on <date>").
 */
function setText(element: Element, text: string): void {
  const elements = element.children.filter((child) => child.type === 'element')
  const [inner] = elements
  const wordsAround = element.children.every((child) => child.type === 'element' || child.type === 'text')
  if (elements.length === 1 && inner?.type === 'element' && inner.tagName !== 'img' && wordsAround) setText(inner, text)
  else element.children = [{ type: 'text', value: text }]
}

function toText(node: Element | ElementContent): string {
  return node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(toText).join('') : ''
}

/** How themes write a post's day ("June 4, 2025", "Jun 4, 2025", "4 June 2025", "04 Jun 2025", "2025-06-04"). */
const DAY_FORMATS = (
  [
    ['en-US', { dateStyle: 'long' }],
    ['en-US', { dateStyle: 'medium' }],
    ['en-GB', { dateStyle: 'long' }],
    ['en-GB', { dateStyle: 'medium' }],
    ['en-GB', { day: '2-digit', month: 'short', year: 'numeric' }],
    ['en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }],
  ] as const
).map(([locale, options]) => {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
  return (day: string) => format.format(new Date(`${day}T00:00:00Z`))
})

/**
 * The post's day written as the theme wrote its own post's: the format that turns the page's
 * `datetime` into the text it shows writes the post's day (an instant shown as it is keeps its
 * time of day). Undefined when none does: the post's own label is shown.
 */
function dateLike(shown: string, shownAt: string, day: string): string | undefined {
  const before = /^\d{4}-\d{2}-\d{2}/.exec(shownAt)?.[0]
  const text = shown.trim().replace(/\s+/g, ' ')
  if (!before || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined
  if (text === shownAt.trim()) return text.replace(before, day)
  return DAY_FORMATS.find((format) => format(before) === text)?.(day)
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
