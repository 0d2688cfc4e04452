/**
 * Property tests: any document the editor can send is written as Markdown that reads back as the
 * same document, after the documented normalization (src/main/services/format/inline.ts, markdownBlocks.ts).
 * Reproduce a failure with the seed fast-check prints: FC_SEED=… npx vitest run tests/unit/format
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentText, type EditorDocument } from '../../../src/shared/document'
import { documentToMarkdown, markdownToDocument, normalizeDocument } from '../../../src/main/services/format/markdown'
import { documentArb, fcOptions, RAW_SAMPLES } from './arbitraries'

/** Code points a Markdown file cannot hold as text: they read back as U+FFFD. */
const unholdable = (code: number): boolean =>
  code < 9 || code === 11 || (code > 13 && code < 32) || (code > 126 && code < 160) ||
  (code >= 0xd800 && code <= 0xdfff) || (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe

/** The visible characters of a document's text, which normalization must keep. */
const ink = (doc: EditorDocument): string =>
  Array.from(documentText(doc), (char) => (unholdable(char.codePointAt(0)!) ? '\uFFFD' : char))
    .join('')
    .replace(/\s+/g, '')

describe('Markdown round trip', () => {
  it('keeps each raw sample as one raw block', () => {
    for (const markdown of RAW_SAMPLES) {
      expect(markdownToDocument(markdown).root.children).toEqual([{ type: 'raw-block', markdown }])
    }
  })

  it('reads back what it writes, up to the normalization', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const expected = normalizeDocument(doc)
        const markdown = documentToMarkdown(doc)
        expect(markdownToDocument(markdown)).toEqual(expected)
        // Saving what was read writes the same bytes: no churn from one save to the next.
        expect(documentToMarkdown(expected)).toBe(markdown)
      }),
      fcOptions(300),
    )
  })

  it('normalizes only what Markdown cannot hold: idempotent, and no visible character is lost', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const normalized = normalizeDocument(doc)
        expect(normalizeDocument(normalized)).toEqual(normalized)
        expect(ink(normalized)).toBe(ink(doc))
      }),
      fcOptions(300),
    )
  })
})
