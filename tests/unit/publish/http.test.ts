/** The one network path of publishing, against real HTTP servers on 127.0.0.1. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { PublishError } from '../../../src/main/services/publish/failures'
import { checkedUrl, httpRequest, retryAfterMs } from '../../../src/main/services/publish/http'

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void, host = '127.0.0.1'): Promise<string> {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  return `http://${host}:${(server.address() as AddressInfo).port}`
}

async function failure(promise: Promise<unknown>): Promise<PublishError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(PublishError)
  return error as PublishError
}

describe('httpRequest', () => {
  it('refuses plain http to anything but this computer, and addresses with a password in them', () => {
    expect(() => checkedUrl('http://blog.example.com/')).toThrow(/not secure/)
    expect(() => checkedUrl('https://ana:pw@blog.example.com/')).toThrow(/user name or password/)
    expect(() => checkedUrl('ftp://blog.example.com/')).toThrow(/not secure/)
    expect(checkedUrl('http://localhost:2368/').hostname).toBe('localhost')
    expect(checkedUrl('https://blog.example.com/').protocol).toBe('https:')
  })

  it('classifies refusals and keeps the server’s own words', async () => {
    const url = await serve((req, res) => {
      const status = Number(req.url!.slice(1))
      res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '7' } : {}) })
      res.end(JSON.stringify(status === 409 ? { errors: [{ message: 'Saving failed! Someone else is editing this post.' }] } : { message: `said ${status}` }))
    })
    expect(await failure(httpRequest(`${url}/401`))).toMatchObject({ failure: 'auth', message: expect.stringContaining('said 401') })
    expect(await failure(httpRequest(`${url}/403`))).toMatchObject({ failure: 'auth' })
    expect(await failure(httpRequest(`${url}/413`))).toMatchObject({ failure: 'too-large' })
    expect(await failure(httpRequest(`${url}/429`))).toMatchObject({ failure: 'rate-limited', details: { retryAfterMs: 7000 } })
    expect(await failure(httpRequest(`${url}/409`))).toMatchObject({ failure: 'collision', message: expect.stringContaining('Someone else is editing') })
    // One full stop, whether the server's sentence has its own ("this post.") or not ("said 413").
    expect((await failure(httpRequest(`${url}/413`))).message).toBe(`${new URL(url).host} answered 413: said 413. The upload is larger than the blog accepts.`)
    expect((await failure(httpRequest(`${url}/409`))).message).toMatch(/ this post\.$/)
    expect(await failure(httpRequest(`${url}/503`))).toMatchObject({ failure: 'transient' })
    expect(await failure(httpRequest(`${url}/400`))).toMatchObject({ failure: 'refused', message: expect.stringContaining('said 400') })
  })

  it('counts a refused connection and a silent server as network failures', async () => {
    const closed = await serve(() => {})
    await new Promise((resolve) => servers.pop()!.close(resolve))
    expect(await failure(httpRequest(closed))).toMatchObject({ failure: 'transient', message: expect.stringContaining('could not be reached') })
    const silent = await serve(() => {})
    expect(await failure(httpRequest(silent, { timeoutMs: 200 }))).toMatchObject({ failure: 'transient', message: expect.stringContaining('no answer in time') })
  })

  it('follows redirects but sends the credentials only to the first origin', async () => {
    const seen: Array<{ where: string; authorization?: string }> = []
    const other = await serve((req, res) => {
      seen.push({ where: 'other', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) })
      res.end('{"ok":true}')
    }, 'localhost')
    const first = await serve((req, res) => {
      seen.push({ where: req.url!, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) })
      if (req.url === '/start') res.writeHead(302, { location: '/same' }).end()
      else res.writeHead(307, { location: `${other}/elsewhere` }).end()
    })
    const response = await httpRequest(`${first}/start`, { credentials: { authorization: 'Bearer planted-token' } })
    expect(response.json(z.object({ ok: z.boolean() }))).toEqual({ ok: true })
    expect(seen).toEqual([
      { where: '/start', authorization: 'Bearer planted-token' },
      { where: '/same', authorization: 'Bearer planted-token' },
      { where: 'other' },
    ])
  })

  it('does not follow a redirect to plain http elsewhere', async () => {
    const url = await serve((_req, res) => res.writeHead(301, { location: 'http://blog.example.com/' }).end())
    expect(await failure(httpRequest(url))).toMatchObject({ failure: 'refused', message: expect.stringContaining('not secure') })
  })

  it('reads Retry-After as seconds or a date, capped at two minutes', () => {
    expect(retryAfterMs('3')).toBe(3000)
    expect(retryAfterMs('86400')).toBe(120_000)
    expect(retryAfterMs(new Date(Date.parse('2026-11-25T12:00:10Z')).toUTCString(), Date.parse('2026-11-25T12:00:00Z'))).toBe(10_000)
    expect(retryAfterMs(null)).toBe(1000)
    expect(retryAfterMs('soon')).toBe(1000)
  })
})
