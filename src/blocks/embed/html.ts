/**
 * The trailer in the HTML pipeline: the privacy-enhanced player of a YouTube or Vimeo address in a
 * `<figure class="embed">`; offline, rehypeFinalize turns it into a link card.
 */
import type { Element, ElementContent } from 'hast'
import { attributeOf, splitLabel } from '../../main/services/format/directive'
import { childElement, el, plainText, txt, type CriticDirective, type Render } from '../../main/services/pipeline/criticElements'
import { parseEmbedUrl, type EmbedTarget } from '../../main/services/pipeline/embed'

const embed: Render = (node, ctx) => {
  const url = (attributeOf(node, 'url') ?? '').trim()
  const title = plainText({ type: 'root', children: splitLabel(node).label }).trim() || attributeOf(node, 'title')?.trim() || ''
  const target = parseEmbedUrl(url)
  if (!target) {
    ctx.warnings.push(url ? `The embed “${url}” is not a YouTube or Vimeo video and was left out.` : 'An embed without a url was left out.')
    return []
  }
  // Offline, rehypeFinalize turns the player into a link card (in the player's box when asked).
  const frame = el('iframe', { src: target.playerUrl, title: title || `${target.providerName} video` })
  const playerBox = ctx.online || ctx.playerSizedCards
  const children = playerBox ? [el('div', { className: ['embed-frame'] }, [frame])] : [frame]
  if (title && playerBox) children.push(el('figcaption', { className: ['embed-caption'] }, [txt(title)]))
  const className = ['embed', ...(ctx.online ? [] : ['embed-offline']), `embed-${target.provider}`]
  return [el('figure', { className }, children)]
}

export const embedHtml: CriticDirective = { render: { leafDirective: embed, containerDirective: embed }, classes: ['embed'], inlineStyles: { embed: 'margin-top:1.5em;margin-bottom:1.5em' } }

/** The video of a finished embed (its player, or the link card standing for it offline) and its caption. */
export function embedParts(figure: Element): { target: EmbedTarget; player: Element | undefined; caption: ElementContent[] } | undefined {
  const frame = childElement(figure, 'div') ?? figure
  const player = childElement(frame, 'iframe')
  const card = childElement(frame, 'a')
  const target = parseEmbedUrl(player?.properties['src'] ?? card?.properties['href'])
  return target && { target, player, caption: childElement(figure, 'figcaption')?.children ?? [] }
}
