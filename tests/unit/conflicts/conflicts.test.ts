import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConflictService } from '../../../src/main/services/conflicts/conflicts'
import { MINUTE, workbench } from '../../support/workbench'
import { rejection } from '../../support/errors'

const COPY = 'review.sync-conflict-20261125-103000-AB2CD7Q.md'

/** A review saved as three paragraphs and kept in history, then changed on this machine (`ours`) and on another (the copy). */
async function inConflict(ours: string[], theirs: (base: string) => string) {
  const w = await workbench('conflicts')
  const conflicts = new ConflictService({ libraries: w.libraries, history: w.history, writes: w.writes, watcher: w.watcher, now: () => new Date(w.clock.ms) })
  const { id } = await w.library.create('Dune')
  await w.saveText(id, 'One.', 'Two.', 'Three.')
  const dir = join(w.root, id)
  const base = await readFile(join(dir, 'review.md'), 'utf8')
  w.clock.ms += MINUTE
  await w.history.snapshot(id, 'manual')
  w.clock.ms += MINUTE
  await w.saveText(id, ...ours)
  w.clock.ms += MINUTE
  // The other machine saved later: its `updated` is newer.
  await writeFile(join(dir, COPY), theirs(base).replace(/^updated: .*$/m, `updated: ${new Date(w.clock.ms).toISOString()}`))
  w.clock.ms += MINUTE
  return { w, conflicts, id, dir, base }
}

describe('conflict service', () => {
  it('lists the review as in conflict, merges both machines’ edits in one save and trashes the copy', async () => {
    const { w, conflicts, id, dir } = await inConflict(['One, ours.', 'Two.', 'Three.'], (base) => base.replace('Three.', 'Three, theirs.'))
    expect((await w.library.list()).find((row) => row.id === id)?.conflict).toEqual({ source: 'syncthing', copy: COPY })

    const view = await conflicts.open(id)
    expect(view.base?.at).toBe(new Date(Date.parse('2026-11-25T10:01:00Z')).toISOString())
    expect(view.keys).toEqual([])
    expect(view.body).toEqual([
      { kind: 'taken', side: 'ours', markdown: 'One, ours.' },
      { kind: 'taken', side: 'both', markdown: 'Two.' },
      { kind: 'taken', side: 'theirs', markdown: 'Three, theirs.' },
    ])

    const row = await conflicts.resolve(id, view.oursHash, view.theirsHash, { merge: { body: [], keys: {} } })
    expect(row.conflict).toBeUndefined()
    const merged = await readFile(join(dir, 'review.md'), 'utf8')
    expect(merged).toMatch(/\nOne, ours\.\n\nTwo\.\n\nThree, theirs\.\n$/)
    expect(merged).toContain(`updated: ${new Date(w.clock.ms).toISOString()}`)
    // The copy is in the trash, restorable as it was; the replaced file is a version.
    expect(await readdir(dir)).not.toContain(COPY)
    const [trashed] = (await readdir(join(w.root, '.trash'))).filter((name) => name.startsWith(`conflict-${id}-`))
    expect(await readFile(join(w.root, '.trash', trashed!, COPY), 'utf8')).toContain('Three, theirs.')
    expect((await w.history.list(id)).versions[0]?.reason).toBe('conflict')
    expect((await w.library.list()).find((each) => each.id === id)?.conflict).toBeUndefined()
  })

  it('notices a copy arriving in a folder already listed, and one leaving it', async () => {
    const w = await workbench('conflicts')
    const { id } = await w.library.create('Dune')
    const conflictOf = async () => (await w.library.list()).find((row) => row.id === id)?.conflict
    expect(await conflictOf()).toBeUndefined()
    const copy = join(w.root, id, 'review (conflicted copy 2026-11-25).md')
    await writeFile(copy, await readFile(join(w.root, id, 'review.md')))
    expect(await conflictOf()).toEqual({ source: 'dropbox', copy: 'review (conflicted copy 2026-11-25).md' })
    await rm(copy)
    expect(await conflictOf()).toBeUndefined()
  })

  it('asks about a block both changed, and writes the pick or the critic’s own text', async () => {
    const { conflicts, id, dir } = await inConflict(['One.', 'Two, ours.', 'Three.'], (base) => base.replace('Two.', 'Two, theirs.'))
    const view = await conflicts.open(id)
    expect(view.body.filter((region) => region.kind === 'conflict')).toEqual([{ kind: 'conflict', ours: 'Two, ours.', theirs: 'Two, theirs.' }])
    const missing = await rejection(conflicts.resolve(id, view.oursHash, view.theirsHash, { merge: { body: [], keys: {} } }))
    expect(missing.code).toBe('INVALID_ARGUMENT')
    await conflicts.resolve(id, view.oursHash, view.theirsHash, { merge: { body: [{ markdown: 'Two, from both machines.' }], keys: {} } })
    expect(await readFile(join(dir, 'review.md'), 'utf8')).toMatch(/\nOne\.\n\nTwo, from both machines\.\n\nThree\.\n$/)
  })

  it('refuses a resolution when a version changed since it was shown, writing nothing', async () => {
    const { conflicts, id, dir } = await inConflict(['One, ours.', 'Two.', 'Three.'], (base) => base.replace('Three.', 'Three, theirs.'))
    const view = await conflicts.open(id)
    await writeFile(join(dir, COPY), `${await readFile(join(dir, COPY), 'utf8')}\nA late line from the other machine.\n`)
    const before = await readFile(join(dir, 'review.md'))
    const error = await rejection(conflicts.resolve(id, view.oursHash, view.theirsHash, { keep: 'theirs' }))
    expect(error.code).toBe('CONFLICT')
    expect(await readFile(join(dir, 'review.md'))).toEqual(before)
    expect(await readdir(dir)).toContain(COPY)
  })

  it('keeps one version whole, even one that cannot be merged', async () => {
    const { conflicts, id, dir } = await inConflict(['One, ours.'], () => '---\ntitle: [unclosed\n---\n\nTheirs.\n')
    const view = await conflicts.open(id)
    expect(view.unmergeable).toMatch(/cannot be read as a review/)
    await conflicts.resolve(id, view.oursHash, view.theirsHash, { keep: 'ours' })
    expect(await readFile(join(dir, 'review.md'), 'utf8')).toContain('One, ours.')
    expect(await readdir(dir)).not.toContain(COPY)
  })

  it('resolves git’s conflict markers inside review.md from their diff3 base', async () => {
    const w = await workbench('conflicts')
    const conflicts = new ConflictService({ libraries: w.libraries, history: w.history, writes: w.writes, watcher: w.watcher })
    const { id } = await w.library.create('Dune')
    const path = join(w.root, id, 'review.md')
    await writeFile(path, '---\ntitle: Dune\n---\n\n<<<<<<< HEAD\nOne, ours.\n||||||| base\nOne.\n=======\nOne.\n>>>>>>> laptop\n\nTwo.\n\n<<<<<<< HEAD\nThree.\n||||||| base\nThree.\n=======\nThree, theirs.\n>>>>>>> laptop\n')
    expect((await w.library.list())[0]?.conflict).toEqual({ source: 'git' })
    const view = await conflicts.open(id)
    expect(view.body.map((region) => region.kind === 'taken' && region.side)).toEqual(['ours', 'both', 'theirs'])
    await conflicts.resolve(id, view.oursHash, view.theirsHash, { merge: { body: [], keys: {} } })
    expect(await readFile(path, 'utf8')).toBe('---\ntitle: Dune\n---\n\nOne, ours.\n\nTwo.\n\nThree, theirs.\n')
    expect((await w.library.list())[0]?.conflict).toBeUndefined()
    expect((await rejection(conflicts.open(id))).code).toBe('NOT_FOUND')
  })
})

describe('conflict copies in a site’s own layout', () => {
  it('shows a Syncthing copy beside a flat Hugo post as that post’s conflict, not as a post, and resolves it into .verdict/trash', async () => {
    const w = await workbench('conflicts-site')
    await cp(join(import.meta.dirname, '../library/sites/hugo'), w.root, { recursive: true })
    const posts = join(w.root, 'content/posts')
    const copy = 'perfect-days.sync-conflict-20261206-062523-EF4V22U.md'
    const theirs = (await readFile(join(posts, 'perfect-days.md'), 'utf8')).replace('the routine.', 'the routine, and in the trees.')
    await writeFile(join(posts, copy), theirs)
    const conflicts = new ConflictService({ libraries: w.libraries, history: w.history, writes: w.writes, watcher: w.watcher, now: () => new Date(w.clock.ms) })

    const rows = await w.library.list()
    expect(rows.map((row) => row.id).sort()).toEqual(['past-lives', 'perfect-days', 'the-holdovers'])
    expect(rows.find((row) => row.id === 'perfect-days')?.conflict).toEqual({ source: 'syncthing', copy })
    const view = await conflicts.open('perfect-days')
    await conflicts.resolve('perfect-days', view.oursHash, view.theirsHash, { keep: 'theirs' })

    expect(await readFile(join(posts, 'perfect-days.md'), 'utf8')).toBe(theirs)
    expect(await readdir(posts)).not.toContain(copy)
    const [trashed] = (await readdir(join(w.root, '.verdict/trash'))).filter((name) => name.startsWith('conflict-perfect-days-'))
    expect(await readdir(join(w.root, '.verdict/trash', trashed!))).toEqual([copy])
    expect((await w.library.list()).find((row) => row.id === 'perfect-days')?.conflict).toBeUndefined()
  })
})
