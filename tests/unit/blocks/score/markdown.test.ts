/** The score's Markdown (src/blocks/score/markdown.ts, docs/format.md): its exact syntax, what stays raw, its warnings and the front matter's mirror of it. */
import { describe, expect, it } from 'vitest'
import type { ScoreJSON } from '../../../../src/blocks/score/model'
import { documentToMarkdown, markdownToDocument, normalizeDocument, parseReview, readMarkdown, scoreMirror, serializeReview } from '../../../../src/main/services/format'
import { doc, meta, paragraph, raw, score } from '../../../support/documents'
import { writes } from '../../../support/roundTrip'

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

describe('score warnings', () => {
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
