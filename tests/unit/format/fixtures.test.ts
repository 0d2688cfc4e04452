/**
 * complete.md: a review in Verdict's own style with every construct the editor holds; it must be
 * written back byte for byte. foreign.md: a review from another tool, full of what the editor
 * cannot hold; those constructs must survive a save byte for byte, and the save must be stable.
 * foreign.saved.md is what the first save writes, to read as documentation of the changes.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { EditorDocument } from '../../../src/shared/document'
import { parseReview, serializeReview } from '../../../src/main/services/format'

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url))
const fallback = { title: 'heat', created: '2026-11-01T08:00:00.000Z', updated: '2026-11-02T08:00:00.000Z' }

/** Every node type and text format (as a bit set) in a document. */
function constructs(doc: EditorDocument): Set<string> {
  const found = new Set<string>()
  const walk = (node: { type: string; children?: unknown[]; format?: unknown; tag?: string; listType?: string }): void => {
    found.add(node.tag ?? node.listType ?? node.type)
    if (node.type === 'text') found.add(`format:${String(node.format)}`)
    for (const child of node.children ?? []) walk(child as typeof node)
  }
  walk(doc.root)
  return found
}

describe('complete.md', () => {
  const file = fixture('complete.md')
  const { meta, doc } = parseReview(file, fallback)

  it('holds every construct the editor supports', () => {
    const found = constructs(doc)
    for (const expected of ['paragraph', 'h2', 'h3', 'h4', 'quote', 'bullet', 'number', 'horizontalrule', 'link', 'linebreak']) {
      expect(found).toContain(expected)
    }
    // Italic, bold, strikethrough, code, bold+italic, bold+strikethrough.
    for (const format of [2, 1, 4, 16, 3, 5]) expect(found).toContain(`format:${format}`)
    expect(doc.root.children.some((node) => node.type === 'raw-block')).toBe(false)
    expect(meta).toMatchObject({ spoilers: true, score: { value: '9.5', scale: '10', label: 'Overall Score' }, extra: {} })
  })

  it('is written back byte for byte', () => {
    expect(serializeReview(meta, doc)).toBe(file.toString('utf8'))
  })
})

describe('foreign.md', () => {
  const file = fixture('foreign.md')
  const parsed = parseReview(file, fallback)
  const saved = serializeReview(parsed.meta, parsed.doc)

  it('keeps what the editor cannot hold as raw blocks, byte for byte', () => {
    const raws = parsed.doc.root.children.flatMap((node) => (node.type === 'raw-block' ? [node.markdown] : []))
    expect(raws).toEqual([
      'Heat\n====',
      '# A second top-level heading',
      '##### A tiny heading',
      '| Film  | Year | Score |\n|:------|:----:|------:|\n| Heat  | 1995 |  9/10 |\n| Thief | 1981 |  8/10 |',
      '<div class="callout">\n  <p>Raw <em>HTML</em> block.</p>\n</div>',
      'Here is a footnote reference[^1] and a [reference link][heat].',
      '[heat]: https://en.wikipedia.org/wiki/Heat_(1995_film) "Heat on Wikipedia"',
      '[^1]: The footnote text,\n    continued on an indented line.',
      '```python\ndef score(film):\n    return 9\n```',
      '    indented code\n    block',
      '![A still from Heat](assets/heat.png "Still")',
      '> Outer quote\n>\n> > Nested quote',
      '- [x] Watched\n- [ ] Reviewed',
      'Entities &amp; &copy; decode, and <span>inline html</span> keeps this paragraph raw.',
      '::unknown-directive{id="x"}',
      ':::aside\nA container directive Verdict does not know yet.\n:::',
    ])
    for (const raw of raws) {
      expect(file.toString('utf8')).toContain(raw)
      expect(saved).toContain(raw)
    }
  })

  it('reads back the same document and meta after a save, and a second save changes nothing', () => {
    const again = parseReview(Buffer.from(saved, 'utf8'), fallback)
    expect(again.doc).toEqual(parsed.doc)
    expect(again.meta).toEqual(parsed.meta)
    expect(serializeReview(again.meta, again.doc)).toBe(saved)
  })

  it('keeps the unknown front matter keys in order', () => {
    expect(Object.keys(parsed.meta.extra)).toEqual(['layout', 'categories', 'comments'])
  })

  it('is saved as foreign.saved.md shows', () => {
    expect(saved).toBe(fixture('foreign.saved.md').toString('utf8'))
  })
})
