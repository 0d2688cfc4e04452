/** The critic blocks of docs/format.md: their exact syntax, what stays raw, warnings and the score mirror. */
import { describe, expect, it } from 'vitest'
import type { BlockJSON, EditorDocument } from '../../../src/shared/document'
import type { ImageJSON } from '../../../src/blocks/image/model'
import type { ScoreJSON } from '../../../src/blocks/score/model'
import {
  documentToMarkdown,
  markdownToDocument,
  normalizeDocument,
  parseReview,
  readMarkdown,
  scoreMirror,
  serializeReview,
} from '../../../src/main/services/format'
import { doc, image, meta, paragraph, raw, score, text } from '../../support/documents'

/** Writes, checks the Markdown, and checks it reads back as the normalized document. */
function writes(input: EditorDocument, markdown: string): void {
  expect(documentToMarkdown(input)).toBe(markdown)
  expect(markdownToDocument(markdown)).toEqual(normalizeDocument(input))
}

describe('score', () => {
  it('is a leaf when it is only a number, a container with sections otherwise, as docs/format.md shows', () => {
    writes(doc(score()), '::score[Overall Score]{value="9.5" scale="10" overall}\n')
    writes(
      doc(
        score({
          verdict: 'A stylish, bruising spin-off that earns its place.',
          subScores: [
            { label: 'Story', value: '9' },
            { label: 'Action', value: '10' },
          ],
          pros: ['Relentless fight choreography'],
          cons: ['Thin supporting cast'],
        }),
      ),
      ':::score[Overall Score]{value="9.5" scale="10" overall}\n' +
        'Verdict: A stylish, bruising spin-off that earns its place.\n\n' +
        'Sub-scores:\n- Story: 9\n- Action: 10\n\n' +
        'Pros:\n- Relentless fight choreography\n\n' +
        'Cons:\n- Thin supporting cast\n' +
        ':::\n',
    )
    writes(doc(score({ overall: false, scale: 'letter', value: 'B+', label: 'Soundtrack', cons: ['Too loud'] })), ':::score[Soundtrack]{value="B+" scale="letter"}\nCons:\n- Too loud\n:::\n')
  })

  it('writes the default label, and reads a score without one as unlabelled so the file keeps its form', () => {
    writes(doc(score({ label: '' })), '::score{value="9.5" scale="10" overall}\n')
    expect(markdownToDocument('::score{value="7"}\n').root.children).toEqual([score({ label: '', value: '7', overall: false })])
  })

  it('escapes labels and attribute values so that any text reads back', () => {
    const hostile = score({ label: 'Plot ]{x="y"} [twists] *not bold* :::', value: 'a "quoted" {9} & &amp;\nline' })
    writes(doc(hostile), '::score[Plot \\]{x="y"} \\[twists\\] \\*not bold\\* :::]{value="a &#x22;quoted&#x22; {9} & &#x26;amp;&#xA;line" scale="10" overall}\n')
    writes(doc(score({ label: '__proto__', value: '__proto__' })), '::score[\\_\\_proto\\_\\_]{value="__proto__" scale="10" overall}\n')
    // A label is one line: a newline in it becomes a space.
    expect(normalizeDocument(doc(score({ label: 'Two\nlines' }))).root.children[0]).toMatchObject({ label: 'Two lines' })
  })

  it('keeps sections readable whatever the critic typed in them', () => {
    const typed = score({
      verdict: 'Verdict: twice, then\nPros:\n- not a list',
      subScores: [
        { label: 'Act 1: the setup', value: '9' },
        { label: 'Unscored', value: '' },
        { label: '', value: '' },
      ],
      pros: ['- a dash', '', '  ', 'two\nlines'],
      cons: ['Cons:'],
    })
    const markdown = documentToMarkdown(doc(typed))
    expect(markdown).toBe(
      ':::score[Overall Score]{value="9.5" scale="10" overall}\n' +
        'Verdict: Verdict: twice, then\\\nPros:\\\n\\- not a list\n\n' +
        'Sub-scores:\n- Act 1: the setup: 9\n- Unscored:\n\n' +
        'Pros:\n- \\- a dash\n- two\\\n  lines\n\n' +
        'Cons:\n- Cons:\n' +
        ':::\n',
    )
    expect(markdownToDocument(markdown)).toEqual(normalizeDocument(doc(typed)))
    expect(normalizeDocument(doc(typed)).root.children[0]).toMatchObject({
      subScores: [
        { label: 'Act 1: the setup', value: '9' },
        { label: 'Unscored', value: '' },
      ],
      pros: ['- a dash', 'two\nlines'],
    })
  })

  it('reads sections in any order and spelling, and writes them back in the documented one', () => {
    const read = markdownToDocument(':::score{value="8" scale="10"}\nCONS\n\n* Long\n\nverdict:Good.\n\nSubscores:\n1. Story: 8\n:::\n')
    expect(read.root.children).toEqual([score({ label: '', value: '8', overall: false, verdict: 'Good.', subScores: [{ label: 'Story', value: '8' }], cons: ['Long'] })])
    expect(documentToMarkdown(read)).toBe(':::score{value="8" scale="10"}\nVerdict: Good.\n\nSub-scores:\n- Story: 8\n\nCons:\n- Long\n:::\n')
  })

  it.each([
    ['an unknown attribute', '::score{value="9" mood="x"}'],
    ['an id or class', '::score{#main value="9"}'],
    ['a __proto__ attribute', '::score{value="9" __proto__="x"}'],
    ['an unknown scale', '::score{value="9" scale="7"}'],
    ['an odd overall', '::score{value="9" overall="maybe"}'],
    ['a formatted label', '::score[*Big* score]{value="9"}'],
    ['a paragraph it has no section for', ':::score{value="9"}\nJust words.\n:::'],
    ['a section twice', ':::score{value="9"}\nPros:\n- a\n\nPros:\n- b\n:::'],
    ['a section without a list', ':::score{value="9"}\nPros:\n:::'],
    ['a formatted verdict', ':::score{value="9"}\nVerdict: *great*\n:::'],
    ['a sub-score without a colon', ':::score{value="9"}\nSub-scores:\n- Story 9\n:::'],
    ['a task list', ':::score{value="9"}\nPros:\n- [x] done\n:::'],
  ])('keeps a score with %s raw', (_, markdown) => {
    expect(markdownToDocument(markdown).root.children).toEqual([raw(markdown)])
    expect(documentToMarkdown(markdownToDocument(markdown))).toBe(`${markdown}\n`)
  })

  it('keeps a value outside its scale exactly as written', () => {
    for (const value of ['11', '9.55', 'ten', '', ' 9 ']) {
      const markdown = documentToMarkdown(doc(score({ value })))
      expect(markdownToDocument(markdown).root.children[0]).toMatchObject({ value })
    }
  })

  it('refuses what it could not read back, saying why', () => {
    const bad = (node: Partial<ScoreJSON> | Record<string, unknown>) => () => documentToMarkdown(doc({ ...score(), ...node } as ScoreJSON))
    expect(bad({ scale: '7' })).toThrow(/"score".*scale "7"/)
    expect(bad({ overall: 'yes' })).toThrow(/"score".*overall/)
    expect(bad({ subScores: [{ label: 'Story', value: '9 of 10' }] })).toThrow(/sub-score value “9 of 10” for “Story”: a sub-score value is one word/)
    expect(bad({ subScores: [{ label: 'Story', value: 'a:b' }] })).toThrow(/one word/)
    expect(bad({ pros: [1] })).toThrow(/"score".*"pros"/)
    expect(bad({ verdict: undefined })).toThrow(/"score".*"verdict"/)
  })
})

describe('image', () => {
  it('is plain Markdown without caption, credit or width, and a figure otherwise', () => {
    writes(doc(image()), '![A dancer mid-leap](assets/3f2a9c0d1e2b4a5f.png)\n')
    writes(
      doc(image({ caption: 'The opening sequence in the Kirov theatre.', credit: 'Lionsgate', width: 'wide' })),
      ':::figure{credit="Lionsgate" width="wide"}\n![A dancer mid-leap](assets/3f2a9c0d1e2b4a5f.png)\n\nThe opening sequence in the Kirov theatre.\n:::\n',
    )
    writes(doc(image({ width: 'full' })), ':::figure{width="full"}\n![A dancer mid-leap](assets/3f2a9c0d1e2b4a5f.png)\n:::\n')
    writes(doc(image({ caption: 'Only a caption' })), ':::figure\n![A dancer mid-leap](assets/3f2a9c0d1e2b4a5f.png)\n\nOnly a caption\n:::\n')
  })

  it('escapes alt text, captions, credits and paths', () => {
    writes(
      doc(image({ src: 'assets/a b(1).png', alt: 'A ]bracket[ and *stars*', caption: '![not](an image)\n:::', credit: 'Photo: "Lionsgate" & co.\n{2025}' })),
      ':::figure{credit="Photo: &#x22;Lionsgate&#x22; & co.&#xA;{2025}"}\n![A \\]bracket\\[ and \\*stars\\*](<assets/a b(1).png>)\n\n!\\[not]\\(an image)\\\n::\\:\n:::\n',
    )
  })

  it('escapes a caption line of four colons or more, which would read as another tool\'s container', () => {
    writes(doc(image({ caption: 'x\n:::::score' })), ':::figure\n![A dancer mid-leap](assets/3f2a9c0d1e2b4a5f.png)\n\nx\\\n\\::::\\:score\n:::\n')
  })

  it('reads a figure holding the image as written back in plain form when nothing else is set', () => {
    expect(documentToMarkdown(markdownToDocument(':::figure\n![a](assets/a.png)\n:::\n'))).toBe('![a](assets/a.png)\n')
  })

  it.each([
    ['a title, which the image node has no place for', '![A still](assets/still.png "Still")'],
    ['a figure label', ':::figure[Label]\n![a](assets/a.png)\n:::'],
    ['an unknown width', ':::figure{width="huge"}\n![a](assets/a.png)\n:::'],
    ['a formatted caption', ':::figure\n![a](assets/a.png)\n\n*Ballerina*, 2025\n:::'],
    ['two captions', ':::figure\n![a](assets/a.png)\n\nOne\n\nTwo\n:::'],
    ['no image', ':::figure{credit="x"}\nJust a caption\n:::'],
  ])('keeps an image with %s raw', (_, markdown) => {
    expect(readMarkdown(markdown)).toEqual({ doc: doc(raw(markdown)), warnings: [] })
  })

  it.each([
    ['/img/still.png', '![A still](/img/still.png)'],
    ['{{ site.baseurl }}/assets/still.png', '![A still]({{ site.baseurl }}/assets/still.png)'],
    ['{{site.baseurl}}/assets/still.png', '![A still]({{site.baseurl}}/assets/still.png)'],
  ])('reads %s, a path from a site’s root, as an image written back as the site wrote it', (src, markdown) => {
    expect(readMarkdown(markdown)).toEqual({ doc: doc(image({ src, alt: 'A still' })), warnings: [] })
    expect(documentToMarkdown(doc(image({ src, alt: 'A still' })))).toBe(`${markdown}\n`)
  })

  it('leaves out of an alt beside Liquid what would need an escape there, and refuses what cannot be written after it', () => {
    expect(normalizeDocument(doc(image({ src: '{{ site.baseurl }}/a.png', alt: 'A *still* [1]' })))).toEqual(doc(image({ src: '{{ site.baseurl }}/a.png', alt: 'A still 1' })))
    expect(() => documentToMarkdown(doc(image({ src: '{{ site.baseurl }}/a b.png' })))).toThrow(/"image".*cannot be written after/)
    expect(readMarkdown('![x]({{ site.baseurl }}/../x.png)').doc).toEqual(doc(raw('![x]({{ site.baseurl }}/../x.png)')))
  })

  it.each(['../x.png', '/../etc/passwd', 'file:///etc/passwd', 'assets/%2e%2e/x.png', 'assets\\x.png', 'https://example.com/x.png', 'assets/../../x.png', './assets/x.png'])(
    'refuses the path %s: a raw block and a warning when read, an error when written',
    (src) => {
      const markdown = `![A still](<${src}>)`
      expect(readMarkdown(markdown)).toEqual({
        doc: doc(raw(markdown)),
        warnings: [`The image “${src}” was refused because its path leaves ${src.startsWith('/') ? 'the site’s folder' : 'the review folder'}; it is kept as written.`],
      })
      expect(() => documentToMarkdown(doc(image({ src })))).toThrow(/"image".*leaves the review folder/)
    },
  )

  it('refuses unknown widths from the renderer', () => {
    expect(() => documentToMarkdown(doc({ ...image(), width: 'huge' } as unknown as ImageJSON))).toThrow(/"image".*width "huge"/)
  })
})

describe('spoiler', () => {
  it('holds blocks, converted through the registry with the raw fallback', () => {
    const spoiler: BlockJSON = {
      type: 'spoiler',
      label: 'Spoilers',
      children: [
        paragraph('Eve wins.'),
        { type: 'list', listType: 'bullet', start: 1, children: [{ type: 'listitem', value: 1, children: [text('a duel')] }] },
        image(),
        raw('| a | b |\n| - | - |'),
      ],
    }
    writes(doc(spoiler), ':::spoiler[Spoilers]\nEve wins.\n\n- a duel\n\n![A dancer mid-leap](assets/3f2a9c0d1e2b4a5f.png)\n\n| a | b |\n| - | - |\n:::\n')
  })

  it('makes its fence longer than any container inside it, and keeps raw lists apart from its own', () => {
    const spoiler: BlockJSON = { type: 'spoiler', label: 'A ]label[', children: [raw(':::aside\nInside\n:::'), raw('- [ ] task'), { type: 'list', listType: 'bullet', start: 1, children: [{ type: 'listitem', value: 1, children: [text('b')] }] }] }
    writes(doc(spoiler), '::::spoiler[A \\]label\\[]\n:::aside\nInside\n:::\n\n- [ ] task\n\n<!---->\n\n- b\n::::\n')
  })

  it('keeps nested spoilers and review-level blocks inside a spoiler raw', () => {
    const markdown = '::::spoiler[Outer]\n:::spoiler[Inner]\nDeep\n:::\n\n::score{value="9" scale="10"}\n\n::embed{url="https://youtu.be/0FSwsrFpkbw"}\n::::\n'
    expect(markdownToDocument(markdown).root.children).toEqual([
      { type: 'spoiler', label: 'Outer', children: [raw(':::spoiler[Inner]\nDeep\n:::'), raw('::score{value="9" scale="10"}'), raw('::embed{url="https://youtu.be/0FSwsrFpkbw"}')] },
    ])
    expect(documentToMarkdown(markdownToDocument(markdown))).toBe(markdown)
  })

  it('calls a spoiler without a label "Spoilers", as the editor does, and keeps an empty one', () => {
    writes(doc({ type: 'spoiler', label: ' ', children: [] }), ':::spoiler[Spoilers]\n:::\n')
    expect(markdownToDocument(':::spoiler\nHidden\n:::').root.children).toEqual([{ type: 'spoiler', label: 'Spoilers', children: [paragraph('Hidden')] }])
  })

  it('keeps a spoiler with attributes raw, and refuses a spoiler holding what it cannot', () => {
    expect(markdownToDocument(':::spoiler{open}\nx\n:::').root.children).toEqual([raw(':::spoiler{open}\nx\n:::')])
    const nested = { type: 'spoiler', label: 'x', children: [{ type: 'spoiler', label: 'y', children: [] }] } as unknown as BlockJSON
    expect(() => documentToMarkdown(doc(nested))).toThrow(/"spoiler".*holds a "spoiler"/)
    const holdingScore = { type: 'spoiler', label: 'x', children: [score()] } as unknown as BlockJSON
    expect(() => documentToMarkdown(doc(holdingScore))).toThrow(/holds a "score"/)
  })
})

describe('pull quote and embed', () => {
  it('writes a pull quote as a container of one paragraph', () => {
    writes(
      doc({ type: 'pullquote', children: [text('The best action film since '), text('John Wick', 2), text('.')] }),
      ':::pullquote\nThe best action film since *John Wick*.\n:::\n',
    )
    // An empty pull quote (not written yet) is kept as an empty container.
    expect(documentToMarkdown(doc({ type: 'pullquote', children: [text('  ')] }))).toBe(':::pullquote\n:::\n')
    expect(markdownToDocument(':::pullquote\n:::\n')).toEqual(doc({ type: 'pullquote', children: [] }))
  })

  it('keeps other pull quotes raw', () => {
    for (const markdown of [':::pullquote\nOne\n\nTwo\n:::', ':::pullquote[Label]\nx\n:::', '::pullquote[x]', ':::pullquote{.big}\nx\n:::']) {
      expect(markdownToDocument(markdown).root.children).toEqual([raw(markdown)])
    }
  })

  it('writes an embed as its URL, escaping what an attribute cannot hold', () => {
    writes(doc({ type: 'embed', url: 'https://www.youtube.com/watch?v=0FSwsrFpkbw' }), '::embed{url="https://www.youtube.com/watch?v=0FSwsrFpkbw"}\n')
    writes(doc({ type: 'embed', url: 'https://youtu.be/0FSwsrFpkbw?t=42&x="y"' }), '::embed{url="https://youtu.be/0FSwsrFpkbw?t=42&#x26;x=&#x22;y&#x22;"}\n')
    writes(doc({ type: 'embed', url: 'https://vimeo.com/76979871' }), '::embed{url="https://vimeo.com/76979871"}\n')
  })

  it('keeps embeds of anything but YouTube and Vimeo raw, with a warning, and refuses to write them', () => {
    expect(readMarkdown('::embed{url="https://example.com/x.mp4"}')).toEqual({
      doc: doc(raw('::embed{url="https://example.com/x.mp4"}')),
      warnings: ['The embed “https://example.com/x.mp4” is not a YouTube or Vimeo video; it is kept as written.'],
    })
    expect(readMarkdown('::embed').warnings).toEqual(['An embed without a url is kept as written.'])
    expect(markdownToDocument('::embed[Trailer]{url="https://youtu.be/0FSwsrFpkbw"}').root.children[0]?.type).toBe('raw-block')
    expect(() => documentToMarkdown(doc({ type: 'embed', url: 'javascript:alert(1)' }))).toThrow(/"embed".*not a YouTube or Vimeo video/)
  })
})

describe('warnings', () => {
  it('reports scores outside their scale, sub-scores included, never changing them', () => {
    const { doc: read, warnings } = readMarkdown(':::score[Overall Score]{value="11" scale="10" overall}\nSub-scores:\n- Story: 9.25\n- Look: A\n:::\n\n::score{value="4.3" scale="5"}\n')
    expect(warnings).toEqual([
      'Score “Overall Score”: 11 is above 10, the top of this scale',
      'Score “Overall Score”, sub-score “Story”: 9.25 is not allowed out of 10: use at most one decimal place',
      'Score “Overall Score”, sub-score “Look”: “A” is not a number',
      'Score: 4.3 is not allowed out of 5: use whole or half stars',
    ])
    expect(read.root.children[0]).toMatchObject({ value: '11', subScores: [{ value: '9.25' }, { value: 'A' }] })
  })

  it('reports more than one overall score: the first counts', () => {
    const { warnings } = readMarkdown('::score[First]{value="8" scale="10" overall}\n\n::score[Second]{value="9" scale="10" overall}\n')
    expect(warnings).toEqual(['Score “Second” is marked overall too; only the first overall score (“First”) counts.'])
  })

  it('are forwarded by parseReview', () => {
    const parsed = parseReview(Buffer.from('---\ntitle: x\n---\n\n![x](../x.png)\n'), { title: 'x', created: '', updated: '' })
    expect(parsed.warnings).toEqual(['The image “../x.png” was refused because its path leaves the review folder; it is kept as written.'])
  })
})

describe('score mirror', () => {
  it('writes the front matter score from the body’s first overall score', () => {
    const written = serializeReview(meta(), doc(score({ overall: false, value: '3' }), score({ value: '9.50' }), score({ value: '2', label: 'Later' })))
    expect(written).toContain('\nscore:\n  value: 9.5\n  scale: "10"\n---\n')
    const letter = serializeReview(meta(), doc(score({ value: 'a-', scale: 'letter', label: 'Grade' })))
    expect(letter).toContain('\nscore:\n  value: A-\n  scale: letter\n  label: Grade\n---\n')
    expect(parseReview(Buffer.from(letter), { title: 'x', created: '', updated: '' }).meta.score).toEqual({ value: 'A-', scale: 'letter', label: 'Grade' })
  })

  it('removes the front matter score when the body has no overall score, or an invalid one', () => {
    const stale = meta({ score: { value: '3', scale: '5', label: 'Stale' } })
    expect(serializeReview(stale, doc(paragraph('No score')))).not.toContain('score:')
    expect(serializeReview(stale, doc(score({ overall: false })))).not.toContain('score:')
    expect(serializeReview(stale, doc(score({ value: '11' })))).not.toContain('\nscore:')
  })

  it('names an unlabelled overall score "Overall Score" and shortens a label the front matter cannot hold', () => {
    expect(scoreMirror(doc(score({ label: '' })))).toEqual({ value: '9.5', scale: '10', label: 'Overall Score' })
    const long = scoreMirror(doc(score({ label: '😀'.repeat(400) })))
    expect(long?.label.length).toBeLessThanOrEqual(300)
    expect(long?.label.endsWith('😀…')).toBe(true)
    const written = serializeReview(meta(), doc(score({ label: 'x'.repeat(400) })))
    expect(() => parseReview(Buffer.from(written), { title: 'x', created: '', updated: '' })).not.toThrow()
  })
})
