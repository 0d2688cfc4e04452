/**
 * The browser mode is closed to everything but the critic's own page: an attacker page on another
 * local origin (same site: 127.0.0.1, another port) and requests naming a foreign Host (DNS
 * rebinding) are refused on every channel, the event stream and assets, change nothing on disk and
 * learn nothing about what the library holds.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, relative } from 'node:path'
import type { Page } from '@playwright/test'
import { CHANNELS } from '../../src/shared/contract'
import { expect, test } from './fixtures'
import type { Host } from './host'

/** Every file under `dir` with the hash of its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex')
  }
  return files
}

/** The library, settings and blogs as files, after main has written what it keeps in the background. */
async function disk(host: Host, tempDir: string): Promise<Record<string, string>> {
  // Both background files written first (the search index's may land seconds after the page shows).
  const library = host.services.libraries.current()
  await Promise.all([library.flushIndex(), library.flushSearch()])
  return snapshot(tempDir)
}

interface Answer {
  status: number
  type: string
  body: string
}

/** A raw request with the headers a test chooses (Host included), outside any browser's rules. */
function raw(host: Host, method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Answer> {
  const { port } = new URL(host.origin)
  return new Promise((resolve, reject) => {
    // A connection of its own: a kept-alive one the server is just closing would reset (busy machines).
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        // The event stream never ends; its first bytes say whether it was opened.
        if (res.headers['content-type'] === 'text/event-stream') res.destroy()
      })
      const done = () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') })
      res.on('end', done)
      res.on('close', done)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** The critic's session cookie, as the browser holds it after opening the printed address. */
async function sessionCookie(page: Page, host: Host): Promise<string> {
  const cookies = await page.context().cookies(host.origin)
  const session = cookies.find((c) => c.name.startsWith('verdict-'))
  expect(session, 'the printed address hands out the session cookie').toBeDefined()
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
  return `${session!.name}=${session!.value}`
}

/** A page on another port of 127.0.0.1 (the same site, so the critic's cookie would go along) trying every way in. */
function attackerPage(target: string): string {
  return `<!doctype html><meta charset="utf-8"><title>Free tickets</title>
<iframe name="sink"></iframe>
<form id="form" method="POST" enctype="text/plain" target="sink" action="${target}/__ipc/createReview"><input name='{"args":{"title":"pwned-form","x":"' value='"}}'></form>
<script>
const target = ${JSON.stringify(target)};
const load = (tag, url) => new Promise((done) => {
  const node = document.createElement(tag);
  node.onload = () => done('load');
  node.onerror = () => done('error');
  node.src = url;
  document.body.append(node);
});
const attempt = (promise) => promise.then((value) => value, (error) => 'failed: ' + error.name);
window.results = (async () => {
  const results = {};
  results.fetchTextPlain = await attempt(fetch(target + '/__ipc/createReview', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ args: { title: 'pwned-fetch' } }) }).then((r) => r.type));
  results.fetchJson = await attempt(fetch(target + '/__ipc/listReviews', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.text()));
  results.fetchSettings = await attempt(fetch(target + '/__ipc/updateSettings', { method: 'POST', mode: 'no-cors', credentials: 'include', body: JSON.stringify({ args: { author: 'pwned' } }) }).then((r) => r.type));
  results.xhr = await new Promise((done) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', target + '/__ipc/saveBlog');
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'text/plain');
    xhr.onload = () => done('loaded ' + xhr.status + ' ' + xhr.responseText);
    xhr.onerror = () => done('error');
    xhr.send(JSON.stringify({ args: { blog: { name: 'pwned', kind: 'micropub', url: 'http://127.0.0.1:1/' }, secret: 'x' } }));
  });
  results.imgExisting = await load('img', target + '/__asset/welcome-to-verdict/review.md');
  results.imgMissing = await load('img', target + '/__asset/no-such-review/review.md');
  results.scriptExisting = await load('script', target + '/__asset/welcome-to-verdict/review.md');
  results.scriptMissing = await load('script', target + '/__asset/no-such-review/review.md');
  results.scriptApp = await load('script', target + '/__web/bridge.js');
  results.events = await new Promise((done) => {
    const source = new EventSource(target + '/__events', { withCredentials: true });
    source.onopen = () => { source.close(); done('open'); };
    source.onerror = () => { source.close(); done('error'); };
  });
  await new Promise((done) => {
    document.querySelector('iframe').onload = done;
    document.getElementById('form').submit();
  });
  results.form = 'submitted';
  return results;
})();
</script>`
}

async function startAttacker(html: string): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(html)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }
}

test('a page on another local origin gets nothing in, with the critic signed in beside it', async ({ page, host, tempDir }) => {
  await expect(page.getByRole('listitem', { name: 'Welcome to Verdict', exact: true })).toBeVisible()
  const before = await disk(host, tempDir)
  const attacker = await startAttacker(attackerPage(host.origin))
  try {
    // The same browser profile: the critic's cookie is there for the attacker's requests to carry.
    const evil = await page.context().newPage()
    const answers: number[] = []
    evil.on('response', (response) => {
      if (response.url().startsWith(host.origin)) answers.push(response.status())
    })
    await evil.goto(attacker.url)
    const results = await evil.evaluate(() => (window as unknown as { results: Promise<Record<string, string>> }).results)
    expect(results).toMatchObject({
      fetchTextPlain: 'opaque',
      fetchJson: 'failed: TypeError',
      xhr: 'error',
      imgExisting: 'error',
      imgMissing: 'error',
      scriptExisting: 'error',
      scriptMissing: 'error',
      scriptApp: 'error',
      events: 'error',
      form: 'submitted',
    })
    // Every answer the server gave the attacker's page was a refusal.
    expect(answers.length).toBeGreaterThan(0)
    expect(answers.every((status) => status === 403), `statuses ${answers.join(', ')}`).toBe(true)
    await evil.close()
  } finally {
    attacker.server.close()
  }
  expect(await disk(host, tempDir)).toEqual(before)
  expect(await host.services.libraries.current().list()).toHaveLength(1)
  expect(host.services.settings.get().author).not.toBe('pwned')
  expect((await host.services.blogs.views()).blogs).toEqual([])
})

test('a foreign Host (DNS rebinding) is refused on every channel, the event stream and assets, even with the cookie', async ({ page, host, tempDir }) => {
  const cookie = await sessionCookie(page, host)
  await expect(page.getByRole('listitem', { name: 'Welcome to Verdict', exact: true })).toBeVisible()
  const before = await disk(host, tempDir)
  const port = new URL(host.origin).port
  for (const hostName of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `localhost:${Number(port) + 1}`]) {
    for (const channel of CHANNELS) {
      const answer = await raw(host, 'POST', `/__ipc/${channel}`, { host: hostName, cookie, 'content-type': 'application/json' }, JSON.stringify({ args: { title: 'rebound', id: 'welcome-to-verdict' } }))
      expect(answer.status, `${channel} via ${hostName}`).toBe(421)
    }
    for (const path of ['/__events', '/__asset/welcome-to-verdict/review.md', '/', '/__web/bridge.js', '/__picker/list?path=/']) {
      const answer = await raw(host, 'GET', path, { host: hostName, cookie })
      expect(answer.status, `${path} via ${hostName}`).toBe(421)
      expect(answer.body).not.toContain('Welcome')
    }
  }
  expect(await disk(host, tempDir)).toEqual(before)
})

test('without the key, a missing and an existing review answer alike; the printed address signs in once', async ({ host, tempDir }) => {
  const local = { host: new URL(host.origin).host }
  const existing = await raw(host, 'GET', '/__asset/welcome-to-verdict/review.md', local)
  const missing = await raw(host, 'GET', '/__asset/no-such-review/review.md', local)
  expect(existing.status).toBe(403)
  expect(missing).toEqual(existing)
  for (const path of ['/', '/index.html', '/__events', '/__web/bridge.js', '/assets/nothing.js']) expect(await raw(host, 'GET', path, local)).toEqual(existing)
  expect(JSON.parse(existing.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('address it printed') } })
  for (const channel of CHANNELS) {
    expect(await raw(host, 'POST', `/__ipc/${channel}`, { ...local, 'content-type': 'application/json' }, '{"args":{"title":"x"}}')).toEqual(existing)
  }
  // A wrong key is no key.
  expect((await raw(host, 'GET', '/?key=guess', local)).status).toBe(403)
  const signIn = await raw(host, 'GET', new URL(host.url).pathname + new URL(host.url).search, local)
  expect(signIn.status).toBe(303)
  expect(await host.services.libraries.current().list()).toHaveLength(1)
  expect(Object.keys(await snapshot(tempDir)).some((file) => file.includes('x'))).toBe(false)
})

test('the critic’s own requests get clear 4xx answers: wrong type, bad JSON, bad escapes, foreign Origin, too large', async ({ page, host }) => {
  const cookie = await sessionCookie(page, host)
  const base = { host: new URL(host.origin).host, cookie }
  const json = { ...base, 'content-type': 'application/json' }
  const error = (answer: Answer) => (JSON.parse(answer.body) as { error: { message: string } }).error.message

  const plain = await raw(host, 'POST', '/__ipc/createReview', { ...base, 'content-type': 'text/plain' }, '{"args":{"title":"typed as text"}}')
  expect(plain.status).toBe(415)
  expect(error(plain)).toContain('application/json')

  const malformed = await raw(host, 'POST', '/__ipc/createReview', json, '{"args": {')
  expect(malformed.status).toBe(400)
  expect(malformed.type).toBe('application/json')
  expect(error(malformed)).toMatch(/not valid JSON/)

  const escapes = await raw(host, 'GET', '/__asset/welcome-to-verdict/%E0%A4%A', base)
  expect(escapes.status).toBe(400)
  expect(error(escapes)).toMatch(/malformed/)

  const foreign = await raw(host, 'POST', '/__ipc/listReviews', { ...json, origin: 'http://evil.example' }, '{}')
  expect(foreign.status).toBe(403)
  const sameSite = await raw(host, 'GET', '/__asset/welcome-to-verdict/review.md', { ...base, 'sec-fetch-site': 'same-site' })
  expect(sameSite.status).toBe(403)

  const unknown = await raw(host, 'POST', '/__ipc/formatDisk', json, '{}')
  expect(unknown.status).toBe(404)
  expect(error(unknown)).toContain('formatDisk')

  // Announced as too large: refused before a byte is read.
  const announced = await raw(host, 'POST', '/__ipc/createReview', { ...json, 'content-length': String(5 * 1024 * 1024) }, Buffer.alloc(0))
  expect(announced.status).toBe(413)
  expect(error(announced)).toMatch(/larger than the 4 MB/)

  // Sent in chunks with no length: refused once it grows past the limit, while others are answered.
  const { port } = new URL(host.origin)
  const streamed = new Promise<number>((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/__ipc/createReview', headers: { ...json, 'transfer-encoding': 'chunked' }, agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', () => resolve(-1))
    const chunk = Buffer.alloc(1024 * 1024, 0x20)
    let sent = 0
    const pump = (): void => {
      while (sent < 64 && req.write(chunk)) sent++
      if (sent < 64 && !req.destroyed) req.once('drain', pump)
      else req.end()
    }
    pump()
  })
  const listed = await raw(host, 'POST', '/__ipc/listReviews', json, '{}')
  expect(JSON.parse(listed.body)).toMatchObject({ ok: true })
  expect([413, -1]).toContain(await streamed)

  // An image upload may be larger than 4 MB: it reaches the handler, which judges the image itself.
  const upload = await raw(host, 'POST', '/__ipc/importImage', json, JSON.stringify({ args: { id: 'welcome-to-verdict', fileName: 'big.png', data: { __bytes: Buffer.alloc(6 * 1024 * 1024).toString('base64') } } }))
  expect(upload.status).toBe(200)
  expect(JSON.parse(upload.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  expect(await host.services.libraries.current().list()).toHaveLength(1)
})
