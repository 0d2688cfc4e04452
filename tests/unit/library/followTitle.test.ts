import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentHash, FOLLOWS_TITLE_FILE } from '../../../src/main/services/library/library'
import { imageLimitsOf, importImage } from '../../../src/main/services/assets/import'
import { DEFAULT_SETTINGS } from '../../../src/shared/model'
import { png } from '../assets/images'
import { lastPlace, rememberPlace } from '../../../src/main/services/settings/place'
import { MINUTE, paragraphs, type workbench, workbenchPerTest } from '../../support/workbench'

type Bench = Awaited<ReturnType<typeof workbench>>
const bench = workbenchPerTest('follow', { mode: 'poll', debounceMs: 20, pollMs: 40, safetyPollMs: 0 })

/** Saves the review's current text under a new title, as the editor does. */
async function retitle(w: Bench, id: string, title: string, text = 'The zone grants wishes.') {
  const opened = await w.editable(id)
  return w.writes.save({ id, meta: { ...opened.meta, title }, doc: paragraphs(text), baseHash: opened.hash })
}

const folders = async (w: Bench) => (await readdir(w.root)).filter((name) => !name.startsWith('.')).sort()

describe('a new review’s folder follows its title', () => {
  it('moves with its images, versions, recovery draft and the place kept for the next start, and the watch goes along', async () => {
    const w = await bench()
    const { id } = await w.library.create()
    expect(id).toBe('untitled-review')
    await mkdir(join(w.root, id, 'assets'), { recursive: true })
    await writeFile(join(w.root, id, 'assets', '3f2a9c0d1e2b4a5f.png'), 'image bytes')
    await w.saveText(id, 'First words')
    w.clock.ms += 10 * MINUTE
    await w.writes.snapshot(id, 'manual')
    const opened = await w.editable(id)
    await w.journal.journal(id, { meta: opened.meta, doc: paragraphs('Typed, not saved yet'), baseHash: opened.hash })
    await w.journal.idle()
    await w.watcher.watch(id, opened.hash)
    // On screen, scrolled to its fourth block: the next start reopens it there.
    rememberPlace(w.settings, w.library, { id, block: 3, offset: -12 })

    const saved = await retitle(w, id, 'Сталкер (1979)')

    expect(saved.movedTo).toBe('stalker-1979')
    expect(await folders(w)).toEqual(['stalker-1979'])
    expect(await readFile(join(w.root, 'stalker-1979', 'assets', '3f2a9c0d1e2b4a5f.png'), 'utf8')).toBe('image bytes')
    expect(await readFile(join(w.root, 'stalker-1979', 'review.md'), 'utf8')).toMatch(/^---\ntitle: Сталкер \(1979\)\n/)
    expect((await w.history.list('stalker-1979')).versions.map((v) => v.reason)).toEqual(['manual', 'autosave'])
    expect(await readdir(join(w.root, '.verdict', 'history'))).toEqual(['stalker-1979'])
    expect((await w.journal.list()).map((d) => [d.id, d.reviewExists])).toEqual([['stalker-1979', true]])
    expect(await lastPlace(w.settings, w.library)).toEqual({ id: 'stalker-1979', block: 3, offset: -12 })
    // The move is Verdict's own: no “missing” or “changed” report, and the new folder is watched at the saved hash.
    await w.watcher.settled()
    expect(w.events).toEqual([])
    const elsewhere = '---\ntitle: Changed elsewhere\n---\n'
    await writeFile(join(w.root, 'stalker-1979', 'review.md'), elsewhere)
    // A write in place empties the file before it writes it: a look in between reports the emptied
    // file as a change of its own. The whole content's report is waited for.
    await expect.poll(() => w.events.at(-1)).toEqual({ type: 'review-changed-on-disk', id: 'stalker-1979', hash: contentHash(Buffer.from(elsewhere)) })
    expect(w.events.filter((event) => !(event.type === 'review-changed-on-disk' && event.id === 'stalker-1979'))).toEqual([])
    expect((await w.library.list()).map((row) => row.id)).toEqual(['stalker-1979'])
  })

  it('puts an image dropped as the save moves the folder into the moved folder, under the id the editor had', async () => {
    const w = await bench()
    const { id } = await w.library.create()
    const saving = retitle(w, id, 'Ballerina')
    // Sent before the editor learnt of the move: the old id.
    const importing = w.writes.withReview(id, (current) => importImage(w.library, current, 'still.png', png(8, 6), imageLimitsOf(DEFAULT_SETTINGS)))
    expect((await saving).movedTo).toBe('ballerina')
    const { path } = await importing
    expect(await folders(w)).toEqual(['ballerina'])
    expect((await readdir(join(w.root, 'ballerina', 'assets'))).filter((name) => !name.startsWith('.'))).toEqual([path.split('/')[1]])
    // A new review of the old name is its own.
    const again = await w.library.create()
    expect(again.id).toBe(id)
    await w.writes.withReview(id, async (current) => expect(current).toBe(id))
  })

  it('keeps following later titles, and leaves a name that already is the title’s', async () => {
    const w = await bench()
    const { id } = await w.library.create()
    const first = await retitle(w, id, 'The Long')
    expect(first.movedTo).toBe('the-long')
    const second = await retitle(w, 'the-long', 'The Long Goodbye')
    expect(second.movedTo).toBe('the-long-goodbye')
    const same = await retitle(w, 'the-long-goodbye', 'The long goodbye!')
    expect(same.movedTo).toBeUndefined()
    expect(await folders(w)).toEqual(['the-long-goodbye'])
  })

  it('takes a free name when the title’s is taken, and stays there', async () => {
    const w = await bench()
    await w.library.create('Heat')
    const { id } = await w.library.create()
    // The place kept is another review's: it stays with that one.
    rememberPlace(w.settings, w.library, { id: 'heat', block: 1, offset: 0 })
    const saved = await retitle(w, id, 'Heat')
    expect(saved.movedTo).toBe('heat-2')
    expect(await lastPlace(w.settings, w.library)).toEqual({ id: 'heat', block: 1, offset: 0 })
    expect(await readFile(join(w.root, 'heat', 'review.md'), 'utf8')).toMatch(/^---\ntitle: Heat\n/)
    expect((await retitle(w, 'heat-2', 'Heat')).movedTo).toBeUndefined()
    expect(await folders(w)).toEqual(['heat', 'heat-2'])
  })

  it('stops once the review is renamed by hand', async () => {
    const w = await bench()
    const { id } = await w.library.create()
    const renamed = await w.writes.rename(id, 'Heat')
    expect(renamed.id).toBe('heat')
    expect(await readdir(join(w.root, 'heat'))).not.toContain(FOLLOWS_TITLE_FILE)
    expect((await retitle(w, 'heat', 'Heat (1995)')).movedTo).toBeUndefined()
    expect(await folders(w)).toEqual(['heat'])
  })

  it('stops once publishing starts, and for a review with publish records', async () => {
    const w = await bench()
    const { id } = await w.library.create()
    await w.writes.pinName(id)
    expect((await retitle(w, id, 'Heat')).movedTo).toBeUndefined()

    const other = await w.library.create('Draft')
    const opened = await w.editable(other.id)
    const record = { target: 'blog', publishId: 'p1', id: '7', url: 'https://example.com/7', at: '2026-11-25T10:00:00.000Z', status: 'published' as const, media: {} }
    const saved = await w.writes.save({ id: other.id, meta: { ...opened.meta, title: 'Published', published: [record] }, doc: paragraphs('x'), baseHash: opened.hash })
    expect(saved.movedTo).toBeUndefined()
    expect(await folders(w)).toEqual(['draft', 'untitled-review'])
  })

  it('never moves a folder Verdict did not name (imported, older reviews)', async () => {
    const w = await bench()
    const { id } = await w.library.create('Kept name')
    await rm(join(w.root, id, FOLLOWS_TITLE_FILE))
    expect((await retitle(w, id, 'Another title')).movedTo).toBeUndefined()
    expect(await folders(w)).toEqual(['kept-name'])
  })
})
