/** The trailer in Markdown (docs/format.md, "Embed"): `::embed{url}`, a YouTube or Vimeo address. */
import type { LeafDirective } from 'mdast-util-directive'
import { parseEmbedUrl } from '../../shared/critic'
import type { BlockConverter } from '../../main/services/format/markdownBlocks'
import { attributesOf, withoutLabel } from '../../main/services/format/directive'
import { Unrepresentable } from '../../main/services/format/inline'
import { malformed, stringField } from '../../main/services/format/nodes'
import type { EmbedJSON } from './model'

export const embedMarkdown: BlockConverter<EmbedJSON, LeafDirective> = {
  type: 'embed',
  reads: ['leafDirective:embed'],
  normalize: (node) => {
    const url = stringField(node, 'url')
    return parseEmbedUrl(url) ? { type: 'embed', url } : malformed('embed', `has the address “${url}”, which is not a YouTube or Vimeo video`)
  },
  fromMdast: (node, read) => {
    const { url } = attributesOf(node, ['url'], read)
    withoutLabel(node)
    if (url === undefined || !parseEmbedUrl(url)) {
      read.warn(url ? `The embed “${url}” is not a YouTube or Vimeo video; it is kept as written.` : 'An embed without a url is kept as written.')
      throw new Unrepresentable('an embed of something else')
    }
    return { type: 'embed', url }
  },
  toMdast: (node) => ({ type: 'leafDirective', name: 'embed', attributes: { url: node.url }, children: [] }),
}
