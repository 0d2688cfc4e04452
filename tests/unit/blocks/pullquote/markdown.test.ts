/** The pull quote's Markdown (src/blocks/pullquote/markdown.ts, docs/format.md). */
import { describe, expect, it } from 'vitest'
import { documentToMarkdown, markdownToDocument } from '../../../../src/main/services/format'
import { doc, raw, text } from '../../../support/documents'
import { writes } from '../../../support/roundTrip'

describe('pull quote', () => {
  it('writes a pull quote as a container of one paragraph', () => {
    writes(
      doc({ type: 'pullquote', children: [text('The best action film since '), text('John Wick', 2), text('.')] }),
      ':::pullquote\nThe best action film since *John Wick*.\n:::\n',
    )
    // An empty pull quote (not written yet) is kept as an empty container.
    expect(documentToMarkdown(doc({ type: 'pullquote', children: [text('  ')] }))).toBe(':::pullquote\n:::\n')
    expect(markdownToDocument(':::pullquote\n:::\n')).toEqual(doc({ type: 'pullquote', children: [] }))
  })

  it('keeps other pull quotes raw', () => {
    for (const markdown of [':::pullquote\nOne\n\nTwo\n:::', ':::pullquote[Label]\nx\n:::', '::pullquote[x]', ':::pullquote{.big}\nx\n:::']) {
      expect(markdownToDocument(markdown).root.children).toEqual([raw(markdown)])
    }
  })
})
