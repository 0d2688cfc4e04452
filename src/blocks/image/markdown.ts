/**
 * The image in Markdown (docs/format.md, "Image"): a paragraph holding only `![alt](src)`, or a
 * `:::figure{credit width}` holding it and a caption paragraph. An image with a title
 * (`![a](b "t")`) stays raw: ImageJSON has no title to keep it in.
 */
import type { Paragraph, RootContent } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { IMAGE_WIDTHS, isSafeAssetPath, type ImageWidth } from '../../shared/critic'
import type { BlockConverter, ReadContext } from '../../main/services/format/blocks'
import { attributesOf, withoutLabel } from '../../main/services/format/directive'
import { Unrepresentable } from '../../main/services/format/inline'
import { malformed, stringField } from '../../main/services/format/nodes'
import { normalizePlain, oneOf, paragraphOf, plainFromMdast } from '../../main/services/format/plain'
import type { ImageJSON } from './model'

/** The image of a paragraph holding only one, untitled, whose path stays inside the review folder. */
function imageOf(paragraph: RootContent | undefined, read: ReadContext): Pick<ImageJSON, 'src' | 'alt'> {
  if (paragraph?.type !== 'paragraph') throw new Unrepresentable('a figure without its image')
  const [only, ...rest] = paragraph.children
  if (only?.type !== 'image' || rest.length > 0) throw new Unrepresentable('not a lone image')
  if (!isSafeAssetPath(only.url)) {
    read.warn(`The image “${only.url}” was refused because its path leaves the review folder; it is kept as written.`)
    throw new Unrepresentable('an image outside the review folder')
  }
  if (only.title != null) throw new Unrepresentable('an image title')
  return { src: only.url, alt: only.alt ?? '' }
}

/** Registered before the paragraph, which would otherwise refuse a lone image as inline content. */
export const imageMarkdown: BlockConverter<ImageJSON, Paragraph | ContainerDirective> = {
  type: 'image',
  reads: ['paragraph', 'containerDirective:figure'],
  normalize: (node) => {
    const src = stringField(node, 'src')
    if (!isSafeAssetPath(src)) malformed('image', `has the path “${src}”, which leaves the review folder`)
    return {
      type: 'image',
      src,
      alt: normalizePlain(stringField(node, 'alt'), 'heading'),
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
    const picture: Paragraph = { type: 'paragraph', children: [{ type: 'image', url: node.src, alt: node.alt, title: null }] }
    if (!node.caption && !node.credit && node.width === 'inline') return picture
    return {
      type: 'containerDirective',
      name: 'figure',
      attributes: { credit: node.credit || undefined, width: node.width === 'inline' ? undefined : node.width },
      children: [picture, ...(node.caption ? [paragraphOf(node.caption)] : [])],
    }
  },
}
