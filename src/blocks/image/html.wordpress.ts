/**
 * The image on WordPress: an Image block of the media-library item (`wp-image-<id>` on the `<img>`,
 * whose `srcset`, `sizes`, width and height WordPress adds when it shows the post), its caption and
 * credit in the block's caption. The `full` size: the file Verdict uploaded is the item's original.
 */
import type { ElementContent } from 'hast'
import { h } from 'hastscript'
import { classNames, type ToBlogMarkup } from '../../main/services/pipeline/criticElements'
import { htmlBlock, wpBlock, type BlockAttributes } from '../../main/services/pipeline/wordpressBlocks'
import { figureParts } from './html'

export const imageBlock: ToBlogMarkup = (figure) => {
  const { img, figcaption, width } = figureParts(figure)
  if (!img) return htmlBlock(figure)
  const mediaClass = classNames(img).find((name) => /^wp-image-\d+$/.test(name))
  const attributes: BlockAttributes = {}
  if (width !== 'inline') attributes['align'] = width
  if (mediaClass) attributes['id'] = Number(mediaClass.slice('wp-image-'.length))
  attributes['sizeSlug'] = 'full'
  attributes['linkDestination'] = 'none'
  // Exactly what the block's save() writes: no inline style, no loading hints (WordPress adds its own).
  const content: ElementContent[] = [h('img', { src: img.properties['src'], alt: img.properties['alt'] ?? '', className: mediaClass ? [mediaClass] : undefined })]
  if (figcaption && figcaption.children.length > 0) content.push(h('figcaption.wp-element-caption', figcaption.children))
  return wpBlock('image', attributes, [h('figure', { className: ['wp-block-image', ...(width !== 'inline' ? [`align${width}`] : []), 'size-full'] }, content)])
}
