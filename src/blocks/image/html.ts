/**
 * The image in the HTML pipeline: a `:::figure` becomes a `<figure>` with its caption and credit
 * line (a lone image needs no directive and is recorded by pipeline/directives.ts).
 */
import { IMAGE_WIDTHS } from '../../shared/critic'
import { attributeOf, splitLabel } from '../../main/services/format/directive'
import type { Element } from 'hast'
import { childElement, classNames, el, plainText, recordImage, txt, type AnyNode, type CriticDirective, type Render } from '../../main/services/pipeline/criticElements'
import type { PostImage } from '../../main/services/pipeline/postModel'

const figure: Render = (node, ctx, transformChildren) => {
  const { content } = splitLabel(node)
  const rawWidth = attributeOf(node, 'width') ?? 'inline'
  const width = (IMAGE_WIDTHS as readonly string[]).includes(rawWidth) ? (rawWidth as PostImage['width']) : 'inline'
  const credit = (attributeOf(node, 'credit') ?? '').trim()
  let image: AnyNode | undefined
  const captionParts: AnyNode[][] = []
  for (const child of content) {
    if (!image && child.type === 'paragraph' && isImageOnly(child)) {
      image = child.children?.find((c) => c.type === 'image')
      continue
    }
    if (child.type === 'paragraph') captionParts.push(child.children ?? [])
    else captionParts.push([txt(plainText(child))])
  }
  const captionAttr = (attributeOf(node, 'caption') ?? '').trim()
  if (captionParts.length === 0 && captionAttr) captionParts.push([txt(captionAttr)])
  const captionNodes: AnyNode[] = captionParts.flatMap((part, index) => (index === 0 ? part : [{ type: 'break' }, ...part]))
  const caption = plainText({ type: 'root', children: captionNodes }).replace(/\s+/g, ' ').trim()
  const children: AnyNode[] = []
  const recorded = image && recordImage(image, ctx, { caption, credit, width })
  // The page shows the featured image above the post: with this caption and credit (recorded for it just now), or without them.
  const shownAbove = recorded !== undefined && recorded.path === ctx.featuredPath && ctx.form.featuredImage !== 'body'
  if (shownAbove && ctx.form.featuredImage === 'header') return []
  if (image && !shownAbove) children.push(image)
  const figcaption: AnyNode[] = []
  if (captionNodes.length > 0) {
    const span = el('span', { className: ['figure-caption'] }, captionNodes)
    transformChildren(span)
    figcaption.push(span)
  }
  if (credit) {
    if (figcaption.length > 0) figcaption.push(txt(' '))
    figcaption.push(el('span', { className: ['figure-credit'] }, [txt(creditLine(credit, ctx.creditPrefix))]))
  }
  // Its caption and credit open the body, just under the image the page shows above.
  if (shownAbove) {
    if (figcaption.length > 0) ctx.opening.push(el('p', { className: ['figure-featured-caption'] }, figcaption))
    return []
  }
  if (figcaption.length > 0) children.push(el('figcaption', {}, figcaption))
  return [el('figure', { className: ['figure', `figure-${width}`] }, children)]
}

/** “Image: Lionsgate”, unless the credit already says what it is (“Photo: …”, “© …”). */
export function creditLine(credit: string, prefix: string): string {
  return /^(image|photo|photograph|still|source|courtesy|credit|illustration)\b|^©/i.test(credit) ? credit : `${prefix}${credit}`
}

/** A finished figure's image, caption and width, which each blog's form of it takes. */
export function figureParts(figure: Element): { img: Element | undefined; figcaption: Element | undefined; width: PostImage['width'] } {
  const width = IMAGE_WIDTHS.find((name) => classNames(figure).includes(`figure-${name}`)) ?? 'inline'
  return { img: childElement(figure, 'img'), figcaption: childElement(figure, 'figcaption'), width }
}

function isImageOnly(node: AnyNode): boolean {
  const children = node.children ?? []
  return children.some((c) => c.type === 'image') && children.every((c) => c.type === 'image' || (c.type === 'text' && !(c.value ?? '').trim()) || c.type === 'break')
}

export const figureHtml: CriticDirective = {
  render: { containerDirective: figure },
  classes: ['figure'],
  // The `<img>` itself gets `max-width:100%;height:auto` wherever it is (pipeline/finalize.ts).
  inlineStyles: {
    figure: 'margin-top:1.5em;margin-bottom:1.5em',
    'figure-featured-caption': 'margin-top:0;margin-bottom:1.5em',
    'figure-credit': 'font-size:0.85em;font-style:italic',
  },
}
