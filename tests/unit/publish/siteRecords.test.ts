/**
 * Publishing a site's post (the small Hugo site of tests/unit/library/sites, in git) through the
 * real services: its publish records live in `.verdict/`, never in the post, whose bytes stay as
 * they were after a publish, a publish the blog refuses and a second publish; the library, search,
 * archive and the Publish dialog's records read them from there, through the trash and back, a
 * version restored and a new title (a duplicate gets none), and records an older Verdict wrote
 * into a post's front matter are read and carried over.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../../src/main/container'
import { createHandlers } from '../../../src/main/routes'
import { archiveRows } from '../../../src/main/services/archive/archive'
import { PublishRecordStore } from '../../../src/main/services/library/publishRecords'
import type { PublishRecord } from '../../../src/shared/publish'
import { git } from '../../support/git'
import { closeSites, siteServices, tempFolder } from '../library/siteHelpers'

const POST = 'content/posts/perfect-days.md'
const cleanups: Array<() => Promise<void>> = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  await closeSites()
})

/** The Hugo site in git, opened as the library of the real services, with a folder blog outside it. */
async function hugoSite(): Promise<{ services: Services; site: string; pages: string; blogId: string; post: () => Promise<Buffer> }> {
  const { root: site, services } = await siteServices('hugo', { retry: { attempts: 1, baseDelayMs: 10 }, outboxCheckMs: 0, claimSettleMs: 0 })
  const pages = join(await tempFolder('verdict-site-records-'), 'pages')
  const blog = await services.blogs.save({ name: 'Pages', kind: 'folder', url: pages }, '')
  return { services, site, pages, blogId: blog.id, post: () => readFile(join(site, POST)) }
}

/** What git sees changed in the site besides Verdict's own folder. */
async function siteChanges(site: string): Promise<string[]> {
  const lines = (await git(site, 'status', '--porcelain', '--untracked-files=all')).split('\n')
  return lines.filter((line) => line && !line.startsWith('?? .verdict/'))
}

async function recordFiles(site: string, id: string): Promise<string[]> {
  return readdir(join(site, '.verdict', 'reviews', id, 'published'))
}

describe('a site’s publish records', () => {
  it('live in .verdict/: the post is untouched, and the library, search, archive and a second publish read them there', async () => {
    const { services, site, pages, blogId, post } = await hugoSite()
    const library = services.libraries.current()
    await library.list()
    const before = await post()

    const first = await services.publish.publish({ id: 'perfect-days', blogId, status: 'published' })
    expect(first).toMatchObject({ kind: 'published', record: { target: blogId, status: 'published' } })
    expect(await post()).toEqual(before)
    expect(await siteChanges(site)).toEqual([])
    expect(await recordFiles(site, 'perfect-days')).toEqual([`${services.machine}.json`])
    const record = first.kind === 'published' ? first.record : undefined

    // The library row, the search's status filter, the archive and the editor's review all say where it went.
    const row = (await library.list()).find((listed) => listed.id === 'perfect-days')
    expect(row).toMatchObject({ status: 'published', published: [expect.objectContaining({ url: record?.url })] })
    expect((await library.searchReviews('status:published', 20)).hits.map((hit) => hit.id)).toEqual(['perfect-days'])
    expect(archiveRows(await library.lastListed()).find((archived) => archived.id === 'perfect-days')?.published).toEqual([record?.url])
    const opened = await library.open('perfect-days')
    expect(opened).toMatchObject({ kind: 'editable', meta: { status: 'published', published: [expect.objectContaining({ publishId: record?.publishId })] } })

    // An editor save of that meta (status published, as the Publish dialog left it) writes only the critic's edit.
    if (opened.kind !== 'editable') throw new Error('read-only')
    await services.writes.save({ id: 'perfect-days', meta: { ...opened.meta, title: 'Perfect Days, again' }, doc: opened.doc, baseHash: opened.hash })
    expect((await git(site, 'diff', '-U0', POST)).split('\n').filter((line) => /^[-+](?![-+])/.test(line))).toEqual(['-title: Perfect Days', '+title: Perfect Days, again'])
    await git(site, 'commit', '-q', '-a', '-m', 'Retitled')

    // A second publish updates the same post on the blog, and still writes nothing into the site.
    const edited = await post()
    const second = await services.publish.publish({ id: 'perfect-days', blogId, status: 'published' })
    expect(second).toMatchObject({ kind: 'published', record: { id: record?.id, publishId: record?.publishId } })
    expect(JSON.parse(await readFile(join(pages, 'verdict-site.json'), 'utf8')).posts).toHaveLength(1)
    expect(await post()).toEqual(edited)
    expect(await siteChanges(site)).toEqual([])

    // To the trash and back: the records come back with the post.
    const { trashId } = await services.writes.trash('perfect-days')
    expect((await library.list()).map((listed) => listed.id)).not.toContain('perfect-days')
    const restored = await services.writes.untrash(trashId)
    expect(restored).toMatchObject({ id: 'perfect-days', status: 'published', published: [expect.objectContaining({ id: record?.id })] })
    expect(await siteChanges(site)).toEqual([])

    // A version restored (the one kept before the publish) and a new title keep them too: the id is the file name.
    const [kept] = (await services.history.list('perfect-days')).versions.filter((version) => version.reason === 'publish')
    await services.writes.restore('perfect-days', kept!.versionId)
    expect(await services.writes.rename('perfect-days', 'Perfect Days (2023)')).toMatchObject({ id: 'perfect-days', status: 'published', published: [expect.objectContaining({ id: record?.id })] })
    // A duplicate is a new post: none of the records.
    const copy = await createHandlers(services).duplicateReview({ id: 'perfect-days' })
    expect(copy.status).toBe('draft')
    expect(copy.published ?? []).toEqual([])
  })

  it('a publish the blog refuses leaves the post’s bytes as they were, its intent kept in .verdict/ for the retry', async () => {
    const { services, site, post } = await hugoSite()
    // A WordPress that signs the critic in and refuses every upload and post.
    const server: Server = createServer((req, res) => {
      const signIn = req.method === 'GET' && decodeURIComponent(req.url ?? '').includes('/wp/v2/users/me')
      res.writeHead(signIn ? 200 : 403, { 'content-type': 'application/json' })
      res.end(JSON.stringify(signIn ? { id: 1, name: 'ana', capabilities: { publish_posts: true, upload_files: true } } : { code: 'rest_forbidden', message: 'Posting is closed on this site.' }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())))
    const blog = await services.blogs.save({ name: 'Press', kind: 'wordpress', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, username: 'ana' }, 'pw')
    const before = await post()
    await expect(services.publish.publish({ id: 'perfect-days', blogId: blog.id, status: 'published' })).rejects.toThrow(/Posting is closed/)
    expect(await post()).toEqual(before)
    expect(await siteChanges(site)).toEqual([])
    const kept = JSON.parse(await readFile(join(site, '.verdict', 'reviews', 'perfect-days', 'published', `${services.machine}.json`), 'utf8')) as { published: PublishRecord[] }
    expect(kept.published).toEqual([expect.objectContaining({ target: blog.id, id: '', publishId: expect.stringMatching(/^[0-9a-f-]{36}$/) })])
    expect((await services.libraries.current().summary('perfect-days')).status).toBe('draft')
  })

  it('records an older Verdict wrote into the post are read and carried into .verdict/, never written back', async () => {
    const { services, site, pages, blogId, post } = await hugoSite()
    // An older Verdict published the post and wrote its record into the front matter.
    const first = await services.publish.publish({ id: 'perfect-days', blogId, status: 'published' })
    if (first.kind !== 'published') throw new Error(first.kind)
    await rm(join(site, '.verdict', 'reviews', 'perfect-days', 'published'), { recursive: true })
    const text = (await post()).toString('utf8')
    const old = `published:\n  - target: ${blogId}\n    publishId: ${first.record.publishId}\n    id: ${first.record.id}\n    url: ${first.record.url}\n    at: ${first.record.at}\n    status: published\n    media: {}\n`
    await writeFile(join(site, POST), text.replace('score: 7.5\n', `score: 7.5\n${old}`))
    await git(site, 'commit', '-q', '-a', '-m', 'As an older Verdict left it')
    const before = await post()

    expect(await services.libraries.current().summary('perfect-days')).toMatchObject({ published: [expect.objectContaining({ id: first.record.id })] })
    expect(await services.publish.publish({ id: 'perfect-days', blogId, status: 'published' })).toMatchObject({ kind: 'published', record: { id: first.record.id } })
    expect(JSON.parse(await readFile(join(pages, 'verdict-site.json'), 'utf8')).posts).toHaveLength(1)
    expect(await post()).toEqual(before)
    expect(await recordFiles(site, 'perfect-days')).toEqual([`${services.machine}.json`])
  })

  it('a damaged records file is named in a clear problem that stops only the publish', async () => {
    const { services, site, blogId } = await hugoSite()
    const dir = join(site, '.verdict', 'reviews', 'perfect-days', 'published')
    await services.publish.publish({ id: 'perfect-days', blogId, status: 'published' })
    await writeFile(join(dir, `${services.machine}.json`), '{"version":1,"published":[{"target":')
    const library = services.libraries.current()
    expect((await library.list()).map((row) => row.id)).toContain('perfect-days')
    const opened = await library.open('perfect-days')
    expect(opened.kind === 'editable' && opened.warnings.join(' ')).toMatch(/publish records of “perfect-days” in \.verdict\/reviews\/perfect-days\/published\/\w+\.json cannot be read/)
    const problems = await services.publish.preflight({ id: 'perfect-days', blogId, status: 'published' })
    expect(problems).toEqual([expect.objectContaining({ subject: 'records', fix: expect.stringContaining('delete it to publish the post anew') })])
    expect(await services.publish.publish({ id: 'perfect-days', blogId, status: 'published' })).toMatchObject({ kind: 'blocked' })
  })
})

describe('the records store', () => {
  const record = (target: string, at: string, id = 'p1'): PublishRecord => ({ target, publishId: `${target}-id`, id, url: id && `https://blog/${id}`, at, status: 'published', media: {} })

  it('reads every machine’s file together: a record per blog, the newer one, and never an intent over an answer', async () => {
    const root = await mkdtemp(join(tmpdir(), 'verdict-records-'))
    cleanups.push(() => rm(root, { recursive: true, force: true }))
    const store = new PublishRecordStore(root, () => undefined)
    expect(await store.read('dune')).toBeUndefined()
    await store.write('dune', 'aaaaaaaaaaaa', [record('press', '2026-01-01T00:00:00.000Z'), record('ghost', '2026-01-03T00:00:00.000Z', 'g1')], '2026-01-01')
    await store.write('dune', 'bbbbbbbbbbbb', [record('press', '2026-01-02T00:00:00.000Z', 'p2'), record('ghost', '', '')], '2026-01-02')
    const read = await store.read('dune')
    expect(read?.published.map(({ target, id }) => `${target}:${id}`).sort()).toEqual(['ghost:g1', 'press:p2'])
    // The day of the machine whose newest record is the newest.
    expect(read?.date).toBe('2026-01-01')
    expect(read?.damaged).toBeUndefined()
    // A damaged file is named; the others are still read.
    await writeFile(join(root, '.verdict', 'reviews', 'dune', 'published', 'cccccccccccc.json'), '{"version":2}')
    const damaged = await store.read('dune')
    expect(damaged?.damaged).toContain(join('.verdict', 'reviews', 'dune', 'published', 'cccccccccccc.json'))
    expect(damaged?.published).toHaveLength(2)
  })
})
