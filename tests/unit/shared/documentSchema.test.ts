import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import type { embedSchema, EmbedJSON } from '../../../src/blocks/embed/model'
import type { imageSchema, ImageJSON } from '../../../src/blocks/image/model'
import type { pullquoteSchema, PullQuoteJSON } from '../../../src/blocks/pullquote/model'
import type { scoreSchema, ScoreJSON } from '../../../src/blocks/score/model'
import type { spoilerSchema, SpoilerJSON } from '../../../src/blocks/spoiler/model'
import type { HeadingJSON, InlineImageJSON, LinkJSON, ParagraphJSON, RawBlockJSON, TextJSON } from '../../../src/shared/document'
import type { headingNode, inlineImageNode, linkNode, paragraphNode, rawBlockNode, textNode } from '../../../src/shared/documentSchema'
import { DOCUMENT_SCHEMAS } from '../../../src/main/blocks'
import { markdownToDocument } from '../../../src/main/services/format/markdown'
import { FIXTURES } from '../../support/tempLibrary'
import { doc, paragraph, score } from '../../support/documents'

const { editorDocument, documentDelta } = DOCUMENT_SCHEMAS

/** The issues of a refused document, as `path: message` lines. */
function refusal(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value)
  if (result.success) throw new Error('the schema took it')
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

const BASE = '6f1c1d6e-8a3b-4a7e-9a59-3a1f7c1d2b3c'

describe('the document schemas', () => {
  // Checked by tsc: a schema that misses a field of its node's type, or adds one, fails the typecheck.
  it('parse exactly the nodes’ types', () => {
    expectTypeOf<z.output<typeof textNode>>().toEqualTypeOf<TextJSON>()
    expectTypeOf<z.output<typeof inlineImageNode>>().toEqualTypeOf<InlineImageJSON>()
    expectTypeOf<z.output<typeof linkNode>>().toEqualTypeOf<LinkJSON>()
    expectTypeOf<z.output<typeof paragraphNode>>().toEqualTypeOf<ParagraphJSON>()
    expectTypeOf<z.output<typeof headingNode>>().toEqualTypeOf<HeadingJSON>()
    expectTypeOf<z.output<typeof rawBlockNode>>().toEqualTypeOf<RawBlockJSON>()
    expectTypeOf<z.output<typeof embedSchema>>().toEqualTypeOf<EmbedJSON>()
    expectTypeOf<z.output<typeof imageSchema>>().toEqualTypeOf<ImageJSON>()
    expectTypeOf<z.output<typeof pullquoteSchema>>().toEqualTypeOf<PullQuoteJSON>()
    expectTypeOf<z.output<typeof scoreSchema>>().toEqualTypeOf<ScoreJSON>()
    expectTypeOf<z.output<typeof spoilerSchema>>().toEqualTypeOf<SpoilerJSON>()
  })

  it('take every document the format reads, as it reads it', async () => {
    const bodies = await Promise.all(['ballerina', 'blue-rev', 'piranesi'].map((name) => readFile(join(FIXTURES, name, 'review.md'), 'utf8')))
    bodies.push(
      '- one\n  - nested [link](https://example.com "t") and ![a](assets/x.png) inline\n\n1. first\n2. second\n\n---\n\n' +
        '::score{value="8" scale="10"}\n\n:::spoiler[Ending]\n## Heading\n\n> quoted\n\n![alone](assets/y.png)\n:::\n',
    )
    for (const body of bodies) {
      const read = markdownToDocument(body.replace(/^---\n[\s\S]*?\n---\n/, ''))
      expect(editorDocument.parse(read)).toEqual(read)
    }
  })

  it('take Lexical’s layout fields, and drop fields no node has', () => {
    const exported = {
      root: {
        type: 'root',
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
        children: [
          { type: 'paragraph', direction: null, format: '', indent: 0, version: 1, textFormat: 0, textStyle: '', children: [{ type: 'text', text: 'Hi', format: 1, detail: 0, mode: 'normal', style: '', version: 1 }] },
          { ...score(), version: 1, $: { fromAPlugin: true } },
        ],
      },
    }
    const parsed = editorDocument.parse(exported)
    expect(parsed.root.children[0]).toMatchObject({ type: 'paragraph', textFormat: 0, children: [{ text: 'Hi', mode: 'normal' }] })
    expect(parsed.root.children[1]).toEqual({ ...score(), version: 1 })
  })

  it('refuse a critic block’s field of the wrong type, naming the field', () => {
    expect(refusal(editorDocument, doc(paragraph('Before'), { ...score(), value: 9 } as never))).toEqual([
      'root.children.1.value: Invalid input: expected string, received number',
    ])
    expect(refusal(editorDocument, doc({ ...score(), pros: ['Fights', 3] } as never))).toEqual([
      'root.children.0.pros.1: Invalid input: expected string, received number',
    ])
    expect(refusal(editorDocument, doc({ type: 'image', src: 'assets/x.png', alt: '', caption: '', credit: '', width: 'huge' } as never))[0]).toMatch(
      /^root\.children\.0\.width: .*"inline"\|"wide"\|"full"/,
    )
  })

  it('refuse a node where the format has none of its type, naming it and what may stand there', () => {
    const [marquee, ...more] = refusal(editorDocument, doc({ type: 'marquee', children: [] } as never))
    expect(more).toEqual([])
    expect(marquee).toMatch(/^root\.children\.0\.type: a "marquee" node cannot stand as a block: the review format has only paragraph, heading, .*score.* there$/)
    const nested = { type: 'spoiler', label: 'Inner', children: [] }
    expect(refusal(editorDocument, doc({ type: 'spoiler', label: 'Outer', children: [nested] } as never))[0]).toMatch(
      /^root\.children\.0\.children\.0\.type: a "spoiler" node cannot stand inside a spoiler/,
    )
    expect(refusal(editorDocument, doc({ type: 'paragraph', children: [{ text: 'untyped', format: 0 }] } as never))[0]).toMatch(
      /^root\.children\.0\.children\.0\.type: a node inside text needs a "type"/,
    )
  })

  it('refuse a delta’s block as a whole document’s, and a run that is not two block numbers', () => {
    expect(documentDelta.parse({ base: BASE, blocks: [[0, 3], paragraph('New'), [3, 9]] })).toEqual({ base: BASE, blocks: [[0, 3], paragraph('New'), [3, 9]] })
    const [issue] = documentDelta.safeParse({ base: BASE, blocks: [[0, 3], { ...score(), overall: 'yes' }] }).error?.issues ?? []
    // A union's own message is zod's "Invalid input"; what main reports comes from the option that fit furthest (dispatch.test.ts).
    expect(issue).toMatchObject({ code: 'invalid_union', path: ['blocks', 1] })
    expect(issue?.code === 'invalid_union' && issue.errors.flat().map((inner) => inner.path.join('.'))).toContain('overall')
    expect(documentDelta.safeParse({ base: BASE, blocks: [[0, 1.5]] }).success).toBe(false)
    expect(documentDelta.safeParse({ base: 'not-a-token', blocks: [] }).success).toBe(false)
  })
})
