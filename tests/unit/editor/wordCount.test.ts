/** The status bar's word count, block by block, against the library's count of the whole document. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentText, type EditorDocument } from '../../../src/shared/document'
import { measureText, type TextMeasure } from '../../../src/shared/text'
import { blockArb, documentArb, fcOptions } from '../format/arbitraries'
import { doc, paragraph, raw } from '../../support/documents'

interface Counter {
  count(doc: EditorDocument, hasTime?: () => boolean): TextMeasure | null
}
// A renderer module, loaded by a path the type checker does not follow (see format/lexical.test.ts).
const { BlockWordCounter } = (await import(/* @vite-ignore */ `../../../src/renderer/src/preview/${'useWordCount'}`)) as {
  BlockWordCounter: new () => Counter
}

const library = (document: EditorDocument) => measureText(documentText(document))

describe('BlockWordCounter', () => {
  it('counts what the library counts', () => {
    fc.assert(
      fc.property(documentArb, (document) => {
        expect(new BlockWordCounter().count(document)).toEqual(library(document))
      }),
      fcOptions(500),
    )
  })

  it('keeps a block kept as written apart from the next, as the document text does', () => {
    const document = doc(raw('[^1]: a note'), paragraph('continues here'), raw('x'), raw("y'"), paragraph('z'), raw('last'))
    expect(library(document).words).toBe(9)
    expect(new BlockWordCounter().count(document)?.words).toBe(9)
  })

  it('recounts only new blocks, and stops when told to before counting one', () => {
    fc.assert(
      fc.property(documentArb, fc.array(fc.tuple(fc.nat(), blockArb), { maxLength: 4 }), (document, edits) => {
        const counter = new BlockWordCounter()
        counter.count(document)
        const children = [...document.root.children]
        for (const [at, block] of edits) children.splice(at % (children.length + 1), 1, block)
        const edited = doc(...children)
        const fresh = children.some((block) => !document.root.children.includes(block))
        if (fresh) expect(counter.count(edited, () => false)).toBeNull()
        expect(counter.count(edited)).toEqual(library(edited))
        expect(counter.count(edited, () => false)).toEqual(library(edited))
      }),
      fcOptions(300),
    )
  })
})
