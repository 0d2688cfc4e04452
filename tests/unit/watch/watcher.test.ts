import { mkdir, mkdtemp, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppEvent } from '../../../src/shared/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { contentHash } from '../../../src/main/services/library/library'
import { ReviewWatcher } from '../../../src/main/services/watch/watcher'
import { slow } from '../../support/slow'
import { paragraphs, workbench } from '../../support/workbench'
import { closeSites, openSite } from '../library/siteHelpers'

const watchers: ReviewWatcher[] = []
afterEach(async () => {
  for (const w of watchers.splice(0)) w.close()
  await closeSites()
})

async function until(condition: () => boolean, ms = slow(20_000)): Promise<void> {
  const end = Date.now() + ms
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 15))
  }
}

async function setup(mode: 'auto' | 'poll') {
  const w = await workbench('watch', { mode, debounceMs: 20, pollMs: 40, safetyPollMs: 0 })
  const { watcher, events } = w
  watchers.push(watcher)
  const { id } = await w.library.create('Heat')
  const path = join(w.root, id, 'review.md')
  const hash = contentHash(await readFile(path))
  await watcher.watch(id, hash)
  return { ...w, events, watcher, id, path, hash }
}

describe.each(['auto', 'poll'] as const)('ReviewWatcher (%s)', (mode) => {
  it('reports an outside edit with the new content hash, once', async () => {
    const s = await setup(mode)
    const text = (await readFile(s.path, 'utf8')) + '\nAdded in another editor.\n'
    await writeFile(join(s.root, s.id, 'other.tmp'), text)
    await rename(join(s.root, s.id, 'other.tmp'), s.path)
    await until(() => s.events.length > 0)
    await new Promise((resolve) => setTimeout(resolve, 120))
    await s.watcher.settled()
    expect(s.events).toEqual([{ type: 'review-changed-on-disk', id: s.id, hash: contentHash(Buffer.from(text)) }])
  })

  it('says nothing when only the mtime moved, or for the app’s own saves', async () => {
    const s = await setup(mode)
    const later = new Date(Date.now() + 5000)
    await utimes(s.path, later, later)
    const opened = await s.editable(s.id)
    const saved = await s.writes.save({ id: s.id, meta: opened.meta, doc: paragraphs('Saved by Verdict'), baseHash: opened.hash })
    await s.writes.save({ id: s.id, meta: opened.meta, doc: paragraphs('Saved by Verdict again'), baseHash: saved.hash })
    await new Promise((resolve) => setTimeout(resolve, 200))
    await s.watcher.settled()
    expect(s.events).toEqual([])
  })

  it('reports a renamed or deleted review folder as missing, and its return as a change', async () => {
    const s = await setup(mode)
    await rename(join(s.root, s.id), join(s.root, 'renamed'))
    await until(() => s.events.length > 0)
    expect(s.events).toEqual([{ type: 'review-missing', id: s.id }])
    await rename(join(s.root, 'renamed'), join(s.root, s.id))
    await until(() => s.events.length > 1)
    expect(s.events[1]).toEqual({ type: 'review-changed-on-disk', id: s.id, hash: s.hash })
    await rm(join(s.root, s.id), { recursive: true })
    await until(() => s.events.length > 2)
    expect(s.events[2]).toEqual({ type: 'review-missing', id: s.id })
  })

  it('reports at once when the file already differs from the hash being watched, and stops on unwatch', async () => {
    const s = await setup(mode)
    await s.watcher.watch(s.id, 'an-older-hash')
    expect(s.events).toEqual([{ type: 'review-changed-on-disk', id: s.id, hash: s.hash }])
    s.watcher.unwatch(s.id)
    await writeFile(s.path, 'changed after unwatch')
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(s.events).toHaveLength(1)
  })

  it('names an image that arrives after its review once it has its real name, and again when it changes', async () => {
    const s = await setup(mode)
    const assets = join(s.root, s.id, 'assets')
    // The review came without its assets folder; a still lies beside it.
    s.watcher.unwatch(s.id)
    await rm(assets, { recursive: true, force: true })
    await writeFile(join(s.root, s.id, 'still.png'), 'there before')
    await s.watcher.watch(s.id, s.hash)
    // As Syncthing brings a file: its folder, a temp name in it, then one rename.
    await mkdir(assets)
    await writeFile(join(assets, '.syncthing.poster.jpg.tmp'), 'half a poster')
    await s.watcher.settled()
    await rename(join(assets, '.syncthing.poster.jpg.tmp'), join(assets, 'poster.jpg'))
    await until(() => s.events.length > 0)
    expect(s.events).toEqual([{ type: 'review-images-changed', id: s.id, paths: ['assets/poster.jpg'] }])
    await writeFile(join(assets, 'poster.jpg'), 'another poster, longer than the first')
    await until(() => s.events.length > 1)
    expect(s.events[1]).toEqual({ type: 'review-images-changed', id: s.id, paths: ['assets/poster.jpg'] })
  })

  it('says when the review comes into conflict (a copy beside it, git’s markers in it) and out of it', async () => {
    const s = await setup(mode)
    const name = 'review.sync-conflict-20261206-062523-EF4V22U.md'
    await writeFile(join(s.root, s.id, name), 'the other machine’s version')
    await until(() => s.events.length > 0)
    expect(s.events).toEqual([{ type: 'review-conflict', id: s.id, conflict: { source: 'syncthing', copy: name } }])
    await rm(join(s.root, s.id, name))
    await until(() => s.events.length > 1)
    expect(s.events[1]).toEqual({ type: 'review-conflict', id: s.id, conflict: null })

    const text = await readFile(s.path, 'utf8')
    const marked = `${text}<<<<<<< HEAD\nOurs.\n=======\nTheirs.\n>>>>>>> laptop\n`
    const markedHash = contentHash(Buffer.from(marked))
    const beforeMarks = s.events.length
    await writeFile(s.path, marked)
    // A write in place (git's too) empties the file before it writes it: a look in between sees an
    // empty review, a change of its own. The test waits for the whole content to be reported.
    await until(() => s.events.some((event) => event.type === 'review-changed-on-disk' && event.hash === markedHash))
    await s.watcher.settled()
    const marking = s.events.slice(beforeMarks)
    expect(marking.filter((event) => event.type === 'review-conflict')).toEqual([{ type: 'review-conflict', id: s.id, conflict: { source: 'git' } }])
    expect(marking.at(-1)).toEqual({ type: 'review-changed-on-disk', id: s.id, hash: markedHash })
    // Before it, at most the emptied file.
    const between = marking.slice(0, -1).filter((event) => event.type !== 'review-conflict')
    expect(between).toEqual(between.length === 0 ? [] : [{ type: 'review-changed-on-disk', id: s.id, hash: contentHash(Buffer.alloc(0)) }])
    // Verdict's own write takes the markers out (a resolution): out of conflict, and no outside change.
    const beforeOwn = s.events.length
    const end = s.watcher.beginOwnWrite(s.id)
    await writeFile(s.path, text)
    end(contentHash(Buffer.from(text)))
    await until(() => s.events.length > beforeOwn)
    await s.watcher.settled()
    expect(s.events.slice(beforeOwn)).toEqual([{ type: 'review-conflict', id: s.id, conflict: null }])
  })

  it('names an image landing beside the page of a site layout, and nothing else there', async () => {
    const root = await mkdtemp(join(tmpdir(), 'verdict-watch-site-'))
    const posts = join(root, 'content', 'posts')
    await mkdir(posts, { recursive: true })
    const page = join(posts, 'heat.md')
    await writeFile(page, '---\ntitle: Heat\n---\nText.\n')
    const events: AppEvent[] = []
    const watcher = new ReviewWatcher({ events: { emit: (event) => events.push(event) }, mode, debounceMs: 20, pollMs: 40, safetyPollMs: 0 })
    watchers.push(watcher)
    watcher.useLibrary(root, (id) => join(posts, `${id}.md`))
    await watcher.watch('heat', contentHash(await readFile(page)))
    await writeFile(join(posts, 'another-post.md'), 'not an image')
    await writeFile(join(posts, 'still.webp'), 'a still')
    await until(() => events.length > 0)
    expect(events).toEqual([{ type: 'review-images-changed', id: 'heat', paths: ['still.webp'] }])
    await rm(root, { recursive: true })
  })

  it('names an image of the site’s static/ the open post shows, as the post writes it, when it changes there; not one it does not show', async () => {
    const { root, library } = await openSite('hugo')
    await library.list()
    const events: AppEvent[] = []
    // No safety poll: in `auto` mode only the watch of static/img/ can see the image.
    const watcher = new ReviewWatcher({ events: { emit: (event) => events.push(event) }, mode, debounceMs: 20, pollMs: 40, safetyPollMs: 0 })
    watchers.push(watcher)
    watcher.useLibrary(library.root, (id) => library.filePath(id), () => library.siteImagesDir())
    await watcher.watch('perfect-days', contentHash(await readFile(library.filePath('perfect-days'))))
    await watcher.settled()
    // The post shows /img/komorebi.png (in a paragraph and as an image block), not /img/paul.png.
    await writeFile(join(root, 'static/img/paul.png'), 'another post’s still, replaced')
    await writeFile(join(root, 'static/img/komorebi.png'), 'the still, synced from the other machine')
    await until(() => events.length > 0)
    await watcher.settled()
    expect(events).toEqual([{ type: 'review-images-changed', id: 'perfect-days', paths: ['/img/komorebi.png'] }])
  })
})

describe('ReviewWatcher', () => {
  it('ignores ids that are not review folder names and reads nothing outside the library', async () => {
    const s = await setup('poll')
    await s.watcher.watch('../etc', 'x')
    await s.watcher.watch('.verdict', 'x')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(s.events).toEqual([])
  })
})
