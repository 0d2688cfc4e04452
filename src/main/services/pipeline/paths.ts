/**
 * Image paths in a review must stay inside its folder (docs/format.md). These checks are purely
 * lexical — the export side additionally resolves symlinks before reading a file.
 */
import { ASSET_SCHEME } from '../../../shared/contract'

/**
 * The normalised review-relative path (`assets/x.png`), or undefined when the path could leave the
 * folder or is not a plain relative file path: `..` (also percent-encoded), absolute paths, drive
 * letters, any URL scheme (`file:`, `https:`, `data:`…), backslashes, NUL, query strings, fragments,
 * double encoding, and hidden segments (`.verdict/…`).
 */
export function safeRelativePath(raw: string): string | undefined {
  if (typeof raw !== 'string') return undefined
  const trimmed = raw.trim()
  if (trimmed === '' || trimmed.length > 1024) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(trimmed)
  } catch {
    return undefined
  }
  // Refuse anything still encoded (double encoding), separators other than `/`, controls.
  if (/%[0-9a-f]{2}/i.test(decoded) || /[\\?#]/.test(decoded) || hasControl(decoded)) return undefined
  if (decoded.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(decoded)) return undefined
  const segments = decoded.split('/')
  if (segments[0] === '.') segments.shift()
  if (segments.length === 0) return undefined
  for (const segment of segments) {
    if (segment === '' || segment.startsWith('.') || segment.includes(':')) return undefined
  }
  return segments.join('/')
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

/** Whether a resolver's output may go into `src`: data: images, https:, the app's asset scheme, or a safe relative path. */
export function isAllowedResolvedUrl(url: string): boolean {
  if (DATA_IMAGE.test(url)) return true
  if (ASSET_URL.test(url)) return !/(^|\/)\.\.?(\/|$)/.test(url.slice(ASSET_SCHEME.length + 3)) && !/%2e%2e/i.test(url)
  if (/^https:\/\//i.test(url)) {
    try {
      const parsed = new URL(url)
      return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === ''
    } catch {
      return false
    }
  }
  return safeRelativePath(url) !== undefined
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
