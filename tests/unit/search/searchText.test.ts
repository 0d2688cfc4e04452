/** The plain text the index cuts from a review's Markdown: what a reader sees, without the markup. */
import { describe, expect, it } from 'vitest'
import { bodyText } from '../../../src/main/services/search/searchText'
import { searchTerms, wordSpans } from '../../../src/shared/search'

describe('search text', () => {
  it('keeps what a reader sees of each kind of markup, and prose as written', () => {
    const markdown = [
      'Plain prose, with commas; and an apostrophe’s curl.',
      '## A *heading*',
      '> > a quote with [a link](https://example.com) and ![a still](assets/x.png)',
      '  - a list item with <b>html</b>, \\[not a link\\] and &amp; &#x41;&#66;',
      '12) a numbered one with `code` and ~~struck~~ snake_case_word',
      '---',
      ':::score[Overall Score]{value="9" scale="10" overall}',
      'Verdict: Worth it.',
      ':::',
      '```',
      'fenced *stays* as written',
      '```',
    ].join('\n')
    expect(bodyText(markdown).split('\n')).toEqual([
      'Plain prose, with commas; and an apostrophe’s curl.',
      'A heading',
      'a quote with a link and a still',
      '• a list item with html, [not a link] and & AB',
      '• a numbered one with code and struck snake_case_word',
      '',
      'Overall Score',
      'Verdict: Worth it.',
      '',
      'fenced *stays* as written',
    ])
  })

  it('cuts plain ASCII and other text into the same folded words', () => {
    expect(searchTerms('The FILM, 2025: a Re-make')).toEqual(['the', 'film', '2025', 'a', 're', 'make'])
    expect(searchTerms('The FILM — 2025: “Amélie” a Re-make')).toEqual(['the', 'film', '2025', 'amelie', 'a', 're', 'make'])
    expect(searchTerms('千と千尋の神隠し, Spirited')).toEqual(['千', 'と', '千尋', 'の', '神隠し', 'spirited'])
    // The same words where they stand, for marking them in a hit's sentence.
    for (const text of ['The FILM, 2025: a Re-make', 'The FILM — “Amélie”', '千尋は, Spirited']) {
      const spans = wordSpans(text)
      expect(spans.map((span) => span.term)).toEqual(searchTerms(text))
      expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(text.match(/[\p{L}\p{M}\p{N}]+/gu)!.flatMap((run) => (run === '千尋は' ? ['千尋', 'は'] : [run])))
    }
  })
})
