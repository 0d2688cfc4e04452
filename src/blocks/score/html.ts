/**
 * The score in the HTML pipeline: a `<section class="score-box">` with its value, stars or bar,
 * verdict, sub-scores, pros and cons, read leniently from a hand-written file (the format reads it
 * strictly). Each score is recorded for the post's structured data.
 */
import { attributeOf, isVerdict, scoreSectionOf, splitLabel, withoutVerdictPrefix } from '../../main/services/format/directive'
import type { RenderContext } from '../../main/services/pipeline/context'
import { el, paragraph, plainText, txt, type AnyNode, type CriticDirective, type Render } from '../../main/services/pipeline/criticElements'
import { formatNumber, parseScore, PERCENT_STEPS, percentOf, scaleName, spokenScore, starStates, toPostScore, type ParsedScore } from '../../main/services/pipeline/scores'

function hasFlag(node: AnyNode, key: string): boolean {
  const value = attributeOf(node, key)
  return value !== undefined && value !== 'false'
}

// ---------------------------------------------------------------------------------------------
// Score

const scoreBlock: Render = (node, ctx, transformChildren) => {
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
  // One line, "Overall Score: 9.5/10", however little of a stylesheet reaches it (Verdict's themes lay it out in columns).
  const line: AnyNode[] = [el('span', { className: ['score-label'] }, [txt(label)])]
  if (parsed.ok || !parsed.unscored) line.push(el('span', { className: ['score-sep'] }, [txt(': ')]), scoreValue(parsed))
  const head: AnyNode[] = [paragraph(line, 'score-line')]
  if (parsed.ok && parsed.scale === '5') head.push(stars(parsed.ratingValue))
  else if (parsed.ok && parsed.scale !== 'letter') head.push(bar(parsed))
  const parts: AnyNode[] = [el('div', { className: ['score-head'] }, head)]
  if (verdict) {
    transformChildren(verdict)
    parts.push(el('p', { className: ['score-verdict'] }, [el('strong', { className: ['score-verdict-label'] }, [txt('Verdict')]), txt(' '), ...(verdict.children ?? [])]))
  }
  if (subs) parts.push(subScores(subs, parsed, ctx))
  if (pros || cons) {
    const columns: AnyNode[] = []
    for (const [list, title, className] of [[pros, 'Pros', 'score-pros'], [cons, 'Cons', 'score-cons']] as const) {
      if (!list) continue
      transformChildren(list)
      columns.push(el('div', { className: [className] }, [paragraph([txt(title)], 'score-list-title'), list]))
    }
    parts.push(el('div', { className: ['score-proscons'] }, columns))
  }
  if (rest.length > 0) {
    const notes = el('div', { className: ['score-notes'] }, rest)
    transformChildren(notes)
    parts.push(notes)
  }
  const className = ['score-box', `score-scale-${scale}`, ...(overall ? ['score-overall'] : [])]
  const ariaLabel = parsed.ok ? `${label}: ${spokenScore(parsed)}` : label
  return [el('section', { className, ariaLabel }, parts)]
}

function startsWithVerdict(node: AnyNode): boolean {
  const first = node.children?.[0]
  if (first?.type !== 'text' || !isVerdict(first.value ?? '', 'lenient')) return false
  first.value = withoutVerdictPrefix(first.value ?? '', 'lenient')
  if (first.value === '') node.children = node.children?.slice(1)
  return true
}

function scoreValue(parsed: ParsedScore): AnyNode {
  if (!parsed.ok) return el('span', { className: ['score-value'] }, [el('span', { className: ['score-number', 'score-invalid'] }, [txt(parsed.raw || '–')])])
  const shown = parsed.raw
  const children: AnyNode[] = [el('data', { className: ['score-number'], value: String(parsed.ratingValue) }, [txt(shown)])]
  if (parsed.scale !== 'letter') children.push(el('span', { className: ['score-best'] }, [txt(`/${parsed.bestRating}`)]))
  return el('span', { className: ['score-value'] }, children)
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

const MUTED = '#8886'

export const scoreHtml: CriticDirective = {
  render: { leafDirective: scoreBlock, containerDirective: scoreBlock },
  classes: ['score', 'star'],
  inlineStyles: {
    // overflow: the box holds the floated bar (no `display` gets through WordPress's filter; a float is a block).
    'score-box': `border:2px solid ${MUTED};border-radius:8px;padding:1em 1.25em;margin-top:2em;margin-bottom:2em;overflow:hidden`,
    'score-line': 'margin:0;font-size:1.15em',
    'score-label': 'font-weight:bold',
    'score-number': 'font-size:1.6em;font-weight:bold',
    'score-best': 'font-weight:bold',
    'score-bar': `float:left;width:100%;height:6px;margin:0.5em 0;background-color:${MUTED};border-radius:3px;overflow:hidden`,
    'score-bar-fill': 'float:left;height:6px;background-color:currentColor',
    ...Object.fromEntries(PERCENT_STEPS.map((pct) => [`score-pct-${pct}`, `width:${pct}%`])),
    'score-stars': 'margin:0.25em 0;font-size:1.3em',
    'star-full': 'color:#e0a000',
    'star-half': 'color:#e0a000',
    'star-empty': `color:${MUTED}`,
    'score-verdict': 'clear:both;margin:0.75em 0 0',
    'score-subscores': 'clear:both;margin:0.75em 0 0',
    'score-sub': 'overflow:hidden',
    'score-proscons': 'clear:both',
    'score-notes': 'clear:both',
    'score-list-title': 'margin:0.75em 0 0;font-weight:bold',
  },
}
