/** The spoiler's Markdown (src/blocks/spoiler/markdown.ts, docs/format.md): a container of blocks, its fence, what stays raw. */
import { describe, expect, it } from 'vitest'
import type { BlockJSON } from '../../../../src/shared/document'
import { documentToMarkdown, markdownToDocument } from '../../../../src/main/services/format'
import { doc, image, paragraph, raw, score, text } from '../../../support/documents'
import { writes } from '../../../support/roundTrip'

describe('spoiler', () => {
  it('holds blocks, converted through the registry with the raw fallback', () => {
    const spoiler: BlockJSON = {
      type: 'spoiler',
      label: 'Spoilers',
      children: [
        paragraph('Eve wins.'),
        { type: 'list', listType: 'bullet', start: 1, children: [{ type: 'listitem', value: 1, children: [text('a duel')] }] },
        image(),
        raw('| a | b |\n| - | - |'),
      ],
    }
    writes(doc(spoiler), ':::spoiler[Spoilers]\nEve wins.\n\n- a duel\n\n![A dancer mid-leap](assets/3f2a9c0d1e2b4a5f.png)\n\n| a | b |\n| - | - |\n:::\n')
  })

  it('makes its fence longer than any container inside it, and keeps raw lists apart from its own', () => {
    const spoiler: BlockJSON = { type: 'spoiler', label: 'A ]label[', children: [raw(':::aside\nInside\n:::'), raw('- [ ] task'), { type: 'list', listType: 'bullet', start: 1, children: [{ type: 'listitem', value: 1, children: [text('b')] }] }] }
    writes(doc(spoiler), '::::spoiler[A \\]label\\[]\n:::aside\nInside\n:::\n\n- [ ] task\n\n<!---->\n\n- b\n::::\n')
  })

  it('keeps nested spoilers and review-level blocks inside a spoiler raw', () => {
    const markdown = '::::spoiler[Outer]\n:::spoiler[Inner]\nDeep\n:::\n\n::score{value="9" scale="10"}\n\n::embed{url="https://youtu.be/0FSwsrFpkbw"}\n::::\n'
    expect(markdownToDocument(markdown).root.children).toEqual([
      { type: 'spoiler', label: 'Outer', children: [raw(':::spoiler[Inner]\nDeep\n:::'), raw('::score{value="9" scale="10"}'), raw('::embed{url="https://youtu.be/0FSwsrFpkbw"}')] },
    ])
    expect(documentToMarkdown(markdownToDocument(markdown))).toBe(markdown)
  })

  it('calls a spoiler without a label "Spoilers", as the editor does, and keeps an empty one', () => {
    writes(doc({ type: 'spoiler', label: ' ', children: [] }), ':::spoiler[Spoilers]\n:::\n')
    expect(markdownToDocument(':::spoiler\nHidden\n:::').root.children).toEqual([{ type: 'spoiler', label: 'Spoilers', children: [paragraph('Hidden')] }])
  })

  it('keeps a spoiler with attributes raw, and refuses a spoiler holding what it cannot', () => {
    expect(markdownToDocument(':::spoiler{open}\nx\n:::').root.children).toEqual([raw(':::spoiler{open}\nx\n:::')])
    const nested = { type: 'spoiler', label: 'x', children: [{ type: 'spoiler', label: 'y', children: [] }] } as unknown as BlockJSON
    expect(() => documentToMarkdown(doc(nested))).toThrow(/"spoiler".*holds a "spoiler"/)
    const holdingScore = { type: 'spoiler', label: 'x', children: [score()] } as unknown as BlockJSON
    expect(() => documentToMarkdown(doc(holdingScore))).toThrow(/holds a "score"/)
  })
})
