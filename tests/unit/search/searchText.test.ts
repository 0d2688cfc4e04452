/**
 * The plain text the index cuts from a review's Markdown (what a reader sees, without the markup), and
 * a hit's text read again from its file.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { keyOf } from '../../../src/main/services/fs/fileKey'
import { bodyText, readSearchText, storedText } from '../../../src/main/services/search/searchText'
import { searchTerms, wordSpans } from '../../../src/shared/search'

describe('search text', () => {
  it('keeps what a reader sees of each kind of markup, and prose as written', () => {
    const markdown = [
      'Plain prose, with commas; and an apostrophe’s curl.',
      '## A *heading*',
      '> > a quote with [a link](https://example.com) and ![a still](assets/x.png)',
      '  - a list item with <b>html</b>, \\[not a link\\] and &amp; &#x41;&#66;',
      '12) a numbered one with `code` and ~~struck~~ snake_case_word',
      '---',
      ':::score[Overall Score]{value="9" scale="10" overall}',
      'Verdict: Worth it.',
      ':::',
      '```',
      'fenced *stays* as written',
      '```',
    ].join('\n')
    expect(bodyText(markdown).split('\n')).toEqual([
      'Plain prose, with commas; and an apostrophe’s curl.',
      'A heading',
      'a quote with a link and a still',
      '• a list item with html, [not a link] and & AB',
      '• a numbered one with code and struck snake_case_word',
      '',
      'Overall Score',
      'Verdict: Worth it.',
      '',
      'fenced *stays* as written',
    ])
  })

  it('cuts plain ASCII and other text into the same folded words', () => {
    expect(searchTerms('The FILM, 2025: a Re-make')).toEqual(['the', 'film', '2025', 'a', 're', 'make'])
    expect(searchTerms('The FILM — 2025: “Amélie” a Re-make')).toEqual(['the', 'film', '2025', 'amelie', 'a', 're', 'make'])
    expect(searchTerms('千と千尋の神隠し, Spirited')).toEqual(['千', 'と', '千尋', 'の', '神隠し', 'spirited'])
    // The same words where they stand, for marking them in a hit's sentence.
    for (const text of ['The FILM, 2025: a Re-make', 'The FILM — “Amélie”', '千尋は, Spirited']) {
      const spans = wordSpans(text)
      expect(spans.map((span) => span.term)).toEqual(searchTerms(text))
      expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(text.match(/[\p{L}\p{M}\p{N}]+/gu)!.flatMap((run) => (run === '千尋は' ? ['千尋', 'は'] : [run])))
    }
  })
})

describe('a hit read again from its file', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verdict-search-text-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const body = 'The river *bends*.\n\n:::score[Overall]{value="8" scale="10" overall}\nVerdict: Worth the trip.\n:::\n'
  const files: Record<string, string> = {
    yaml: `---\ntitle: Yaml\ntags: [a, b]\nexcerpt: Short.\nsubject:\n  kind: film\n  title: Jaws\n  year: 1975\n---\n\n${body}`,
    'yaml with a byte order mark and CRLF': `\uFEFF---\r\ntitle: Crlf\r\n---\r\n\r\n${body.replaceAll('\n', '\r\n')}`,
    toml: `+++\ntitle = "Toml"\ntags = ["x"]\n+++\n\n${body}`,
    json: `{ "title": "Json", "excerpt": "In JSON." }\n\n${body}`,
    'no front matter': body,
    'a rule, not front matter': `---\n\n## Heading\n\n---\n\n${body}`,
  }

  it('takes the body alone where the file is the version indexed, to the same text as a whole read', async () => {
    for (const [name, content] of Object.entries(files)) {
      const place = { path: join(dir, `${name}.md`), title: 'Folder title' }
      await writeFile(place.path, content)
      const whole = await readSearchText(place, 1e6)
      expect(whole?.bodyAt, name).toBeGreaterThanOrEqual(0)
      const indexed = { key: keyOf(await stat(place.path)), stored: storedText({ ...whole })! }
      expect(await readSearchText(place, 1e6, indexed), name).toEqual(whole)
      // The stored fields are what it takes: the front matter is not read again.
      expect((await readSearchText(place, 1e6, { ...indexed, stored: { ...indexed.stored, title: 'As indexed' } }))?.title, name).toBe('As indexed')
    }
  })

  it('reads the whole file again once it is another version', async () => {
    const place = { path: join(dir, 'changed.md'), title: 'changed' }
    await writeFile(place.path, files.yaml!)
    const before = await readSearchText(place, 1e6)
    const indexed = { key: keyOf(await stat(place.path)), stored: storedText({ ...before })! }
    // A longer front matter: the body no longer starts where it did.
    await writeFile(place.path, files.yaml!.replace('title: Yaml', 'title: A new, longer title'))
    const after = await readSearchText(place, 1e6, indexed)
    expect(after?.title).toBe('A new, longer title')
    expect(after?.body).toBe(before?.body)
  })
})
