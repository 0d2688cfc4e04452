/**
 * The sentence a search hit shows: the first sentence of the most telling field (the body before the
 * verdict, the excerpt, the title…) that holds a matched word, cut to a readable length around it,
 * with every matched word marked, and the text the editor should land on when the review opens.
 *
 * A body is a thousand words and a hit shows one sentence: plain ASCII text is not cut into words at
 * all, its matched words are found with `indexOf` and only the sentence shown is looked at word by
 * word (each hit of a keystroke's answer cut the whole body into words: 0.23 ms a hit warm).
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

/**
 * What a sentence is cut from: the words of a field that are wanted (matched words and phrases'
 * words) in order, and the text's other words only where asked for.
 */
interface FieldWords {
  wanted: readonly WordSpan[]
  /** Whether `after` is the word right after `before` in the text (both wanted). */
  adjacent(before: WordSpan, after: WordSpan): boolean
  /** The start of the first word starting at or after `from`. */
  startFrom(from: number): number | undefined
  /** The end of the last word that starts at or after `start` and ends by `limit`. */
  endWithin(start: number, limit: number): number | undefined
}

export function snippetFor(id: string, text: SearchText, match: Match): SearchHit | undefined {
  const wanted = new Set([...match.terms, ...match.phrases.flat()])
  let best: { field: SearchField; words: FieldWords; first: { start: number; end: number }; score: number } | undefined
  for (const field of SNIPPET_ORDER) {
    const value = text[field]
    if (!value) continue
    const words = fieldWords(value, wanted)
    const found = bestMatch(value, words, match)
    // A later field wins only with more of the query's words in one sentence.
    if (found && (!best || found.score > best.score)) best = { field, words, ...found }
  }
  if (!best) return undefined
  const value = text[best.field]
  const focus = IN_EDITOR.has(best.field) ? { focus: value.slice(best.first.start, best.first.end) } : {}
  return { id, field: best.field, ...sentenceAround(value, best.words, best.first, match), ...focus }
}

/** Whether every phrase appears, word after word, in some field. */
export function hasPhrases(text: SearchText, phrases: readonly string[][]): boolean {
  if (phrases.length === 0) return true
  const wanted = new Set(phrases.flat())
  const fields = SNIPPET_ORDER.map((field) => fieldWords(text[field], wanted))
  return phrases.every((phrase) => fields.some((words) => phraseAt(words, phrase, 0) !== -1))
}

/** Every character below 128: `wordSpans` finds the same words there as `[A-Za-z0-9]+` does. */
const ASCII = /^[\0-\x7f]*$/
const WORD_CHAR = /[A-Za-z0-9]/
const ASCII_WORD = /^[a-z0-9]+$/

function fieldWords(text: string, wanted: ReadonlySet<string>): FieldWords {
  if (!ASCII.test(text)) return allWords(text, wanted)
  const lower = text.toLowerCase()
  const spans: WordSpan[] = []
  for (const term of wanted) {
    if (!ASCII_WORD.test(term)) continue
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
      const end = at + term.length
      if (!isWordChar(lower, at - 1) && !isWordChar(lower, end)) spans.push({ start: at, end, term })
    }
  }
  spans.sort((a, b) => a.start - b.start)
  const words = /[A-Za-z0-9]+/g
  /** The words from `from` on, a word `from` falls inside left out. */
  const wordsFrom = (from: number) => {
    let at = Math.ceil(from)
    if (isWordChar(text, at - 1)) while (isWordChar(text, at)) at++
    words.lastIndex = at
    return words
  }
  return {
    wanted: spans,
    adjacent: (before, after) => !WORD_CHAR.test(text.slice(before.end, after.start)),
    startFrom: (from) => wordsFrom(from).exec(text)?.index,
    endWithin: (start, limit) => {
      const from = wordsFrom(start)
      let end: number | undefined
      for (let word = from.exec(text); word && word.index + word[0].length <= limit; word = from.exec(text)) end = word.index + word[0].length
      return end
    },
  }
}

function isWordChar(text: string, at: number): boolean {
  return at >= 0 && at < text.length && WORD_CHAR.test(text[at]!)
}

/** Text with accents or unspaced scripts: its every word, folded (shared/search.ts). */
function allWords(text: string, wanted: ReadonlySet<string>): FieldWords {
  const spans = wordSpans(text)
  const place = new Map<WordSpan, number>()
  const kept = spans.filter((span, index) => wanted.has(span.term) && place.set(span, index))
  return {
    wanted: kept,
    adjacent: (before, after) => place.get(after) === place.get(before)! + 1,
    startFrom: (from) => spans.find((span) => span.start >= from)?.start,
    endWithin: (start, limit) => spans.findLast((span) => span.end <= limit && span.start >= start)?.end,
  }
}

/** Where `phrase` starts among the wanted words, at `from` or after; -1 when it is not there. */
function phraseAt(words: FieldWords, phrase: readonly string[], from: number): number {
  const spans = words.wanted
  outer: for (let index = from; index + phrase.length <= spans.length; index++) {
    for (let offset = 0; offset < phrase.length; offset++) {
      const span = spans[index + offset]!
      if (span.term !== phrase[offset] || (offset > 0 && !words.adjacent(spans[index + offset - 1]!, span))) continue outer
    }
    return index
  }
  return -1
}

/**
 * The first phrase found (its whole extent), else the first matched word of the sentence holding the
 * most different matched words; `score` ranks it against other fields.
 */
function bestMatch(text: string, words: FieldWords, match: Match): { first: { start: number; end: number }; score: number } | undefined {
  const spans = words.wanted
  for (const phrase of match.phrases) {
    const at = phraseAt(words, phrase, 0)
    if (at !== -1) return { first: { start: spans[at]!.start, end: spans[at + phrase.length - 1]!.end }, score: Infinity }
  }
  if (!spans.some((span) => match.terms.has(span.term))) return undefined
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

function sentenceAround(text: string, words: FieldWords, first: { start: number; end: number }, match: Match): Pick<SearchHit, 'snippet' | 'marks'> {
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
    const windowStart = words.startFrom(from) ?? from
    cutStart = windowStart > start
    start = windowStart
    const windowEnd = words.endWithin(start, start + MAX_SNIPPET) ?? start + MAX_SNIPPET
    cutEnd = windowEnd < end
    end = Math.min(end, windowEnd)
  }
  const lead = text.slice(start, end)
  const body = lead.trim()
  const shift = start + (lead.length - lead.trimStart().length) - (cutStart ? 2 : 0)
  const snippet = `${cutStart ? '… ' : ''}${body}${cutEnd ? ' …' : ''}`
  const marks: Array<[number, number]> = []
  const phraseSpans = phraseExtents(words, match.phrases)
  for (const span of words.wanted) {
    const from = span.start - shift
    if (from < (cutStart ? 2 : 0) || span.end - shift > (cutStart ? 2 : 0) + body.length) continue
    if (match.terms.has(span.term) || phraseSpans.has(span.start)) marks.push([from, span.end - shift])
  }
  return { snippet, marks }
}

/** Start offsets of every word inside a found phrase. */
function phraseExtents(words: FieldWords, phrases: readonly string[][]): Set<number> {
  const starts = new Set<number>()
  for (const phrase of phrases) {
    for (let at = phraseAt(words, phrase, 0); at !== -1; at = phraseAt(words, phrase, at + 1)) {
      for (let offset = 0; offset < phrase.length; offset++) starts.add(words.wanted[at + offset]!.start)
    }
  }
  return starts
}
