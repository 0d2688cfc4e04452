/**
 * A real reverse proxy on 127.0.0.1 in front of a real blog, able to fail the way networks do:
 * refuse every connection (the server is gone), or let one request reach the blog and then cut the
 * connection before the reply arrives (the blog committed, the app never heard back).
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterAll, beforeAll } from 'vitest'

export interface ProxiedRequest {
  method: string
  path: string
  /** The blog's status, or `dropped` / `refused` when the proxy failed the request on purpose. */
  outcome: number | 'dropped' | 'refused'
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: give this to the app as the blog's address. */
  url: string
  /** Every request seen, in order. */
  requests: ProxiedRequest[]
  /** While down, every request is cut off at once, as if nothing listened. */
  setDown(down: boolean): void
  /** The next request matching `match` is forwarded and completed by the blog, but its reply is never delivered. */
  dropReplyOnce(match: (method: string, path: string) => boolean): void
  close(): Promise<void>
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream)
  const requests: ProxiedRequest[] = []
  const sockets = new Set<Socket>()
  let down = false
  let dropMatch: ((method: string, path: string) => boolean) | undefined

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET'
    const path = req.url ?? '/'
    if (down) {
      requests.push({ method, path, outcome: 'refused' })
      req.socket.destroy()
      return
    }
    const drop = dropMatch?.(method, path) ?? false
    if (drop) dropMatch = undefined
    const upstreamRequest = httpRequest(
      { host: target.hostname, port: target.port, method, path, headers: { ...req.headers, host: target.host } },
      (upstreamResponse) => {
        if (drop) {
          // Read the whole reply so the blog has finished, then hang up without a word.
          upstreamResponse.resume()
          upstreamResponse.on('end', () => {
            requests.push({ method, path, outcome: 'dropped' })
            req.socket.destroy()
          })
          return
        }
        requests.push({ method, path, outcome: upstreamResponse.statusCode ?? 0 })
        res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers)
        upstreamResponse.pipe(res)
      },
    )
    upstreamRequest.on('error', () => {
      requests.push({ method, path, outcome: 502 })
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end('The blog behind the test proxy did not answer.')
    })
    req.pipe(upstreamRequest)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    if (down) socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setDown(value) {
      down = value
      if (value) for (const socket of sockets) socket.destroy()
    },
    dropReplyOnce(match) {
      dropMatch = match
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

/**
 * A fault proxy in front of `upstream` for the tests of the enclosing `describe` block: started
 * before them and closed after them.
 */
export function faultProxyAround(upstream: string): FaultProxy {
  let started: FaultProxy | undefined
  beforeAll(async () => {
    started = await startFaultProxy(upstream)
  })
  afterAll(() => started?.close())
  const proxy = (): FaultProxy => {
    if (!started) throw new Error('The fault proxy is there only while the tests of its describe block run.')
    return started
  }
  return {
    get url() {
      return proxy().url
    },
    get requests() {
      return proxy().requests
    },
    setDown: (down) => proxy().setDown(down),
    dropReplyOnce: (match) => proxy().dropReplyOnce(match),
    close: () => proxy().close(),
  }
}
