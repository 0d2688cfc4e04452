/**
 * The renderer's files as the app serves them: the desktop window's `app://` protocol and the
 * browser mode's server both map a URL path to a file of the built renderer here, and nowhere else.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, sep } from 'node:path'
import { PREVIEW_PATH } from './services/pages/previewPages'

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

export function mimeOf(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file of `rendererDir` a URL path names (`/` is index.html), or null: malformed escapes,
 * `..`, backslashes, NUL, dot-names and symlinks out of the folder all name nothing.
 */
export async function resolveRendererFile(rendererDir: string, pathname: string): Promise<string | null> {
  let segments: string[]
  try {
    segments = pathname.split('/').filter((s) => s.length > 0).map(decodeURIComponent)
  } catch {
    return null
  }
  if (segments.length === 0) segments = ['index.html']
  if (segments.some((s) => s.startsWith('.') || /[\\/\0:]/.test(s))) return null
  try {
    const root = await realpath(rendererDir)
    const real = await realpath(join(root, ...segments))
    const rel = relative(root, real)
    if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) return null
    return (await stat(real)).isFile() ? real : null
  } catch {
    return null
  }
}

/**
 * The policy index.html declares in its meta tag, so the same policy can go out as a response
 * header too (a header also covers what a meta tag cannot: frame-ancestors, reports, the first bytes).
 */
export function contentSecurityPolicyOf(html: string): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)
  if (!meta) throw new Error('index.html declares no Content-Security-Policy')
  return meta[1]!.replace(/\s+/g, ' ').trim()
}

/** Reads index.html once per start: its policy does not change while the app runs. */
export async function rendererPolicy(rendererDir: string): Promise<string> {
  return contentSecurityPolicyOf(await readFile(join(rendererDir, 'index.html'), 'utf8'))
}

/** The desktop window's scheme: `app://verdict/index.html` instead of a `file://` URL. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'verdict'
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * What the `app://` protocol answers for a request: a file of the built renderer with its type and
 * the content security policy as a header, or null (404) for anything else — another host, a path
 * leading out of out/renderer. Electron's handler (index.ts) only streams the file.
 */
export async function appProtocolFile(rendererDir: string, requestUrl: string, policy: string): Promise<{ file: string; headers: Record<string, string> } | null> {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  const file = await resolveRendererFile(rendererDir, url.pathname)
  if (!file) return null
  return { file, headers: { 'content-type': mimeOf(file), 'content-security-policy': policy, 'x-content-type-options': 'nosniff' } }
}

/**
 * The preview page an `app://` request names (`app://verdict/__preview/…`), if main still keeps it:
 * served from memory with its own headers, never from a file.
 */
export function appProtocolPreview(previewPage: (pathname: string) => string | undefined, requestUrl: string): string | undefined {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return undefined
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || !url.pathname.startsWith(PREVIEW_PATH)) return undefined
  return previewPage(url.pathname)
}
