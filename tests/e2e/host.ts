/**
 * The loopback test host: the built renderer in a real browser, talking to the real main-process
 * services through the same handler table and validation as Electron's IPC, over HTTP on 127.0.0.1.
 * The page gets a `window.verdict` with the preload's Bridge shape (see bridgeScript).
 */
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve } from 'node:path'
import { isChannel } from '../../src/shared/contract'
import { createServices, shutdownServices, type Services } from '../../src/main/container'
import { dispatch } from '../../src/main/dispatch'
import { createHandlers } from '../../src/main/routes'
import { decodePathSegments, resolveReviewFile } from '../../src/main/services/assets/resolve'
import { createConfBackend } from '../../src/main/services/settings/conf'
import { createChromiumPrinter } from '../../src/main/services/export'

const ROOT = resolve(import.meta.dirname, '../..')
const RENDERER_DIR = join(ROOT, 'out/renderer')
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
}

export interface HostOptions {
  /** The library folder (created with the welcome review when missing). */
  libraryDir: string
  /** Where the settings file lives. */
  settingsDir: string
  /** Answers for the "Browse…" pickers; a browser has no system dialog. */
  pickFolder?: () => Promise<string | null>
  pickFile?: () => Promise<string | null>
  /** Fixed port for people; tests take a free one. */
  port?: number
  log?: (line: string) => void
}

export interface Host {
  url: string
  services: Services
  /** Errors main logged while serving, so tests can check what a user's log would say. */
  errors: string[]
  /** Files the app asked the system to open (a browser page cannot launch programs). */
  opened: string[]
  /** Links the app asked the system's browser or mail program to open. */
  links: string[]
  /** What the pickers answer when no option was given (null: cancelled); a test sets them before clicking "Browse…". */
  picks: { folder: string | null; file: string | null }
  close(): Promise<void>
}

export async function startHost(options: HostOptions): Promise<Host> {
  const errors: string[] = []
  const log = {
    error: (message: string, detail?: unknown) => {
      const line = detail ? `${message} ${String(detail)}` : message
      errors.push(line)
      options.log?.(line)
    },
  }
  const opened: string[] = []
  const links: string[] = []
  const picks: Host['picks'] = { folder: null, file: null }
  const printer = createChromiumPrinter()
  const services = await createServices({
    platform: {
      documentsDir: options.libraryDir,
      resourcesDir: join(ROOT, 'resources'),
      pickFolder: options.pickFolder ?? (async () => picks.folder),
      pickFile: options.pickFile ?? (async () => picks.file),
      openPath: async (path) => void opened.push(path),
      openExternal: async (url) => void links.push(url),
      assetUrl: (id, path) => `/__asset/${[id, ...path.split('/')].map(encodeURIComponent).join('/')}`,
      printer,
    },
    settingsBackend: createConfBackend(options.settingsDir),
    env: { VERDICT_LIBRARY: options.libraryDir },
  })
  const handlers = createHandlers(services)

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log.error(`host: ${req.method} ${req.url} failed`, error)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method === 'POST' && url.pathname.startsWith('/__ipc/')) {
      const channel = url.pathname.slice('/__ipc/'.length)
      if (!isChannel(channel)) return send(res, 404, 'application/json', JSON.stringify({ ok: false }))
      const body = await readBody(req)
      const args = body.length ? (JSON.parse(body, reviveBytes) as { args?: unknown }).args : undefined
      const envelope = await dispatch(handlers, channel, args, log)
      return send(res, 200, 'application/json', JSON.stringify(envelope, encodeBytes))
    }
    if (url.pathname === '/__events') {
      // Server-sent events: the host's stand-in for webContents.send.
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
      res.write(': connected\n\n')
      const unsubscribe = services.events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`))
      req.on('close', unsubscribe)
      return
    }
    if (url.pathname === '/__bridge.js') return send(res, 200, MIME['.js']!, bridgeScript)
    if (url.pathname.startsWith('/__asset/')) {
      const segments = decodePathSegments(url.pathname.slice('/__asset'.length))
      try {
        const file = await resolveReviewFile(services.libraries.current(), segments)
        return sendFile(res, file)
      } catch (error) {
        log.error(`host: refused asset ${url.pathname}`, error)
        return send(res, 404, 'text/plain', 'Not found')
      }
    }
    const file = url.pathname === '/' ? 'index.html' : url.pathname.slice(1)
    const path = resolve(RENDERER_DIR, file)
    if (!path.startsWith(RENDERER_DIR)) return send(res, 403, 'text/plain', 'Forbidden')
    if (url.pathname === '/' || url.pathname === '/index.html') {
      // The preload's job in the app: the bridge must exist before the renderer's modules run.
      const html = (await readFile(join(RENDERER_DIR, 'index.html'), 'utf8')).replace(
        '<head>',
        '<head><script src="/__bridge.js"></script>',
      )
      return send(res, 200, MIME['.html']!, html)
    }
    return sendFile(res, path)
  }

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    services,
    errors,
    opened,
    links,
    picks,
    close: async () => {
      await shutdownServices(services)
      await printer.close()
      await new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
    },
  }
}

/**
 * The test host's stand-in for the preload: the same Bridge, over fetch instead of ipcRenderer.
 * Byte arrays (which IPC's structured clone carries natively) travel as base64 in JSON, both ways.
 */
const bridgeScript = `
const encodeBytes = (_key, value) => {
  if (!(value instanceof Uint8Array)) return value;
  let binary = '';
  for (let i = 0; i < value.length; i += 0x8000) binary += String.fromCharCode(...value.subarray(i, i + 0x8000));
  return { __bytes: btoa(binary) };
};
window.verdict = Object.freeze({
  invoke: (channel, args) =>
    fetch('/__ipc/' + channel, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ args }, encodeBytes) })
      .then((r) => r.text())
      .then((text) => JSON.parse(text, (_key, value) => (typeof value?.__bytes === 'string' ? Uint8Array.from(atob(value.__bytes), (c) => c.charCodeAt(0)) : value))),
  onEvent: (listener) => {
    const source = new EventSource('/__events');
    source.onmessage = (message) => listener(JSON.parse(message.data));
    return () => source.close();
  },
  assetUrl: (reviewId, relativePath) =>
    '/__asset/' + [reviewId, ...relativePath.split('/')].map(encodeURIComponent).join('/'),
});
`

/** Node's side of the same base64 convention, for results (readImage). */
function encodeBytes(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { __bytes: Buffer.from(value).toString('base64') } : value
}

function reviveBytes(_key: string, value: unknown): unknown {
  const encoded = (value as { __bytes?: unknown } | null)?.__bytes
  return typeof encoded === 'string' ? new Uint8Array(Buffer.from(encoded, 'base64')) : value
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

async function sendFile(res: ServerResponse, path: string): Promise<void> {
  try {
    if (!(await stat(path)).isFile()) return send(res, 404, 'text/plain', 'Not found')
  } catch {
    return send(res, 404, 'text/plain', 'Not found')
  }
  res.writeHead(200, { 'content-type': MIME[extname(path).toLowerCase()] ?? 'application/octet-stream' })
  createReadStream(path).pipe(res)
}
