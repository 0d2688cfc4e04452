/** The review file: front matter safety, meta mapping, and the service API the library uses. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emptyDocument } from '../../../src/shared/document'
import type { ReviewMeta } from '../../../src/shared/model'
import {
  normalizeDocument,
  parseReview,
  ReviewParseError,
  scoreMirror,
  serializeReview,
  wordCountOf,
} from '../../../src/main/services/format'
import { metaFromYaml } from '../../../src/main/services/format/meta'
import { documentArb, fcOptions, textArb } from './arbitraries'
import { meta as reviewMeta } from '../../support/documents'

const fallback = { title: 'folder-name', created: '2026-01-01T00:00:00.000Z', updated: '2026-01-02T00:00:00.000Z' }
const parse = (text: string | Buffer, fallbackMeta: typeof fallback & { date?: string } = fallback) =>
  parseReview(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, fallbackMeta)
const refusal = (text: string | Buffer): string => {
  try {
    parse(text)
  } catch (error) {
    expect(error).toBeInstanceOf(ReviewParseError)
    return (error as Error).message
  }
  throw new Error('expected a ReviewParseError')
}

/** The shared review meta, as the review of Heat. */
const meta = (fields: Partial<ReviewMeta> = {}): ReviewMeta => reviewMeta({ title: 'Heat', tags: ['crime'], ...fields })

describe('reading the file', () => {
  it('refuses what is not a text file', () => {
    expect(refusal(Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]))).toMatch(/not valid UTF-8/)
    expect(refusal(Buffer.alloc(0))).toMatch(/empty/)
    expect(refusal(' \n\t\n')).toMatch(/empty/)
    expect(refusal(Buffer.alloc(4096))).toMatch(/NUL/)
  })

  it('strips a byte order mark and reads any line ending', () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\r\ntitle: Heat\r\n---\r\n\r\nBody\r\n')])
    const { meta, doc, body } = parse(file)
    expect(meta.title).toBe('Heat')
    expect(body).toBe('\nBody\n')
    expect(doc.root.children).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'Body', format: 0 }] }])
  })

  it('reads a file without front matter with default meta', () => {
    const { meta, body } = parse('Just a body.\n')
    expect(meta).toEqual({ ...fallback, author: '', date: '', tags: [], excerpt: '', status: 'draft', extra: {} })
    expect(body).toBe('Just a body.\n')
  })

  it('ends front matter at "---" or "..." and accepts empty front matter', () => {
    expect(parse('---\ntitle: A\n...\nBody\n').meta.title).toBe('A')
    expect(parse('---\n---\nBody\n').meta.title).toBe(fallback.title)
  })

  it('says where the YAML is broken', () => {
    expect(refusal('---\ntitle: Heat\nauthor: a\nauthor: b\n---\n')).toBe('The front matter is not valid YAML: Map keys must be unique (line 4)')
    expect(refusal('---\ntitle: [unclosed\nauthor: x\n---\nBody\n')).toMatch(/^The front matter is not valid YAML: .* \(line \d\)$/)
    expect(parse('+++\ntitle = "Heat"\n\nBody without a closing line\n').body).toMatch(/^\+\+\+/)
    expect(refusal('+++\ntitle = \n+++\n')).toMatch(/^The front matter is not valid TOML: .* \(line \d\)$/)
  })

  it('reads a body opening with a `---` rule as a body, not as front matter', () => {
    expect(parse('---\n\nA paragraph under a rule.\n').body).toBe('---\n\nA paragraph under a rule.\n')
    expect(parse('---\njust a sentence\n---\n').body).toBe('---\njust a sentence\n---\n')
    expect(parse('---\n- a\n- b\n---\n').body).toBe('---\n- a\n- b\n---\n')
    // A `#` line reads as a YAML comment and as a Markdown heading: what follows decides.
    expect(parse('---\n# a list\n- a\n- b\n---\n').body).toBe('---\n# a list\n- a\n- b\n---\n')
    expect(parse('---\n\n##\n\n| Film | Score |\n| ---- | ----: |\n| Alien | 9 |\n\n---\n').body).toMatch(/^---\n\n##/)
    expect(parse('---\n# Hugo comment\ntitle: Heat\n---\nBody\n').meta.title).toBe('Heat')
    for (const markdown of ['> \\[a]: /u', '| Film: | Score |', '- Heat: 9/10', '* Heat: 9/10', '[a]: /u', '`code: x`']) {
      expect(parse(`---\n\n${markdown}\n\n---\n`).body, markdown).toBe(`---\n\n${markdown}\n\n---\n`)
    }
  })

  it('never evaluates a ---js or ---json block', () => {
    const key = '__verdictFrontMatterRan'
    const js = `---js\nglobalThis.${key} = true\nmodule.exports = { title: 'pwned' }\n---\n\nBody\n`
    expect(refusal(js)).toMatch(/exactly "---" \(YAML\) or "\+\+\+" \(TOML\), not "---js"/)
    expect(refusal('---json\n{ "title": "x" }\n---\n')).toMatch(/not "---json"/)
    expect((globalThis as Record<string, unknown>)[key]).toBeUndefined()
  })

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let level = 1; level < 10; level++) {
      const previous = String.fromCharCode(96 + level)
      const name = String.fromCharCode(97 + level)
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`)
    }
    const started = Date.now()
    expect(refusal(`---\n${lines.join('\n')}\n---\n`)).toMatch(/alias/)
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('constructs nothing from tags and keeps __proto__ as plain data', () => {
    const { meta } = parse('---\nfn: !!js/function "return 1"\nbin: !!binary aGVsbG8=\nset: !!set {a: null}\n__proto__: {polluted: true}\n---\n')
    expect(meta.extra.fn).toBe('return 1')
    expect(meta.extra.bin).toBe('aGVsbG8=')
    expect(meta.extra.set).toEqual({ a: null })
    expect(Object.getPrototypeOf(meta.extra)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(meta.extra, '__proto__')?.value).toEqual({ polluted: true })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('forwards the reader\'s warnings', () => {
    const parsed = parse('---\ntitle: x\n---\n\n![x](../x.png)\n')
    expect(parsed.warnings).toEqual(['The image “../x.png” was refused because its path leaves the review folder; it is kept as written.'])
  })
})

describe('meta', () => {
  it('reads the known fields, coercing scalars to text', () => {
    const { meta } = parse(
      '---\ntitle: 1984\nauthor: George\ndate: 2026-11-25\nstatus: published\ntags: action, thriller ,\nexcerpt: |\n  Two\n  lines\ncreated: 2026-11-20T09:12:00Z\nupdated: 2026-11-21\n---\n',
    )
    expect(meta).toMatchObject({
      title: '1984',
      author: 'George',
      date: '2026-11-25',
      status: 'published',
      tags: ['action', 'thriller'],
      excerpt: 'Two\nlines\n',
      created: '2026-11-20T09:12:00Z',
      updated: '2026-11-21',
    })
    expect(parse('---\ntags: [a, 2024, "b , c"]\n---\n').meta.tags).toEqual(['a', '2024', 'b , c'])
  })

  it('normalizes a Date that a YAML 1.1 reader would produce', () => {
    const read = metaFromYaml({ date: new Date('2026-11-25T00:00:00Z'), created: new Date('2026-11-20T09:12:00Z') }, fallback)
    expect(read.date).toBe('2026-11-25')
    expect(read.created).toBe('2026-11-20T09:12:00.000Z')
  })

  it('keeps values it cannot read as they are, listed read-only, instead of refusing the file', () => {
    const kept = (yaml: string): ReviewMeta => parse(`---\n${yaml}\n---\n`).meta
    expect(kept('status: done')).toMatchObject({ status: 'draft', kept: { status: 'done' } })
    expect(kept('date: Nov 25, 2026')).toMatchObject({ date: '', kept: { date: 'Nov 25, 2026' } })
    expect(kept('title: {a: 1}')).toMatchObject({ title: fallback.title, kept: { title: { a: 1 } } })
    expect(kept(`title: ${'x'.repeat(501)}`).kept).toEqual({ title: 'x'.repeat(501) })
  })

  it('reads clashing keys where the meaning is clear', () => {
    const { meta } = parse('---\nscore: 8\nstatus: publish\nauthor: {name: Ana, url: "https://ana.example"}\ndate: 2025-11-04 23:29:37+09:00\n---\n')
    expect(meta).toMatchObject({ score: { value: '8', scale: '10' }, status: 'published', author: 'Ana', date: '2025-11-04' })
    expect(meta.kept).toBeUndefined()
    expect(parse('---\ndate: "2025-11-04T23:29:37Z"\n---\n').meta.date).toBe('2025-11-04')
    expect(parse('---\nx: 1\n---\n', { ...fallback, date: '2024-01-02' }).meta.date).toBe('2024-01-02')
  })

  it('keeps unknown keys, in their order and as written, after the known ones', () => {
    const file = '---\nlayout: post\ntitle: Heat\nzeta: 1\nseries:\n  kind: film\n  year: 1995\ncomments: yes\nalpha: [x, y]\n---\n'
    const { meta: read } = parse(file)
    expect(Object.keys(read.extra)).toEqual(['layout', 'zeta', 'series', 'comments', 'alpha'])
    const written = serializeReview(read, emptyDocument())
    // `comments: yes` stays plain: whoever wrote it meant YAML 1.1's true.
    expect(written).toBe(
      '---\ntitle: Heat\nauthor: ""\ndate: ""\nstatus: draft\ntags: []\nexcerpt: ""\n' +
        `created: ${fallback.created}\nupdated: ${fallback.updated}\n` +
        'layout: post\nzeta: 1\nseries:\n  kind: film\n  year: 1995\ncomments: yes\nalpha:\n  - x\n  - y\n---\n',
    )
    expect(parse(written).meta).toEqual(read)
  })

  it('writes the date plain, and quotes text a YAML 1.1 reader would take for something else', () => {
    const written = serializeReview(meta({ title: 'No', author: 'on', tags: ['yes', '1984', 'john wick'] }), emptyDocument())
    expect(written).toContain('\ntitle: "No"\nauthor: "on"\ndate: 2026-11-25\n')
    expect(written).toContain('\ntags: [ "yes", "1984", john wick ]\n')
    expect(parse(written).meta.date).toBe('2026-11-25')
  })

  it('reads and writes the critic fields: subject, score, spoilers, featured image', () => {
    const file =
      '---\ntitle: Heat\nspoilers: true\nfeaturedImage: assets/3f2a.png\nscore:\n  value: 9.5\n  scale: "10"\n' +
      'subject:\n  kind: film\n  title: Heat\n  year: 1995\n  creators: Michael Mann\n  ids:\n    imdb: tt0113277\n    tmdb: 949\n---\n' +
      '\n::score[Overall Score]{value="9.5" scale="10" overall}\n'
    const { meta: read, doc } = parse(file)
    expect(read).toMatchObject({
      spoilers: true,
      featuredImage: 'assets/3f2a.png',
      score: { value: '9.5', scale: '10', label: 'Overall Score' },
      subject: { kind: 'film', title: 'Heat', year: 1995, creators: ['Michael Mann'], cast: [], ids: { imdb: 'tt0113277', tmdb: '949' } },
      extra: {},
    })
    const written = serializeReview(read, doc)
    expect(written).toContain('\nscore:\n  value: 9.5\n  scale: "10"\n')
    expect(written).toContain('\nsubject:\n  kind: film\n  title: Heat\n  year: 1995\n  creators:\n    - Michael Mann\n  ids:\n    imdb: tt0113277\n    tmdb: "949"\n')
    expect(parse(written).meta).toEqual(read)
  })

  it.each([
    ['score:\n  value: 5\n  scale: "7"', 'score'],
    ['subject:\n  kind: opera\n  title: x', 'subject'],
    ['subject:\n  kind: film\n  title: x\n  ids:\n    imdb: "12"', 'subject'],
    ['featuredImage: ../../etc/passwd', 'featuredImage'],
  ])('keeps invalid critic fields as written: %s', (yaml, key) => {
    expect(Object.keys(parse(`---\n${yaml}\n---\n`).meta.kept ?? {})).toEqual([key])
  })

  it('refuses extra keys that repeat a known one', () => {
    expect(() => serializeReview(meta({ extra: { title: 'again' } }), emptyDocument())).toThrow(/"title"/)
  })
})

describe('serializeReview', () => {
  it('writes front matter, a blank line and the body, ending with one newline', () => {
    const doc = { root: { type: 'root' as const, children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text: 'A masterpiece', format: 1 }] }] } }
    const text = serializeReview(meta(), doc)
    expect(text).toMatch(/^---\ntitle: Heat\nauthor: Ana Critic\n[\s\S]*\n---\n\n\*\*A masterpiece\*\*\n$/)
    expect(serializeReview(meta(), emptyDocument())).toMatch(/\n---\n$/)
  })

  it('counts words of the text, raw blocks included', () => {
    const { doc } = parse('---\ntitle: x\n---\n\nThree **bold** words.\n\n| a table | cell |\n| - | - |\n')
    expect(wordCountOf(doc)).toBe(6)
  })
})

const metaArb: fc.Arbitrary<ReviewMeta> = fc.record({
  title: textArb,
  author: fc.oneof(textArb, fc.constantFrom('No', 'on', 'null', '~', '12:30', '007', '- x', '#x', 'a: b')),
  date: fc.oneof(
    fc.constant(''),
    fc
      .date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
  ),
  tags: fc.array(fc.constantFrom('action', 'john wick', 'yes', '1984', 'a, b', '[x]', 'déjà vu'), { maxLength: 4 }),
  excerpt: textArb,
  status: fc.constantFrom('draft' as const, 'ready' as const, 'published' as const),
  created: fc.constantFrom('2026-11-20T09:12:00.000Z', '2026-11-20'),
  updated: fc.constant('2026-11-25T10:40:00.000Z'),
  extra: fc.dictionary(
    fc.constantFrom('layout', 'series', 'y', 'no', '---', '...', '__proto__', 'key with space'),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 4 },
  ),
  // A stale mirror, which the body's overall score replaces or removes.
  score: fc.option(fc.constant({ value: '3', scale: '5' as const, label: 'Stale' }), { nil: undefined }),
})

describe('review file round trip', () => {
  it('reads back the meta and document it writes', () => {
    fc.assert(
      fc.property(metaArb, documentArb, (written, doc) => {
        const text = serializeReview(written, doc)
        expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true)
        const read = parse(text)
        // The front matter's score is the body's overall score, whatever the meta said.
        const score = scoreMirror(normalizeDocument(doc))
        const { score: _ignored, ...rest } = written
        expect(read.meta).toEqual({ ...rest, title: written.title || fallback.title, ...(score ? { score } : {}) })
        expect(read.doc).toEqual(normalizeDocument(doc))
      }),
      fcOptions(200),
    )
  })
})
