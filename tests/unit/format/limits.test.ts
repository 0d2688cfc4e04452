/**
 * The parsing limits (format/limits.ts): hostile Markdown is kept exactly as written, never parsed,
 * and nothing after it (writer, preview, word count, library scan) recurses deep enough to
 * overflow; real reviews stay within the limits and read exactly as before.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentText, type EditorDocument, type ListJSON } from '../../../src/shared/document'
import {
  documentToMarkdown,
  normalizeDocument,
  parseReview,
  readMarkdown,
  ReviewParseError,
  serializeReview,
  wordCountOf,
} from '../../../src/main/services/format'
import { markdownPieces, MARKDOWN_LIMITS, withinLimits } from '../../../src/main/services/format/limits'
import { readFrontMatter } from '../../../src/main/services/format/frontMatter'
import { bodyStats } from '../../../src/main/services/library/indexScan'
import { buildPost } from '../../../src/main/services/pipeline'
import { VerdictError } from '../../../src/shared/contract'
import { documentArb } from './arbitraries'
import { DEEPEST_LIST, HOSTILE_BODIES } from './hostile'

const fallback = { title: 'x', created: '', updated: '' }
const BEFORE = 'An opening paragraph with *emphasis*.'
const AFTER = 'A closing paragraph with a [link](https://example.com).'
const reviewOf = (body: string): Buffer => Buffer.from(`---\ntitle: Hostile\n---\n\n${BEFORE}\n\n${body}\n\n${AFTER}\n`)

describe('hostile Markdown', () => {
  for (const [name, body] of Object.entries(HOSTILE_BODIES)) {
    describe(name, () => {
      const file = reviewOf(body)
      const parsed = parseReview(file, fallback)

      it('is one raw block holding the block exactly as written, with a warning naming the limit', () => {
        const [before, kept, after, ...rest] = parsed.doc.root.children
        expect(rest).toEqual([])
        expect(before).toMatchObject({ type: 'paragraph' })
        expect(kept).toEqual({ type: 'raw-block', markdown: body.trimEnd() })
        expect(after).toMatchObject({ type: 'paragraph' })
        expect(parsed.warnings).toHaveLength(1)
        expect(parsed.warnings[0]).toMatch(/is kept exactly as written and not read as Markdown/)
      })

      it('is written back byte for byte, set apart from its neighbours, and reads back the same', () => {
        const saved = serializeReview(parsed.meta, parsed.doc)
        expect(saved.includes(`\n${body.trimEnd()}\n`)).toBe(true)
        const reread = parseReview(Buffer.from(saved), fallback)
        expect(reread.doc).toEqual(parsed.doc)
        expect(serializeReview(reread.meta, reread.doc) === saved).toBe(true)
      })

      it('previews as its source, unparsed, with the warning', () => {
        const post = buildPost({ id: 'x', meta: parsed.meta, body: documentToMarkdown(parsed.doc) })
        expect(post.html.startsWith('<p>An opening paragraph with <em>emphasis</em>.</p>')).toBe(true)
        const source = body.slice(0, 20).replaceAll('&', '&#x26;').replaceAll('<', '&#x3C;')
        expect(post.html.includes(`<pre><code>${source}`)).toBe(true)
        expect(post.html).toContain('<a href="https://example.com" rel="noopener noreferrer">link</a>')
        expect(post.warnings.some((warning) => warning.includes('kept exactly as written'))).toBe(true)
      })

      it('is counted in the library as in the editor', () => {
        expect(bodyStats(readFrontMatter(file).body).wordCount).toBe(wordCountOf(parsed.doc))
      })
    })
  }

  it('is read-only, with the reason, when the review also names link definitions it could not keep linked', () => {
    const file = reviewOf(`${HOSTILE_BODIES['nested bullets × 10,000']}\n\nSee [the trailer].\n\n[the trailer]: https://example.com`)
    expect(() => parseReview(file, fallback)).toThrow(ReviewParseError)
    expect(() => parseReview(file, fallback)).toThrow(/nested more than 100 deep.*opens read-only/s)
  })

  it('parses a block exactly at the limits as usual', () => {
    expect(withinLimits(DEEPEST_LIST)).toBe(true)
    const { doc, warnings } = readMarkdown(DEEPEST_LIST)
    expect(warnings).toEqual([])
    expect(doc.root.children).toMatchObject([{ type: 'list' }])
    expect(withinLimits(`- ${DEEPEST_LIST}`)).toBe(false)
    expect(withinLimits('x'.repeat(MARKDOWN_LIMITS.lineLength))).toBe(true)
    expect(withinLimits('x'.repeat(MARKDOWN_LIMITS.lineLength + 1))).toBe(false)
  })

  it('keeps each block beyond the limits apart, parsing the blocks between them', () => {
    const deep = HOSTILE_BODIES['nested quotes × 10,000']!
    const pieces = markdownPieces(`${deep}\n\nMiddle *words*.\n\n${deep}\n`)
    expect(pieces.map((piece) => Boolean(piece.beyond))).toEqual([true, false, true, false])
    expect(pieces.map((piece) => piece.text).join('\n')).toBe(`${deep}\n\nMiddle *words*.\n\n${deep}\n`)
  })
})

describe('deep documents from the editor', () => {
  /** Lists nested `depth` levels, as Lexical nests them. */
  const nestedList = (depth: number): EditorDocument => {
    let list: ListJSON = { type: 'list', listType: 'bullet', start: 1, children: [{ type: 'listitem', value: 1, children: [{ type: 'text', text: 'deep', format: 0 }] }] }
    for (let level = 1; level < depth; level++) {
      list = { type: 'list', listType: 'bullet', start: 1, children: [{ type: 'listitem', value: 1, children: [list] }] }
    }
    return { root: { type: 'root', children: [list] } }
  }

  it('counts words 10,000 levels deep without recursion', () => {
    expect(documentText(nestedList(10_000)).trim()).toBe('deep')
  })

  it('refuses to write lists deeper than Markdown can round-trip, with a clear error instead of a stack overflow', () => {
    expect(() => normalizeDocument(nestedList(10_000))).toThrow(VerdictError)
    expect(() => normalizeDocument(nestedList(10_000))).toThrow(/nests lists more than 100 levels deep/)
  })
})

describe('real reviews are within the limits, and read exactly as before', () => {
  const files = [
    ...readdirSync('tests/unit/format/fixtures', { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md'))
      .map((name) => join('tests/unit/format/fixtures', name)),
    ...readdirSync('tests/unit/pipeline/fixtures').map((name) => join('tests/unit/pipeline/fixtures', name, 'review.md')),
    'resources/welcome/review.md',
  ]
  for (const path of files) {
    it(path.split('/').slice(-2).join('/'), () => {
      const { body } = readFrontMatter(readFileSync(path))
      expect(markdownPieces(body)).toEqual([{ text: body }])
    })
  }

  it('every document the editor writes', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const markdown = documentToMarkdown(doc)
        expect(markdownPieces(markdown)).toEqual([{ text: markdown }])
      }),
      { numRuns: 200 },
    )
  })
})
