/**
 * The sentence a search hit shows: the first sentence of the most telling field (the body before the
 * verdict, the excerpt, the title…) that holds a matched word, cut to a readable length around it,
 * with every matched word marked, and the text the editor should land on when the review opens.
 */
import type { SearchHit } from '../../../shared/contract'
import { wordSpans, type SearchField, type WordSpan } from '../../../shared/search'
import type { SearchText } from './searchText'

/** Where a sentence is looked for first: the body is what the critic remembers writing. */
const SNIPPET_ORDER: readonly SearchField[] = ['body', 'verdict', 'excerpt', 'title', 'subject', 'tags']
/** Fields the editor shows as text, so an opened review can scroll to the match. */
const IN_EDITOR = new Set<SearchField>(['body', 'verdict'])
const MAX_SNIPPET = 220
const SENTENCE_END = /[.!?。！？]["'”’)]*(?=\s)|\n/g

export interface Match {
  /** Folded document words that matched (prefix and typo matches included). */
  terms: ReadonlySet<string>
  /** Folded phrases that must be found as they are. */
  phrases: readonly string[][]
}

export function snippetFor(id: string, text: SearchText, match: Match): SearchHit | undefined {
  let best: { field: SearchField; spans: WordSpan[]; first: { start: number; end: number }; score: number } | undefined
  for (const field of SNIPPET_ORDER) {
    const value = text[field]
    if (!value) continue
    const spans = wordSpans(value)
    const found = bestMatch(value, spans, match)
    // A later field wins only with more of the query's words in one sentence.
    if (found && (!best || found.score > best.score)) best = { field, spans, ...found }
  }
  if (!best) return undefined
  const value = text[best.field]
  const focus = IN_EDITOR.has(best.field) ? { focus: value.slice(best.first.start, best.first.end) } : {}
  return { id, field: best.field, ...sentenceAround(value, best.spans, best.first, match), ...focus }
}

/** Whether every phrase appears, word after word, in some field. */
export function hasPhrases(text: SearchText, phrases: readonly string[][]): boolean {
  if (phrases.length === 0) return true
  const fields = SNIPPET_ORDER.map((field) => wordSpans(text[field]).map((span) => span.term))
  return phrases.every((phrase) => fields.some((terms) => phraseAt(terms, phrase, 0) !== -1))
}

function phraseAt(terms: readonly string[], phrase: readonly string[], from: number): number {
  outer: for (let index = from; index + phrase.length <= terms.length; index++) {
    for (let offset = 0; offset < phrase.length; offset++) if (terms[index + offset] !== phrase[offset]) continue outer
    return index
  }
  return -1
}

/**
 * The first phrase found (its whole extent), else the first matched word of the sentence holding the
 * most different matched words; `score` ranks it against other fields.
 */
function bestMatch(text: string, spans: readonly WordSpan[], match: Match): { first: { start: number; end: number }; score: number } | undefined {
  const terms = spans.map((span) => span.term)
  for (const phrase of match.phrases) {
    const at = phraseAt(terms, phrase, 0)
    if (at !== -1) return { first: { start: spans[at]!.start, end: spans[at + phrase.length - 1]!.end }, score: Infinity }
  }
  const ends = [...text.matchAll(SENTENCE_END)].map((found) => found.index)
  let sentence = 0
  let best: { first: WordSpan; score: number } | undefined
  let current: { first: WordSpan; words: Set<string> } | undefined
  for (const span of spans) {
    if (!match.terms.has(span.term)) continue
    while (sentence < ends.length && ends[sentence]! < span.start) {
      sentence++
      current = undefined
    }
    current ??= { first: span, words: new Set() }
    current.words.add(span.term)
    if (!best || current.words.size > best.score) best = { first: current.first, score: current.words.size }
  }
  return best && { first: { start: best.first.start, end: best.first.end }, score: best.score }
}

function sentenceAround(text: string, spans: readonly WordSpan[], first: { start: number; end: number }, match: Match): Pick<SearchHit, 'snippet' | 'marks'> {
  let start = 0
  let end = text.length
  for (const found of text.matchAll(SENTENCE_END)) {
    const after = found.index + found[0].length
    if (after <= first.start) start = after
    else if (found.index >= first.end) {
      end = found.index + (found[0] === '\n' ? 0 : found[0].length)
      break
    }
  }
  // A long sentence is cut to a window that keeps the match in view, marked with ellipses.
  let cutStart = false
  let cutEnd = false
  if (end - start > MAX_SNIPPET) {
    const from = Math.max(start, Math.min(first.start - MAX_SNIPPET / 3, end - MAX_SNIPPET))
    const windowStart = spans.find((span) => span.start >= from)?.start ?? from
    cutStart = windowStart > start
    start = windowStart
    const windowEnd = spans.findLast((span) => span.end <= start + MAX_SNIPPET && span.start >= start)?.end ?? start + MAX_SNIPPET
    cutEnd = windowEnd < end
    end = Math.min(end, windowEnd)
  }
  const lead = text.slice(start, end)
  const body = lead.trim()
  const shift = start + (lead.length - lead.trimStart().length) - (cutStart ? 2 : 0)
  const snippet = `${cutStart ? '… ' : ''}${body}${cutEnd ? ' …' : ''}`
  const marks: Array<[number, number]> = []
  const phraseSpans = phraseExtents(spans, match.phrases)
  for (const span of spans) {
    const from = span.start - shift
    if (from < (cutStart ? 2 : 0) || span.end - shift > (cutStart ? 2 : 0) + body.length) continue
    if (match.terms.has(span.term) || phraseSpans.has(span.start)) marks.push([from, span.end - shift])
  }
  return { snippet, marks }
}

/** Start offsets of every word inside a found phrase. */
function phraseExtents(spans: readonly WordSpan[], phrases: readonly string[][]): Set<number> {
  const starts = new Set<number>()
  const terms = spans.map((span) => span.term)
  for (const phrase of phrases) {
    for (let at = phraseAt(terms, phrase, 0); at !== -1; at = phraseAt(terms, phrase, at + 1)) {
      for (let offset = 0; offset < phrase.length; offset++) starts.add(spans[at + offset]!.start)
    }
  }
  return starts
}
