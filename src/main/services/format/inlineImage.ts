/**
 * An image inside text (`a ![still](x.jpg "t") b`), between the editor and mdast. Its Markdown as
 * the file wrote it travels with it (`markdown`) and is written back while it still reads as the
 * image's src, alt and title, so an edited paragraph keeps `<>` destinations, `'t'` titles and
 * formatted alt text; an image whose alt the critic changed is written anew.
 *
 * Jekyll's `![a]({{ site.baseurl }}/img/x.jpg)` is no image to CommonMark (the spaces): a paragraph
 * holding such images is read with each destination in `<>` (`readableSiteImages`), and the image
 * keeps the bytes the post wrote.
 */
import type { Image, Paragraph, PhrasingContent } from 'mdast'
import { SITE_BASEURL } from '../../../shared/critic'
import type { InlineImageJSON } from '../../../shared/document'
import { malformed, stringField, textField, type LooseNode } from './nodes'
import { parseMarkdown, stringifyMarkdown } from './syntax'

/**
 * An image whose address starts with Liquid's `{{ site.baseurl }}`, its alt plain text without what
 * would need an escape there (its own writer adds none). Group 1 is the alt, 2 the address.
 */
const BASEURL_IMAGE_SOURCE = String.raw`!\[([^[\]\\\n{}%$*_` + '`' + String.raw`<>&!]*)\]\((\{\{ *site\.baseurl *\}\}\/[^\s(){}<>%$\\]+)\)`
/** A whole text that is one such image. */
export const BASEURL_IMAGE = new RegExp(`^${BASEURL_IMAGE_SOURCE}$`)
const BASEURL_IMAGES = new RegExp(BASEURL_IMAGE_SOURCE, 'g')

/** An alt text as it can stand beside `{{ site.baseurl }}`: without `[]\{}%$*_` and the like, on one line. */
export const liquidAlt = (alt: string): string => alt.replace(/[[\]\\{}%$*_`<>&!]/g, '').replace(/\s+/g, ' ')

/** Where an image's Markdown is: its text as the file wrote it, or undefined when it is not to be read. */
export type ImageMarkdown = (image: Image) => string | undefined

/** The images of a text as written there, by their position in `source`. */
export const imagesIn =
  (source: string): ImageMarkdown =>
  (image) => {
    const { start, end } = image.position ?? {}
    return start?.offset === undefined || end?.offset === undefined ? undefined : source.slice(start.offset, end.offset)
  }

export function inlineImageFromMdast(image: Image, markdown: string): InlineImageJSON {
  return { type: 'inline-image', src: image.url, alt: image.alt ?? '', title: image.title ?? null, markdown }
}

/** A text with its Liquid images as one letter each, to see what template syntax is left (markdown.ts). */
export const withoutSiteImages = (text: string): string => text.replace(BASEURL_IMAGES, 'i')

/**
 * A paragraph whose Liquid is only in its images' addresses, read as CommonMark reads it once each
 * such address is in `<>`: its content and where its images are written in `source`. 'none' when it
 * holds none; 'unreadable' when one of them does not read as an image that way (an escaped `\!`,
 * inside a link's text), and the paragraph stays as written. `outside` says where a match may be (not in code).
 */
export function readableSiteImages(
  source: string,
  outside: (from: number, to: number) => boolean,
): { content: PhrasingContent[]; images: ImageMarkdown } | 'none' | 'unreadable' {
  const written = new Map<number, string>()
  let readable = ''
  let at = 0
  for (const match of source.matchAll(BASEURL_IMAGES)) {
    const from = match.index
    const to = from + match[0].length
    if (!outside(from, to)) continue
    readable += source.slice(at, from)
    written.set(readable.length, match[0])
    readable += `![${match[1]}](<${match[2]}>)`
    at = to
  }
  if (written.size === 0) return 'none'
  readable += source.slice(at)
  const [paragraph, ...rest] = parseMarkdown(readable).children
  if (paragraph?.type !== 'paragraph' || rest.length > 0) return 'unreadable'
  const found = new Set<number>()
  const own = imagesIn(readable)
  const images: ImageMarkdown = (image) => {
    const start = image.position?.start.offset
    const liquid = start === undefined ? undefined : written.get(start)
    if (liquid === undefined) return own(image)
    found.add(start!)
    return liquid
  }
  // Every rewritten address must come back as an image: read once here to see that it does.
  const visit = (nodes: readonly PhrasingContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'image') images(node)
      else if ('children' in node) visit(node.children)
    }
  }
  visit(paragraph.children)
  return found.size === written.size ? { content: paragraph.children, images } : 'unreadable'
}

/** The image a text holding only one reads as (a Liquid one too), else undefined. */
function onlyImage(markdown: string): Image | undefined {
  const liquid = BASEURL_IMAGE.exec(markdown)
  const readable = liquid ? `![${liquid[1]}](<${liquid[2]}>)` : markdown
  const [paragraph, ...rest] = parseMarkdown(readable).children
  if (paragraph?.type !== 'paragraph' || rest.length > 0 || paragraph.children.length !== 1) return undefined
  const [image] = paragraph.children
  const { start, end } = image?.position ?? {}
  return image?.type === 'image' && start?.offset === 0 && end?.offset === readable.length ? image : undefined
}

/**
 * Checks an inline image from the renderer: its `markdown` is kept while it reads as exactly this
 * image (on one line in a heading), else the image is written anew (`![alt](src "title")`; after
 * `{{ site.baseurl }}`, bare, its alt without what would need an escape).
 */
export function normalizeInlineImage(node: LooseNode, oneLine: boolean): InlineImageJSON {
  const src = stringField(node, 'src')
  const liquid = SITE_BASEURL.test(src)
  const lines = (text: string): string => (oneLine ? text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ') : text)
  let alt = lines(textField(node, 'alt'))
  const title = liquid || node.title == null ? null : textField(node, 'title')
  const given = typeof node.markdown === 'string' ? node.markdown : undefined
  if (given !== undefined && !(oneLine && /[\r\n]/.test(given))) {
    const image = onlyImage(given)
    if (image && image.url === src && (image.alt ?? '') === alt && (image.title ?? null) === title) return { type: 'inline-image', src, alt, title, markdown: given }
  }
  if (liquid) {
    alt = liquidAlt(alt)
    const markdown = `![${alt}](${src})`
    if (!BASEURL_IMAGE.test(markdown)) malformed('inline-image', `has the path “${src}”, which cannot be written after {{ site.baseurl }}`)
    return { type: 'inline-image', src, alt, title, markdown }
  }
  const image: Image = { type: 'image', url: src, alt, title }
  const paragraph: Paragraph = { type: 'paragraph', children: [image] }
  const markdown = stringifyMarkdown({ type: 'root', children: [paragraph] }).replace(/\n$/, '')
  // What to-markdown writes reads back as this image, but its alt as CommonMark reads it is the source of truth.
  const read = onlyImage(markdown)
  return { type: 'inline-image', src: read?.url ?? src, alt: read?.alt ?? alt, title: read ? (read.title ?? null) : title, markdown }
}
