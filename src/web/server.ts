/**
 * The browser mode's HTTP server on 127.0.0.1: the built renderer, main's handler table under
 * `/__ipc/<channel>` (the same dispatch and validation as Electron's IPC), events as a server-sent
 * stream, review files under `/__asset/`, the preview's pages, and the picker. Every request passes
 * the guard first.
 */
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { isChannel, type Handlers } from '../shared/contract'
import { dispatch, type Log } from '../main/dispatch'
import { decodePathSegments, resolveReviewFile } from '../main/services/assets/resolve'
import type { EventBus } from '../main/services/events'
import type { Library } from '../main/services/library/library'
import { PREVIEW_HEADERS, PREVIEW_PATH } from '../main/services/pages/previewPages'
import { contentSecurityPolicyOf, mimeOf, resolveRendererFile } from '../main/rendererFiles'
import { BODY_LIMIT, readJsonBody, RequestError, UPLOAD_BODY_LIMIT } from './body'
import { createGuard, type Guard, KEY_PARAM } from './requestGuard'
import type { PickerBroker } from './picker'

/** The bridge, the picker and its styles: files of this folder, served under `/__web/`. */
const STATIC_DIR = join(import.meta.dirname, 'static')
const STATIC_FILES = ['bridge.js', 'picker.js', 'picker.css']
/**
 * The build names the renderer's files under /assets/ by their content's hash, so a page may keep
 * them for good: a reload then takes the scripts, and V8's code compiled from them, from the
 * browser's cache instead of fetching and compiling 1.4 MB again.
 */
const HASHED_PATH = '/assets/'
const KEPT_FOR_GOOD = { 'cache-control': 'public, max-age=31536000, immutable' }

export interface WebServerOptions {
  handlers: Handlers
  events: EventBus
  library: () => Library
  picker: PickerBroker
  /** The preview page main keeps at a path under `/__preview/`, if it still does. */
  previewPage: (pathname: string) => string | undefined
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** 0 takes a free port. */
  port: number
  log: Log
}

export interface WebServer {
  /** The address to open, secret included. */
  url: string
  guard: Guard
  close(): Promise<void>
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { handlers, events, picker, log } = options
  const index = await readFile(join(options.rendererDir, 'index.html'), 'utf8')
  const policy = contentSecurityPolicyOf(index)
  // The preload's job in the app: the bridge must exist before the renderer's modules run.
  const page = index.replace('<head>', '<head><script src="/__web/bridge.js"></script><script src="/__web/picker.js"></script><link rel="stylesheet" href="/__web/picker.css" />')
  const server: Server = createServer()
  // A port already taken (a fixed one) rejects here rather than as an unhandled 'error' event.
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', fail)
      done()
    })
  })
  const { port } = server.address() as AddressInfo
  const guard = createGuard(port)
  // Requests are taken only now that the guard knows the port the Host header must name.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof RequestError) return refuse(req, res, error.status, error.message)
      log.error(`web: ${req.method} ${req.url} failed`, error)
      refuse(req, res, 500, `Something went wrong: ${error instanceof Error ? error.message : String(error)}`)
    })
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const refusal = guard.refusal(req.headers)
    if (refusal) {
      // The printed address: trade the key for the cookie, and drop it from the address bar and history.
      if (refusal.status === 403 && req.method === 'GET' && guard.carriesKey(url)) {
        res.writeHead(303, { location: '/', 'set-cookie': guard.sessionCookie(), 'cache-control': 'no-store' })
        return void res.end()
      }
      return refuse(req, res, refusal.status, refusal.message)
    }
    const path = url.pathname
    if (path.startsWith('/__ipc/')) {
      if (req.method !== 'POST') throw new RequestError(405, 'Channels take POST requests.')
      const channel = path.slice('/__ipc/'.length)
      if (!isChannel(channel)) throw new RequestError(404, `There is no channel “${channel.slice(0, 100)}”.`)
      const body = await readJsonBody(req, channel === 'importImage' ? UPLOAD_BODY_LIMIT : BODY_LIMIT, reviveBytes)
      const args = (body as { args?: unknown } | undefined)?.args
      return sendJson(res, 200, JSON.stringify(await dispatch(handlers, channel, args, log), encodeBytes))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD' && !(req.method === 'POST' && path === '/__picker/choose')) throw new RequestError(405, `${req.method} is not served here.`)
    if (path === '/__events') return streamEvents(req, res)
    if (path === '/__picker/list') {
      const session = url.searchParams.get('session') ?? ''
      return sendJson(res, 200, JSON.stringify(await picker.list(session, url.searchParams.get('path') ?? '')))
    }
    if (path === '/__picker/choose') {
      const body = (await readJsonBody(req, BODY_LIMIT)) as { session?: unknown; path?: unknown } | undefined
      if (typeof body?.session !== 'string' || !(typeof body.path === 'string' || body.path === null)) throw new RequestError(400, 'Expected { session, path }.')
      await picker.choose(body.session, body.path)
      return sendJson(res, 200, '{"ok":true}')
    }
    if (path.startsWith('/__web/')) {
      const name = path.slice('/__web/'.length)
      if (!STATIC_FILES.includes(name)) throw new RequestError(404, 'Not found.')
      return sendFile(res, join(STATIC_DIR, name), policy)
    }
    if (path.startsWith('/__asset/')) {
      const segments = attempt(() => decodePathSegments(path.slice('/__asset'.length)), 400)
      try {
        return await sendFile(res, await resolveReviewFile(options.library(), segments), policy)
      } catch (error) {
        log.error(`web: refused asset ${path}`, error)
        throw new RequestError(404, 'Not found.')
      }
    }
    if (path.startsWith(PREVIEW_PATH)) {
      const preview = options.previewPage(path)
      if (preview === undefined) throw new RequestError(404, 'Not found.')
      res.writeHead(200, PREVIEW_HEADERS)
      return void res.end(preview)
    }
    if (path === '/' || path === '/index.html') return send(res, 200, mimeOf('index.html'), page, policy)
    const file = await resolveRendererFile(options.rendererDir, path)
    if (!file) throw new RequestError(404, 'Not found.')
    return sendFile(res, file, policy, path.startsWith(HASHED_PATH) ? KEPT_FOR_GOOD : {})
  }

  /** Server-sent events: the browser mode's stand-in for webContents.send; the picker's requests ride along. */
  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
    res.write(': connected\n\n')
    const unsubscribe = events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`))
    const unwatch = picker.subscribe((name, data) => res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`))
    req.on('close', () => {
      unsubscribe()
      unwatch()
    })
  }

  return {
    url: `http://127.0.0.1:${port}/?${KEY_PARAM}=${guard.secret}`,
    guard,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** Runs `read`, turning its error into a refusal with this status and the error's own message. */
function attempt<T>(read: () => T, status: number): T {
  try {
    return read()
  } catch (error) {
    throw new RequestError(status, error instanceof Error ? error.message : String(error))
  }
}

/** Refusals are JSON envelopes like a handler's errors, so the page shows the message; the body is never used. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.destroy()
  const code = status === 403 || status === 421 ? 'FORBIDDEN' : status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT'
  const unread = !req.complete
  // A body too large is not worth reading: the connection closes once answered.
  const cutOff = unread && status === 413
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...(cutOff ? { connection: 'close' } : {}) })
  res.end(JSON.stringify({ ok: false, error: { code, message } }))
  if (cutOff) res.on('finish', () => req.destroy())
  else if (unread) discard(req)
}

/**
 * Reads and drops the rest of a refused request's body. A socket closed with bytes unread is reset,
 * and the client can lose the answer already sent to it (seen on a busy machine); past the body
 * limit the rest is not worth reading and the request is cut off.
 */
function discard(req: IncomingMessage): void {
  let left = BODY_LIMIT
  req.on('data', (chunk: Buffer) => {
    left -= chunk.length
    if (left < 0) req.destroy()
  })
  req.resume()
}

function sendJson(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(body)
}

function send(res: ServerResponse, status: number, type: string, body: string, policy: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...securityHeaders(policy) })
  res.end(body)
}

async function sendFile(res: ServerResponse, path: string, policy: string, caching: Record<string, string> = {}): Promise<void> {
  res.writeHead(200, { 'content-type': mimeOf(path), ...caching, ...securityHeaders(policy) })
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res)
}

function securityHeaders(policy: string): Record<string, string> {
  return {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    // Other sites may not load the app's files, even where a browser skips the Origin checks.
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  }
}

/**
 * Byte arrays (which IPC's structured clone carries natively) travel as base64 in JSON, both ways;
 * this is Node's side of the bridge's convention.
 */
function encodeBytes(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { __bytes: Buffer.from(value).toString('base64') } : value
}

function reviveBytes(_key: string, value: unknown): unknown {
  const encoded = (value as { __bytes?: unknown } | null)?.__bytes
  return typeof encoded === 'string' ? new Uint8Array(Buffer.from(encoded, 'base64')) : value
}
