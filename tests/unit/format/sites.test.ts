/**
 * "Your files, untouched" on posts shaped like Hugo (YAML timestamps, TOML, JSON, shortcodes,
 * `lastmod`), Jekyll (Liquid, comments, file-name dates), Eleventy and Astro, with every case of
 * issue 14 (fixtures/sites): open and save with no edit is byte for byte, through the format
 * service and through the editor; a word typed at the end of the last paragraph changes exactly
 * that block; a tag added changes one front matter line.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { diffLines } from 'diff'
import { describe, expect, it } from 'vitest'
import type { BlockJSON, EditorDocument, ListJSON, ParagraphJSON } from '../../../src/shared/document'
import { normalizeDocument, parseReview, reviseReview } from '../../../src/main/services/format'
import { readFrontMatter } from '../../../src/main/services/format/frontMatter'
import { readSourceBlocks } from '../../../src/main/services/format/markdown'
import { throughLexical } from './headlessEditor'

const SITES = new URL('./fixtures/sites/', import.meta.url)
const names = readdirSync(SITES).filter((name) => name.endsWith('.md'))
const NOW = '2026-12-06T08:00:00.000Z'

const read = (name: string): Buffer => readFileSync(new URL(name, SITES))
/** As the library gives it: the title from the file name, and Jekyll's date from it too. */
const fallbackOf = (name: string) => ({
  title: name.replace(/\.md$/, ''),
  created: '2026-01-01T00:00:00.000Z',
  updated: '2026-01-02T00:00:00.000Z',
  ...(/^\d{4}-\d{2}-\d{2}-/.test(name) ? { date: name.slice(0, 10) } : {}),
})

function open(name: string) {
  const file = read(name)
  const fallback = fallbackOf(name)
  const opened = parseReview(file, fallback)
  // The document as the editor holds it.
  const doc = normalizeDocument(throughLexical(opened.doc))
  return { file, fallback, ...opened, doc }
}

/** Lines removed and added, as `diff` counts them. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const removed: string[] = []
  const added: string[] = []
  for (const part of diffLines(before, after)) {
    const lines = part.value.replace(/\n$/, '').split('\n')
    if (part.removed) removed.push(...lines)
    if (part.added) added.push(...lines)
  }
  return { removed, added }
}

function typeAtEnd(doc: EditorDocument): EditorDocument {
  const blocks = structuredClone(doc.root.children)
  const paragraph = blocks.findLast((block) => block.type === 'paragraph') as ParagraphJSON
  paragraph.children.push({ type: 'text', text: ' Unmissable.', format: 0 })
  return { root: { ...doc.root, children: blocks } }
}

describe('the corpus of posts from other site generators', () => {
  it('has at least 30 posts', () => {
    expect(names.length).toBeGreaterThanOrEqual(30)
  })

  it.each(names)('%s opens editable, with nothing kept read-only but what is unreadable', (name) => {
    const { meta } = open(name)
    expect(meta.kept).toBeUndefined()
  })

  it.each(names)('%s opens and saves with no edit byte for byte', (name) => {
    const { file, fallback, meta, doc } = open(name)
    const saved = reviseReview(file, fallback, meta, doc, NOW)
    expect(saved.changed).toBe(false)
    expect(Buffer.from(saved.text)).toEqual(file)
  })

  it.each(names)('%s: a word typed into the last paragraph changes that block only', (name) => {
    const { file, fallback, meta, doc } = open(name)
    const saved = reviseReview(file, fallback, meta, typeAtEnd(doc), NOW)
    const before = readFrontMatter(file)
    const after = readFrontMatter(Buffer.from(saved.text))
    const oldBlocks = readSourceBlocks(before.body).blocks.map(({ from, to }) => before.body.slice(from, to))
    const newBlocks = readSourceBlocks(after.body).blocks.map(({ from, to }) => after.body.slice(from, to))
    expect(newBlocks).toHaveLength(oldBlocks.length)
    const differing = newBlocks.flatMap((block, index) => (block === oldBlocks[index] ? [] : [index]))
    expect(differing).toHaveLength(1)
    expect(newBlocks[differing[0]!]).toMatch(/Unmissable\.$/)
    // Everything outside that block is as it was, but for an `updated` line the file keeps.
    const { removed, added } = changedLines(before.text, after.text)
    expect(removed.filter((line) => !line.startsWith('updated:'))).toHaveLength(1)
    expect(added.filter((line) => !line.startsWith('updated:'))).toHaveLength(1)
    expect(saved.text.includes('\r\n')).toBe(file.includes('\r\n'))
  })

  it.each(names)('%s: a word typed at the end of any paragraph is the only change, the paragraph kept as written before it', (name) => {
    const { file, fallback, meta, doc } = open(name)
    const { text, body } = readFrontMatter(file)
    const blocks = readSourceBlocks(body).blocks
    expect(doc.root.children).toHaveLength(blocks.length)
    const withoutUpdated = (text: string): string => text.replace(/^updated: .*\n/m, '')
    blocks.forEach(({ block, from, to }, index) => {
      if (block.type !== 'paragraph') return
      const children = structuredClone(doc.root.children)
      ;(children[index] as ParagraphJSON).children.push({ type: 'text', text: ' Unmissable.', format: 0 })
      const saved = reviseReview(file, fallback, meta, { root: { ...doc.root, children } }, NOW).text
      const end = text.length - body.length + to
      const expected = text.slice(0, end) + ' Unmissable.' + text.slice(end)
      expect(withoutUpdated(readFrontMatter(Buffer.from(saved)).text), `paragraph ${index}: ${body.slice(from, to)}`).toBe(withoutUpdated(expected))
    })
  })

  it.each(names.filter((name) => readFrontMatter(read(name)).head))('%s: a tag added changes one front matter line', (name) => {
    const { file, fallback, meta, doc } = open(name)
    const saved = reviseReview(file, fallback, { ...meta, tags: [...meta.tags, 'must see'] }, doc, NOW)
    const { removed, added } = changedLines(readFrontMatter(file).text, readFrontMatter(Buffer.from(saved.text)).text)
    const other = (lines: string[]): string[] => lines.filter((line) => !/^updated\s*[:=]/.test(line))
    expect(other(removed).length).toBeLessThanOrEqual(1)
    expect(other(added)).toHaveLength(1)
    expect(other(added)[0]).toContain('must see')
    expect(parseReview(Buffer.from(saved.text), fallback).meta.tags).toEqual([...meta.tags, 'must see'])
  })
})

describe('what issue 14 found changed, kept', () => {
  const save = (name: string, change: (doc: EditorDocument) => EditorDocument = typeAtEnd): string => {
    const { file, fallback, meta, doc } = open(name)
    return reviseReview(file, fallback, meta, change(doc), NOW).text
  }

  it('keeps timestamps, comments, quoting and anchors in the front matter', () => {
    expect(save('hugo-yaml-timestamp.md')).toContain('date: 2025-11-04 23:29:37+09:00\nlastmod: 2025-11-05T08:00:00+09:00\n')
    expect(save('hugo-yaml-timestamp.md')).toContain('rating: 8   # 1-10 scale\n')
    expect(save('hugo-title-number.md')).toContain('title: 1917\n')
    expect(save('hugo-anchors.md')).toContain('defaults: &defaults\n  layout: review\n  comments: true\npage: *defaults\n')
    expect(save('hugo-bundle-shortcodes.md')).toContain('description: >\n  Three hours of\n  physics and guilt.\n')
    expect(save('hugo-lastmod-only.md')).toContain('tags: lanthimos, fantasy\n')
  })

  it('adds no keys of its own to a foreign file, and never `date: ""` to a Jekyll post dated by its name', () => {
    const saved = save('2025-06-06-no-date-key.md')
    expect(saved).not.toMatch(/^(date|author|status|tags|excerpt|created|updated):/m)
    expect(open('2025-06-06-no-date-key.md').meta.date).toBe('2025-06-06')
  })

  it('keeps TOML front matter TOML', () => {
    const saved = save('hugo-toml.md')
    expect(saved.startsWith('+++\ntitle = "Anatomy of a Fall"\ndate = 2025-10-01T20:00:00+02:00\n')).toBe(true)
    expect(saved).not.toContain('---')
  })

  it('keeps templates exactly, in kept blocks', () => {
    const { doc } = open('2025-11-04-the-holdovers.md')
    const raw = doc.root.children.filter((block) => block.type === 'raw-block').map((block) => (block as { markdown: string }).markdown)
    // Liquid's baseurl before an image's path is the site's image, shown as one and kept as written.
    expect(doc.root.children).toContainEqual({ type: 'image', src: '{{ site.baseurl }}/img/8.jpg', alt: 'walking', caption: '', credit: '', width: 'inline' })
    expect(save('2025-11-04-the-holdovers.md')).toContain('\n![walking]({{ site.baseurl }}/img/8.jpg)\n')
    expect(raw).toContain('{% include image_caption.html imageurl="/img/holdovers.jpg" caption="Barton Academy" %}')
    const hugo = save('hugo-yaml-timestamp.md')
    expect(hugo).toContain('{{< figure src="/img/my_poster.jpg" title="Perfect Days" >}}')
    expect(save('hugo-math.md')).toContain('$t_1 < t_0$')
    expect(save('2025-08-15-everything-everywhere.md')).toContain('::: warning\nContains hot dog fingers.\n:::')
  })

  it('keeps loose lists loose, neighbouring lists apart and URLs unescaped', () => {
    const saved = save('hugo-yaml-timestamp.md')
    expect(saved).toContain('- wake at dawn\n- water the plants\n\n- drive to work\n')
    expect(save('2025-11-04-the-holdovers.md')).toContain('- a Christmas film\n- a school film\n\n* a film about grief\n')
    expect(save('hugo-yaml-t-z.md')).toContain('1. The childhood prologue\n2. The Skype years\n\n3) The New York reunion\n')
    expect(save('hugo-underscores.md', (doc) => doc)).toContain('https://x.com/a_b_c')
  })

  it('keeps neighbouring lists apart after the editor merged them (Lexical joins lists of one type)', () => {
    const merged = (doc: EditorDocument): EditorDocument => {
      const blocks = structuredClone(doc.root.children)
      const at = blocks.findIndex((block, index) => block.type === 'list' && blocks[index + 1]?.type === 'list')
      const [first, second] = [blocks[at] as ListJSON, blocks[at + 1] as ListJSON]
      blocks.splice(at, 2, { ...first, children: [...first.children, ...second.children] })
      return typeAtEnd({ root: { ...doc.root, children: blocks } })
    }
    expect(save('2025-11-04-the-holdovers.md', merged)).toContain('- a Christmas film\n- a school film\n\n* a film about grief\n')
    expect(save('hugo-yaml-t-z.md', merged)).toContain('1. The childhood prologue\n2. The Skype years\n\n3) The New York reunion\n')
  })

  it('lets a list grow by an item like its neighbour\'s without splitting it', () => {
    const grown = (doc: EditorDocument): EditorDocument => {
      const blocks = structuredClone(doc.root.children)
      const at = blocks.findIndex((block, index) => block.type === 'list' && blocks[index + 1]?.type === 'list')
      const [first, second] = [blocks[at] as ListJSON, blocks[at + 1] as ListJSON]
      blocks.splice(at, 1, { ...first, children: [...first.children, ...second.children] })
      return { root: { ...doc.root, children: blocks } }
    }
    expect(save('2025-11-04-the-holdovers.md', grown)).toContain('- a Christmas film\n- a school film\n- a film about grief\n\n* a film about grief\n')
  })

  it('keeps the emphasis style of an edited block', () => {
    const saved = save('hugo-lastmod-only.md', typeAtEnd)
    expect(saved).toContain('The ending is _pure_ Lanthimos: **cruel** and funny. Unmissable.\n')
  })

  it('reads clashing keys and writes them back in the file\'s shape', () => {
    const barbie = open('2025-10-12-barbie.md')
    expect(barbie.meta).toMatchObject({ status: 'published', author: 'Ana Critic' })
    const renamed = reviseReview(barbie.file, barbie.fallback, { ...barbie.meta, author: 'Ana B. Critic' }, barbie.doc, NOW).text
    expect(renamed).toContain('author: {name: Ana B. Critic, url: "https://ana.example"}\n')
    const pastLives = open('hugo-yaml-t-z.md')
    expect(pastLives.meta.score).toEqual({ value: '9', scale: '10', label: 'Overall Score' })
    const tagged = reviseReview(pastLives.file, pastLives.fallback, { ...pastLives.meta, date: '2025-11-05' }, pastLives.doc, NOW).text
    expect(tagged).toContain('date: 2025-11-05T23:29:37Z\n')
    expect(tagged).toContain('score: 9\n')
    // A new overall score is written in the shape the file gives it: a number, or a mapping.
    const overall = (value: string): BlockJSON => ({ type: 'score', value, scale: '10', label: 'Overall Score', overall: true, verdict: '', subScores: [], pros: [], cons: [] })
    const scored = { root: { ...pastLives.doc.root, children: [...pastLives.doc.root.children, overall('7')] } }
    const rescored = reviseReview(pastLives.file, pastLives.fallback, pastLives.meta, scored, NOW).text
    const frontMatterOf = (text: string): string => text.slice(0, text.indexOf('\n---\n') + 5)
    expect(changedLines(frontMatterOf(pastLives.file.toString()), frontMatterOf(rescored))).toEqual({ removed: ['score: 9'], added: ['score: 7'] })
    const brutalist = open('astro-score-mapping.md')
    const eight = { root: { ...brutalist.doc.root, children: brutalist.doc.root.children.map((block) => (block.type === 'score' ? { ...block, value: '8' } : block)) } }
    expect(reviseReview(brutalist.file, brutalist.fallback, brutalist.meta, eight, NOW).text).toContain('score:\n  value: 8\n  scale: "10"\n')
    // `status: publish` is published; set back to draft, only that line changes.
    const drafted = reviseReview(barbie.file, barbie.fallback, { ...barbie.meta, status: 'draft' }, barbie.doc, NOW).text
    expect(changedLines(barbie.file.toString(), drafted)).toEqual({ removed: ['status: publish'], added: ['status: draft'] })
  })
})
