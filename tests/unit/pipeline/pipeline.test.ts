import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  buildPost,
  isAllowedResolvedUrl,
  renderPage,
  safeRelativePath,
} from '../../../src/main/services/pipeline'
import { splitBlocks } from '../../../src/main/services/pipeline/chunks'
import { renderMarkdown, renderMarkdownBlocks } from '../../../src/main/services/pipeline/processor'
import type { RenderContext } from '../../../src/main/services/pipeline/context'
import { measureText } from '../../../src/shared/text'
import { VERDICT_PAGE } from '../../../src/shared/blogKinds'
import { assetUrl, FIXTURE_NAMES, loadFixture, reviewInput as review, STUB_THEME } from './renderFixtures'

describe('critic blocks together', () => {
  it('never builds the excerpt from spoilers, scores, figures or pull quotes, and clips it', () => {
    const long = 'word '.repeat(80)
    const post = buildPost(review(`:::spoiler\nSecret.\n:::\n\n::score[S]{value="5" scale="10"}\n\n:::pullquote\nQuote.\n:::\n\n${long}`))
    expect(post.excerpt.endsWith('…')).toBe(true)
    expect(post.excerpt.length).toBeLessThanOrEqual(201)
    expect(post.excerpt).toMatch(/^word word/)
    expect(buildPost(review('Body.', {}, { excerpt: 'Written by hand.' })).excerpt).toBe('Written by hand.')
  })

  it('shows unknown directives harmlessly: text and leaf as written, containers as their content', () => {
    const post = buildPost(review('At 10:30, Note:this.\n\n::widget[Carousel]{kind="x"}\n\n:::aside\nInside *text*.\n:::'))
    expect(post.html).toBe('<p>At 10:30, Note:this.</p>\n<p>::widget[Carousel]{kind="x"}</p>\n<div><p>Inside <em>text</em>.</p></div>')
    expect(post.warnings).toEqual(['“::widget” is not a Verdict block; it is shown as written.', '“:::aside” is not a Verdict block; its content is shown without it.'])
  })
})

describe('images', () => {
  it('refuses paths that leave the review folder', () => {
    for (const bad of ['../x.png', 'assets/../../x.png', '%2e%2e/x.png', '%252e%252e/x.png', '/etc/passwd', 'C:/x.png', 'file:///etc/passwd', 'assets\\..\\x.png', 'https://example.com/x.png', 'data:image/png;base64,AAAA', '.verdict/theme.css', 'assets/x.png?v=1', 'assets//x.png', '']) {
      expect(safeRelativePath(bad), bad).toBeUndefined()
    }
    expect(safeRelativePath('assets/3f2a.png')).toBe('assets/3f2a.png')
    expect(safeRelativePath('./assets/my%20still.png')).toBe('assets/my still.png')
  })

  it('leaves refused and unresolvable images out, with a warning each', () => {
    const post = buildPost(review('![a](../x.png) ![b](assets/missing.png) ![c](assets/ok.png) ![d](assets/evil.png)'), {
      resolveAsset: (path) => (path === 'assets/ok.png' ? 'verdict-asset://r/assets/ok.png' : path === 'assets/evil.png' ? 'javascript:alert(1)' : undefined),
    })
    expect(post.html).toBe('<p>  <img src="verdict-asset://r/assets/ok.png" alt="c" loading="lazy" decoding="async"> </p>')
    expect(post.warnings).toHaveLength(3)
    expect(post.assets).toEqual([{ path: 'assets/ok.png', src: 'verdict-asset://r/assets/ok.png' }])
  })

  it('accepts only data: images, https, the asset scheme and relative paths from a resolver', () => {
    expect(isAllowedResolvedUrl('data:image/png;base64,iVBORw0KGgo=')).toBe(true)
    expect(isAllowedResolvedUrl('https://cdn.example.com/a.png')).toBe(true)
    expect(isAllowedResolvedUrl('verdict-asset://ballerina/assets/a.png')).toBe(true)
    expect(isAllowedResolvedUrl('images/a.png')).toBe(true)
    expect(isAllowedResolvedUrl('/__asset/ballerina/assets/a.png')).toBe(true)
    for (const bad of ['//evil.example/a.png', '/__asset/../../etc/passwd', '/\\evil.example', 'data:image/svg+xml;base64,PHN2Zz4=', 'data:text/html,x', 'http://example.com/a.png', 'javascript:alert(1)', 'verdict-asset://x/../../etc/passwd', 'file:///a.png', 'https://u:p@example.com/a.png']) {
      expect(isAllowedResolvedUrl(bad), bad).toBe(false)
    }
  })
})

describe('post model', () => {
  it('has byline, reading time, tags, subject and featured image', () => {
    const post = buildPost(loadFixture('ballerina'), { resolveAsset: assetUrl('ballerina'), wordsPerMinute: 100 })
    expect(post.title).toBe('Ballerina')
    expect(post.byline).toEqual({ author: 'Ana Critic', date: '2026-11-25', dateLabel: 'November 25, 2026' })
    expect(post.readingTime.words).toBeGreaterThan(250)
    expect(post.readingTime.label).toBe(`${Math.round(post.readingTime.words / 100)} min read`)
    expect(post.tags).toEqual(['action', 'john wick'])
    expect(post.subject?.kind).toBe('film')
    expect(post.spoilers).toBe(true)
    expect(post.featuredImage?.src).toBe('verdict-asset://ballerina/assets/c17fca0d1f85cbb4.png')
    expect(buildPost(loadFixture('ballerina'), { locale: 'fr-FR' }).byline.dateLabel).toBe('25 novembre 2026')
  })

  it('reads the default 265 words per minute', () => {
    const post = buildPost(review('word '.repeat(530)))
    expect(post.readingTime).toEqual({ words: 530, minutes: 2, label: '2 min read' })
  })

  it('takes credit and caption of the featured image from the body figure showing it', () => {
    const post = buildPost(review(':::figure{credit="Lionsgate"}\n![Eve](assets/a.png)\n\nThe lake.\n:::', { featuredImage: 'assets/a.png' }))
    expect(post.featuredImage).toMatchObject({ alt: 'Eve', caption: 'The lake.', credit: 'Lionsgate' })
  })
})

describe('page', () => {
  const post = buildPost(loadFixture('ballerina'), { online: true, resolveAsset: assetUrl('ballerina') })

  it('has a strict CSP whose style hash matches the inlined stylesheet', async () => {
    const { createHash } = await import('node:crypto')
    const page = renderPage(post, { theme: STUB_THEME, colorScheme: 'dark', online: true, userCss: '.post { color: red }' })
    const csp = page.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)![1]!.replace(/&#x27;/g, "'")
    const style = page.match(/<style>([\s\S]*?)<\/style>/)![1]!
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`)
    expect(csp).toContain("script-src 'none'")
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain('img-src data: verdict-asset:')
    expect(csp).toContain('frame-src https://www.youtube-nocookie.com https://player.vimeo.com')
    expect(style.indexOf('.post { color: red }')).toBeGreaterThan(style.indexOf('body { color: black; }'))
    expect(page).toContain('data-color-scheme="dark"')
    const offline = renderPage(post, { theme: STUB_THEME, colorScheme: 'light', online: false })
    expect(offline).toContain("frame-src &#x27;none&#x27;")
  })
})

describe('chunked parsing', () => {
  const noDetails = () => undefined
  const ctx = (source: string): RenderContext => ({
    source,
    online: true,
    playerSizedCards: false,
    spoilersOpen: false,
    creditPrefix: 'Image: ',
    form: VERDICT_PAGE,
    imageDetails: noDetails,
    spoilerNotice: false,
    opening: [],
    resolveImage: (raw) => ({ path: raw, src: `verdict-asset://r/${raw}` }),
    warnings: [],
    images: [],
    scores: [],
    excerptParts: [],
    words: measureText(''),
  })
  /** Rendered in chunks (twice: the second from the chunks' cache), the same as rendered whole, context and all. */
  const same = (body: string, context: (source: string) => RenderContext = ctx) => {
    const b = context(body)
    const whole = renderMarkdownBlocks(body, b, { chunked: false })
    for (const round of ['first', 'cached']) {
      const a = context(body)
      const chunked = renderMarkdownBlocks(body, a)
      expect(chunked.join(''), `${round}: ${body}`).toBe(whole.join(''))
      expect(chunked, `${round}: ${body}`).toEqual(whole)
      expect({ ...a, resolveImage: null, imageDetails: null }).toEqual({ ...b, resolveImage: null, imageDetails: null })
    }
  }

  it('splits only where a new block starts, and concatenates back to the body', () => {
    expect(splitBlocks('a\n\nb\n')).toEqual(['a\n\n', 'b\n'])
    expect(splitBlocks('- a\n\n- b\n\nc')).toEqual(['- a\n\n- b\n\n', 'c'])
    expect(splitBlocks('```\na\n\nb\n```\n\nc')).toEqual(['```\na\n\nb\n```\n\n', 'c'])
    expect(splitBlocks(':::spoiler\na\n\nb\n:::\n\nc')).toEqual([':::spoiler\na\n\nb\n:::\n\n', 'c'])
    expect(splitBlocks('a [x][y]\n\n[y]: https://example.com')).toBeUndefined()
    expect(splitBlocks('<div>\n\na\n\n</div>')).toBeUndefined()
  })

  it('renders every fixture the same as a whole-document parse', () => {
    for (const name of FIXTURE_NAMES) same(loadFixture(name).body)
  })

  it('renders a body with opening blocks (a byline, the spoiler notice) the same in chunks as whole', () => {
    const body = 'First *paragraph*.\n\n## A heading\n\n![still](assets/a.png)\n\n::score[Acting]{value="8" scale="10"}\n\nLast paragraph.\n'
    same(body, (source) => ({ ...ctx(source), spoilerNotice: true, opening: [{ type: 'paragraph', data: { hProperties: { className: ['byline'] } }, children: [{ type: 'text', value: 'By Ana' }] }] }))
  })

  it('renders a body whose featured figure opens it whole, the same as a whole-document parse', () => {
    const body = 'Intro.\n\n:::figure{credit="Studio"}\n![a](assets/a.png)\n\nA caption.\n:::\n\nOutro.\n'
    same(body, (source) => ({ ...ctx(source), featuredPath: 'assets/a.png' }))
  })

  it('renders a cached chunk again when the resolver answers otherwise (another review, an image gone)', () => {
    const body = 'One.\n\n![a](assets/a.png)\n\nTwo.\n'
    const first = renderMarkdownBlocks(body, ctx(body)).join('')
    const moved = { ...ctx(body), resolveImage: (raw: string) => ({ path: raw, src: `verdict-asset://other/${raw}` }) }
    const second = renderMarkdownBlocks(body, moved).join('')
    expect(first).toContain('verdict-asset://r/assets/a.png')
    expect(second).toContain('verdict-asset://other/assets/a.png')
    expect(moved.images).toEqual([expect.objectContaining({ src: 'verdict-asset://other/assets/a.png' })])
    const gone = { ...ctx(body), resolveImage: () => undefined }
    expect(renderMarkdownBlocks(body, gone).join('')).not.toContain('<img')
  })

  it('cuts the body at its top-level elements, each piece an element and the line breaks after it, joined the whole body', () => {
    for (const name of FIXTURE_NAMES) {
      const { body } = loadFixture(name)
      const blocks = renderMarkdownBlocks(body, ctx(body))
      expect(blocks.join(''), name).toBe(renderMarkdown(body, ctx(body), { chunked: false }))
      expect(blocks.length, name).toBeGreaterThan(1)
      for (const block of blocks) expect(block, name).toMatch(/^<[a-z][^]*>\s*$/)
    }
  })

  it('renders generated documents the same as a whole-document parse', () => {
    const block = fc.constantFrom(
      'A paragraph with *emphasis* and a [link](https://example.com).',
      'Second line\ncontinues lazily.',
      '## Heading',
      'Setext\n===',
      '- item\n- item two',
      '- loose\n\n- list',
      '1. one\n2. two',
      '3) three',
      '  indented continuation',
      '    indented code',
      '> quote\ncontinued',
      '> quote',
      '```js\nconst a = 1\n\nconst b = 2\n```',
      '~~~~\n```\n\n~~~~',
      '```\nunclosed fence',
      '---',
      '***',
      '| a | b |\n| - | - |\n| 1 | 2 |',
      '::score[S]{value="8" scale="10"}',
      ':::score[S]{value="8" scale="10" overall}\nVerdict: Good.\n\nPros:\n- a\n:::',
      ':::spoiler\nHidden.\n\nMore hidden.\n:::',
      '::::figure{credit="X"}\n![a](assets/a.png)\n\n:::spoiler\nnested\n:::\n\nCaption.\n::::',
      ':::pullquote\nQuote.',
      ':::',
      '::embed{url="https://youtu.be/0FSwsrFpkbw"}',
      'Note:this at 10:30 :x[y]',
      '![img](assets/b.png)',
      'Text with a :spoiler[twist].',
      '- [ ] task\n- [x] done',
      '~~struck~~ and `code`',
      '',
    )
    fc.assert(
      fc.property(fc.array(block, { maxLength: 14 }), fc.array(fc.constantFrom('\n', '\n\n', '\n\n\n'), { minLength: 14, maxLength: 14 }), (blocks, gaps) => {
        same(blocks.map((b, i) => b + gaps[i]).join(''))
      }),
      { numRuns: 300 },
    )
  })
})
