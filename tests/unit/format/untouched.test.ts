/**
 * "Your files, untouched" on the CommonMark 0.31.2 spec examples (npm `commonmark-spec`): each one
 * as a review body, with Verdict's front matter and with none, opened and saved with no edit comes
 * back byte for byte, through the format service and through the editor (headless Lexical with the
 * app's nodes); typing a word at the end of the last paragraph changes only that block's lines.
 */
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import type { BlockJSON, EditorDocument, InlineJSON, ParagraphJSON } from '../../../src/shared/document'
import { normalizeDocument, parseReview, reviseReview } from '../../../src/main/services/format'
import { readSourceBlocks } from '../../../src/main/services/format/markdown'
import { throughLexical } from './headlessEditor'
import { slow } from '../../support/slow'

interface SpecExample {
  markdown: string
  number: number
}
// The spec shows tabs as →.
const examples = (createRequire(import.meta.url)('commonmark-spec') as { tests: SpecExample[] }).tests.map((example) => ({
  ...example,
  markdown: example.markdown.replaceAll('→', '\t'),
}))

const fallback = { title: 'spec', created: '2026-01-01T00:00:00.000Z', updated: '2026-01-02T00:00:00.000Z' }
const NOW = '2026-12-06T08:00:00.000Z'
const VERDICT_FRONT_MATTER = '---\ntitle: A review\nauthor: Ana Critic\ndate: 2026-11-25\nstatus: draft\ntags: [film]\nexcerpt: ""\ncreated: 2026-11-20T09:12:00.000Z\nupdated: 2026-11-25T10:40:00.000Z\n---\n\n'

const FRONTS = [
  ['with Verdict front matter', VERDICT_FRONT_MATTER],
  ['without front matter', ''],
] as const

function save(file: string, edit: (doc: EditorDocument) => EditorDocument): { text: string; changed: boolean } {
  const { meta, doc } = parseReview(Buffer.from(file), fallback)
  return reviseReview(Buffer.from(file), fallback, meta, edit(doc), NOW)
}

/** The document with a word typed at the end of its last top-level paragraph; undefined when it has none. */
function typeAtEnd(doc: EditorDocument): EditorDocument | undefined {
  const blocks = structuredClone(doc.root.children)
  const index = blocks.findLastIndex((block) => block.type === 'paragraph' && block.children.length > 0)
  if (index === -1) return undefined
  const paragraph = blocks[index] as ParagraphJSON
  const last = paragraph.children.at(-1)!
  const typed: InlineJSON = { type: 'text', text: ' verdict', format: 0 }
  if (last.type === 'text' && !(last.format & 16)) last.text += ' verdict'
  else paragraph.children.push(typed)
  return { root: { ...doc.root, children: blocks as BlockJSON[] } }
}

describe.each(FRONTS)('the 652 CommonMark spec examples %s', (_name, front) => {
  it('are spec 0.31.2', () => {
    expect(examples).toHaveLength(652)
  })

  it('open and save with no edit byte for byte, through the format service and through the editor', { timeout: slow(600_000) }, () => {
    const changed: number[] = []
    const throughEditor: number[] = []
    for (const { markdown, number } of examples) {
      const file = front + markdown
      const direct = save(file, (doc) => doc)
      if (direct.changed || direct.text !== file) changed.push(number)
      const edited = save(file, (doc) => normalizeDocument(throughLexical(doc)))
      if (edited.changed || edited.text !== file) throughEditor.push(number)
    }
    expect(changed.join(" ")).toBe("")
    expect(throughEditor.join(" ")).toBe("")
  })

  it('keep every other byte when a word is typed at the end of the last paragraph', { timeout: slow(600_000) }, () => {
    const wrong: number[] = []
    let typedInto = 0
    for (const { markdown, number } of examples) {
      const file = front + markdown
      const { doc } = parseReview(Buffer.from(file), fallback)
      const typed = typeAtEnd(normalizeDocument(throughLexical(doc)))
      if (!typed) continue
      typedInto++
      const { text } = save(file, () => typed)
      // The block typed into, as the body read it: everything before and after it stays, but
      // for the `updated` line of a front matter that keeps one.
      const { blocks } = readSourceBlocks(markdown)
      const target = blocks.findLast(({ block }) => block.type === 'paragraph' && block.children.length > 0)!
      const before = front.replace(/^updated: .*$/m, `updated: ${NOW}`) + markdown.slice(0, target.from)
      const after = markdown.slice(target.to)
      const ok = text.startsWith(before) && text.endsWith(after) && text.slice(before.length, text.length - after.length).includes('verdict')
      if (!ok) wrong.push(number)
    }
    expect(typedInto).toBeGreaterThan(300)
    expect(wrong.join(" ")).toBe("")
  })
})

describe('a file with no front matter whose text is all deleted', () => {
  it('is saved as an empty review that opens again, not as a blank (damaged-looking) file', () => {
    const fallback = { title: 'notes', created: '2026-01-01T00:00:00.000Z', updated: '2026-01-02T00:00:00.000Z' }
    const file = Buffer.from(':::pullquote\n:::\n')
    const { meta } = parseReview(file, fallback)
    const saved = reviseReview(file, fallback, meta, { root: { type: 'root', children: [] } }, '2026-12-06T08:00:00.000Z')
    expect(saved.text.trim()).not.toBe('')
    const reread = parseReview(Buffer.from(saved.text), fallback)
    expect(reread.doc).toEqual(normalizeDocument({ root: { type: 'root', children: [] } }))
    expect(reread.meta.title).toBe('notes')
  })
})

describe('a file with no front matter edited to open with two rules', () => {
  it('keeps both rules: Verdict front matter goes above them so they do not read as an empty front matter block', () => {
    const file = Buffer.from(':::spoiler\n:::\n\n---\n')
    const { meta, doc } = parseReview(file, fallback)
    const rules: EditorDocument = { root: { ...doc.root, children: [{ type: 'horizontalrule' }, { type: 'horizontalrule' }] } }
    const saved = reviseReview(file, fallback, meta, rules, NOW)
    const reread = parseReview(Buffer.from(saved.text), fallback)
    expect(reread.doc).toEqual(normalizeDocument(rules))
    expect(saved.text.endsWith('\n---\n\n---\n')).toBe(true)
  })
})
