/**
 * A stand-in for a critic's blog on 127.0.0.1, for "As on <blog>": a home page linking its one post
 * (an h-entry, as IndieWeb sites mark posts), the post's page with its own stylesheet (which
 * `@import`s another, with a font, an image and a file that is neither), one of another origin and
 * everything active a real page may carry, and WordPress's REST answer naming the post.
 * It records every path asked for, so tests see what went to the network and when.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StandInBlog {
  url: string
  /** Every path asked for, in order. */
  requests: string[]
  /** Stops answering: the blog is unreachable from now on. */
  close(): Promise<void>
}

/** The column the post's own stylesheet gives the content: tests find it in the preview. */
export const STAND_IN_COLUMN = 600

const postPage = (foreign: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Old post</title>
<meta http-equiv="refresh" content="0;url=https://example.com/">
<link rel="preload" as="script" href="/app.js"><link rel="stylesheet" href="/style.css" media="screen">
<link rel="stylesheet" href="${foreign}/evil.css"><style>.e-content { color: rgb(1, 2, 3) }</style>
<script>document.title = 'ran'</script></head>
<body onload="alert(1)"><header class="site">The blog’s own header</header>
<article class="h-entry"><h1 class="p-name">Old post</h1><a class="p-author" href="/about">Someone else</a>
<time class="dt-published" datetime="2020-01-01">January 1, 2020</time>
<div class="e-content"><p>Old post text</p><iframe src="https://tracker.example/"></iframe></div>
<a href="javascript:alert(2)" onclick="alert(3)">Share</a></article><noscript><img src="https://tracker.example/pixel"></noscript></body></html>`

async function listen(server: Server, host: string): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  return `http://${host}:${(server.address() as AddressInfo).port}`
}

function stop(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

export async function startStandInBlog(): Promise<StandInBlog> {
  const requests: string[] = []
  // Another origin (localhost is not 127.0.0.1): a stylesheet from there must never be fetched.
  const foreign = createServer((req, res) => {
    requests.push(`foreign ${req.url}`)
    res.writeHead(200, { 'content-type': 'text/css' }).end('body { display: none }')
  })
  const foreignUrl = await listen(foreign, 'localhost')
  const routes = (url: string): Record<string, { type: string; body: string }> => ({
    '/?rest_route=/wp/v2/posts&per_page=10&_fields=link,featured_media': { type: 'application/json', body: JSON.stringify([{ link: `${url}/2026/other/`, featured_media: 0 }, { link: `${url}/2026/post/`, featured_media: 12 }]) },
    '/': { type: 'text/html', body: '<html><body><main class="h-feed"><article class="h-entry"><a class="u-url" href="/2026/post/">Old post</a></article></main></body></html>' },
    '/2026/post/': { type: 'text/html', body: postPage(foreignUrl) },
    '/style.css': { type: 'text/css', body: `@import url(base.css) screen;\n.e-content { max-width: ${STAND_IN_COLUMN}px; margin: 0 auto; background: url(img/paper.png) }` },
    '/base.css': {
      type: 'text/css',
      body: `@import "${foreignUrl}/more.css";\n@font-face { font-family: "Stand-in Serif"; src: url('fonts/serif.woff2') format("woff2") }\n.e-content { font-family: "Stand-in Serif", serif; cursor: url(notes.txt), auto }`,
    },
    '/fonts/serif.woff2': { type: 'font/woff2', body: 'wOF2 stand-in' },
    '/img/paper.png': { type: 'image/png', body: 'PNG stand-in' },
    '/notes.txt': { type: 'text/plain; charset=utf-8', body: 'Not a font' },
  })
  let url = ''
  const server = createServer((req, res) => {
    requests.push(req.url ?? '')
    const route = routes(url)[req.url ?? '']
    if (route) res.writeHead(200, { 'content-type': route.type }).end(route.body)
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
  })
  url = await listen(server, '127.0.0.1')
  return {
    url,
    requests,
    close: async () => {
      await Promise.all([stop(server), stop(foreign)])
    },
  }
}
