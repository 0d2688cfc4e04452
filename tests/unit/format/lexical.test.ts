/**
 * The renderer can load what the format service reads: a headless Lexical editor with the
 * editor's nodes (headlessEditor.ts) accepts every document `markdownToDocument` produces, and its
 * `toJSON()` is the same document once normalized (which drops Lexical's layout defaults).
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentToMarkdown, markdownToDocument, normalizeDocument, parseReview } from '../../../src/main/services/format'
import { documentArb, fcOptions } from './arbitraries'
import { throughLexical } from './headlessEditor'

describe('Lexical loads what the format service reads', () => {
  it('loads the fixtures', () => {
    for (const name of ['complete.md', 'foreign.md', 'critic-problems.md']) {
      const file = readFileSync(new URL(`./fixtures/${name}`, import.meta.url))
      const { doc } = parseReview(file, { title: name, created: '', updated: '' })
      expect(normalizeDocument(throughLexical(doc))).toEqual(doc)
    }
  })

  it('loads any document read back from Markdown', () => {
    fc.assert(
      fc.property(documentArb, (input) => {
        const doc = markdownToDocument(documentToMarkdown(input))
        expect(normalizeDocument(throughLexical(doc))).toEqual(doc)
      }),
      fcOptions(150),
    )
  })
})
