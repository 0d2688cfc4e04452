/** The embed's Markdown (src/blocks/embed/markdown.ts, docs/format.md): YouTube and Vimeo only. */
import { describe, expect, it } from 'vitest'
import { documentToMarkdown, markdownToDocument, readMarkdown } from '../../../../src/main/services/format'
import { doc, raw } from '../../../support/documents'
import { writes } from '../../../support/roundTrip'

describe('embed', () => {
  it('writes an embed as its URL, escaping what an attribute cannot hold', () => {
    writes(doc({ type: 'embed', url: 'https://www.youtube.com/watch?v=0FSwsrFpkbw' }), '::embed{url="https://www.youtube.com/watch?v=0FSwsrFpkbw"}\n')
    writes(doc({ type: 'embed', url: 'https://youtu.be/0FSwsrFpkbw?t=42&x="y"' }), '::embed{url="https://youtu.be/0FSwsrFpkbw?t=42&#x26;x=&#x22;y&#x22;"}\n')
    writes(doc({ type: 'embed', url: 'https://vimeo.com/76979871' }), '::embed{url="https://vimeo.com/76979871"}\n')
  })

  it('keeps embeds of anything but YouTube and Vimeo raw, with a warning, and refuses to write them', () => {
    expect(readMarkdown('::embed{url="https://example.com/x.mp4"}')).toEqual({
      doc: doc(raw('::embed{url="https://example.com/x.mp4"}')),
      warnings: ['The embed “https://example.com/x.mp4” is not a YouTube or Vimeo video; it is kept as written.'],
    })
    expect(readMarkdown('::embed').warnings).toEqual(['An embed without a url is kept as written.'])
    expect(markdownToDocument('::embed[Trailer]{url="https://youtu.be/0FSwsrFpkbw"}').root.children[0]?.type).toBe('raw-block')
    expect(() => documentToMarkdown(doc({ type: 'embed', url: 'javascript:alert(1)' }))).toThrow(/"embed".*not a YouTube or Vimeo video/)
  })
})
