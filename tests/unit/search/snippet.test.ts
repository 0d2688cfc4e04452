/**
 * A hit's sentence cut around its matched words only (snippet.ts) is the sentence the whole field cut
 * into words gave before: the same field, sentence, window, marks and landing text, on random fields
 * of plain ASCII, accented and Japanese text with long sentences, and random matched words and phrases.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SearchHit } from '../../../src/shared/contract'
import { searchTerms, wordSpans, type SearchField, type WordSpan } from '../../../src/shared/search'
import { hasPhrases, snippetFor, type Match } from '../../../src/main/services/search/snippet'
import type { SearchText } from '../../../src/main/services/search/searchText'

const WORDS = [
  'river', 'River', 'RIVERS', 'riverbank', 'rive', 'the', 'The', 'film', 'films', 'a', 'A', 'of', 'tt7181546', '2025', 'x', 'cinema', 'Ta', 'rivera',
  'Amélie', 'café', 'naïve', 'STRASSE', 'straße', '千と千尋の神隠し', '湯屋の場面', 'Kirov',
]
const GAPS = [', ', '. ', '! ', '? ', '.\n', '\n', ' — ', '." ', '。', ' (', ') ', '-', "'", '  ', '... ', '.', '\t']
/** Mostly spaces, so that many sentences run past the 220 characters shown. */
const gap = fc.oneof({ arbitrary: fc.constant(' '), weight: 30 }, { arbitrary: fc.constantFrom(...GAPS), weight: 1 })
const ASCII_WORDS = WORDS.filter((word) => /^[\x20-\x7e]+$/.test(word))

/** Words no query looks for, so that a matched word may stand anywhere in a long sentence. */
const FILLER = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit', 'sed', 'do']

/** A field of `words` with random gaps; long ones make sentences over the 220 characters shown. */
const field = (words: readonly string[]) =>
  fc
    .tuple(
      fc.constantFrom('', ' ', '\n', '. '),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...FILLER)), gap), { maxLength: 160, size: 'max' }),
    )
    .map(([lead, parts]) => lead + parts.map(([word, after]) => word + after).join(''))

const texts = (words: readonly string[]) =>
  fc.record({
    title: field(words),
    subject: field(words),
    tags: field(words),
    excerpt: field(words),
    verdict: field(words),
    body: field(words),
  })

const TERMS = [...new Set(WORDS.flatMap((word) => searchTerms(word))), 'nowhere']
const match = fc.record({
  terms: fc.uniqueArray(fc.constantFrom(...TERMS), { maxLength: 6 }).map((terms) => new Set(terms)),
  phrases: fc.array(fc.array(fc.constantFrom(...TERMS), { minLength: 1, maxLength: 3 }), { maxLength: 2 }),
})

describe("a hit's sentence cut around its matched words", () => {
  it('is the sentence the whole text cut into words gave, in plain ASCII', () => {
    fc.assert(
      fc.property(texts(ASCII_WORDS), match, (text, wanted) => {
        expect(snippetFor('id', text, wanted)).toEqual(wholeTextSnippet('id', text, wanted))
        expect(hasPhrases(text, wanted.phrases)).toBe(wholeTextHasPhrases(text, wanted.phrases))
      }),
      { numRuns: 250 },
    )
  })

  it('is the sentence the whole text cut into words gave, with accents and Japanese', () => {
    fc.assert(
      fc.property(texts(WORDS), match, (text, wanted) => {
        expect(snippetFor('id', text, wanted)).toEqual(wholeTextSnippet('id', text, wanted))
        expect(hasPhrases(text, wanted.phrases)).toBe(wholeTextHasPhrases(text, wanted.phrases))
      }),
      { numRuns: 120 },
    )
  })

  it('finds phrases whose words are in the text with other words between as absent', () => {
    const text = { title: '', subject: '', tags: '', excerpt: '', verdict: '', body: 'The river, a film. River film!' }
    expect(snippetFor('id', text, { terms: new Set(), phrases: [['river', 'film']] })).toEqual({
      id: 'id',
      field: 'body',
      snippet: 'River film!',
      marks: [
        [0, 5],
        [6, 10],
      ],
      focus: 'River film',
    })
    expect(hasPhrases(text, [['river', 'a', 'river']])).toBe(false)
  })
})

// ── The sentence as it was cut before: every word of every field first ───────────────────────────

const SNIPPET_ORDER: readonly SearchField[] = ['body', 'verdict', 'excerpt', 'title', 'subject', 'tags']
const IN_EDITOR = new Set<SearchField>(['body', 'verdict'])
const MAX_SNIPPET = 220
const SENTENCE_END = /[.!?。！？]["'”’)]*(?=\s)|\n/g

function wholeTextSnippet(id: string, text: SearchText, match: Match): SearchHit | undefined {
  let best: { field: SearchField; spans: WordSpan[]; first: { start: number; end: number }; score: number } | undefined
  for (const field of SNIPPET_ORDER) {
    const value = text[field]
    if (!value) continue
    const spans = wordSpans(value)
    const found = bestMatch(value, spans, match)
    if (found && (!best || found.score > best.score)) best = { field, spans, ...found }
  }
  if (!best) return undefined
  const value = text[best.field]
  const focus = IN_EDITOR.has(best.field) ? { focus: value.slice(best.first.start, best.first.end) } : {}
  return { id, field: best.field, ...sentenceAround(value, best.spans, best.first, match), ...focus }
}

function wholeTextHasPhrases(text: SearchText, phrases: readonly string[][]): boolean {
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
