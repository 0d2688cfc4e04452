/** The browser mode's server on 127.0.0.1: how long a browser may keep each file it serves, and a port already taken. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PickerBroker } from '../../../src/web/picker'
import { startWebServer, type WebServer } from '../../../src/web/server'
import { shutdownServices } from '../../../src/main/container'
import { services } from '../../faults/helpers'

let dir: string
let app: Awaited<ReturnType<typeof services>>
let server: WebServer
let cookie: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verdict-server-'))
  const renderer = join(dir, 'renderer')
  await mkdir(join(renderer, 'assets'), { recursive: true })
  await writeFile(join(renderer, 'index.html'), `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"></head><body></body></html>`)
  await writeFile(join(renderer, 'assets', 'index-1a2b.js'), 'export {}')
  await writeFile(join(renderer, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  app = await services(dir)
  server = await start(0)
  // The printed address trades its key for the session cookie.
  const signIn = await fetch(server.url, { redirect: 'manual' })
  cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
})

function start(port: number): Promise<WebServer> {
  return startWebServer({
    handlers: app.handlers,
    events: app.services.events,
    library: () => app.services.libraries.current(),
    picker: new PickerBroker(),
    previewPage: () => undefined,
    rendererDir: join(dir, 'renderer'),
    port,
    log: app.log,
  })
}

afterAll(async () => {
  await server.close()
  await shutdownServices(app.services)
  await rm(dir, { recursive: true, force: true })
})

const get = (path: string) => fetch(new URL(path, server.url), { headers: { cookie } })

describe('the browser mode’s caching', () => {
  it('lets a browser keep the build’s hashed files for good, and nothing else', async () => {
    const script = await get('/assets/index-1a2b.js')
    expect(script.status).toBe(200)
    expect(await script.text()).toBe('export {}')
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    // The page names this start's files and carries the bridge: read afresh at every load.
    const page = await get('/')
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    // A file the build does not name by its content may change under the same name.
    const icon = await get('/icon.svg')
    expect(icon.status).toBe(200)
    expect(icon.headers.get('cache-control')).toBeNull()
    const bridge = await get('/__web/bridge.js')
    expect(bridge.headers.get('cache-control')).toBeNull()
  })
})

describe('a fixed port already taken', () => {
  it('fails the start with the system’s error, and the server there goes on', async () => {
    await expect(start(Number(new URL(server.url).port))).rejects.toThrow(/EADDRINUSE/)
    expect((await get('/')).status).toBe(200)
  })
})
