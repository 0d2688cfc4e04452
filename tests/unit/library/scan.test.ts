/**
 * The library row's word count and score from a scan of the body (indexScan.ts) must equal what the
 * full parse gives: `countWords(documentText(doc))` and `scoreMirror(doc)`. Differential tests over
 * documents the editor writes, Markdown full of syntax, and the cases the scan treats specially.
 * Reproduce a failure with the seed fast-check prints: FC_SEED=… npx vitest run tests/unit/library
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readMarkdown, scoreMirror, wordCountOf } from '../../../src/main/services/format'
import { documentToMarkdown } from '../../../src/main/services/format/markdown'
import { bodyStats, scanBody } from '../../../src/main/services/library/indexScan'
import { reviewBody } from './reviewBody'
import { documentArb, fcOptions, RAW_SAMPLES, textArb } from '../format/arbitraries'
import { slow } from '../../support/slow'

function parsed(body: string) {
  const { doc } = readMarkdown(body)
  const score = scoreMirror(doc)
  return { wordCount: wordCountOf(doc), ...(score ? { score } : {}) }
}

/** The scan, when it takes the body on, must agree with the parse; bodyStats always must. */
function expectSame(body: string): void {
  let want: ReturnType<typeof parsed>
  try {
    want = parsed(body)
  } catch (error) {
    // A body the reader fails on must fail here too (the row then says it cannot be read).
    expect(() => bodyStats(body), body).toThrow((error as Error).message)
    return
  }
  const scanned = scanBody(body)
  if (scanned) expect(scanned, body).toEqual(want)
  expect(bodyStats(body), body).toEqual(want)
}

const TRICKY = [
  'Plain words, and **bold** with *italic* and a [link](https://example.com/a_b*c).',
  'foo**bar**baz and snake_case and a*b*c',
  "don'*t* and *it*'s and rock-*n*-roll",
  '# A raw title\nGlued to this paragraph',
  '# A raw title\n\nFollowed by a paragraph',
  '##### Five\n\nText',
  '## Heading ##\n\nText `code` here',
  'Text with `code [x](y)` inside',
  '1. one\n2. two\n3. three',
  '1984. A year\n\nText',
  'Text\n2. not a list\n1. a list',
  '- a\n- b\n  - nested\n    - deeper\n- c',
  '- a\n\n- b\n\n  continued',
  '- a\n\n  - b',
  '- a\n\n    code in item',
  '- [ ] task\n- [x] done',
  '- # heading in item',
  '> quote\nlazy line\n\n> two\n>\n> paragraphs',
  '> - list in quote',
  'Setext\n===\n\nOther\n---\n\n***\n\n- - -',
  'Para\n\n    indented code\n\n    more code\n\nAfter',
  '![A dancer](assets/a.png)\n\nText',
  '![Outside](../a.png)\n\nText',
  '![Titled](assets/a.png "t")',
  '![a](assets/a.png) with text',
  '::score[Overall Score]{value="9" scale="10" overall}',
  '::score[Overall Score]{value="11" scale="10" overall}\n\n::score[Second]{value="8" scale="10" overall}',
  '::score{value="B+" scale="letter" overall="true"}',
  '::score[ Spaced ]{value="9" scale="10" overall}',
  '::score[Odd]{value="9" scale="7" overall}',
  '::score[Id]{#x value="9" overall}',
  ':::score[Overall Score]{value="9.5" scale="10" overall}\nVerdict: A stylish spin-off.\n\nPros:\n- Fights\n\nCons:\n- Cast\n:::',
  '::::spoiler[Ending]\nThe end.\n\n:::figure{credit="Lionsgate"}\n![A](assets/a.png)\n\nCaption words here.\n:::\n\nMore.\n::::\n\nAfter',
  ':::spoiler\nUnclosed\n\nstill inside',
  ':::pullquote\n:::\n\nRaw before? no',
  '{: .lead}\n\nA paragraph after a kramdown attribute line',
  '{{< youtube id >}}\r\nafter a shortcode',
  '::embed{url="https://www.youtube.com/watch?v=0FSwsrFpkbw"}\n\nText',
  '| a | b |\n| - | - |\n| [x](y) | 2 |\n\nText',
  'Text &amp; more &copy; and & alone',
  'Escaped \\* star and a\\-b and a hard break\\\nnext line',
  'A <b>tag</b> inline',
  '<div>\n\nblock html\n\n</div>',
  '```\ncode\n\nfence\n```\n\nText',
  '[ref]: https://example.com\n\n[ref] and [text][ref]',
  'Footnote[^1]\n\n[^1]: Note text',
  'Text\n:::spoiler\ninterrupts?\n:::',
  ':::spoiler\na\n::::\n\nb',
  '::::spoiler\n:::figure\n![a](assets/a.png)\n:::\n::::',
  ':::a\n:::b\nx\n:::\n:::',
  '\n\n  leading indent\n\nText',
  'Tab\tinside',
  'Line one\nline two  \nhard break',
  '~~struck~~ and ~single~ and a~b',
  'www.example.com and a@b.co and 10:30',
  '',
  '\n\n',
]

describe('body scan', () => {
  it('agrees with the full parse on hand-picked cases', () => {
    for (const body of [...TRICKY, ...RAW_SAMPLES]) expectSame(body)
  })

  it('agrees with the full parse on each case next to other blocks, in both orders', () => {
    const neighbours = ['# Raw title', 'Words here', '- item', '1. one', '> quote', '![a](assets/a.png)', '::score[S]{value="9" overall}', ':::spoiler\nx\n:::', '    code']
    for (const a of TRICKY) {
      for (const b of neighbours) {
        expectSame(`${a}\n\n${b}`)
        expectSame(`${b}\n\n${a}`)
        expectSame(`${b}\n${a}`)
      }
    }
  }, slow(120_000))

  it('takes on the usual review without parsing it whole', async () => {
    for (let seed = 0; seed < 20; seed++) {
      const body = reviewBody(seed)
      expect(scanBody(body)).toEqual(parsed(body))
    }
    const { readFile } = await import('node:fs/promises')
    const welcome = (await readFile('resources/welcome/review.md', 'utf8')).split('\n---\n').slice(1).join('\n---\n')
    expect(scanBody(welcome)).toBeDefined()
  })

  it('agrees with the full parse on any document the editor writes', () => {
    fc.assert(
      fc.property(documentArb, (doc) => expectSame(documentToMarkdown(doc))),
      fcOptions(300),
    )
  }, slow(120_000))

  it('agrees with the full parse on Markdown full of syntax', () => {
    const line = fc.oneof(
      textArb,
      fc.constantFrom('', '', '- item', '1. one', '2) two', '> quote', '## Head', '   indented', '    code', ':::spoiler', ':::', '::::', '::score[S]{value="9" overall}', '![a](assets/a.png)', 'word [link](u) **b**'),
    )
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => expectSame(lines.join('\n'))),
      fcOptions(1000),
    )
  }, slow(120_000))
})
