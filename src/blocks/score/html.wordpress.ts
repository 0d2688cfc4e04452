/**
 * The score on WordPress: a Group block drawn as the box (its border, radius, padding and margins
 * are the group's own style attributes, which an Author's posts keep), around a Custom HTML block
 * with the score itself: the section a reader's screen reader names "Overall Score: 9.5 out of 10",
 * its line, bar, verdict and sub-scores inline-styled as on any blog.
 */
import { h } from 'hastscript'
import type { ToBlogMarkup } from '../../main/services/pipeline/criticElements'
import { declarations, groupBlock, htmlBlock } from '../../main/services/pipeline/wordpressBlocks'

const BOX = /^(?:border|border-radius|padding|margin-top|margin-bottom)$/

export const scoreBlock: ToBlogMarkup = (section) => {
  const style = typeof section.properties['style'] === 'string' ? section.properties['style'] : ''
  const found = [...declarations(style)]
  const rest = found.filter(([name]) => !BOX.test(name)).map(([name, value]) => `${name}:${value}`)
  const box = found.filter(([name]) => BOX.test(name)).map(([name, value]) => `${name}:${value}`)
  const inner = h(section.tagName, { ...section.properties, style: rest.join(';') || undefined }, section.children)
  return groupBlock(box.join(';'), htmlBlock(inner))
}
