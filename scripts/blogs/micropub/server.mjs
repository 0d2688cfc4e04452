// A small real Micropub site for the publish tests: @benjifs/micropub (the endpoint, unchanged)
// behind node:http, with a file store, a token endpoint that accepts one token, the uploaded media
// served as files, and public pages rendered from the stored h-entries as a static blog would.
//
// Env: PORT, MICROPUB_TOKEN, MICROPUB_STORE (folder of the site's files).
import { createServer } from 'node:http'
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, extname, join, relative, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'
import MicropubEndpoint from '@benjifs/micropub'
import { parseFrontmatter } from '@benjifs/micropub/src/frontmatter.js'

const port = Number(process.env.PORT)
const token = process.env.MICROPUB_TOKEN
const root = resolve(process.env.MICROPUB_STORE)
if (!port || !token || !process.env.MICROPUB_STORE) throw new Error('PORT, MICROPUB_TOKEN and MICROPUB_STORE are required')

const me = `http://127.0.0.1:${port}/`
const CONTENT_DIR = 'src'
const MEDIA_DIR = 'uploads'
const SCOPE = 'create update delete undelete media'

/** The store interface @benjifs/micropub calls, on files under `root` (never outside it). */
class FileStore {
  path(name) {
    const full = resolve(root, name)
    if (full !== root && !full.startsWith(root + sep)) throw Object.assign(new Error(`${name} leaves the store`), { status: 400 })
    return full
  }
  async write(name, content) {
    const full = this.path(name)
    await mkdir(dirname(full), { recursive: true })
    await writeFile(full, content)
    return name
  }
  createFile(name, content) {
    return this.write(name, content)
  }
  updateFile(name, content) {
    return this.write(name, content)
  }
  uploadImage(name, file) {
    return this.write(name, file.content)
  }
  async getFile(name) {
    try {
      return { filename: name, content: await readFile(this.path(name), 'utf8') }
    } catch (error) {
      if (error.code === 'ENOENT') return undefined
      throw error
    }
  }
  async getDirectory(dir) {
    const files = await listFiles(this.path(dir))
    return { files: files.map((file) => ({ path: relative(root, file).split(sep).join('/') })) }
  }
  async deleteFile(name) {
    await rm(this.path(name), { force: true })
    return name
  }
}

async function listFiles(dir) {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (error) {
    if (error.code === 'ENOENT') return []
    throw error
  }
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)])))
  return nested.flat()
}

const store = new FileStore()
const micropub = new MicropubEndpoint({
  store,
  me,
  tokenEndpoint: `${me}token`,
  contentDir: CONTENT_DIR,
  mediaDir: MEDIA_DIR,
  // Relative, so a client that reached the site through a proxy keeps using that proxy.
  config: { 'media-endpoint': '/media', 'syndicate-to': [] },
})

/** Every stored post as mf2-ish data: `{ url, path, props }`, newest first. */
async function allPosts() {
  const files = (await listFiles(store.path(CONTENT_DIR))).filter((file) => file.endsWith('.md'))
  const posts = await Promise.all(
    files.map(async (file) => {
      // The endpoint's own reader, so the pages show exactly what `q=source` would.
      const { type: _type, ...parsed } = parseFrontmatter(await readFile(file, 'utf8'))
      // YAML reads unquoted timestamps as dates; the site shows and compares them as ISO text.
      const props = Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]))
      const path = relative(store.path(CONTENT_DIR), file).split(sep).join('/').replace(/\.md$/, '')
      return { url: `${me}${path}`, path, props, modified: (await stat(file)).mtimeMs }
    }),
  )
  return posts.sort((a, b) => String(b.props.date ?? '').localeCompare(String(a.props.date ?? '')) || b.modified - a.modified)
}

/** `draft`, `scheduled` (published in the future) or `published`, as this site shows it. */
function statusOf(props, now = Date.now()) {
  if (props['post-status'] === 'draft') return 'draft'
  if (props.date && Date.parse(props.date) > now) return 'scheduled'
  return 'published'
}

const list = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])

function page(title, body) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<link rel="micropub" href="/micropub"></head>
<body>${body}</body></html>
`
}

function homePage(posts) {
  const items = posts
    .filter((post) => statusOf(post.props) === 'published')
    .map((post) => `<li class="h-entry"><a class="u-url p-name" href="${escape(post.url)}">${escape(post.props.title ?? post.path)}</a> <time class="dt-published" datetime="${escape(post.props.date ?? '')}">${escape(post.props.date ?? '')}</time></li>`)
  return page('Test Micropub site', `<main class="h-feed"><h1 class="p-name">Test Micropub site</h1><ul>${items.join('')}</ul></main>`)
}

/** A post as the site shows it: name, status, author, date, summary, the content's HTML as stored, photos not already in it. */
function postPage(post) {
  const { props } = post
  const status = statusOf(props)
  const label = status === 'draft' ? 'Draft (not published)' : status === 'scheduled' ? `Scheduled for ${props.date}` : 'Published'
  const photos = list(props.photo)
    .map((photo) => (typeof photo === 'string' ? { url: photo, alt: '' } : photo))
    .filter((photo) => photo?.url && !props.content.includes(photo.url))
    .map((photo) => `<img class="u-photo" src="${escape(photo.url)}" alt="${escape(photo.alt ?? '')}">`)
  // The post's `author`: a name, or an h-card (which the store keeps as `{ type: card, name }`).
  const authors = list(props.author)
    .map((author) => (typeof author === 'string' ? author : author?.name))
    .filter(Boolean)
    .map((name) => `<p class="p-author h-card">By <span class="p-name">${escape(name)}</span></p>`)
  const tags = list(props.tags).map((tag) => `<a class="p-category" href="/tags/${encodeURIComponent(tag)}">${escape(tag)}</a>`)
  return page(
    props.title ?? post.path,
    `<article class="h-entry">
<h1 class="p-name">${escape(props.title ?? '')}</h1>
<p class="post-status" data-status="${status}">${escape(label)}</p>
${authors.join('\n')}
<time class="dt-published" datetime="${escape(props.date ?? '')}">${escape(props.date ?? '')}</time>
${props.summary ? `<p class="p-summary">${escape(props.summary)}</p>` : ''}
${photos.join('\n')}
<div class="e-content">${props.content}</div>
<p class="tags">${tags.join(' ')}</p>
<a class="u-url" href="/${escape(post.path)}">Permalink</a>
</article>`,
  )
}

const TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif' }

/**
 * `q=source` without `url`: the post list of the Micropub "query for posts" extension (Indiekit and
 * Micro.blog answer it), which the endpoint itself lacks; with the same token check as every query.
 */
async function sourceList(request) {
  const auth = request.headers.get('authorization')
  if (!auth) return Response.json({ error: 'unauthorized' }, { status: 401 })
  const check = await fetch(`${me}token`, { headers: { authorization: auth } })
  if (!check.ok) return Response.json({ error: 'forbidden' }, { status: 403 })
  const query = new URL(request.url).searchParams
  const limit = Math.max(1, Math.min(Number(query.get('limit')) || 20, 100))
  const offset = Math.max(0, Number(query.get('offset')) || 0)
  const posts = await allPosts()
  const items = posts.slice(offset, offset + limit).map((post) => {
    const { content, title, tags, date, ...rest } = post.props
    const properties = { url: [post.url], name: list(title), content: [content], category: list(tags), published: list(date) }
    for (const [key, value] of Object.entries(rest)) properties[key] = list(value)
    return { type: ['h-entry'], properties }
  })
  return Response.json({ items })
}

function toRequest(req) {
  const url = new URL(req.url, me)
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url, {
    method: req.method,
    headers: Object.entries(req.headers).flatMap(([name, value]) => (Array.isArray(value) ? value.map((v) => [name, v]) : [[name, value]])),
    ...(hasBody ? { body: Readable.toWeb(req), duplex: 'half' } : {}),
  })
}

async function send(res, response) {
  res.writeHead(response.status, Object.fromEntries(response.headers))
  res.end(Buffer.from(await response.arrayBuffer()))
}

async function handle(req, res) {
  const url = new URL(req.url, me)
  const path = decodeURIComponent(url.pathname)
  if (path === '/micropub') {
    const request = toRequest(req)
    if (req.method === 'GET' && url.searchParams.get('q') === 'source' && !url.searchParams.has('url')) return send(res, await sourceList(request))
    return send(res, await micropub.micropubHandler(request))
  }
  if (path === '/media') return send(res, await micropub.mediaHandler(toRequest(req)))
  if (path === '/token') {
    const ok = req.headers.authorization === `Bearer ${token}`
    return send(res, ok ? Response.json({ me, client_id: 'verdict-tests', scope: SCOPE }) : Response.json({ error: 'invalid_token', error_description: 'The access token is not valid.' }, { status: 401 }))
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, new Response('method not allowed', { status: 405 }))
  if (path === '/') {
    return send(res, new Response(homePage(await allPosts()), { headers: { 'content-type': 'text/html; charset=utf-8', link: '</micropub>; rel="micropub"' } }))
  }
  if (path.startsWith(`/${MEDIA_DIR}/`)) {
    const file = await readFile(store.path(path.slice(1))).catch(() => undefined)
    if (!file) return send(res, new Response('not found', { status: 404 }))
    return send(res, new Response(file, { headers: { 'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' } }))
  }
  const post = (await allPosts()).find((candidate) => `/${candidate.path}` === path.replace(/\/$/, ''))
  if (!post) return send(res, new Response('not found', { status: 404 }))
  return send(res, new Response(postPage(post), { headers: { 'content-type': 'text/html; charset=utf-8' } }))
}

await mkdir(root, { recursive: true })
createServer((req, res) => {
  handle(req, res).catch((error) => {
    console.error(error)
    if (!res.headersSent) res.writeHead(error.status ?? 500, { 'content-type': 'text/plain' })
    res.end(String(error.message ?? error))
  })
}).listen(port, '127.0.0.1', () => console.log(`micropub site on ${me}, store ${root}`))
