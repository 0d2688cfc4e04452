/**
 * "As on <blog>": one page of a real HTTP server on 127.0.0.1 standing in for the blog, fetched only
 * when asked, cleaned of everything active, its own stylesheets inlined, kept on disk for offline
 * use; and the review put into it where the theme shows a post.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BlogLooks } from '../../../src/main/services/blogLook/looks'
import { placePost } from '../../../src/main/services/blogLook/placePost'
import { parseReview } from '../../../src/main/services/format'
import { buildPost } from '../../../src/main/services/pipeline'
import { BLOG_KIND_DESCRIPTORS, type BlogKind } from '../../../src/shared/blogKinds'
import type { BlogConfig } from '../../../src/shared/publish'
import { STAND_IN_COLUMN, startStandInBlog, type StandInBlog } from '../../support/standInBlog'

const servers: Server[] = []
let blog: StandInBlog | undefined
let requests: string[]
let dataDir: string

async function serve(handler: (path: string) => { status?: number; type: string; body: string }, host = '127.0.0.1'): Promise<string> {
  const server = createServer((req, res) => {
    requests.push(req.url ?? '')
    const { status = 200, type, body } = handler(req.url ?? '')
    res.writeHead(status, { 'content-type': type })
    res.end(body)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  return `http://${host}:${(server.address() as AddressInfo).port}`
}

/** The stand-in blog's address, its requests counted from now. */
async function blogServer(): Promise<string> {
  const started = await startStandInBlog()
  blog = started
  requests = started.requests
  return started.url
}

const blogOf = (kind: BlogKind, url: string): BlogConfig => ({ id: `blog-${kind}`, name: 'Stand-in blog', kind, url })

function reviewPost(kind: BlogKind) {
  const source = `---
title: Ballerina
author: Tian Hanutsaha
date: 2025-06-04
---

Len Wiseman’s spin-off follows Eve Macarro.

:::score[Overall Score]{value="9.5" scale="10" overall}
:::
`
  const { meta, body } = parseReview(Buffer.from(source), { title: '', created: '', updated: '' })
  return buildPost({ id: 'ballerina', meta, body }, { form: BLOG_KIND_DESCRIPTORS[kind].post })
}

beforeEach(async () => {
  requests = []
  dataDir = await mkdtemp(join(tmpdir(), 'verdict-looks-'))
})
afterEach(async () => {
  await blog?.close()
  blog = undefined
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
  await rm(dataDir, { recursive: true, force: true })
})

describe('a blog’s look', () => {
  it('goes to the network only when asked: with none kept, the critic is told to press Refresh', async () => {
    const url = await blogServer()
    await expect(new BlogLooks({ dataDir }).look(blogOf('micropub', url), false)).rejects.toThrow(/press Refresh/)
    expect(requests).toEqual([])
  })

  it('is one post’s page with the blog’s own stylesheets inlined, with what they import and their fonts and images, and nothing active left', async () => {
    const url = await blogServer()
    const { look, unreachable } = await new BlogLooks({ dataDir }).look(blogOf('micropub', url), true)
    expect(unreachable).toBeUndefined()
    // The home page names the post; the foreign stylesheets (linked, imported) and the preload are never fetched.
    expect(requests).toEqual(['/', '/2026/post/', '/style.css', '/base.css', '/fonts/serif.woff2', '/notes.txt', '/img/paper.png'])
    expect(look.pageUrl).toBe(`${url}/2026/post/`)
    const data = (type: string, text: string) => `data:${type};base64,${Buffer.from(text).toString('base64')}`
    // The import in its place (under its media), the font and the image as data: URLs; a file of another type left at its address.
    expect(look.html).toContain(
      `<style media="screen">@media screen {\n\n@font-face { font-family: "Stand-in Serif"; src: url('${data('font/woff2', 'wOF2 stand-in')}') format("woff2") }\n` +
        `.e-content { font-family: "Stand-in Serif", serif; cursor: url(${url}/notes.txt), auto }\n}\n` +
        `.e-content { max-width: ${STAND_IN_COLUMN}px; margin: 0 auto; background: url(${data('image/png', 'PNG stand-in')}) }</style>`,
    )
    expect(look.html).toContain('The blog’s own header')
    for (const gone of ['<script', 'document.title', '<iframe', '<noscript', 'tracker.example', 'onload', 'onclick', 'javascript:', 'http-equiv', 'evil.css', 'preload']) {
      expect(look.html, gone).not.toContain(gone)
    }
  })

  it('of a WordPress blog is its newest post with a featured image, which its REST API names', async () => {
    const url = await blogServer()
    const { look } = await new BlogLooks({ dataDir }).look(blogOf('wordpress', url), true)
    expect(requests.slice(0, 3)).toEqual(['/?rest_route=/wp/v2/posts&per_page=10&_fields=link,featured_media', '/2026/post/', '/style.css'])
    expect(look.pageUrl).toBe(`${url}/2026/post/`)
  })

  it('is kept for offline use: a failed refresh shows the kept look and says why', async () => {
    const url = await blogServer()
    const blogConfig = blogOf('ghost', url)
    const fetched = await new BlogLooks({ dataDir }).look(blogConfig, true)
    await blog?.close()
    // A new session (the app restarted), the blog unreachable.
    const looks = new BlogLooks({ dataDir })
    expect(await looks.look(blogConfig, false)).toEqual({ look: fetched.look })
    const refreshed = await looks.look(blogConfig, true)
    expect(refreshed.look).toEqual(fetched.look)
    expect(refreshed.unreachable).toMatch(/could not be reached/)
  })

  it('refuses a page larger than the limit, and an address that sends it to another site', async () => {
    const huge = await serve(() => ({ type: 'text/html', body: `<html><body>${'x'.repeat(2 * 1024 * 1024 + 1)}</body></html>` }))
    await expect(new BlogLooks({ dataDir }).look({ ...blogOf('micropub', huge), id: 'huge' }, true)).rejects.toThrow(/larger than 2\.0 MB/)
    const elsewhere = await serve(() => ({ type: 'text/html', body: '<html><body><main>Another site</main></body></html>' }), 'localhost')
    const away = await serve(() => ({ status: 302, type: 'text/html', body: '' }))
    servers.at(-1)!.removeAllListeners('request').on('request', (_req, res) => res.writeHead(302, { location: `${elsewhere}/` }).end())
    requests.length = 0
    await expect(new BlogLooks({ dataDir }).look({ ...blogOf('micropub', away), id: 'away' }, true)).rejects.toThrow(`sent Verdict to another site (${elsewhere})`)
    expect(requests).toEqual([])
  })
})

describe('the review in the blog’s page', () => {
  it('takes the content area, the title, the byline (the name the blog signs with) and the date, under a policy that loads nothing of the blog', async () => {
    const url = await blogServer()
    const { look } = await new BlogLooks({ dataDir }).look(blogOf('micropub', url), true)
    const html = placePost(look.html, reviewPost('micropub'), { form: BLOG_KIND_DESCRIPTORS.micropub.post, signedBy: 'Verdict Tests' })
    expect(html.replaceAll('&#x27;', "'")).toMatch(/<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; script-src 'none';/)
    expect(html).toContain('<title>Ballerina</title>')
    expect(html).toContain('<h1 class="p-name">Ballerina</h1>')
    expect(html).toContain('<a class="p-author" href="/about">Verdict Tests</a>')
    expect(html).toContain('<time class="dt-published" datetime="2025-06-04">June 4, 2025</time>')
    expect(html).toMatch(/<div class="e-content"><p[^>]*>Len Wiseman’s spin-off follows Eve Macarro.<\/p>/)
    expect(html).toContain('aria-label="Overall Score: 9.5 out of 10"')
    expect(html).not.toContain('Old post')
  })
})
