/**
 * Image paths in a review must stay inside its folder (docs/format.md). These checks are purely
 * lexical — the export side additionally resolves symlinks before reading a file.
 */
import { ASSET_SCHEME } from '../../../shared/contract'
import { isSafeAssetPath, siteImagePath } from '../../../shared/critic'

/**
 * An image reference in a post's text: a Markdown image's address (group 2), or a shortcode's,
 * include's or HTML `src`/`url`/`image` (group 1 is what opens it). Exports and the watcher read a
 * site's post with it, beyond the blocks the editor reads.
 */
export const IMAGE_REFERENCE = /(\]\(\s*<?|\b(?:src|url|image)\s*=\s*["'])((?:\{\{ *site\.baseurl *\}\})?[^\s<>()"']+)/g

/**
 * The review-relative path (`assets/x.png`) an image reference means, or undefined when it could
 * leave the folder or is not a plain relative file path. The reference is percent-decoded once
 * (Markdown URLs arrive encoded: `my%20still.png`), a leading `./` is dropped, and the result must
 * pass the shared `isSafeAssetPath` — no `..`, no scheme or drive letter, no backslash, no `%`
 * left (double encoding), no query or fragment — and must not name a hidden file (`.verdict/…`)
 * or contain control characters.
 */
export function safeRelativePath(raw: string): string | undefined {
  let decoded = decodedOnce(raw)
  if (decoded === undefined) return undefined
  if (decoded.startsWith('./')) decoded = decoded.slice(2)
  if (!isSafeAssetPath(decoded) || hasControl(decoded) || decoded.split('/').some((part) => part.startsWith('.'))) return undefined
  return decoded
}

/**
 * A path from the site's root (`/img/x.png`, Jekyll's `{{ site.baseurl }}/img/x.png`), decoded
 * once as above and written from the root without the Liquid: for a site's post only, whose
 * reader finds it in the site's shared folder (siteFiles.ts). Undefined when it could leave the site.
 */
export function safeSitePath(raw: string): string | undefined {
  const decoded = decodedOnce(raw)
  const path = decoded === undefined ? undefined : siteImagePath(decoded)
  return path === undefined || hasControl(path) ? undefined : `/${path}`
}

/** A Markdown URL percent-decoded once; undefined when it is not a string or not validly encoded. */
function decodedOnce(raw: string): string | undefined {
  if (typeof raw !== 'string') return undefined
  try {
    return decodeURIComponent(raw.trim())
  } catch {
    return undefined
  }
}

/** A post's Liquid `{{ site.baseurl }}` before an image's or link's path from the site's root, which Jekyll fills in and a page of this computer does without. */
export function withoutBaseurl(body: string): string {
  return body.replace(/(\]\(|\bsrc=["'])\{\{ *site\.baseurl *\}\}(?=\/)/g, '$1')
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 || code === 0x7f) return true
  }
  return false
}

const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/]+={0,2}$/
const ASSET_URL = new RegExp(`^${ASSET_SCHEME}://[A-Za-z0-9._~%!$&'()*+,;=:@/-]+$`)

const ROOT_PATH = /^\/[A-Za-z0-9._~%!$&'()*+,;=@-][A-Za-z0-9._~%!$&'()*+,;=:@/-]*$/

/**
 * Whether a resolver's output may go into `src`: data: images, https: (http: on loopback), the app's asset scheme, a
 * root-relative path, or a safe relative path.
 */
export function isAllowedResolvedUrl(url: string): boolean {
  if (DATA_IMAGE.test(url)) return true
  if (ASSET_URL.test(url)) return !/(^|\/)\.\.?(\/|$)/.test(url.slice(ASSET_SCHEME.length + 3)) && !/%2e%2e/i.test(url)
  // Root-relative, as the browser-hosted app serves assets (`/__asset/<id>/<path>`); never `//host`.
  if (ROOT_PATH.test(url)) return !/(^|\/)\.\.?(\/|$)/.test(url) && !/%2e%2e/i.test(url)
  if (/^https?:\/\//i.test(url)) {
    try {
      const parsed = new URL(url)
      // Plain http only for a blog on this computer (a local site, the publish tests).
      const secure = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname))
      return secure && parsed.username === '' && parsed.password === ''
    } catch {
      return false
    }
  }
  return safeRelativePath(url) !== undefined
}

/** This computer: `localhost`, 127.0.0.0/8 or ::1 (URL hostnames keep IPv6 brackets). */
export function isLoopbackHost(hostname: string): boolean {
  return /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i.test(hostname)
}

/** The CSP source expression that allows loading `url` as an image. */
export function cspSourceOf(url: string): string | undefined {
  if (url.startsWith('data:')) return 'data:'
  if (url.startsWith(`${ASSET_SCHEME}:`)) return `${ASSET_SCHEME}:`
  if (/^https:\/\//i.test(url)) {
    try {
      return new URL(url).origin
    } catch {
      return undefined
    }
  }
  return "'self'"
}
