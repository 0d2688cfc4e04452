/**
 * Reading a changed body again in part (`rereadSourceBlocks`): whenever it answers, its blocks,
 * their source ranges and the warnings are exactly those of reading the whole body, for random
 * documents under random edits of their Markdown (syntax that opens and closes blocks included),
 * one after the other; and an edit in one paragraph of a long body keeps every other block as read.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentToMarkdown } from '../../../src/main/services/format'
import { readSourceBlocks, rereadSourceBlocks, type SourceBlocks } from '../../../src/main/services/format/markdown'
import { documentArb, fcOptions, RAW_SAMPLES } from './arbitraries'
import { slow } from '../../support/slow'

/** What an edit types: text, and what opens, closes or joins blocks. */
const TYPED = [
  'word', ' ', '\n', '\n\n', '\n\n\n', '  ', '    ', '\t', '- ', '* ', '1. ', '2) ', '> ', '# ', '## ', '===', '---', '***',
  '```', '```\n', '~~~\n', '<!--', '-->', '<div>', '</div>\n', '<pre>', '</pre>', '|', '| a | b |\n|---|---|\n', ':::', ':::spoiler\n',
  ':::\n', '::score{value="7"}', '[a]: /u', '[^1]', '*', '_', '`', '\\', '<', 'Verdict:', '{{', '$$', '\r\n',
]

const editArb = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), typed: fc.array(fc.constantFrom(...TYPED), { maxLength: 4 }).map((parts) => parts.join('')) })
type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never

function applyEdit(text: string, { at, remove, typed }: Edit): string {
  const from = at % (text.length + 1)
  return text.slice(0, from) + typed + text.slice(from + remove)
}

const bodyArb = fc.oneof(
  documentArb.map((doc) => documentToMarkdown(doc)),
  fc.array(fc.constantFrom(...RAW_SAMPLES, 'A paragraph of prose.', 'Two lines\nof prose.', '- a\n- b', '1. one\n2. two'), { maxLength: 10 }).map((blocks) => blocks.join('\n\n')),
)

/** The body read whole, the way the reread's result is compared. */
const whole = (body: string): SourceBlocks => readSourceBlocks(body)

describe('a changed body read again in part', () => {
  it('reads as the whole body does, edit after edit', { timeout: slow(600_000) }, () => {
    let answered = 0
    fc.assert(
      fc.property(bodyArb, fc.array(editArb, { minLength: 1, maxLength: 3 }), (body, edits) => {
        let read = whole(body)
        let text = body
        for (const edit of edits) {
          text = applyEdit(text, edit)
          const again = rereadSourceBlocks(read, text)
          const expected = whole(text)
          if (again) {
            answered++
            expect(again).toEqual(expected)
          }
          read = again ?? expected
        }
      }),
      fcOptions(150),
    )
    // Most edits are read in part: the property says something.
    expect(answered).toBeGreaterThan(75)
  })

  it('reads one edited paragraph of a long body and keeps the other blocks as they were read', () => {
    const paragraphs = Array.from({ length: 300 }, (_, index) => `Paragraph ${index} of the review, with *emphasis* and a [link](https://example.com/${index}).`)
    const blocks = [...paragraphs.slice(0, 150), '- a list\n- of two', '```\ncode\n```', ...paragraphs.slice(150)]
    const body = `${blocks.join('\n\n')}\n`
    const before = whole(body)
    const edited = body.replace('Paragraph 120 of', 'Paragraph 120, edited, of')
    const again = rereadSourceBlocks(before, edited)!
    expect(again).toEqual(whole(edited))
    expect(again.blocks[10]!.block).toBe(before.blocks[10]!.block)
    expect(again.blocks[200]!.block).toBe(before.blocks[200]!.block)
    expect(again.blocks[120]!.block).not.toBe(before.blocks[120]!.block)
  })

  it('leaves to a whole read what cannot be read apart', () => {
    const body = 'One [link][a].\n\nTwo.\n\n[a]: https://example.com\n'
    expect(rereadSourceBlocks(whole(body), body.replace('Two', 'Three'))).toBeUndefined()
    // A fence opened by the edit runs over every block after it: read whole, or the stretch shows it.
    const fenced = 'One.\n\nTwo.\n\nThree.\n\nFour.\n'
    const opened = fenced.replace('Two.', '```\nTwo.')
    const again = rereadSourceBlocks(whole(fenced), opened)
    if (again) expect(again).toEqual(whole(opened))
  })
})
