/**
 * A long review's first blocks read alone (`readFirstBlocks`, cut by `firstSegmentsEnd`): whenever
 * it answers, its blocks, their source ranges and their warnings are exactly the first blocks of
 * reading the whole body. Checked at every line of random bodies (syntax that opens and closes
 * blocks included), of the CommonMark spec's examples run together, of the review fixtures and
 * sites corpus, and of a long review of prose, headings, lists, quotes, images and scores.
 */
import { createRequire } from 'node:module'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentToMarkdown } from '../../../src/main/services/format'
import { readFrontMatter } from '../../../src/main/services/format/frontMatter'
import { readFirstBlocks, readSourceBlocks } from '../../../src/main/services/format/markdown'
import { documentArb, fcOptions, RAW_SAMPLES } from './arbitraries'
import { slow } from '../../support/slow'

/** Blocks that open or close across blank lines, or read differently after what comes before. */
const TRICKY = [
  '```\ncode\n\nmore code\n```',
  '```\nunclosed fence',
  '~~~\n\n~~~',
  '<!--\n\ncomment\n\n-->',
  '<div>\n\nhtml\n\n</div>',
  ':::spoiler\n\nHidden.\n\n:::',
  ':::spoiler\n\nunclosed',
  '- a\n\n- b',
  '- item\n\n  continued',
  '1. one\n\n   more',
  '    indented code\n\n    more',
  '> quote\n\n> another',
  'Setext\n===',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '[a]: /u',
  'A [link][a].',
  '[^1]: A note.\n\n    More of it.',
  '::score{value="7"}',
  '\tTabbed.',
  '---',
]

const bodyArb = fc.oneof(
  documentArb.map((doc) => documentToMarkdown(doc)),
  fc
    .array(fc.constantFrom(...RAW_SAMPLES, ...TRICKY, 'A paragraph of prose.', 'Two lines\nof prose.', '- a\n- b', '1. one\n2. two'), { maxLength: 14 })
    .chain((blocks) => fc.array(fc.constantFrom('\n\n', '\n', '\n\n\n'), { minLength: blocks.length, maxLength: blocks.length }).map((gaps) => blocks.map((block, index) => block + gaps[index]).join(''))),
)

/** How many cuts answered, over all the bodies checked at every line. */
function checkEveryLine(body: string): number {
  const whole = readSourceBlocks(body).blocks
  let answered = 0
  let seen = -1
  for (let at = 0; at <= body.length; at = body.indexOf('\n', at) + 1 || body.length + 1) {
    const first = readFirstBlocks(body, at)
    if (!first || first.length === seen) continue
    seen = first.length
    answered++
    expect(first).toEqual(whole.slice(0, first.length))
  }
  return answered
}

describe("a long review's first blocks read alone", () => {
  it('are the whole body’s first blocks, for random bodies', { timeout: slow(600_000) }, () => {
    let answered = 0
    fc.assert(
      fc.property(bodyArb, (body) => {
        answered += checkEveryLine(body)
      }),
      fcOptions(100),
    )
    // Enough cuts answered to mean something: 100 runs answered 56-109 over 30 repeats, so a floor of
    // 60 failed one run in ten; 30 is about four standard deviations below their mean of 83.
    expect(answered).toBeGreaterThan(30)
  })

  it('are the whole body’s first blocks, for the CommonMark spec examples run together', { timeout: slow(300_000) }, () => {
    const examples = (createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ markdown: string }> }).tests.map((example) => example.markdown.replaceAll('→', '\t'))
    let answered = 0
    for (let from = 0; from < examples.length; from += 6) answered += checkEveryLine(examples.slice(from, from + 8).join('\n'))
    expect(answered).toBeGreaterThan(100)
  })

  it('are the whole body’s first blocks, for the fixtures, the sites corpus and a long review', { timeout: slow(300_000) }, () => {
    const dir = join(__dirname, 'fixtures')
    const files = [...readdirSync(dir).filter((name) => name.endsWith('.md')).map((name) => join(dir, name)), ...readdirSync(join(dir, 'sites')).map((name) => join(dir, 'sites', name))]
    let answered = 0
    for (const file of files) answered += checkEveryLine(readFrontMatter(readFileSync(file)).body)
    const pieces = ['A paragraph of the review, *with emphasis* and [a link](https://example.com).', '## A heading', '- a list\n- of two', '> A quote.', '![A still](assets/still.png)', '::score{value="7"}', '1. one\n2. two']
    const long = Array.from({ length: 400 }, (_, index) => pieces[index % pieces.length]).join('\n\n')
    answered += checkEveryLine(long.slice(0, 4000))
    // A cut is found in a long review of prose, images, critic blocks and lists.
    expect(readFirstBlocks(long, 6000)?.length).toBeGreaterThan(3)
    expect(answered).toBeGreaterThan(50)
  })

  it('cuts nowhere a definition could be read across, nor after a construct that runs past blank lines', () => {
    const prose = Array.from({ length: 40 }, (_, index) => `Paragraph ${index}.`).join('\n\n')
    expect(readFirstBlocks(`${prose}\n\n[a]: /u\n`, 50)).toBeUndefined()
    expect(readFirstBlocks(`\`\`\`\ncode\n\n${prose}\n\`\`\`\n`, 50)).toBeUndefined()
    expect(readFirstBlocks(prose, 50)).toEqual(readSourceBlocks(prose).blocks.slice(0, 4))
  })
})
