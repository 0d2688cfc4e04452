/**
 * A critic block left empty or half filled in (a score with no value, an image with no alt text or
 * credit, an empty pull quote or spoiler) is a state the editor saves all the time: the file must
 * read back as the same editable block, with nothing flagged as "kept as written".
 * Reproduce a failure with the seed fast-check prints: FC_SEED=… npx vitest run tests/unit/format
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IMAGE_WIDTHS, SCORE_SCALES } from '../../../src/shared/critic'
import type { BlockJSON, InlineJSON, ParagraphJSON } from '../../../src/shared/document'
import type { ScoreJSON } from '../../../src/blocks/score/model'
import type { SpoilerContentJSON } from '../../../src/blocks/spoiler/model'
import { documentToMarkdown, normalizeDocument, readMarkdown } from '../../../src/main/services/format/markdown'
import { EMBED_URLS, fcOptions } from './arbitraries'
import { doc } from '../../support/documents'

/** Empty, or a plain value: the states at issue here, not hostile text (markdown.property.test.ts). */
const maybe = (...values: string[]) => fc.constantFrom('', ...values)
const inline = (text: string): InlineJSON[] => (text ? [{ type: 'text', text, format: 0 }] : [])
const paragraph = (text: string): ParagraphJSON => ({ type: 'paragraph', children: inline(text) })

/** A value each scale accepts: what is under test is its absence. */
const VALID = { '10': '9', '5': '4.5', '100': '90', letter: 'B+' } as const
const scoreArb: fc.Arbitrary<ScoreJSON> = fc.constantFrom(...SCORE_SCALES).chain((scale) =>
  fc.record({
    type: fc.constant('score' as const),
    value: maybe(VALID[scale]),
    scale: fc.constant(scale),
    label: maybe('Overall Score', 'Story'),
    overall: fc.boolean(),
    verdict: maybe('A quiet triumph.'),
    subScores: fc
      .array(fc.record({ label: maybe('Look'), value: maybe(VALID[scale]) }), { maxLength: 2 })
      .map((subs) => subs.filter((sub) => sub.label || sub.value)),
    pros: fc.array(fc.constant<string>('Score'), { maxLength: 1 }),
    cons: fc.array(fc.constant<string>('Length'), { maxLength: 1 }),
  }),
)
const imageArb = fc.record({
  type: fc.constant('image' as const),
  src: fc.constant('assets/3f2a9c0d1e2b4a5f.png'),
  alt: maybe('A still'),
  caption: maybe('Chihiro on the train'),
  credit: maybe('Studio Ghibli'),
  width: fc.constantFrom(...IMAGE_WIDTHS),
})
const spoilerArb = fc.record({
  type: fc.constant('spoiler' as const),
  label: maybe('Spoilers', 'The ending'),
  children: fc.array<SpoilerContentJSON>(fc.oneof(fc.constantFrom('', 'She leaves.').map(paragraph), imageArb), { maxLength: 2 }),
})
const pullquoteArb = fc.record({ type: fc.constant('pullquote' as const), children: fc.constantFrom('', 'Unforgettable.').map(inline) })
// An embed is only ever inserted with its address (the trailer dialog): it has no empty state.
const embedArb = fc.record({ type: fc.constant('embed' as const), url: fc.constantFrom(...EMBED_URLS.slice(0, 2)) })

const criticBlockArb: fc.Arbitrary<BlockJSON> = fc.oneof(scoreArb, imageArb, spoilerArb, pullquoteArb, embedArb)

describe('empty and partial critic blocks', () => {
  it('read back as the same editable blocks, with no warning', () => {
    fc.assert(
      fc.property(fc.array(criticBlockArb, { minLength: 1, maxLength: 4 }), (drawn) => {
        // A second overall score is warned about whatever it holds (the score block's scoreWarnings).
        let overall = false
        const blocks = drawn.map((block) => {
          if (block.type !== 'score' || !block.overall) return block
          if (overall) return { ...block, overall: false }
          overall = true
          return block
        })
        const written = documentToMarkdown(doc(...blocks))
        const read = readMarkdown(written)
        expect(read.warnings, written).toEqual([])
        // The same blocks, none of them kept as raw Markdown, up to the documented normalization
        // (an unnamed spoiler is called "Spoilers").
        expect(read.doc.root.children.map((block) => block.type), written).toEqual(blocks.map((block) => block.type))
        expect(read.doc, written).toEqual(normalizeDocument(doc(...blocks)))
      }),
      fcOptions(500),
    )
  })

  it('writes an empty score without a value attribute', () => {
    const empty: ScoreJSON = { type: 'score', value: '', scale: '10', label: 'Overall Score', overall: true, verdict: '', subScores: [], pros: [], cons: [] }
    expect(documentToMarkdown(doc(empty))).toBe('::score[Overall Score]{scale="10" overall}\n')
  })
})
