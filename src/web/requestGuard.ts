/**
 * Who may talk to the browser mode's server: only the page Verdict itself served, to the person who
 * started it. Checks run on request headers alone, before any routing, so a refused request learns
 * nothing about the library (the same answer for every path).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

/** The query parameter of the address `npm start` prints; exchanged for the session cookie at once. */
export const KEY_PARAM = 'key'

export interface Guard {
  /** The per-start secret (URL-safe). */
  readonly secret: string
  /** The cookie's name: one per port, so two servers on one machine keep their own. */
  readonly cookieName: string
  /** The app's own origins: `http://127.0.0.1:<port>` and `http://localhost:<port>`. */
  readonly origins: readonly string[]
  /** Why the request is refused, or null when it may go on. */
  refusal(headers: IncomingHttpHeaders): Refusal | null
  /** True when the request carries the secret in its query (the printed address). */
  carriesKey(url: URL): boolean
  /** The `Set-Cookie` value handing the session to the browser that opened the printed address. */
  sessionCookie(): string
}

export interface Refusal {
  status: number
  message: string
}

/**
 * What every refusal without the secret says: one answer for any path, existing or not, so the
 * server is no oracle of what the library holds.
 */
export const NOT_SIGNED_IN = 'Open Verdict at the address it printed when it started: that address carries the key this server needs.'

export function createGuard(port: number, secret = randomBytes(32).toString('base64url')): Guard {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  const origins = hosts.map((host) => `http://${host}`)
  const cookieName = `verdict-${port}`
  const expected = Buffer.from(secret)
  const matches = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false
    const given = Buffer.from(candidate)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }
  return {
    secret,
    cookieName,
    origins,
    refusal(headers) {
      // DNS rebinding: a foreign name resolving to 127.0.0.1 still says its own name in Host.
      if (!hosts.includes(headers.host ?? '')) return { status: 421, message: 'This server answers only to 127.0.0.1 and localhost.' }
      if (!matches(cookieValue(headers.cookie, cookieName))) return { status: 403, message: NOT_SIGNED_IN }
      // Same-site pages on other ports send the cookie with img/script/form requests: refuse them by their origin.
      const origin = headers.origin
      if (origin !== undefined && !origins.includes(origin)) return { status: 403, message: 'Only Verdict’s own page may call this server.' }
      const site = headers['sec-fetch-site']
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, message: 'Only Verdict’s own page may call this server.' }
      return null
    },
    carriesKey: (url) => matches(url.searchParams.get(KEY_PARAM)),
    sessionCookie: () => `${cookieName}=${secret}; Path=/; HttpOnly; SameSite=Strict`,
  }
}

/** One cookie's value from a `Cookie` header (names are ours, values base64url: no quoting to undo). */
function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}
