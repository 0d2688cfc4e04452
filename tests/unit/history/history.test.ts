import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { textDiff } from '../../../src/main/services/history/history'
import { DAY_MS } from '../../../src/main/services/history/retention'
import { MINUTE, paragraphs, workbench } from '../../support/workbench'
import { rejection } from '../../support/errors'

const historyDir = (root: string, id: string) => join(root, '.verdict', 'history', id)

describe('version history', () => {
  it('keeps the text a save replaces, at most once per five minutes of editing', async () => {
    const w = await workbench('history')
    const { id } = await w.library.create('Heat')
    const original = await readFile(join(w.root, id, 'review.md'))
    await w.saveText(id, 'First draft of the review')
    w.clock.ms += MINUTE
    await w.saveText(id, 'First draft of the review, longer now')
    let versions = (await w.history.list(id)).versions
    expect(versions).toHaveLength(1)
    expect(versions[0]).toMatchObject({ reason: 'autosave', wordCount: 0, wordDelta: 0 })
    expect(await readFile(join(historyDir(w.root, id), `${versions[0]!.versionId}.md`))).toEqual(original)

    w.clock.ms += 5 * MINUTE
    await w.saveText(id, 'A third text')
    versions = (await w.history.list(id)).versions
    expect(versions.map((v) => [v.reason, v.wordCount, v.wordDelta])).toEqual([
      ['autosave', 7, 7],
      ['autosave', 0, 0],
    ])
    expect(versions[0]!.at).toBe(new Date(w.clock.ms).toISOString())
  })

  it('does not keep a version identical to the newest one', async () => {
    const w = await workbench('history')
    const { id } = await w.library.create('Heat')
    await w.history.snapshot(id, 'manual')
    w.clock.ms += 10 * MINUTE
    await w.saveText(id, 'changed')
    expect((await w.history.list(id)).versions).toHaveLength(1)
  })

  it('takes manual and publish versions on demand', async () => {
    const w = await workbench('history')
    const { id } = await w.library.create('Heat')
    await w.saveText(id, 'one two three')
    w.clock.ms += 1000
    const manual = await w.writes.snapshot(id, 'manual')
    w.clock.ms += 1000
    await w.saveText(id, 'one two three four five')
    const published = await w.writes.snapshot(id, 'publish')
    expect(manual).toMatchObject({ reason: 'manual', wordCount: 3 })
    expect(published).toMatchObject({ reason: 'publish', wordCount: 5, wordDelta: 2 })
    expect((await w.history.list(id)).versions.map((v) => v.reason)).toEqual(['publish', 'manual', 'autosave'])
  })

  it('reads a version with a diff to the current file that rebuilds both texts', async () => {
    const w = await workbench('history')
    const { id } = await w.library.create('Heat')
    await w.saveText(id, 'The heist scene is tense and long.')
    const version = await w.writes.snapshot(id, 'manual')
    await w.saveText(id, 'The heist scene is tense and brilliant.', 'A new paragraph.')
    const { markdown, diff } = await w.history.read(id, version.versionId)
    const current = await readFile(join(w.root, id, 'review.md'), 'utf8')
    expect(markdown).toContain('tense and long.')
    expect(diff.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(markdown)
    expect(diff.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(current)
    expect(diff).toContainEqual({ op: 'delete', text: 'long' })
    expect(diff.some((p) => p.op === 'insert' && p.text.includes('brilliant'))).toBe(true)
  })

  it('diffs large texts with many changes quickly, falling back to lines', () => {
    const a = Array.from({ length: 8_000 }, (_, i) => `word${i}${i % 7 === 0 ? '\n' : ' '}`).join('')
    const b = Array.from({ length: 8_000 }, (_, i) => `word${(i * 7919) % 8_000}${i % 7 === 0 ? '\n' : ' '}`).join('')
    const started = Date.now()
    const diff = textDiff(a, b)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(diff.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(a)
    expect(diff.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(b)
  })

  it('restores a version after keeping the current text, so the restore can be undone', async () => {
    const w = await workbench('history')
    const { id } = await w.library.create('Heat')
    await w.saveText(id, 'The version worth going back to')
    const good = await w.writes.snapshot(id, 'manual')
    const goodText = await readFile(join(w.root, id, 'review.md'), 'utf8')
    w.clock.ms += 1000
    await w.saveText(id, 'A rewrite that went wrong')
    const rewrite = await readFile(join(w.root, id, 'review.md'), 'utf8')
    w.clock.ms += 1000

    const restored = await w.writes.restore(id, good.versionId)
    expect(restored).toMatchObject({ kind: 'editable', id })
    expect(await readFile(join(w.root, id, 'review.md'), 'utf8')).toBe(goodText)
    const [undo] = (await w.history.list(id)).versions
    expect(undo!.reason).toBe('restore')
    expect((await w.history.read(id, undo!.versionId)).markdown).toBe(rewrite)

    w.clock.ms += 1000
    await w.writes.restore(id, undo!.versionId)
    expect(await readFile(join(w.root, id, 'review.md'), 'utf8')).toBe(rewrite)
    expect((await readdir(join(w.root, id))).sort()).toEqual(['.name-follows-title', 'assets', 'review.md'])
  })

  it('thins old versions by the retention rules as new ones are kept', async () => {
    const w = await workbench('history')
    const { id } = await w.library.create('Heat')
    for (let i = 0; i < 6; i++) {
      await w.saveText(id, `text ${i}`)
      await w.writes.snapshot(id, 'manual')
      w.clock.ms += 10 * MINUTE
    }
    expect((await w.history.list(id)).versions).toHaveLength(7)
    w.clock.ms += 2 * DAY_MS
    // The file is the newest version already, so nothing new is kept, but the old ones are thinned:
    // all seven fell in one clock hour, and one per hour is kept once older than a day.
    await w.saveText(id, 'two days later')
    const versions = (await w.history.list(id)).versions
    expect(versions).toHaveLength(1)
    expect((await w.history.read(id, versions[0]!.versionId)).markdown).toContain('text 5')
    w.clock.ms += 40 * DAY_MS
    await w.saveText(id, 'much later')
    expect((await w.history.list(id)).versions).toHaveLength(1)
    const files = await readdir(historyDir(w.root, id))
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(1)
  })

  it('lists the asset paths kept versions use, for asset clean-up', async () => {
    const w = await workbench('history')
    const { id } = await w.library.create('Heat')
    const path = join(w.root, id, 'review.md')
    const text = await readFile(path, 'utf8')
    await writeFile(
      path,
      text.replace('status: draft', 'status: draft\nfeaturedImage: assets/cover.jpg') +
        '\n![Still](assets/still%20one.png "a still")\n\n<img src="./assets/raw.webp">\n',
    )
    await w.history.snapshot(id, 'manual')
    await w.saveText(id, 'No images any more')
    expect(await w.history.assetsKeptByHistory(id)).toEqual(new Set(['assets/cover.jpg', 'assets/still one.png', 'assets/raw.webp']))
    expect(await w.history.assetsKeptByHistory('no-such-review')).toEqual(new Set())
  })

  it('refuses hostile ids and version ids, and never reads through a planted link', async () => {
    const w = await workbench('history')
    const { id } = await w.library.create('Heat')
    expect((await rejection(w.history.list('../x'))).code).toBe('OUTSIDE_LIBRARY')
    expect((await rejection(w.history.read(id, '../../review'))).code).toBe('INVALID_ARGUMENT')
    expect((await rejection(w.history.read(id, '20261125T100000000Z-00000000'))).code).toBe('NOT_FOUND')

    const outside = join(w.root, '..', `outside-${Date.now()}`)
    await mkdir(outside)
    await writeFile(join(outside, '20261125T100000000Z-00000000.md'), 'secret')
    await mkdir(join(w.root, '.verdict', 'history'), { recursive: true })
    await symlink(outside, historyDir(w.root, id))
    expect((await w.history.list(id)).versions).toEqual([])
    expect((await rejection(w.history.read(id, '20261125T100000000Z-00000000'))).code).toBe('NOT_FOUND')
    expect((await rejection(w.history.snapshot(id, 'manual'))).code).toBe('OUTSIDE_LIBRARY')
    expect(await readdir(outside)).toEqual(['20261125T100000000Z-00000000.md'])
    await rm(outside, { recursive: true })
  })

  it('keeps the history of a review whose folder vanished, and never recreates the folder', async () => {
    const w = await workbench('history')
    const { id } = await w.library.create('Heat')
    await w.saveText(id, 'Kept text')
    const version = await w.writes.snapshot(id, 'manual')
    await rm(join(w.root, id), { recursive: true })
    expect((await w.history.list(id)).versions).toHaveLength(2)
    const { markdown, diff } = await w.history.read(id, version.versionId)
    expect(markdown).toContain('Kept text')
    expect(diff).toEqual([{ op: 'delete', text: markdown }])
    expect((await rejection(w.writes.restore(id, version.versionId))).code).toBe('NOT_FOUND')
    expect((await readdir(w.root)).sort()).toEqual(['.verdict'])
  })

  it('never lets a failing history stop a save', async () => {
    const w = await workbench('history')
    const { id } = await w.library.create('Heat')
    await mkdir(join(w.root, '.verdict'))
    await writeFile(join(w.root, '.verdict', 'history'), 'a file where the folder should be')
    const saved = await w.saveText(id, 'Saved anyway')
    expect(saved.wordCount).toBe(2)
    expect(await readFile(join(w.root, id, 'review.md'), 'utf8')).toContain('Saved anyway')
    expect(w.logged.join('\n')).toMatch(/History: could not keep a version/)
    // Not only in the log: the review's history says a version was missed, until one is kept again.
    const { missed } = await w.history.list(id)
    expect(missed?.message).toMatch(/history/)
    expect(missed?.at).toBe(w.clock.ms && new Date(w.clock.ms).toISOString())
    await rm(join(w.root, '.verdict', 'history'))
    w.clock.ms += 10 * MINUTE
    await w.saveText(id, 'Saved with a version')
    expect(await w.history.list(id)).toEqual({ versions: [expect.objectContaining({ reason: 'autosave' })] })
  })
})

describe('renaming a review', () => {
  it('takes its versions and its recovery draft to the new id, and is not reported as an outside change', async () => {
    const w = await workbench('history')
    const { id } = await w.library.create('Heat')
    await w.saveText(id, 'Kept before the rename')
    w.clock.ms += 1000
    await w.writes.snapshot(id, 'manual')
    const opened = await w.editable(id)
    await w.journal.journal(id, { meta: opened.meta, doc: { root: { type: 'root', children: [] } }, baseHash: opened.hash })
    await w.watcher.watch(id, opened.hash)

    const renamed = await w.writes.rename(id, 'Heat (1995)')
    expect(renamed.id).toBe('heat-1995')
    expect((await w.history.list(id)).versions).toEqual([])
    expect((await w.history.list(renamed.id)).versions.map((v) => v.reason)).toEqual(['manual', 'autosave'])
    expect((await w.journal.list()).map((d) => [d.id, d.reviewExists])).toEqual([[renamed.id, true]])
    expect(await readdir(join(w.root, '.verdict', 'history'))).toEqual([renamed.id])

    // Same slug: the title is written into the file by the app itself, which is no outside change.
    await w.watcher.watch(renamed.id, (await w.editable(renamed.id)).hash)
    await w.writes.rename(renamed.id, 'Heat 1995')
    await w.watcher.settled()
    expect(w.events).toEqual([])
  })
})

describe('trashing and restoring a review', () => {
  type Bench = Awaited<ReturnType<typeof workbench>>
  const versionIds = async (w: Bench, id: string) => (await w.history.list(id)).versions.map((v) => v.versionId)

  /** “Heat” with two versions and a draft is trashed; a new “Heat” takes its name and keeps two versions. */
  async function trashedWithSuccessor(trash: (w: Bench, id: string) => Promise<{ trashId: string }>) {
    const w = await workbench('history')
    const { id } = await w.library.create('Heat')
    await w.saveText(id, 'The first Heat')
    w.clock.ms += MINUTE
    await w.writes.snapshot(id, 'manual')
    const first = await versionIds(w, id)
    const opened = await w.editable(id)
    await w.journal.journal(id, { meta: opened.meta, doc: paragraphs('Unsaved first Heat'), baseHash: opened.hash })
    w.clock.ms += MINUTE
    const { trashId } = await trash(w, id)
    w.clock.ms += MINUTE
    expect((await w.library.create('Heat')).id).toBe(id)
    await w.saveText(id, 'The second Heat')
    w.clock.ms += MINUTE
    const second = [(await w.writes.snapshot(id, 'manual')).versionId]
    return { w, id, trashId, first, second }
  }

  it('takes the versions and draft along, so a new review of that name starts without them and a restore under a new id gets them back', async () => {
    const { w, id, trashId, first } = await trashedWithSuccessor((w, id) => w.writes.trash(id))
    expect(first).toHaveLength(2)
    // The new review's history holds only its own versions; the trashed one's draft is not offered for it.
    const second = await versionIds(w, id)
    expect(second).toHaveLength(2)
    expect(second.filter((v) => first.includes(v))).toEqual([])
    expect((await w.journal.list()).map((d) => [d.id, d.reviewExists])).toEqual([[trashId, false]])

    const restored = await w.writes.untrash(trashId)
    expect(restored.id).toBe(`${id}-2`)
    expect(await versionIds(w, restored.id)).toEqual(first)
    expect(await versionIds(w, id)).toEqual(second)
    expect((await w.history.read(restored.id, first[0]!)).markdown).toContain('The first Heat')
    expect((await w.journal.list()).map((d) => [d.id, d.reviewExists])).toEqual([[restored.id, true]])
    expect((await w.journal.read(restored.id)).doc).toEqual(paragraphs('Unsaved first Heat'))
    expect((await readdir(join(w.root, '.verdict', 'history'))).sort()).toEqual([id, restored.id])
  })

  it('restored under its own name, keeps its versions there', async () => {
    const w = await workbench('history')
    const { id } = await w.library.create('Heat')
    await w.saveText(id, 'Kept text')
    const kept = await versionIds(w, id)
    const { trashId } = await w.writes.trash(id)
    expect((await w.history.list(id)).versions).toEqual([])
    const restored = await w.writes.untrash(trashId)
    expect(restored.id).toBe(id)
    expect(await versionIds(w, id)).toEqual(kept)
  })

  it('sorts out a review trashed before its versions moved with it: those taken before the trash follow it', async () => {
    // As earlier versions of Verdict trashed: the folder moved, the versions stayed under the name.
    const { w, id, trashId, first } = await trashedWithSuccessor((w, id) => w.library.trash(id))
    const mixed = await versionIds(w, id)
    expect(mixed).toEqual(expect.arrayContaining(first))
    expect(mixed.length).toBeGreaterThan(first.length)
    const restored = await w.writes.untrash(trashId)
    expect(restored.id).toBe(`${id}-2`)
    expect(await versionIds(w, restored.id)).toEqual(first)
    expect(await versionIds(w, id)).toEqual(mixed.filter((v) => !first.includes(v)))
  })
})
