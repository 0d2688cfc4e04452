/**
 * remark plugin: turns the critic blocks of docs/format.md (score, figure, spoiler, pullquote,
 * embed) into mdast nodes that carry their HTML shape (`data.hName` / `data.hProperties`), so
 * remark-rehype builds the markup and everything still goes through the sanitiser afterwards.
 *
 * Unknown directives are rendered harmlessly:
 * - text and leaf directives become their original source text (`Note:this`, `10:30` and
 *   `::foo{x=1}` read exactly as typed — remark-directive sees a directive in any `word:word`);
 * - container directives become a plain `<div>` around their content, which is the author's prose.
 */
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import { IMAGE_WIDTHS } from '../../../shared/critic'
import { attributeOf, isVerdict, scoreSectionOf, splitLabel, withoutVerdictPrefix, type CriticDirectiveName } from '../format/directive'
import { pullquoteHtml } from '../../../blocks/pullquote/html'
import type { RenderContext } from './context'
import { el, paragraph, txt, type AnyNode, type CriticDirective, type DirectiveKind, type Props, type Render } from './criticElements'
import { parseEmbedUrl } from './embed'
import { formatNumber, parseScore, percentOf, scaleName, spokenScore, starStates, toPostScore, type ParsedScore } from './scores'
import type { PostImage } from './types'

type DirectiveNode = AnyNode & { type: DirectiveKind }
const DIRECTIVE_KINDS: readonly string[] = ['containerDirective', 'leafDirective', 'textDirective'] satisfies DirectiveKind[]
const isDirective = (node: AnyNode): node is DirectiveNode => DIRECTIVE_KINDS.includes(node.type)

export function remarkCriticBlocks() {
  return (tree: Root, file: VFile) => {
    const ctx = file.data.verdict
    if (!ctx) throw new Error('remarkCriticBlocks needs file.data.verdict')
    const root = tree as unknown as AnyNode
    transformChildren(root, ctx)
  }
}

function transformChildren(parent: AnyNode, ctx: RenderContext): void {
  if (!parent.children) return
  const out: AnyNode[] = []
  for (const child of parent.children) {
    if (isDirective(child)) out.push(...directive(child, ctx))
    else {
      if (child.type === 'image') recordImage(child, ctx, {})
      transformChildren(child, ctx)
      out.push(child)
    }
  }
  parent.children = out
}

const one =
  (render: (node: AnyNode, ctx: RenderContext) => AnyNode): Render =>
  (node, ctx) => [render(node, ctx)]

/** The directives this pipeline renders, by name; any other is unknown (below). */
export const CRITIC_DIRECTIVES: Record<CriticDirectiveName, CriticDirective> = {
  score: { render: { leafDirective: one(scoreBlock), containerDirective: one(scoreBlock) }, classes: ['score', 'star'] },
  figure: { render: { containerDirective: one(figure) }, classes: ['figure'] },
  spoiler: { render: { containerDirective: one(spoilerBlock), textDirective: one(inlineSpoiler) }, classes: ['spoiler'] },
  pullquote: pullquoteHtml,
  embed: { render: { leafDirective: embed, containerDirective: embed }, classes: ['embed'] },
}

const isCriticDirective = (name: string): name is CriticDirectiveName => Object.hasOwn(CRITIC_DIRECTIVES, name)

function directive(node: DirectiveNode, ctx: RenderContext): AnyNode[] {
  const name = node.name ?? ''
  const kind = node.type
  const render = isCriticDirective(name) ? CRITIC_DIRECTIVES[name].render[kind] : undefined
  if (render) return render(node, ctx, (parent) => transformChildren(parent, ctx))
  // Unknown: a text directive is usually prose (`Note:this`, `10:30`), so it stays as typed.
  if (kind === 'leafDirective') ctx.warnings.push(`“::${name}” is not a Verdict block; it is shown as written.`)
  if (kind === 'containerDirective') {
    ctx.warnings.push(`“:::${name}” is not a Verdict block; its content is shown without it.`)
    const box = el('div', {}, node.children ?? [])
    transformChildren(box, ctx)
    return [box]
  }
  const text = txt(sourceText(node, ctx))
  return [kind === 'leafDirective' ? paragraph([text]) : text]
}

/** The directive exactly as written, for unknown text and leaf directives. */
function sourceText(node: AnyNode, ctx: RenderContext): string {
  if (typeof node.data?.sourceText === 'string') return node.data.sourceText
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start !== undefined && end !== undefined) return ctx.source.slice(start, end)
  const label = toString(node as never)
  return `${node.type === 'leafDirective' ? '::' : ':'}${node.name ?? ''}${label ? `[${label}]` : ''}`
}

function hasFlag(node: AnyNode, key: string): boolean {
  const value = attributeOf(node, key)
  return value !== undefined && value !== 'false'
}

// ---------------------------------------------------------------------------------------------
// Score

function scoreBlock(node: AnyNode, ctx: RenderContext): AnyNode {
  const { label: labelNodes, content } = splitLabel(node)
  const label = plainText({ type: 'root', children: labelNodes }).trim() || attributeOf(node, 'label') || 'Score'
  const parsed = parseScore(attributeOf(node, 'value'), attributeOf(node, 'scale'))
  const overall = hasFlag(node, 'overall')

  let verdict: AnyNode | undefined
  let subs: AnyNode | undefined
  let pros: AnyNode | undefined
  let cons: AnyNode | undefined
  const rest: AnyNode[] = []
  for (let i = 0; i < content.length; i++) {
    const child = content[i]!
    const next = content[i + 1]
    if (child.type === 'paragraph' && !verdict && startsWithVerdict(child)) {
      verdict = child
      continue
    }
    const section = child.type === 'paragraph' ? scoreSectionOf(plainText(child).trim(), 'lenient') : undefined
    if (section && next?.type === 'list') {
      if (section === 'subScores' && !subs) subs = next
      else if (section === 'pros' && !pros) pros = next
      else if (section === 'cons' && !cons) cons = next
      else rest.push(child, next)
      i++
      continue
    }
    rest.push(child)
  }

  const verdictText = verdict ? plainText(verdict).replace(/\s+/g, ' ').trim() : undefined
  if (parsed.ok) ctx.scores.push({ overall, label, score: toPostScore(parsed, label, verdictText) })
  else {
    ctx.scores.push({ overall, label })
    ctx.warnings.push(
      parsed.unscored ? `The score “${label}” has no value yet: the post shows it without a rating.` : `The score “${label}” was not understood: ${parsed.reason}.`,
    )
  }

  const scale = parsed.ok ? parsed.scale : 'invalid'
  // A score not given yet shows its label and notes only: no "–" or "/10" standing for a rating.
  const head: AnyNode[] = [paragraph([txt(label)], 'score-label'), ...(!parsed.ok && parsed.unscored ? [] : [scoreValue(parsed)])]
  if (parsed.ok && parsed.scale === '5') head.push(stars(parsed.ratingValue))
  else if (parsed.ok && parsed.scale !== 'letter') head.push(bar(parsed))
  const parts: AnyNode[] = [el('div', { className: ['score-head'] }, head)]
  if (verdict) {
    transformChildren(verdict, ctx)
    parts.push(el('p', { className: ['score-verdict'] }, [el('strong', { className: ['score-verdict-label'] }, [txt('Verdict')]), txt(' '), ...(verdict.children ?? [])]))
  }
  if (subs) parts.push(subScores(subs, parsed, ctx))
  if (pros || cons) {
    const columns: AnyNode[] = []
    for (const [list, title, className] of [[pros, 'Pros', 'score-pros'], [cons, 'Cons', 'score-cons']] as const) {
      if (!list) continue
      transformChildren(list, ctx)
      columns.push(el('div', { className: [className] }, [paragraph([txt(title)], 'score-list-title'), list]))
    }
    parts.push(el('div', { className: ['score-proscons'] }, columns))
  }
  if (rest.length > 0) {
    const notes = el('div', { className: ['score-notes'] }, rest)
    transformChildren(notes, ctx)
    parts.push(notes)
  }
  const className = ['score-box', `score-scale-${scale}`, ...(overall ? ['score-overall'] : [])]
  const ariaLabel = parsed.ok ? `${label}: ${spokenScore(parsed)}` : label
  return el('section', { className, ariaLabel }, parts)
}

function startsWithVerdict(node: AnyNode): boolean {
  const first = node.children?.[0]
  if (first?.type !== 'text' || !isVerdict(first.value ?? '', 'lenient')) return false
  first.value = withoutVerdictPrefix(first.value ?? '', 'lenient')
  if (first.value === '') node.children = node.children?.slice(1)
  return true
}

function scoreValue(parsed: ParsedScore): AnyNode {
  if (!parsed.ok) return paragraph([el('span', { className: ['score-number', 'score-invalid'] }, [txt(parsed.raw || '–')])], 'score-value')
  const shown = parsed.raw
  const children: AnyNode[] = [el('data', { className: ['score-number'], value: String(parsed.ratingValue) }, [txt(shown)])]
  if (parsed.scale !== 'letter') children.push(el('span', { className: ['score-best'] }, [txt(`/${parsed.bestRating}`)]))
  return paragraph(children, 'score-value')
}

function stars(value: number): AnyNode {
  return el(
    'p',
    { className: ['score-stars'] },
    [el('span', { role: 'img', ariaLabel: `${formatNumber(value)} out of 5 stars`, className: ['score-star-row'] }, starStates(value).map((state) => el('span', { className: ['star', `star-${state}`], ariaHidden: 'true' }, [txt('★')])))],
  )
}

function bar(score: { ratingValue: number; bestRating: number; worstRating: number }): AnyNode {
  return el('span', { className: ['score-bar'], ariaHidden: 'true' }, [el('span', { className: ['score-bar-fill', `score-pct-${percentOf(score)}`] })])
}

function subScores(list: AnyNode, overall: ParsedScore, ctx: RenderContext): AnyNode {
  const scale = overall.ok ? overall.scale : '10'
  const rows: AnyNode[] = []
  for (const item of list.children ?? []) {
    const line = plainText(item).replace(/\s+/g, ' ').trim()
    const match = line.match(/^(.+?)\s*:\s*(\S+)$/)
    const parsed = match ? parseScore(match[2], scale) : undefined
    if (!match || !parsed?.ok) {
      if (match) ctx.warnings.push(`The sub-score “${line}” is not a valid score on the ${scaleName(scale)} scale.`)
      rows.push(el('div', { className: ['score-sub'] }, [el('dt', {}, [txt(match ? match[1]! : line)]), el('dd', {}, [txt(match ? match[2]! : '')])]))
      continue
    }
    const shown = parsed.raw
    const value: AnyNode[] = [el('data', { className: ['score-sub-value'], value: String(parsed.ratingValue) }, [txt(shown)])]
    if (parsed.scale !== 'letter') value.push(el('span', { className: ['score-best'] }, [txt(`/${parsed.bestRating}`)]), bar(parsed))
    rows.push(el('div', { className: ['score-sub'] }, [el('dt', {}, [txt(match[1]!)]), el('dd', {}, value)]))
  }
  return el('dl', { className: ['score-subscores'], ariaLabel: 'Sub-scores' }, rows)
}

// ---------------------------------------------------------------------------------------------
// Figure, spoiler, embed


function figure(node: AnyNode, ctx: RenderContext): AnyNode {
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
  if (image) {
    recordImage(image, ctx, { caption, credit, width })
    children.push(image)
  }
  const figcaption: AnyNode[] = []
  if (captionNodes.length > 0) {
    const span = el('span', { className: ['figure-caption'] }, captionNodes)
    transformChildren(span, ctx)
    figcaption.push(span)
  }
  if (credit) {
    if (figcaption.length > 0) figcaption.push(txt(' '))
    figcaption.push(el('span', { className: ['figure-credit'] }, [txt(creditLine(credit, ctx.creditPrefix))]))
  }
  if (figcaption.length > 0) children.push(el('figcaption', {}, figcaption))
  return el('figure', { className: ['figure', `figure-${width}`] }, children)
}

/** “Image: Lionsgate”, unless the credit already says what it is (“Photo: …”, “© …”). */
export function creditLine(credit: string, prefix: string): string {
  return /^(image|photo|photograph|still|source|courtesy|credit|illustration)\b|^©/i.test(credit) ? credit : `${prefix}${credit}`
}

function spoilerBlock(node: AnyNode, ctx: RenderContext): AnyNode {
  const { label, content } = splitLabel(node)
  const summary = plainText({ type: 'root', children: label }).trim() || 'Spoilers'
  const body = el('div', { className: ['spoiler-body'] }, content)
  transformChildren(body, ctx)
  const props: Props = { className: ['spoiler'] }
  if (ctx.spoilersOpen) props['open'] = true
  return el('details', props, [el('summary', {}, [txt(summary)]), body])
}

function inlineSpoiler(node: AnyNode, ctx: RenderContext): AnyNode {
  const span = el('span', { className: ['spoiler-inline'], tabIndex: 0, title: 'Spoiler' }, node.children ?? [])
  transformChildren(span, ctx)
  span.data = { ...span.data, spoiler: true }
  return span
}

function embed(node: AnyNode, ctx: RenderContext): AnyNode[] {
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

// ---------------------------------------------------------------------------------------------
// Helpers

function isImageOnly(node: AnyNode): boolean {
  const children = node.children ?? []
  return children.some((c) => c.type === 'image') && children.every((c) => c.type === 'image' || (c.type === 'text' && !(c.value ?? '').trim()) || c.type === 'break')
}

function recordImage(node: AnyNode, ctx: RenderContext, extra: { caption?: string; credit?: string; width?: PostImage['width'] }): void {
  const raw = node.url ?? ''
  const resolved = ctx.resolveImage(raw)
  if (!resolved) return
  ctx.images.push({
    path: resolved.path,
    src: resolved.src,
    alt: (node.alt ?? '').trim(),
    caption: extra.caption ?? '',
    credit: extra.credit ?? '',
    width: extra.width ?? 'inline',
  })
}

/** Text content, leaving out inline spoilers. */
function plainText(node: AnyNode): string {
  if (node.data?.spoiler) return ''
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? ''
  if (node.type === 'break') return ' '
  if (node.type === 'image') return ''
  return (node.children ?? []).map(plainText).join('')
}
