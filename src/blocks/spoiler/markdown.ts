/**
 * The spoiler in Markdown (docs/format.md, "Spoiler"): `:::spoiler[label]` around the blocks it
 * hides. It always has a label (SpoilerJSON): without one it is DEFAULT_SPOILER_LABEL. An empty
 * spoiler is kept.
 */
import type { ContainerDirective } from 'mdast-util-directive'
import type { BlockConverter } from '../../main/services/format/markdownBlocks'
import { attributesOf, splitLabel } from '../../main/services/format/directive'
import { childrenOf, malformed, stringField } from '../../main/services/format/nodes'
import { labelParagraph, normalizePlain, plainFromMdast } from '../../main/services/format/plain'
import { DEFAULT_SPOILER_LABEL, SPOILER_CONTENT, type SpoilerContentJSON, type SpoilerJSON } from './model'

/** A label of only white space (any Unicode space, as the editor's node reads it) is no label. */
function orDefaultLabel(label: string): string {
  return label.trim() === '' ? DEFAULT_SPOILER_LABEL : label
}

export const spoilerMarkdown: BlockConverter<SpoilerJSON, ContainerDirective> = {
  type: 'spoiler',
  reads: ['containerDirective:spoiler'],
  normalize: (node, blocks) => {
    const children = blocks(childrenOf(node))
    for (const child of children) {
      if (!SPOILER_CONTENT.has(child.type)) malformed('spoiler', `holds a "${child.type}", which a spoiler cannot hold`)
    }
    const label = orDefaultLabel(normalizePlain(stringField(node, 'label'), 'heading'))
    return { type: 'spoiler', label, children: children as SpoilerContentJSON[] }
  },
  fromMdast: (node, read) => {
    attributesOf(node, [], read)
    const { label, content } = splitLabel(node)
    const text = orDefaultLabel(plainFromMdast(label))
    return { type: 'spoiler', label: text, children: read.blocks(content, SPOILER_CONTENT) as SpoilerContentJSON[] }
  },
  toMdast: (node, blocks) =>
    ({ type: 'containerDirective', name: 'spoiler', attributes: {}, children: [...labelParagraph(node.label), ...blocks(node.children)] }) as ContainerDirective,
}
