/**
 * The only way publishing talks to the network. HTTPS is required except for loopback hosts (local
 * blogs and the tests); redirects are followed by hand so credentials never travel to another
 * origin; every failure becomes a PublishError that says what the server said.
 */
import type { z } from 'zod'
import { isLoopbackHost } from '../pipeline/paths'
import { megabytes } from '../../../shared/text'
import { isPublishError, PublishError } from './failures'

export interface HttpRequest {
  method?: string
  headers?: Record<string, string>
  /** Sent only to the request's own origin, never across a redirect to another one. */
  credentials?: Record<string, string>
  body?: string | Uint8Array | FormData
  /** Milliseconds before the attempt counts as a network failure (default 30 s). */
  timeoutMs?: number
  /** The longest reply read; a longer one is refused (default: no limit). */
  maxBytes?: number
  /** Refuses a redirect to another origin instead of following it. */
  stayOnOrigin?: boolean
}

export interface HttpResponse {
  status: number
  url: string
  headers: Headers
  text: string
  /** The reply as it came (a font, an image). */
  bytes: Uint8Array
  /** The reply's JSON checked against what the caller reads; another shape is refused, naming the field. */
  json<S extends z.ZodType>(schema: S): z.infer<S>
}

export type Fetch = typeof fetch

const MAX_REDIRECTS = 5
const DEFAULT_TIMEOUT_MS = 30_000

/** Parses a blog address and refuses plain http to anything but this machine. */
export function checkedUrl(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new PublishError('refused', `“${raw}” is not a web address.`)
  }
  if (url.username || url.password) throw new PublishError('refused', `The address “${url.origin}” must not contain a user name or password.`)
  if (url.protocol === 'https:') return url
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url
  throw new PublishError('refused', `“${url.origin}” is not secure: blogs are reached over https:// (plain http only for this computer).`)
}

/**
 * Sends one request. Redirects are followed up to five times, each target checked like the first;
 * `credentials` headers go only to the original origin.
 */
export async function httpRequest(rawUrl: string, request: HttpRequest = {}, fetchImpl: Fetch = fetch): Promise<HttpResponse> {
  let url = checkedUrl(rawUrl)
  const origin = url.origin
  let method = request.method ?? 'GET'
  let body = request.body
  for (let hop = 0; ; hop++) {
    const headers = { ...request.headers, ...(url.origin === origin ? request.credentials : {}) }
    let response: Response
    try {
      response = await fetchImpl(url, {
        method,
        headers,
        ...(body !== undefined ? { body: body as NonNullable<RequestInit['body']> } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      })
    } catch (error) {
      throw new PublishError('transient', `${url.host} could not be reached: ${networkReason(error)}`)
    }
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel()
      if (hop >= MAX_REDIRECTS) throw new PublishError('refused', `${url.host} redirected too many times.`)
      const next = checkedUrl(new URL(location, url).href)
      if (request.stayOnOrigin && next.origin !== origin) throw new PublishError('refused', `${url.host} sent Verdict to another site (${next.origin}).`)
      url = next
      // 303 (and 301/302 after a POST, as browsers do) turn the request into a GET without a body.
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET'
        body = undefined
      }
      continue
    }
    const bytes = await readBody(response, url, request.maxBytes)
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
    const result: HttpResponse = {
      status: response.status,
      url: url.href,
      headers: response.headers,
      text,
      bytes,
      json: (schema) => parseJson(schema, text, url),
    }
    if (response.ok) return result
    throw errorFor(result, url)
  }
}

async function readBody(response: Response, url: URL, maxBytes = Infinity): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) {
    await response.body?.cancel()
    return tooLong(url, maxBytes)
  }
  try {
    if (maxBytes === Infinity || !response.body) return new Uint8Array(await response.arrayBuffer())
    // Read in parts, so a reply without a length (or lying about it) stops at the limit.
    const reader = response.body.getReader()
    const parts: Uint8Array[] = []
    let read = 0
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      read += part.value.byteLength
      if (read > maxBytes) {
        await reader.cancel()
        return tooLong(url, maxBytes)
      }
      parts.push(part.value)
    }
    return Buffer.concat(parts)
  } catch (error) {
    if (isPublishError(error)) throw error
    throw new PublishError('transient', `${url.host} stopped answering mid-reply: ${networkReason(error)}`)
  }
}

function tooLong(url: URL, maxBytes: number): never {
  throw new PublishError('too-large', `${url.href} is larger than ${megabytes(maxBytes)}.`)
}

/** A blog (or whatever answers at its address) may send any shape: a clear refusal beats a TypeError deep in a target. */
function parseJson<S extends z.ZodType>(schema: S, text: string, url: URL): z.infer<S> {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new PublishError('refused', `${url.host} answered with something that is not JSON: “${text.slice(0, 120)}”.`)
  }
  const checked = schema.safeParse(body)
  if (checked.success) return checked.data
  const issue = checked.error.issues[0]
  const field = issue?.path.length ? issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') : 'the reply'
  throw new PublishError('refused', `${url.host} answered in a shape Verdict does not know: ${field}: ${issue?.message ?? 'unexpected'} (“${text.slice(0, 120)}”).`)
}

const RETRY_AFTER_CAP_MS = 120_000

function errorFor(response: HttpResponse, url: URL): PublishError {
  const said = serverMessage(response.text)
  // One full stop: a server's own message often ends its sentence already ("…this post.").
  const answered = `${url.host} answered ${response.status}${said ? `: ${said}` : ''}`
  const what = /[.!?]$/.test(answered) ? answered : `${answered}.`
  const status = response.status
  const body = response.text
  if (status === 401 || status === 403) return new PublishError('auth', `${what} Check the blog's sign-in details.`, { status, body })
  if (status === 413) return new PublishError('too-large', `${what} The upload is larger than the blog accepts.`, { status, body })
  if (status === 409) return new PublishError('collision', what, { status, body })
  if (status === 429) return new PublishError('rate-limited', `${what} The blog asks to wait.`, { status, body, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) })
  if (status >= 500) return new PublishError('transient', what, { status, body })
  return new PublishError('refused', what, { status, body })
}

/** Retry-After in seconds or as an HTTP date; capped, and one second when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (!header) return 1000
  const seconds = Number(header)
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), RETRY_AFTER_CAP_MS) : 1000
}

/** The human part of an error body: WordPress `message`, Ghost `errors[0]`, OAuth `error_description`. */
export function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as Record<string, unknown>
    const ghost = Array.isArray(body['errors']) ? (body['errors'][0] as Record<string, unknown> | undefined) : undefined
    const found = ghost?.['context'] ?? ghost?.['message'] ?? body['message'] ?? body['error_description'] ?? body['error']
    if (typeof found === 'string') return found.slice(0, 300)
  } catch {
    // Not JSON: the first line of text, if it is short enough to be a message.
  }
  const line = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()
  return line.slice(0, 200)
}

function networkReason(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time'
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return cause?.code ?? cause?.message ?? error.message
  }
  return String(error)
}
