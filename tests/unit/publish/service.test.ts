/**
 * The publish service end to end on the built-in folder blog (no server needed): the record in
 * front matter, re-publishing, pre-flight, saves racing the record, the outbox and where secrets
 * may never appear. Network protocols are tested against real blogs in tests/publish.
 */
import { mkdtemp, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/routes'
import type { AppEvent } from '../../../src/shared/contract'
import type { PublishLogEntry } from '../../../src/shared/publish'
import { createPublishHarness, type PublishHarness } from '../../publish/harness'
import { AVIF } from '../assets/images'

let harness: PublishHarness | undefined
const servers: Server[] = []

afterEach(async () => {
  await harness?.close()
  harness = undefined
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

async function folderHarness(options: { now?: () => Date } = {}): Promise<{ h: PublishHarness; site: string }> {
  const site = await mkdtemp(join(tmpdir(), 'verdict-site-'))
  harness = await createPublishHarness({ blog: { name: 'My site', kind: 'folder', url: site }, secret: '', ...options })
  return { h: harness, site }
}

function progressOf(h: PublishHarness): PublishLogEntry[] {
  const entries: PublishLogEntry[] = []
  h.services.events.subscribe((event: AppEvent) => {
    if (event.type === 'publish-progress') entries.push(event.entry)
  })
  return entries
}

async function reviewFile(h: PublishHarness): Promise<string> {
  return readFile(join(h.libraryDir, h.reviewId, 'review.md'), 'utf8')
}

describe('publishing to a folder', () => {
  it('publishes, records where it went in front matter, and keeps a version and a log', async () => {
    const { h, site } = await folderHarness()
    const outcome = await h.publish()
    expect(outcome.kind).toBe('published')
    const record = await h.record()
    expect(record).toMatchObject({ target: h.blogId, status: 'published', id: expect.any(String) })
    expect(record!.publishId).toMatch(/^[0-9a-f-]{36}$/)
    expect(Object.keys(record!.media).sort()).toEqual([...h.images].sort())
    expect(await reviewFile(h)).toMatch(/^status: published$/m)

    const page = await readFile(join(site, new URL(record!.url).pathname.split('/').pop()!), 'utf8')
    expect(page).toContain('Ballerina')
    expect(page).toContain('9.5')
    expect(page).toContain('Lionsgate')
    for (const path of h.images) expect((await stat(join(site, 'media', path.split('/')[1]!))).isFile()).toBe(true)

    const versions = (await h.services.history.list(h.reviewId)).versions
    expect(versions.map((version) => version.reason)).toContain('publish')
    const log = await h.services.publish.readLog(h.reviewId)
    expect(log.map((entry) => `${entry.step}:${entry.state}`)).toEqual(expect.arrayContaining(['check:done', `image:${h.images[0]}:done`, 'post:done', 'verify:done']))
  })

  it('re-publishing an edited review updates the same post and sends no image again', async () => {
    const { h, site } = await folderHarness()
    await h.publish()
    const first = await h.record()
    await h.edit('A late paragraph about the score.')
    const progress = progressOf(h)
    expect((await h.publish()).kind).toBe('published')
    const second = await h.record()
    expect(second!.id).toBe(first!.id)
    expect(second!.publishId).toBe(first!.publishId)
    expect(second!.media).toEqual(first!.media)
    expect(progress.filter((entry) => entry.step.startsWith('image:')).map((entry) => entry.state)).toEqual(['skipped', 'skipped'])
    const manifest = JSON.parse(await readFile(join(site, 'verdict-site.json'), 'utf8')) as { posts: unknown[] }
    expect(manifest.posts).toHaveLength(1)
    expect(await readFile(join(site, new URL(second!.url).pathname.split('/').pop()!), 'utf8')).toContain('A late paragraph about the score.')
  })

  it('an editor save based on the file before the publish record neither conflicts nor drops the record', async () => {
    const { h } = await folderHarness()
    const opened = await h.services.libraries.current().open(h.reviewId)
    if (opened.kind !== 'editable') throw new Error(opened.reason)
    await h.publish()
    // The editor still holds the old hash and a meta without `published`, as a save in flight would.
    await h.services.writes.save({ id: h.reviewId, meta: { ...opened.meta, title: 'Ballerina, revisited' }, doc: opened.doc, baseHash: opened.hash })
    const text = await reviewFile(h)
    expect(text).toContain('title: Ballerina, revisited')
    expect((await h.record())?.publishId).toBeTruthy()
  })

  it('writes the record without touching a byte of the body', async () => {
    const { h } = await folderHarness()
    const before = await reviewFile(h)
    await h.publish()
    const after = await reviewFile(h)
    const body = (text: string) => text.slice(text.indexOf('\n---\n') + 5)
    expect(body(after)).toBe(body(before))
  })

  it('a duplicate is a new review: publishing it makes a second post, never an update of the original', async () => {
    const { h, site } = await folderHarness()
    await h.publish()
    const copy = await createHandlers(h.services).duplicateReview({ id: h.reviewId })
    expect(copy.status).toBe('draft')
    const copied = await readFile(join(h.libraryDir, copy.id, 'review.md'), 'utf8')
    expect(copied).not.toContain('published:')
    expect((await readdir(join(h.libraryDir, h.reviewId, '.publish-log'))).length).toBe(1)
    await expect(stat(join(h.libraryDir, copy.id, '.publish-log'))).rejects.toThrow()
    expect(await h.publish({ id: copy.id })).toMatchObject({ kind: 'published' })
    const manifest = JSON.parse(await readFile(join(site, 'verdict-site.json'), 'utf8')) as { posts: unknown[] }
    expect(manifest.posts).toHaveLength(2)
  })
})

describe('one date on a folder blog', () => {
  /** The dates the page, the index, the feed, the JSON-LD and the review's front matter carry, by day. */
  async function datesOf(h: PublishHarness, site: string): Promise<Record<string, string | undefined>> {
    const record = await h.record()
    const page = await readFile(join(site, new URL(record!.url).pathname.split('/').pop()!), 'utf8')
    const index = await readFile(join(site, 'index.html'), 'utf8')
    const feed = await readFile(join(site, 'feed.xml'), 'utf8')
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!) as { datePublished?: string }
    return {
      page: /<time class="post-date" datetime="([\d-]+)"/.exec(page)?.[1],
      index: /<time datetime="(\d{4}-\d{2}-\d{2})[^"]*">\1<\/time>/.exec(index)?.[1],
      feed: /<published>(\d{4}-\d{2}-\d{2})T[^<]*<\/published>/.exec(feed)?.[1],
      jsonLd: jsonLd.datePublished?.slice(0, 10),
      review: /^date: (\S+)$/m.exec(await reviewFile(h))?.[1],
    }
  }

  it('back-dated to the review: every one says the review’s date, and the review keeps it', async () => {
    const { h, site } = await folderHarness()
    expect((await h.publish({ dated: 'review' })).kind).toBe('published')
    const day = '2026-11-25'
    expect(await datesOf(h, site)).toEqual({ page: day, index: day, feed: day, jsonLd: day, review: day })
  })

  it('dated the day it goes live: every one says that day, written back as the review’s date', async () => {
    const { h, site } = await folderHarness()
    const before = new Date().toISOString().slice(0, 10)
    expect((await h.publish({ dated: 'now' })).kind).toBe('published')
    const dates = await datesOf(h, site)
    expect(dates.review).not.toBe('2026-11-25')
    expect(dates.review! >= before).toBe(true)
    expect(dates).toEqual({ page: dates.review, index: dates.review, feed: dates.review, jsonLd: dates.review, review: dates.review })
  })

  describe.each([
    // Half past midnight in Auckland is still the day before in UTC…
    { zone: 'Pacific/Auckland', at: '2026-12-06T11:30:00.000Z', day: '2026-12-07', published: '2026-12-07T00:30:00.000+13:00' },
    // …and half past eleven at night in Los Angeles already the next.
    { zone: 'America/Los_Angeles', at: '2026-12-07T07:30:00.000Z', day: '2026-12-06', published: '2026-12-06T23:30:00.000-08:00' },
  ])('on a computer in $zone, near midnight', ({ zone, at, day, published }) => {
    const before = process.env['TZ']
    beforeEach(() => {
      process.env['TZ'] = zone
    })
    afterEach(() => {
      if (before === undefined) delete process.env['TZ']
      else process.env['TZ'] = before
    })

    it('the day it goes live is that computer’s day on the page, in the index, the feed, the JSON-LD and the review', async () => {
      const { h, site } = await folderHarness({ now: () => new Date(at) })
      expect((await h.publish({ dated: 'now' })).kind).toBe('published')
      expect(await datesOf(h, site)).toEqual({ page: day, index: day, feed: day, jsonLd: day, review: day })
      // The feed keeps the instant, written in that zone's time.
      expect(await readFile(join(site, 'feed.xml'), 'utf8')).toContain(`<published>${published}</published>`)
    })
  })
})

describe('pre-flight', () => {
  it('lists a missing title, missing alt text and a past schedule, each with a fix, and sends nothing', async () => {
    const { h, site } = await folderHarness()
    const path = join(h.libraryDir, h.reviewId, 'review.md')
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.replace('title: Ballerina', 'title: ""').replace('![Eve on a frozen lake]', '![]'))
    const problems = await h.preflight({ status: 'scheduled', schedule: { at: '2020-01-01T10:00:00.000Z', zone: 'Europe/Berlin' } })
    expect(problems.map((problem) => problem.subject)).toEqual(expect.arrayContaining(['title', `image:${h.images[1]}`, 'schedule']))
    for (const problem of problems) expect(problem.fix).not.toBe('')
    const outcome = await h.publish()
    expect(outcome).toMatchObject({ kind: 'blocked' })
    expect(await readdir(site)).toEqual([])
    expect(await h.record()).toBeUndefined()
  })

  it('refuses images that point outside the review, by path or through a symlink, and sends nothing', async () => {
    const { h, site } = await folderHarness()
    const reviewDir = join(h.libraryDir, h.reviewId)
    const outside = join(h.libraryDir, 'outside.png')
    await writeFile(outside, await readFile(join(reviewDir, h.images[1])))
    await symlink(outside, join(reviewDir, 'assets', 'linked.png'))
    const text = await reviewFile(h)
    await writeFile(
      join(reviewDir, 'review.md'),
      text.replace(h.images[1], 'assets/linked.png').replace('*Ballerina* arrives', '![Escape](../outside.png) ![Encoded](%2e%2e/outside.png) *Ballerina* arrives'),
    )
    const problems = await h.preflight()
    expect(problems.map((problem) => problem.subject)).toEqual(expect.arrayContaining(['image', 'image:assets/linked.png']))
    expect(problems.find((problem) => problem.subject === 'image')?.message).toMatch(/outside\.png/)
    expect(await h.publish()).toMatchObject({ kind: 'blocked' })
    expect(await readdir(site)).toEqual([])
  })

  it('asks for sign-in details the session no longer holds', async () => {
    const { h } = await folderHarness()
    // Added in an earlier session whose memory-only secrets are gone.
    const blog = await h.services.blogs.save({ name: 'Press', kind: 'wordpress', url: 'http://127.0.0.1:9', username: 'ana' })
    const problems = await h.preflight({ blogId: blog.id })
    expect(problems).toEqual([expect.objectContaining({ subject: 'credentials', fix: expect.stringContaining('application password') })])
  })
})

describe('pre-flight against the blog', () => {
  it('refuses an image type the blog does not take (AVIF on Ghost) before anything is sent', async () => {
    const requests: string[] = []
    const server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`)
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"posts":[]}')
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    harness = await createPublishHarness({
      blog: { name: 'Ghosted', kind: 'ghost', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
      secret: `${'a'.repeat(24)}:${'b'.repeat(64)}`,
    })
    const reviewDir = join(harness.libraryDir, harness.reviewId)
    await writeFile(join(reviewDir, 'assets', 'still.avif'), AVIF)
    const text = await reviewFile(harness)
    await writeFile(join(reviewDir, 'review.md'), text.replace(harness.images[1], 'assets/still.avif'))
    const problems = await harness.preflight()
    expect(problems).toEqual([expect.objectContaining({ subject: 'image:assets/still.avif', message: expect.stringContaining('does not accept AVIF') })])
    expect(await harness.publish()).toMatchObject({ kind: 'blocked' })
    // Only the sign-in checks reached the blog: no upload, no post.
    expect(requests.every((request) => request.startsWith('GET '))).toBe(true)
  })
})

describe('blogs', () => {
  it('refuses plain http to another computer and a site folder inside the library', async () => {
    const { h } = await folderHarness()
    await expect(h.services.blogs.save({ name: 'Old', kind: 'wordpress', url: 'http://example.com', username: 'a' }, 's')).rejects.toThrow(/not secure/)
    await expect(h.services.blogs.save({ name: 'Inside', kind: 'folder', url: join(h.libraryDir, 'site') })).rejects.toThrow(/inside the library/)
    await expect(h.services.blogs.save({ name: 'Relative', kind: 'folder', url: 'site' })).rejects.toThrow(/full folder path/)
    const saved = await h.services.blogs.save({ name: 'Loopback', kind: 'ghost', url: 'http://127.0.0.1:2368/' }, 'id:secret')
    expect((await h.services.blogs.views()).blogs.find((blog) => blog.id === saved.id)).toMatchObject({ signedIn: true })
  })
})

describe('an unreachable blog', () => {
  it('queues the publish in an outbox that survives a restart, and the secret is nowhere on disk or in the log', async () => {
    // A port that was just free: nothing listens, as when the blog is down or the network is gone.
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    await new Promise((resolve) => server.close(resolve))
    const token = `planted-${Math.random().toString(36).slice(2)}-token`
    harness = await createPublishHarness({ blog: { name: 'Press', kind: 'wordpress', url: `http://127.0.0.1:${port}`, username: 'ana' }, secret: token })
    const outcome = await harness.publish()
    expect(outcome).toMatchObject({ kind: 'queued', reason: expect.stringContaining('could not be reached') })
    const jobs = await harness.outbox()
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toMatchObject({ request: { id: harness.reviewId, blogId: harness.blogId }, attempts: 1 })
    expect(await readFile(join(harness.libraryDir, '.verdict', 'outbox', `${harness.services.machine}.json`), 'utf8')).toContain(harness.blogId)

    const exportDir = await mkdtemp(join(tmpdir(), 'verdict-export-'))
    await harness.services.pages.exportReviews({ ids: [harness.reviewId], format: 'html', destDir: exportDir, theme: 'classic', colorScheme: 'light', pageSize: 'A4', marginsMm: 15 })
    for (const dir of [harness.libraryDir, harness.settingsDir, exportDir]) {
      for (const file of await filesUnder(dir)) expect(await readFile(file, 'latin1'), file).not.toContain(token)
    }
    expect(harness.logs.join('\n')).not.toContain(token)
  })
})

describe('a busy blog', () => {
  it('waits as long as Retry-After says (capped), backs off on 5xx, then queues', async () => {
    let requests = 0
    const server = createServer((_req, res) => {
      requests++
      if (requests === 1) res.writeHead(429, { 'retry-after': '5', 'content-type': 'application/json' }).end('{"message":"Slow down"}')
      else res.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"Maintenance"}')
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const waits: number[] = []
    harness = await createPublishHarness({
      blog: { name: 'Press', kind: 'wordpress', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, username: 'ana' },
      secret: 'pw',
      retry: { attempts: 3, baseDelayMs: 400 },
      sleep: async (ms) => void waits.push(ms),
    })
    const outcome = await harness.publish()
    expect(outcome).toMatchObject({ kind: 'queued', reason: expect.stringContaining('Maintenance') })
    expect(requests).toBe(3)
    expect(waits[0]).toBe(5000)
    // The second wait is the jittered backoff: 400 ms × 2 × (0.5–1.5).
    expect(waits[1]).toBeGreaterThanOrEqual(400)
    expect(waits[1]).toBeLessThanOrEqual(1200)
  })
})

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}
