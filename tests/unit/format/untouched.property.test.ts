/**
 * "Your files, untouched" as a property: random documents in files with random front matter
 * (YAML with comments and anchors, TOML, JSON, none), random edits to random blocks and a tag
 * added: every unedited block's bytes and every untouched front matter line survive, in order,
 * and the file reads back as the edited document.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BlockJSON, EditorDocument } from '../../../src/shared/document'
import { documentToMarkdown, normalizeDocument, parseReview, reviseReview } from '../../../src/main/services/format'
import { readFrontMatter } from '../../../src/main/services/format/frontMatter'
import { readSourceBlocks } from '../../../src/main/services/format/markdown'
import { blockArb, documentArb, fcOptions } from './arbitraries'
import { slow } from '../../support/slow'

const FRONT_MATTERS = [
  '',
  '---\ntitle: "Perfect Days"   # as on the poster\ndate: 2025-11-04 23:29:37+09:00\nbase: &b {layout: post}\npage: *b\ntags:\n  - wenders\n---\n\n',
  '---\ntitle: Heat\nauthor: Ana Critic\ndate: 2026-11-25\nstatus: draft\ntags: [crime]\nexcerpt: ""\ncreated: 2026-11-20T09:12:00.000Z\nupdated: 2026-11-25T10:40:00.000Z\n---\n\n',
  '+++\ntitle = "Anatomy of a Fall"\ndate = 2025-10-01T20:00:00+02:00\ntags = ["courtroom"]\n# a comment\n[params]\n  rating = 9\n+++\n\n',
  '{\n  "title": "Aftersun",\n  "tags": ["memory"],\n  "draft": false\n}\n\n',
]
const fallback = { title: 'review', created: '2026-01-01T00:00:00.000Z', updated: '2026-01-02T00:00:00.000Z' }
const NOW = '2026-12-06T08:00:00.000Z'

/** Each of `needles` found in `text`, one after the other. */
function inOrder(text: string, needles: readonly string[]): boolean {
  let at = 0
  for (const needle of needles) {
    const found = text.indexOf(needle, at)
    if (found === -1) return false
    at = found + needle.length
  }
  return true
}

const oneBlock = (block: BlockJSON): BlockJSON[] => normalizeDocument({ root: { type: 'root', children: [block] } }).root.children.filter((b) => !(b.type === 'paragraph' && b.children.length === 0))

describe('random edits to random blocks', () => {
  it('keep every unedited block and every untouched front matter line', { timeout: slow(600_000) }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FRONT_MATTERS),
        documentArb,
        fc.array(fc.tuple(fc.nat(), blockArb), { maxLength: 3 }),
        fc.boolean(),
        (front, written, edits, addTag) => {
          const markdown = documentToMarkdown(written)
          fc.pre(Boolean((front + markdown).trim()))
          const file = Buffer.from(front + markdown)
          const { meta } = parseReview(file, fallback)
          const { body } = readFrontMatter(file)
          const original = readSourceBlocks(body).blocks
          const edited = new Map<number, BlockJSON[]>()
          for (const [index, block] of edits) if (original.length) edited.set(index % original.length, oneBlock(block))
          const children = original.flatMap((block, index) => edited.get(index) ?? [block.block])
          const next: EditorDocument = { root: { type: 'root', children } }
          const tags = addTag ? [...meta.tags, 'must see'] : meta.tags
          const saved = reviseReview(file, fallback, { ...meta, tags }, next, NOW)
          const after = readFrontMatter(Buffer.from(saved.text))
          // Every unedited block's bytes, in order. Blocks are matched by content (bodyEdit.ts), so
          // one equal to an edited block may stand for it: either one's bytes may stay.
          const key = (block: BlockJSON) => JSON.stringify(block)
          const editedKeys = new Set([...edited.keys()].map((index) => key(original[index]!.block)))
          const kept = original
            .filter((source, index) => !edited.has(index) && !editedKeys.has(key(source.block)))
            .map(({ from, to }) => body.slice(from, to))
          expect(inOrder(after.body, kept)).toBe(true)
          // Every front matter line but the tags' and `updated`, in order.
          const before = readFrontMatter(file)
          const head = (text: string, end: number | undefined) => text.slice(0, end ?? 0)
          const untouched = head(before.text, before.head?.bodyStart)
            .split('\n')
            .filter((line) => line && !/tags|wenders|courtroom|memory|crime|^updated:/.test(line))
          expect(inOrder(head(after.text, after.head?.bodyStart), untouched)).toBe(true)
          // And the file reads back as the edited document.
          const reread = parseReview(Buffer.from(saved.text), fallback)
          expect(reread.doc).toEqual(normalizeDocument(children.length ? next : { root: { type: 'root', children: [] } }))
          expect(reread.meta.tags).toEqual(tags)
        },
      ),
      fcOptions(150),
    )
  })
})
