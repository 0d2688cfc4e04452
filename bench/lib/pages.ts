/** The comparison pages (bench/pages): built with Vite into bench/.tmp/pages and served with the generated documents. */
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json',
}

/** Production build, unminified like electron-vite builds the app's renderer, with source maps. */
export async function buildPages(pagesDir: string, outDir: string): Promise<void> {
  const { build } = await import('vite')
  const { default: react } = await import('@vitejs/plugin-react')
  await build({
    configFile: false,
    root: pagesDir,
    base: '/',
    logLevel: 'error',
    mode: 'production',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: {
          'lexical-bare': join(pagesDir, 'lexical-bare/index.html'),
          contenteditable: join(pagesDir, 'contenteditable/index.html'),
        },
      },
    },
  })
}

/** The in-page probe (bench/pages/probe) as one classic script, for `addInitScript`. */
export async function buildProbe(pagesDir: string, outDir: string): Promise<void> {
  const { build } = await import('vite')
  await build({
    configFile: false,
    root: pagesDir,
    logLevel: 'error',
    mode: 'production',
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      reportCompressedSize: false,
      lib: { entry: join(pagesDir, 'probe/probe.tsx'), formats: ['iife'], name: 'benchProbe', fileName: () => 'probe.js' },
    },
  })
}

/**
 * The init script for a context: the probe, plus the `__name` helper that tsx's compiler inserts
 * into functions it compiles (to keep their names), so the harness's `page.evaluate` callbacks run in pages.
 */
export async function probeScript(outDir: string): Promise<{ content: string }> {
  return { content: `globalThis.__name ??= (fn) => fn;\n${await readFile(join(outDir, 'probe.js'), 'utf8')}` }
}

export interface PageServer {
  url: string
  close(): Promise<void>
}

/** `/<page>/…` from the built pages, `/docs/…` from the generated documents. */
export async function servePages(builtDir: string, docsDir: string): Promise<PageServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const [base, rest] = path.startsWith('/docs/') ? [docsDir, path.slice('/docs/'.length)] : [builtDir, path.slice(1)]
    let file = resolve(base, decodeURIComponent(rest))
    if (!file.startsWith(base + sep)) {
      res.writeHead(403).end()
      return
    }
    void stat(file)
      .then((info) => {
        if (info.isDirectory()) file = join(file, 'index.html')
        res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
        createReadStream(file).pipe(res)
      })
      .catch(() => res.writeHead(404).end())
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
