/**
 * The score on WordPress: a Group block drawn as the box (its border, radius, padding and margins
 * are the group's own style attributes, which an Author's posts keep), around a Custom HTML block
 * with the score itself: the section a reader's screen reader names "Overall Score: 9.5 out of 10",
 * its line, bar, verdict and sub-scores inline-styled as on any blog. The numbers go in `<span>`s,
 * not `<data>`: WordPress's filter takes `<data>` out of an Author's post, and its style with it.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { ToBlogMarkup } from '../../main/services/pipeline/criticElements'
import { declarations, groupBlock, htmlBlock } from '../../main/services/pipeline/wordpressBlocks'

const BOX = /^(?:border|border-radius|padding|margin-top|margin-bottom)$/

function withoutData(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node
  const children = node.children.map(withoutData)
  if (node.tagName !== 'data') return { ...node, children }
  const { value: _value, ...properties } = node.properties
  return { ...node, tagName: 'span', properties, children } satisfies Element
}

export const scoreBlock: ToBlogMarkup = (section) => {
  const style = typeof section.properties['style'] === 'string' ? section.properties['style'] : ''
  const found = [...declarations(style)]
  const rest = found.filter(([name]) => !BOX.test(name)).map(([name, value]) => `${name}:${value}`)
  const box = found.filter(([name]) => BOX.test(name)).map(([name, value]) => `${name}:${value}`)
  const inner = h(section.tagName, { ...section.properties, style: rest.join(';') || undefined }, section.children.map(withoutData))
  return groupBlock(box.join(';'), htmlBlock(inner))
}
