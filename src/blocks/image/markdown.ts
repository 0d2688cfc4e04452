/**
 * The image in Markdown (docs/format.md, "Image"): a paragraph holding only `![alt](src)`, or a
 * `:::figure{credit width}` holding it and a caption paragraph. An image with a title
 * (`![a](b "t")`) stays raw: ImageJSON has no title to keep it in. `src` is a file of the review's
 * folder, or a path from its site's root (`/img/x.jpg`, Jekyll's `{{ site.baseurl }}/img/x.jpg`).
 */
import type { Paragraph, RootContent } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { IMAGE_WIDTHS, isImageSource, SITE_BASEURL, type ImageWidth } from '../../shared/critic'
import type { BlockConverter, ReadContext } from '../../main/services/format/markdownBlocks'
import { attributesOf, withoutLabel } from '../../main/services/format/directive'
import { Unrepresentable } from '../../main/services/format/inline'
import { BASEURL_IMAGE, liquidAlt } from '../../main/services/format/inlineImage'
import { malformed, stringField } from '../../main/services/format/nodes'
import { normalizePlain, oneOf, paragraphOf, plainFromMdast } from '../../main/services/format/plain'
import type { VerbatimNode } from '../../main/services/format/syntax'
import type { ImageJSON } from './model'

/**
 * The image of a paragraph holding only one, untitled, whose path stays inside the review's folder or
 * its site's. One after Liquid's `{{ site.baseurl }}`, which CommonMark does not read as an image (the
 * spaces) and which is template syntax, is read from its source (BASEURL_IMAGE) and written back
 * exactly as read (`written` below).
 */
function imageOf(paragraph: RootContent | undefined, read: ReadContext): Pick<ImageJSON, 'src' | 'alt'> {
  if (paragraph?.type !== 'paragraph') throw new Unrepresentable('a figure without its image')
  const templated = BASEURL_IMAGE.exec(read.source.slice(paragraph.position?.start.offset, paragraph.position?.end.offset))
  if (templated && isImageSource(templated[2]!)) return { src: templated[2]!, alt: templated[1]! }
  const [only, ...rest] = paragraph.children
  if (only?.type !== 'image' || rest.length > 0) throw new Unrepresentable('not a lone image')
  if (!isImageSource(only.url)) {
    const from = only.url.startsWith('/') ? 'the site’s folder' : 'the review folder'
    read.warn(`The image “${only.url}” was refused because its path leaves ${from}; it is kept as written.`)
    throw new Unrepresentable('an image outside the review folder')
  }
  if (only.title != null) throw new Unrepresentable('an image title')
  return { src: only.url, alt: only.alt ?? '' }
}

/** The image's paragraph; with Liquid in its address, written as the site wrote it (to-markdown would escape the braces). */
function written(node: ImageJSON): Paragraph | VerbatimNode {
  if (!SITE_BASEURL.test(node.src)) return { type: 'paragraph', children: [{ type: 'image', url: node.src, alt: node.alt, title: null }] }
  return { type: 'verbatim', value: `![${node.alt}](${node.src})` }
}

/** Registered before the paragraph, which would otherwise refuse a lone image as inline content. */
export const imageMarkdown: BlockConverter<ImageJSON, Paragraph | ContainerDirective> = {
  type: 'image',
  reads: ['paragraph', 'containerDirective:figure'],
  readsTemplates: true,
  normalize: (node) => {
    const src = stringField(node, 'src')
    if (!isImageSource(src)) malformed('image', `has the path “${src}”, which leaves the review folder`)
    const liquid = SITE_BASEURL.test(src)
    if (liquid && !BASEURL_IMAGE.test(`![](${src})`)) malformed('image', `has the path “${src}”, which cannot be written after {{ site.baseurl }}`)
    const alt = normalizePlain(stringField(node, 'alt'), 'heading')
    return {
      type: 'image',
      src,
      // Beside Liquid the alt is written bare, so what would need an escape there is left out.
      alt: liquid ? liquidAlt(alt) : alt,
      caption: normalizePlain(stringField(node, 'caption'), 'paragraph'),
      credit: stringField(node, 'credit'),
      width: oneOf(node, 'width', IMAGE_WIDTHS),
    }
  },
  fromMdast: (node, read) => {
    if (node.type === 'paragraph') return { type: 'image', ...imageOf(node, read), caption: '', credit: '', width: 'inline' }
    const attributes = attributesOf(node, ['credit', 'width'], read)
    const [picture, caption, ...rest] = withoutLabel(node)
    const found = imageOf(picture, read)
    if (rest.length > 0 || (caption && caption.type !== 'paragraph')) throw new Unrepresentable('more than a caption in a figure')
    const width = attributes['width'] ?? 'inline'
    if (!(IMAGE_WIDTHS as readonly string[]).includes(width)) throw new Unrepresentable('an unknown width')
    return {
      type: 'image',
      ...found,
      caption: caption ? plainFromMdast(caption.children) : '',
      credit: attributes['credit'] ?? '',
      width: width as ImageWidth,
    }
  },
  toMdast: (node) => {
    const picture = written(node)
    if (!node.caption && !node.credit && node.width === 'inline') return picture
    // A verbatim picture is a block as a spoiler's are (syntax.ts); mdast's types do not know it there.
    return {
      type: 'containerDirective',
      name: 'figure',
      attributes: { credit: node.credit || undefined, width: node.width === 'inline' ? undefined : node.width },
      children: [picture, ...(node.caption ? [paragraphOf(node.caption)] : [])],
    } as ContainerDirective
  },
}
