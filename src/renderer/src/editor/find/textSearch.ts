/** Find & replace's text search, free of Lexical and the DOM so it reads (and tests) on its own. */

export interface FindOptions {
  matchCase: boolean
  wholeWord: boolean
}

/** Enough for any real search; a one-letter query in a long review stops here rather than stalling. */
export const MAX_MATCHES = 10_000

/** The query as a literal pattern; null for an empty query. */
export function findPattern(query: string, { matchCase, wholeWord }: FindOptions): RegExp | null {
  if (query === '') return null
  const literal = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  // A word is letters, digits and underscores in any script.
  const source = wholeWord ? `(?<![\\p{L}\\p{N}_])${literal}(?![\\p{L}\\p{N}_])` : literal
  return new RegExp(source, matchCase ? 'gu' : 'giu')
}

/** A piece of text made of consecutive text nodes of one block, in order. */
export interface Segment {
  nodes: Array<{ key: string; text: string }>
}

/** Where a match lies: the start and end offsets of each text node it covers. */
export type Match = Array<{ key: string; start: number; end: number }>

/**
 * Every match of `pattern` in the segments, in document order, at most `limit`. `known` holds the
 * matches of segments already searched with this pattern, so a search after an edit reads only the
 * segments the edit made anew.
 */
export function findMatches(segments: Segment[], pattern: RegExp, limit = MAX_MATCHES, known?: WeakMap<Segment, Match[]>): Match[] {
  const matches: Match[] = []
  for (const segment of segments) {
    let found = known?.get(segment)
    if (!found) {
      found = segmentMatches(segment, pattern, limit)
      known?.set(segment, found)
    }
    for (const match of found) {
      matches.push(match)
      if (matches.length >= limit) return matches
    }
  }
  return matches
}

function segmentMatches(segment: Segment, pattern: RegExp, limit: number): Match[] {
  const matches: Match[] = []
  const text = segment.nodes.map((node) => node.text).join('')
  pattern.lastIndex = 0
  for (const found of text.matchAll(pattern)) {
    if (found[0] === '') continue
    matches.push(locate(segment, found.index, found.index + found[0].length))
    if (matches.length >= limit) break
  }
  return matches
}

/** The node pieces covering [from, to) of the segment's text. */
function locate(segment: Segment, from: number, to: number): Match {
  const pieces: Match = []
  let offset = 0
  for (const node of segment.nodes) {
    const next = offset + node.text.length
    if (next > from && offset < to) pieces.push({ key: node.key, start: Math.max(from, offset) - offset, end: Math.min(to, next) - offset })
    offset = next
    if (offset >= to) break
  }
  return pieces
}
