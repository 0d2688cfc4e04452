import { describe, expect, it } from 'vitest'
import { searchText } from '../../../src/main/services/search/searchText'
import { slow } from '../../support/slow'
import { HOSTILE_BODIES } from '../format/hostile'

// The search text is read on main's own thread at every listing: no body may make it scan a long
// line once per bracket (a 1.9 MB line of `[a` never finished, and held the whole library list).
const SHAPES: Record<string, string> = {
  ...HOSTILE_BODIES,
  'link closers before parentheses': ']('.repeat(500_000),
  'angle brackets never closed': '<'.repeat(1_000_000),
  'image openers': '!['.repeat(500_000),
}

describe('search text of hostile bodies', () => {
  it.each(Object.entries(SHAPES))('%s: built in bounded time, keeping its words', (_name, body) => {
    const started = performance.now()
    const text = searchText({ title: 'Hostile', tags: [], excerpt: '' }, `Before words.\n\n${body}\n\nAfter words.\n`)
    expect(performance.now() - started).toBeLessThan(slow(2_000))
    expect(text.body).toContain('Before words.')
    expect(text.body).toContain('After words.')
  })
})
