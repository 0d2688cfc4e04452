/**
 * complete.md: a full critic review in Verdict's own style (the "Ballerina" review) with every
 * construct the editor holds, critic blocks included; it must be written back byte for byte.
 * foreign.md: a review from another tool, full of what the editor cannot hold; those constructs
 * must survive a save byte for byte, and the save must be stable. foreign.saved.md is what the
 * first save writes, to read as documentation of the changes. critic-problems.md: critic blocks
 * the editor reports (bad scores, images outside the review folder, a foreign embed) but keeps
 * exactly as written.
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
  const { meta, doc, warnings } = parseReview(file, fallback)

  it('holds every construct the editor supports', () => {
    const found = constructs(doc)
    for (const expected of [
      'paragraph', 'h2', 'h3', 'h4', 'quote', 'bullet', 'number', 'horizontalrule', 'link', 'linebreak',
      'score', 'image', 'spoiler', 'pullquote', 'embed',
    ]) {
      expect(found).toContain(expected)
    }
    // Italic, bold, strikethrough, code, bold+italic, bold+strikethrough.
    for (const format of [2, 1, 4, 16, 3, 5]) expect(found).toContain(`format:${format}`)
    expect(found).not.toContain('raw-block')
    expect(warnings).toEqual([])
    expect(meta).toMatchObject({
      spoilers: true,
      featuredImage: 'assets/3f2a9c0d1e2b4a5f.png',
      score: { value: '9.5', scale: '10', label: 'Overall Score' },
      subject: { kind: 'film', title: 'Ballerina', year: 2025, creators: ['Len Wiseman'], runtime: 125 },
      extra: {},
    })
  })

  it('reads the critic blocks with every field', () => {
    const blocks = doc.root.children
    expect(blocks.find((node) => node.type === 'score')).toEqual({
      type: 'score',
      value: '9.5',
      scale: '10',
      label: 'Overall Score',
      overall: true,
      verdict: 'A stylish, bruising spin-off that earns its place.',
      subScores: [
        { label: 'Story', value: '9' },
        { label: 'Action', value: '10' },
      ],
      pros: ['Relentless fight choreography', 'Ana de Armas, all in'],
      cons: ['Thin supporting cast'],
    })
    expect(blocks.find((node) => node.type === 'image')).toEqual({
      type: 'image',
      src: 'assets/3f2a9c0d1e2b4a5f.png',
      alt: 'A dancer mid-leap',
      caption: 'The opening sequence in the Kirov theatre.',
      credit: 'Lionsgate',
      width: 'wide',
    })
    expect(blocks.find((node) => node.type === 'embed')).toEqual({ type: 'embed', url: 'https://www.youtube.com/watch?v=0FSwsrFpkbw' })
    expect(blocks.find((node) => node.type === 'pullquote')).toEqual({
      type: 'pullquote',
      children: [
        { type: 'text', text: 'Every fight is a ', format: 0 },
        { type: 'text', text: 'dance', format: 1 },
        { type: 'text', text: ', and every dance is a fight.', format: 0 },
      ],
    })
    const spoiler = blocks.find((node) => node.type === 'spoiler')
    expect(spoiler).toMatchObject({ label: 'Spoilers: the finale' })
    expect(spoiler?.type === 'spoiler' && spoiler.children.map((node) => node.type)).toEqual(['paragraph', 'list', 'image'])
    expect(spoiler?.type === 'spoiler' && spoiler.children[2]).toEqual({
      type: 'image',
      src: 'assets/9b1c2d3e4f5a6b7c.png',
      alt: 'Eve in the burning village',
      caption: '',
      credit: '',
      width: 'inline',
    })
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

describe('critic-problems.md', () => {
  const file = fixture('critic-problems.md')
  const parsed = parseReview(file, fallback)

  it('reports what it keeps as written: out-of-scale scores, a second overall score, images outside the folder, a foreign embed', () => {
    expect(parsed.warnings).toEqual([
      'Score: the scale “7” is not one of 10, 5, 100, letter; the block is kept as written.',
      'The image “../secret.png” was refused because its path leaves the review folder; it is kept as written.',
      'The image “file:///etc/passwd” was refused because its path leaves the review folder; it is kept as written.',
      'The image “assets/%2e%2e/x.png” was refused because its path leaves the review folder; it is kept as written.',
      'The image “assets\\x.png” was refused because its path leaves the review folder; it is kept as written.',
      'The image “https://example.com/tracker.png” was refused because its path leaves the review folder; it is kept as written.',
      'The image “../up.png” was refused because its path leaves the review folder; it is kept as written.',
      'The embed “https://example.com/video.mp4” is not a YouTube or Vimeo video; it is kept as written.',
      'Score “Overall Score”: 11 is above 10, the top of this scale',
      'Score “Second opinion” is marked overall too; only the first overall score (“Overall Score”) counts.',
      'Score “Letters”: “Q” is not a letter grade (A+ to F)',
      'Score “Story”: 4.7 is not allowed out of 5: use whole or half stars',
      'Score “Story”, sub-score “Pacing”: 6 is above 5, the top of this scale',
    ])
  })

  it('keeps bad score values in the nodes, never clamped, and refused images as raw blocks', () => {
    const blocks = parsed.doc.root.children
    expect(blocks.slice(0, 4).map((node) => node.type === 'score' && node.value)).toEqual(['11', '8', 'Q', '4.7'])
    const raws = blocks.flatMap((node) => (node.type === 'raw-block' ? [node.markdown] : []))
    expect(raws).toHaveLength(8)
    expect(raws).toContain('![Escape](../secret.png)')
    expect(raws).toContain(':::figure{credit="Someone"}\n![Up](../up.png)\n\nA caption.\n:::')
    // A path from a site's root, which only a site's own folder resolves (assets/resolve.ts), never the computer's.
    expect(blocks.flatMap((node) => (node.type === 'image' ? [node.src] : []))).toEqual(['/etc/passwd'])
  })

  it('is written back byte for byte, without a score mirror, since the first overall score is out of scale', () => {
    expect(serializeReview(parsed.meta, parsed.doc)).toBe(file.toString('utf8'))
  })
})
