/** Blogs' answers are checked against what each target reads: a wrong shape is a specific refusal, never a TypeError. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { PublishError } from '../../../src/main/services/publish/failures'
import { httpRequest } from '../../../src/main/services/publish/http'
import { createGhostTarget } from '../../../src/main/services/publish/targets/ghost'
import { createMicropubTarget } from '../../../src/main/services/publish/targets/micropub'
import { createWordPressTarget } from '../../../src/main/services/publish/targets/wordpress'
import type { BlogKind, PublishRecord } from '../../../src/shared/publish'

/** One loopback server answering each path with the JSON set for it. */
const answers = new Map<string, unknown>()
let server: Server
let origin: string
let host: string
beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const q = url.searchParams.get('q')
    const key = url.searchParams.get('rest_route') ?? `${url.pathname}${q ? `?q=${q}` : ''}`
    res.writeHead(answers.has(key) ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(answers.get(key) ?? { message: 'no such route' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  origin = `http://${host}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

async function refusal(promise: Promise<unknown>): Promise<PublishError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(PublishError)
  expect(error).toMatchObject({ failure: 'refused' })
  return error as PublishError
}

const blog = (kind: BlogKind, url = origin) => ({ id: 'b', name: 'Blog', kind, url, username: 'ana' })
const GHOST_KEY = `${'a'.repeat(24)}:${'b'.repeat(64)}`

describe('blog answers', () => {
  it('json(schema) returns what matches and refuses another shape, naming the host and the field', async () => {
    answers.set('/thing', { items: [{ id: 3 }, { id: 'four' }], extra: true })
    const reply = await httpRequest(`${origin}/thing`)
    expect(reply.json(z.object({ items: z.array(z.object({ id: z.union([z.number(), z.string()]) })) }))).toEqual({ items: [{ id: 3 }, { id: 'four' }] })
    const error = await refusal(Promise.resolve().then(() => reply.json(z.object({ items: z.array(z.object({ id: z.number() })) }))))
    expect(error.message).toContain(host)
    expect(error.message).toContain('items[1].id')
  })

  it('WordPress: an account answer whose id is not a number is refused by name, not read', async () => {
    answers.set('/wp/v2/users/me', { id: '7', name: 'Ana', capabilities: { publish_posts: true, upload_files: true } })
    const error = await refusal(createWordPressTarget({ blog: blog('wordpress'), secret: 'pw' }).check())
    expect(error.message).toMatch(new RegExp(`No WordPress REST API answered at ${origin}.*${host} answered in a shape Verdict does not know: id:`))
  })

  it('WordPress: a post search answering an object instead of a list is refused', async () => {
    answers.set('/wp/v2/posts', { code: 'surprise' })
    const error = await refusal(createWordPressTarget({ blog: blog('wordpress'), secret: 'pw' }).find('0b5e6f4c-publish'))
    expect(error.message).toContain(`${host} answered in a shape Verdict does not know: the reply:`)
  })

  it('Ghost: a post without its url is refused naming posts[0].url', async () => {
    answers.set('/ghost/api/admin/posts/', { posts: [{ id: 'p1', status: 'published', published_at: null, updated_at: '2026-01-01T00:00:00.000Z' }] })
    const error = await refusal(createGhostTarget({ blog: blog('ghost'), secret: GHOST_KEY }).find('0b5e6f4c-publish'))
    expect(error.message).toContain(`${host} answered in a shape Verdict does not know: posts[0].url:`)
  })

  it('Ghost: users whose name is missing are refused naming users[0].name', async () => {
    answers.set('/ghost/api/admin/users/', { users: [{ id: 'u1', email: 'ana@example.com' }] })
    const error = await refusal(Promise.resolve(createGhostTarget({ blog: blog('ghost'), secret: GHOST_KEY }).author?.('Ana')))
    expect(error.message).toContain('users[0].name')
  })

  it('Micropub: a q=source answer whose properties are not lists is refused naming the property', async () => {
    answers.set('/micropub?q=config', {})
    answers.set('/micropub?q=source', { properties: { url: `${origin}/p` } })
    const target = createMicropubTarget({ blog: blog('micropub', `${origin}/micropub`), secret: 'token' })
    const record: PublishRecord = { target: 'b', publishId: '0b5e6f4c-publish', id: `${origin}/p`, url: `${origin}/p`, at: '2026-01-01T00:00:00.000Z', status: 'published', media: {} }
    const error = await refusal(target.find(record.publishId, record))
    expect(error.message).toContain('properties.url:')
  })
})
