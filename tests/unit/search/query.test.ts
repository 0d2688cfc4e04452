/** The search language (shared/search.ts): words, folding, CJK, phrases and the critic's filters. */
import { describe, expect, it } from 'vitest'
import type { ReviewSummary } from '../../../src/shared/model'
import { foldText, matchesFilters, parseQuery, searchTerms, wordSpans } from '../../../src/shared/search'

const row = (patch: Partial<ReviewSummary>): ReviewSummary => ({
  id: 'r',
  title: 'R',
  author: '',
  date: '2025-06-04',
  status: 'draft',
  tags: [],
  excerpt: '',
  wordCount: 1,
  created: '',
  updated: '',
  ...patch,
})
const ballerina = row({
  status: 'published',
  tags: ['Horror', 'john wick'],
  subject: { kind: 'film', title: 'Ballerina', year: 2025, creators: ['Len Wiseman'], cast: [], ids: {} },
  score: { value: '9.5', scale: '10', label: 'Overall Score' },
})
const pass = (query: string, review = ballerina) => matchesFilters(review, parseQuery(query).filters)

describe('words', () => {
  it('folds accents, case and compatibility forms', () => {
    expect(foldText('Amélie')).toBe('amelie')
    expect(foldText('ÇA VA')).toBe('ca va')
    expect(foldText('ﬁlm')).toBe('film')
    expect(searchTerms('Amélie — Jean-Pierre Jeunet’s 2001 film')).toEqual(['amelie', 'jean', 'pierre', 'jeunet', 's', '2001', 'film'])
  })

  it('cuts Japanese and Chinese without spaces into words, and keeps the places of the original', () => {
    const japanese = searchTerms('千と千尋の神隠しは傑作だ')
    expect(japanese).toContain('千尋')
    expect(japanese.length).toBeGreaterThan(3)
    expect(searchTerms('我喜欢这部电影')).toContain('电影')
    const text = 'Ein Café: 東京物語'
    for (const span of wordSpans(text)) expect(foldText(text.slice(span.start, span.end))).toBe(span.term)
  })
})

describe('parseQuery', () => {
  it('reads words, phrases and filters', () => {
    const query = parseQuery('kind:film year:2025 score:>8 tag:horror status:draft by:"Len Wiseman" "bruising spin-off" Amélie')
    expect(query.terms).toEqual(['bruising', 'spin', 'off', 'amelie'])
    expect(query.phrases).toEqual([['bruising', 'spin', 'off']])
    expect(query.filters.map((filter) => filter.field)).toEqual(['kind', 'year', 'score', 'tag', 'status', 'by'])
    expect(query.problems).toEqual([])
  })

  it('searches unknown fields and times as words, and reports filters it cannot take', () => {
    expect(parseQuery('at 12:30 note:odd').terms).toEqual(['at', '12', '30', 'note', 'odd'])
    const query = parseQuery('kind:poem score:eleven year:20x5 ballet')
    expect(query.filters).toEqual([])
    expect(query.problems).toHaveLength(3)
    expect(query.problems[0]).toMatch(/kind: is one of film/)
    expect(query.terms).toEqual(['ballet'])
  })

  it('ignores a filter still being typed and an unclosed quote', () => {
    expect(parseQuery('kind:').filters).toEqual([])
    expect(parseQuery('"slow burn').phrases).toEqual([['slow', 'burn']])
  })
})

describe('filters', () => {
  it('kind, status, tag and creator, folded', () => {
    expect(pass('kind:film status:published tag:HORROR by:wiseman')).toBe(true)
    expect(pass('tag:"john wick"')).toBe(true)
    expect(pass('kind:book')).toBe(false)
    expect(pass('status:draft')).toBe(false)
    expect(pass('tag:hor')).toBe(false) // a tag is matched whole
    expect(pass('by:"Len Wiseman"')).toBe(true)
  })

  it('years: exact, compared and ranges', () => {
    expect(pass('year:2025')).toBe(true)
    expect(pass('year:>2025')).toBe(false)
    expect(pass('year:>=2025')).toBe(true)
    expect(pass('year:2020..2024')).toBe(false)
    expect(pass('year:2020..2025')).toBe(true)
    expect(pass('year:2025', row({}))).toBe(false) // no subject, no year
  })

  it('scores compare on 0–100: a bare number is out of 10, other scales say theirs', () => {
    const stars = row({ score: { value: '4', scale: '5', label: '' } }) // 80
    const letter = row({ score: { value: 'B+', scale: 'letter', label: '' } }) // 10/12
    const hundred = row({ score: { value: '81', scale: '100', label: '' } })
    expect(pass('score:>8')).toBe(true)
    expect(pass('score:>8', stars)).toBe(false)
    expect(pass('score:>=8', stars)).toBe(true)
    expect(pass('score:8', stars)).toBe(true)
    expect(pass('score:4/5', stars)).toBe(true)
    expect(pass('score:>8', hundred)).toBe(true)
    expect(pass('score:>=85/100', hundred)).toBe(false)
    expect(pass('score:>=B', letter)).toBe(true)
    expect(pass('score:>A-', letter)).toBe(false)
    expect(pass('score:7..9', ballerina)).toBe(false)
    expect(pass('score:>1', row({}))).toBe(false) // unscored reviews never pass a score filter
  })

  it('dates: the review’s own year, month or day, its creation day when it has no date', () => {
    expect(pass('date:2025')).toBe(true)
    expect(pass('date:2025-06')).toBe(true)
    expect(pass('date:2025-06-04')).toBe(true)
    expect(pass('date:2025-07')).toBe(false)
    expect(parseQuery('date:June').problems).toEqual(['date: takes a year, a month or a day like 2025, 2025-06 or 2025-06-04'])
    const undated = row({ date: '', created: '2024-12-31T23:00:00.000Z' })
    expect(pass('date:2024-12', undated)).toBe(true)
    expect(pass('date:2025', undated)).toBe(false)
  })
})
