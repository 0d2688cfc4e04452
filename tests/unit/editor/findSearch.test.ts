/** Find & replace's search: matches across the text nodes of a block, and the matches kept per segment while typing. */
import { describe, expect, it } from 'vitest'

type Segment = { nodes: Array<{ key: string; text: string }> }
type Match = Array<{ key: string; start: number; end: number }>
// A renderer module, loaded by a path the type checker does not follow (see format/lexical.test.ts).
const { findMatches, findPattern } = (await import(/* @vite-ignore */ `../../../src/renderer/src/editor/find/${'textSearch'}`)) as {
  findMatches: (segments: Segment[], pattern: RegExp, limit?: number, known?: WeakMap<Segment, Match[]>) => Match[]
  findPattern: (query: string, options: { matchCase: boolean; wholeWord: boolean }) => RegExp | null
}

const segment = (...texts: string[]): Segment => ({ nodes: texts.map((text, i) => ({ key: `${texts.join('|')}#${i}`, text })) })
const cat = findPattern('cat', { matchCase: false, wholeWord: false })!

describe('findMatches', () => {
  it('finds a match split over two text nodes of one block, and none across blocks', () => {
    const bold = segment('a c', 'at')
    expect(findMatches([bold, segment('c'), segment('at')], cat)).toEqual([[{ key: 'a c|at#0', start: 2, end: 3 }, { key: 'a c|at#1', start: 0, end: 2 }]])
  })

  it('reuses the matches it knows for a segment and searches the new ones', () => {
    const known = new WeakMap<Segment, Match[]>()
    const kept = segment('cat cat')
    const first = findMatches([kept, segment('no')], cat, undefined, known)
    expect(first).toHaveLength(2)
    // The kept segment's text is not read again: what is known of it stands, a new segment is searched.
    kept.nodes[0]!.text = 'dog'
    const edited = segment('one cat')
    const second = findMatches([kept, edited], cat, undefined, known)
    expect(second).toHaveLength(3)
    expect(second[0]).toBe(first[0])
    expect(known.get(edited)).toEqual([[{ key: 'one cat#0', start: 4, end: 7 }]])
  })

  it('stops at the limit over all segments, known or not', () => {
    const known = new WeakMap<Segment, Match[]>()
    const segments = [segment('cat cat cat'), segment('cat cat')]
    expect(findMatches(segments, cat, 4, known)).toHaveLength(4)
    expect(findMatches(segments, cat, 4, known)).toHaveLength(4)
  })
})
