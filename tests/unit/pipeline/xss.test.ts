/**
 * XSS corpus: payloads in Markdown bodies, link and image URLs, directive attributes and labels,
 * and front-matter fields. None may survive in any output — the body fragment, the page (online
 * and offline), the JSON-LD block — and, with the CSP taken out, a real Chromium must run none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Nodes } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { chromium, type Browser } from 'playwright'
import { buildPost, renderPage, type Post } from '../../../src/main/services/pipeline'
import { settled } from '../../support/settled'
import { assetUrl, STUB_THEME, unsafeParts } from './renderFixtures'
import { meta } from '../../support/documents'

const JS = 'alert(1)'

interface Payload {
  name: string
  body?: string
  extra?: Record<string, unknown>
  title?: string
  author?: string
  tags?: string[]
  excerpt?: string
}

const BODY: Array<[string, string]> = [
  ['script element', `<script>${JS}</script>`],
  ['img onerror', `<img src=x onerror=${JS}>`],
  ['javascript: link', `[click](javascript:${JS})`],
  ['svg onload', `<svg onload=${JS}><circle r="1"/></svg>`],
  ['iframe javascript:', `<iframe src="javascript:${JS}"></iframe>`],
  ['iframe srcdoc', `<iframe srcdoc="<script>${JS}</script>"></iframe>`],
  ['iframe other host', '<iframe src="https://evil.example/embed"></iframe>'],
  ['iframe lookalike host', '<iframe src="https://www.youtube-nocookie.com.evil.example/embed/0FSwsrFpkbw"></iframe>'],
  ['data:text/html link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['data:text/html anchor', `<a href="data:text/html,<script>${JS}</script>">x</a>`],
  ['tab-obfuscated javascript: (entity)', `[x](jav&#x09;ascript:${JS})`],
  ['&colon; javascript', `[x](javascript&colon;${JS})`],
  ['entity-encoded anchor', `<a href="&#106;&#97;vascript:${JS}">x</a>`],
  ['mixed case javascript:', `<a href="JaVaScRiPt:${JS}">x</a>`],
  ['leading space javascript:', `<a href="  javascript:${JS}">x</a>`],
  ['newline in scheme', `<a href="java\nscript:${JS}">x</a>`],
  ['autolink javascript:', `<javascript:${JS}>`],
  ['angle link javascript:', `[x](<javascript:${JS}>)`],
  ['vbscript:', '<a href="vbscript:msgbox(1)">x</a>'],
  ['style @import', "<style>@import 'https://evil.example/x.css';</style>"],
  ['style attribute url()', '<p style="background:url(https://evil.example/x.png)">x</p>'],
  ['style attribute expression', '<div style="width: expression(alert(1))">x</div>'],
  ['form', '<form action="https://evil.example"><input name="q"><button formaction="javascript:alert(1)">go</button></form>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
  ['base href', '<base href="https://evil.example/">'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['object data', `<object data="javascript:${JS}"></object>`],
  ['embed src', `<embed src="javascript:${JS}">`],
  ['math xlink', `<math><mi xlink:href="javascript:${JS}">x</mi></math>`],
  ['svg anchor xlink', `<svg><a xlink:href="javascript:${JS}"><text y="10">x</text></a></svg>`],
  ['img javascript: src', `<img src="javascript:${JS}">`],
  ['markdown image javascript:', `![x](javascript:${JS})`],
  ['markdown image svg data:', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+)'],
  ['markdown image remote', '![x](https://evil.example/tracker.png)'],
  ['image path traversal', '![x](../../../etc/passwd)'],
  ['image encoded traversal', '![x](%2e%2e/%2e%2e/secret.png)'],
  ['image backslash traversal', '![x](assets\\..\\..\\secret.png)'],
  ['image absolute path', '![x](/etc/passwd)'],
  ['image file: URL', '![x](file:///etc/passwd)'],
  ['raw img traversal', '<img src="../../../etc/passwd">'],
  ['div onclick', `<div onclick="${JS}">x</div>`],
  ['details ontoggle', `<details open ontoggle=${JS}><summary>x</summary></details>`],
  ['video source onerror', `<video><source onerror="${JS}"></video>`],
  ['input autofocus', `<input autofocus onfocus=${JS}>`],
  ['textarea with script', `<textarea><script>${JS}</script></textarea>`],
  ['template with script', `<template><script>${JS}</script></template>`],
  ['noscript mXSS', `<noscript><p title="</noscript><img src=x onerror=${JS}>">`],
  ['comment breakout', `<!--><img src=x onerror=${JS}>-->`],
  ['unclosed tag', `<img src=x onerror=${JS}`],
  ['html in table cell', `| a |\n| - |\n| <img src=x onerror=${JS}> |`],
  ['html in footnote', `x[^1]\n\n[^1]: <script>${JS}</script>`],
  ['reference link javascript:', `[x][evil]\n\n[evil]: javascript:${JS}`],
  ['embed javascript: url', `::embed{url="javascript:${JS}"}`],
  ['embed other host', '::embed{url="https://evil.example/watch?v=0FSwsrFpkbw"}'],
  ['embed quote breakout', '::embed{url="https://www.youtube.com/watch?v=0FSwsrFpkbw\\"><script>alert(1)</script>"}'],
  ['embed label', `::embed[<img src=x onerror=${JS}>]{url="https://youtu.be/0FSwsrFpkbw"}`],
  ['figure credit and width', `:::figure{credit="<script>${JS}</script>" width="x&quot; onload=&quot;${JS}"}\n![a](assets/a.png)\n\n<img src=x onerror=${JS}>\n:::`],
  ['figure caption attribute', `:::figure{caption="<img src=x onerror=${JS}>"}\n![a](javascript:${JS})\n:::`],
  ['score attributes', `::score[<img src=x onerror=${JS}>]{value="9\\" onmouseover=\\"${JS}" scale="10\\"><script>"}`],
  ['score container content', `:::score[S]{value="8" scale="10" overall}\nVerdict: <script>${JS}</script>\n\nPros:\n- <img src=x onerror=${JS}>\n:::`],
  ['spoiler label', `:::spoiler[<script>${JS}</script>]\n<svg onload=${JS}>\n:::`],
  ['pullquote html', `:::pullquote\n<a href="javascript:${JS}">x</a>\n:::`],
  ['unknown directive attributes', `::widget{onclick="${JS}" style="background:url(https://evil.example/x)"}`],
  ['unknown text directive', `:x[<img src=x onerror=${JS}>]{href="javascript:${JS}"}`],
  ['class and id injection', '<p class="score-box" id="location" name="cookie">x</p>'],
]

const PAYLOADS: Payload[] = [
  ...BODY.map(([name, body]) => ({ name: `body: ${name}`, body })),
  { name: 'front matter: title closes script and title', title: `</script></title><script>${JS}</script>` },
  { name: 'front matter: author', author: `<img src=x onerror=${JS}>` },
  { name: 'front matter: tags', tags: [`<svg onload=${JS}>`, '"><script>alert(1)</script>'] },
  { name: 'front matter: excerpt', excerpt: `"><script>${JS}</script>` },
  {
    name: 'front matter: subject',
    extra: {
      subject: {
        kind: 'film"><script>',
        title: `</script><script>${JS}</script>`,
        creators: [`<img src=x onerror=${JS}>`],
        cast: ['</script>'],
        platform: '<style>*{}</style>',
        ids: { imdb: 'tt1"><script>', wikidata: 'javascript:alert(1)' },
      },
    },
  },
  { name: 'front matter: score label', extra: { score: { value: 9, scale: '10', label: `</script><script>${JS}</script>` } } },
  { name: 'front matter: featured image javascript:', extra: { featuredImage: `javascript:${JS}` } },
  {
    name: 'front matter: featured image caption and credit',
    extra: { featuredImage: { src: 'assets/a.png', alt: `"><script>${JS}</script>`, caption: `<img src=x onerror=${JS}>`, credit: `</script><script>${JS}</script>` } },
  },
  { name: 'front matter: featured image traversal', extra: { featuredImage: '../other-review/assets/a.png' } },
]

function metaContent(page: string, name: string): string | undefined {
  const tree = fromHtml(page)
  let found: string | undefined
  const visit = (node: Nodes): void => {
    if (node.type === 'element' && node.tagName === 'meta' && (node.properties['name'] === name || node.properties['property'] === name)) found = String(node.properties['content'])
    if ('children' in node) node.children.forEach((child) => visit(child as Nodes))
  }
  visit(tree)
  return found
}

function render(payload: Payload, online: boolean): { post: Post; page: string } {
  const post = buildPost(
    {
      id: 'xss',
      meta: meta({
        title: payload.title ?? 'Payload',
        author: payload.author ?? 'Ana Critic',
        tags: payload.tags ?? [],
        excerpt: payload.excerpt ?? '',
        extra: payload.extra ?? {},
      }),
      body: payload.body ?? 'Plain text.',
    },
    { online, resolveAsset: assetUrl('xss') },
  )
  return { post, page: renderPage(post, { theme: STUB_THEME, colorScheme: 'light', online, userCss: `</style><script>${JS}</script>` }) }
}

describe('XSS corpus', () => {
  it('uses a checker that does catch each kind of problem', () => {
    const bad = [
      '<script>x()</script>',
      '<img src=x onerror=x()>',
      '<a href="jav&#x09;ascript:x()">x</a>',
      '<a href="data:text/html,x">x</a>',
      '<iframe src="https://evil.example/"></iframe>',
      '<iframe src="https://www.youtube-nocookie.com/embed/0FSwsrFpkbw"></iframe>',
      '<p style="color:red">x</p>',
      '<form></form>',
      '<svg></svg>',
      '<img src="https://evil.example/x.png">',
    ]
    for (const html of bad) expect(unsafeParts(html, 'fragment'), html).not.toEqual([])
    expect(unsafeParts('<html><head><meta http-equiv="refresh" content="0"></head></html>', 'document')).not.toEqual([])
    expect(unsafeParts('<html><head><base href="/"></head></html>', 'document')).not.toEqual([])
    expect(unsafeParts('<html><head><script type="application/ld+json">{"a":"<"}</script></head></html>', 'document')).not.toEqual([])
    expect(unsafeParts('<p><a href="https://example.com">ok</a> <img src="data:image/png;base64,AAAA"></p>', 'fragment')).toEqual([])
  })

  it('has at least 30 payloads', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30)
  })

  for (const payload of PAYLOADS) {
    it(`neutralises ${payload.name}`, () => {
      for (const online of [false, true]) {
        const { post, page } = render(payload, online)
        expect(unsafeParts(post.html, 'fragment'), `body (online=${online})`).toEqual([])
        expect(unsafeParts(page, 'document'), `page (online=${online})`).toEqual([])
        const ld = page.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)
        expect(ld?.[1]).toBeDefined()
        expect(JSON.parse(ld![1]!)).toEqual(post.jsonLd)
        // Title, excerpt, captions… are plain text in the model, and stay text in the page.
        if (payload.excerpt) expect(metaContent(page, 'description')).toBe(payload.excerpt)
        if (payload.title) expect(metaContent(page, 'og:title')).toBe(payload.title)
      }
    })
  }

  it('keeps harmless raw HTML and the text of what it removes', () => {
    const { post } = render({ name: 'ok', body: 'H<sub>2</sub>O, <kbd>Ctrl</kbd>+<kbd>K</kbd>, <mark>marked</mark> <script>gone()</script>' }, false)
    expect(post.html).toContain('H<sub>2</sub>O')
    expect(post.html).toContain('<kbd>Ctrl</kbd>')
    expect(post.html).toContain('<mark>marked</mark>')
    expect(post.html).not.toContain('gone()')
  })

  it('prefixes ids from content so they cannot clobber globals, and in-page links follow', () => {
    const { post } = render({ name: 'ids', body: '<a href="#top">up</a> <span id="top">x</span>' }, false)
    expect(post.html).toContain('id="user-content-top"')
    expect(post.html).toContain('href="#user-content-top"')
  })

  it('escapes </style> in the library stylesheet', () => {
    const { page } = render({ name: 'css' }, false)
    expect(page).not.toMatch(/<\/style>\s*<script>alert/)
    expect(page.match(/<\/style>/g)).toHaveLength(1)
  })

  describe('in a real browser, without the CSP', () => {
    let browser: Browser
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: process.env['PW_CHROMIUM_PATH'] ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      })
    })
    afterAll(async () => {
      await browser?.close()
    })

    it('runs no script and fetches nothing from elsewhere', async () => {
      const bodies = PAYLOADS.filter((p) => p.body).map((p) => p.body).join('\n\n')
      const worst: Payload = { name: 'all', body: bodies, title: PAYLOADS[BODY.length]!.title!, extra: PAYLOADS.at(-2)!.extra! }
      for (const online of [false, true]) {
        const { page: html } = render(worst, online)
        const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
        expect(withoutCsp).not.toContain('Content-Security-Policy')
        const context = await browser.newContext()
        const page = await context.newPage()
        const dialogs: string[] = []
        const requests: string[] = []
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message())
          void dialog.dismiss()
        })
        await context.route('**/*', (route) => {
          requests.push(route.request().url())
          return route.abort()
        })
        await page.setContent(withoutCsp, { waitUntil: 'load' })
        // Give handlers (onload, onerror, onmouseover, autofocus, ontoggle) their chance to fire.
        await page.mouse.move(10, 10)
        await settled(page)
        const ran = await page.evaluate(`document.querySelectorAll('script:not([type="application/ld+json"])').length`)
        await context.close()
        expect(dialogs).toEqual([])
        expect(ran).toBe(0)
        expect(requests.filter((url) => !url.startsWith('verdict-asset:') && !url.startsWith('https://www.youtube-nocookie.com/') && !url.startsWith('https://player.vimeo.com/'))).toEqual([])
      }
    })
  })
})
