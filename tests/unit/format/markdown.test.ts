import { describe, expect, it } from 'vitest'
import { emptyDocument, type BlockJSON, type EditorDocument, type InlineJSON, type TextJSON } from '../../../src/shared/document'
import { documentToMarkdown, markdownToDocument, normalizeDocument } from '../../../src/main/services/format/markdown'
import { doc } from '../../support/documents'
import { writes } from '../../support/roundTrip'

const p = (...children: InlineJSON[]): BlockJSON => ({ type: 'paragraph', children })
const t = (text: string, format = 0): TextJSON => ({ type: 'text', text, format })
const B = 1
const I = 2
const S = 4
const C = 16

describe('documentToMarkdown', () => {
  it('writes an empty document as an empty body, and reads an empty body as the empty document', () => {
    expect(documentToMarkdown(emptyDocument())).toBe('')
    expect(markdownToDocument('')).toEqual(emptyDocument())
    expect(markdownToDocument('\n\n  \n')).toEqual(emptyDocument())
  })

  it('drops empty paragraphs, which Markdown cannot hold', () => {
    writes(doc(p(), p(t('One')), p(t('  ')), p(), p(t('Two'))), 'One\n\nTwo\n')
  })

  it('escapes what the critic typed so it stays text', () => {
    const typed = '*not emphasis* _nor this_ x_y **or** ~~strike~~ `tick` \\ [link](url) <b>tag</b> &amp; 2:15 www.example.com'
    const markdown = documentToMarkdown(doc(p(t(typed))))
    expect(markdown).toBe(
      '\\*not emphasis\\* \\_nor this\\_ x_y \\*\\*or\\*\\* \\~\\~strike\\~\\~ \\`tick\\` \\ \\[link]\\(url) \\<b>tag\\</b> \\&amp; 2:15 www.example.com\n',
    )
    expect(markdownToDocument(markdown)).toEqual(doc(p(t(typed))))
  })

  it('leaves an underscore between letters bare, as in a URL, but not at a text\'s edge, beside emphasis', () => {
    writes(doc(p(t('see https://x.com/a_b_c and snake__case'))), 'see https://x.com/a_b_c and snake__case\n')
    // Attention encoding may turn a letter beside emphasis into a character reference.
    writes(doc(p(t('a_b'), t('c', I), t('d_e'))), 'a\\_b*c*d\\_e\n')
  })

  it('escapes block syntax at the start of a line', () => {
    for (const line of ['# not a heading', '1. not a list', '- nor this', '> nor a quote', '---', '::score{value=1}', '| a |']) {
      const input = doc(p(t('first'), { type: 'linebreak' }, t(line)), p(t(line)))
      expect(markdownToDocument(documentToMarkdown(input))).toEqual(input)
    }
  })

  it('round-trips every combination of bold, italic, strikethrough and code, side by side', () => {
    const formats = Array.from({ length: 16 }, (_, index) => (index & 7) | (index & 8 ? C : 0))
    const input = doc(p(...formats.map((format, index) => t(`w${index}`, format))))
    expect(markdownToDocument(documentToMarkdown(input))).toEqual(input)
    // to-markdown switches the inner marker to `_` where `***` would be ambiguous.
    writes(doc(p(t('x', B | I | S | C))), '~~**_`x`_**~~\n')
  })

  it('moves whitespace out of emphasis, which cannot open or close next to it', () => {
    writes(doc(p(t('a'), t(' bold ', B), t('c'))), 'a **bold** c\n')
    expect(normalizeDocument(doc(p(t('a'), t(' bold ', B), t('c'))))).toEqual(doc(p(t('a '), t('bold', B), t(' c'))))
    // Code keeps its spaces: a code span can hold them.
    writes(doc(p(t('a'), t(' code ', C), t('b'))), 'a`  code  `b\n')
  })

  it('writes hard line breaks, and newlines typed inside text as hard line breaks', () => {
    writes(doc(p(t('one'), { type: 'linebreak' }, t('two'))), 'one\\\ntwo\n')
    expect(normalizeDocument(doc(p(t('one\ntwo\r\nthree'))))).toEqual(
      doc(p(t('one'), { type: 'linebreak' }, t('two'), { type: 'linebreak' }, t('three'))),
    )
  })

  it('escapes a line typed as `{:`, which would read as kramdown attributes and be kept as written', () => {
    writes(doc(p(t('{:::'))), '\\{:::\n')
    writes(doc(p(t('a {: b'))), 'a {: b\n')
  })

  it('writes headings as one-line ATX headings', () => {
    writes(doc({ type: 'heading', tag: 'h2', children: [t('Act'), { type: 'linebreak' }, t('One')] }), '## Act One\n')
    writes(doc({ type: 'heading', tag: 'h4', children: [t('Small')] }), '#### Small\n')
  })

  it('writes links with titles and awkward destinations', () => {
    const link = (url: string, title: string | null): InlineJSON => ({ type: 'link', url, title, children: [t('see')] })
    writes(doc(p(link('https://example.com/a_(b)', 'The "title"'))), '[see](https://example.com/a_\\(b\\) "The \\"title\\"")\n')
    writes(doc(p(link('assets/a b.png', null))), '[see](<assets/a b.png>)\n')
    // A title's line ending is encoded, so its next line cannot start a block (a directive fence here).
    writes(doc(p(link('https://example.com/', 'One\r\n:::::'))), '[see](https://example.com/ "One&#xD;&#xA;::::\\:")\n')
    // A backtick in a title opens no code span, so `{%` in the code after it is still the critic's text.
    writes(doc(p(link('https://example.com/', '`'), t('{%', C))), '[see](https://example.com/ "`")`{%`\n')
  })

  it('writes emphasis around a link whose whole text has it, as sites write it', () => {
    const link = (...children: TextJSON[]): InlineJSON => ({ type: 'link', url: 'u', title: null, children })
    writes(doc(p(t('Oh, ', I), link(t('Baby ', I | B), t('Driver', I)), t('! I knew', I))), '*Oh, [**Baby** Driver](u)! I knew*\n')
    // Not all of its text: the mark is written inside the link.
    writes(doc(p(t('a ', I), link(t('b', I), t(' c')), t(' d', I))), '*a* [*b* c](u) *d*\n')
  })

  it('writes nested and numbered lists the way Lexical nests them', () => {
    const item = (...children: InlineJSON[]) => ({ type: 'listitem' as const, value: 1, children })
    const nested = (list: BlockJSON) => ({ type: 'listitem' as const, value: 1, children: [list] as [never] })
    const inner: BlockJSON = { type: 'list', listType: 'bullet', start: 1, children: [item(t('b')), item(t('c'))] }
    const outer: BlockJSON = { type: 'list', listType: 'number', start: 3, children: [item(t('a')), nested(inner), item(t('d'))] }
    writes(doc(outer), '3. a\n   - b\n   - c\n4. d\n')
    expect(normalizeDocument(doc(outer)).root.children[0]).toMatchObject({
      children: [{ value: 3 }, { value: 4 }, { value: 4 }],
    })
  })

  it('keeps adjacent lists apart', () => {
    const list = (text: string): BlockJSON => ({ type: 'list', listType: 'bullet', start: 1, children: [{ type: 'listitem', value: 1, children: [t(text)] }] })
    writes(doc(list('a'), list('b')), '- a\n\n* b\n')
    // A raw task list and an editor list would merge: an empty comment keeps them apart.
    writes(doc({ type: 'raw-block', markdown: '- [ ] task' }, list('b')), '- [ ] task\n\n<!---->\n\n- b\n')
  })

  it('writes raw blocks byte for byte', () => {
    const table = '| a |  b |\n|---|---:|\n| 1 |  2 |'
    writes(doc(p(t('Before')), { type: 'raw-block', markdown: table }, { type: 'horizontalrule' }), `Before\n\n${table}\n\n---\n`)
  })

  it('refuses unknown and malformed nodes, naming them', () => {
    const bad = (node: unknown) => () => documentToMarkdown(doc(node as BlockJSON))
    expect(bad({ type: 'image', src: 'x.png' })).toThrow(/"image"/)
    expect(bad(p({ type: 'mention', name: 'x' } as unknown as InlineJSON))).toThrow(/"mention"/)
    expect(bad(p({ type: 'text', text: 'x' } as InlineJSON))).toThrow(/malformed "text".*"format"/)
    expect(bad({ type: 'heading', tag: 'h1', children: [] })).toThrow(/"heading".*"h1"/)
    expect(bad({ type: 'list', listType: 'check', start: 1, children: [] })).toThrow(/"list".*"check"/)
    expect(bad({ type: 'paragraph' })).toThrow(/"paragraph".*children/)
    expect(bad({ type: 'raw-block', markdown: ' ' })).toThrow(/"raw-block"/)
    expect(() => documentToMarkdown({} as EditorDocument)).toThrow(/root/)
  })
})

describe('markdownToDocument', () => {
  it('reads soft line breaks as spaces, and any line ending', () => {
    expect(markdownToDocument('A long\r\nwrapped\rline\n')).toEqual(doc(p(t('A long wrapped line'))))
  })

  it('keeps what the editor cannot hold as raw blocks', () => {
    const raw = (markdown: string) => ({ type: 'raw-block', markdown })
    expect(markdownToDocument('# Title\n\n## Part\n\n##### Small\n').root.children).toEqual([
      raw('# Title'),
      { type: 'heading', tag: 'h2', children: [t('Part')] },
      raw('##### Small'),
    ])
    expect(markdownToDocument('> one\n>\n> two\n\n> just one\n').root.children).toEqual([
      raw('> one\n>\n> two'),
      { type: 'quote', children: [t('just one')] },
    ])
    expect(markdownToDocument('::score{value="9" mood="sunny"}\n').root.children).toEqual([raw('::score{value="9" mood="sunny"}')])
  })

  it('keeps an indented line of only a no-break space (code to Markdown, though trim() calls it blank)', () => {
    const markdown = 'Before\n\n    \u00a0\n\nAfter\n'
    const doc = markdownToDocument(markdown)
    expect(doc.root.children[1]).toEqual({ type: 'raw-block', markdown: '    \u00a0' })
    expect(documentToMarkdown(normalizeDocument(doc))).toBe(markdown)
  })

  it('keeps lists nested deeper than 100 levels raw, and refuses to write them', () => {
    expect(markdownToDocument(`${'- '.repeat(100)}x`).root.children[0]?.type).toBe('list')
    const deep = `${'- '.repeat(101)}x`
    expect(markdownToDocument(deep).root.children).toEqual([{ type: 'raw-block', markdown: deep }])
    let list: BlockJSON = { type: 'list', listType: 'bullet', start: 1, children: [{ type: 'listitem', value: 1, children: [t('x')] }] }
    for (let level = 0; level < 100; level++) {
      list = { type: 'list', listType: 'bullet', start: 1, children: [{ type: 'listitem', value: 1, children: [list as never] }] }
    }
    expect(() => documentToMarkdown(doc(list))).toThrow(/more than 100 levels/)
  })

  it('reads emphasis nested thousands deep without running out of stack', () => {
    // 3000 stars a side are `**` nested 1500 deep.
    const read = markdownToDocument(`${'*'.repeat(3000)}x${'*'.repeat(3000)}`)
    expect(read.root.children).toEqual([p(t('x', B))])
    expect(markdownToDocument(documentToMarkdown(read))).toEqual(read)
  })

  it('drops the separator it writes between blocks', () => {
    expect(markdownToDocument('a\n\n<!---->\n\nb\n')).toEqual(doc(p(t('a')), p(t('b'))))
  })
})
