import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { stateDirOf } from '../../support/machineState'
import { paragraphs, workbench } from '../../support/workbench'

/** Drafts are this machine's: in its state folder of the library, never in the (maybe synced) library. */
const recoveryDir = (root: string) => join(stateDirOf(root), 'recovery')

describe('recovery journal', () => {
  it('journals unsaved state and lists it at startup with title, time and word count', async () => {
    const w = await workbench('journal')
    const { id } = await w.library.create('Heat')
    const opened = await w.editable(id)
    await w.journal.journal(id, { meta: { ...opened.meta, title: 'Heat (1995)' }, doc: paragraphs('Unsaved words typed here'), baseHash: opened.hash })
    expect(await readdir(recoveryDir(w.root))).toEqual([`${id}.json`])
    expect(await w.journal.list()).toEqual([
      { id, title: 'Heat (1995)', at: new Date(w.clock.ms).toISOString(), wordCount: 4, reviewExists: true },
    ])
    const draft = await w.journal.read(id)
    expect(draft).toMatchObject({ baseHash: opened.hash, doc: paragraphs('Unsaved words typed here') })
  })

  it('is cleared by a save holding exactly its text, and kept when newer text was journaled', async () => {
    const w = await workbench('journal')
    const { id } = await w.library.create('Heat')
    const opened = await w.editable(id)
    const older = { meta: opened.meta, doc: paragraphs('older state'), baseHash: opened.hash }
    const newer = { meta: opened.meta, doc: paragraphs('older state, then more'), baseHash: opened.hash }
    await w.journal.journal(id, newer)
    const saved = await w.writes.save({ id, ...older })
    expect((await w.journal.list()).map((d) => d.id)).toEqual([id])
    w.clock.ms += 1000
    await w.writes.save({ id, ...newer, baseHash: saved.hash })
    expect(await w.journal.list()).toEqual([])
    expect(await readdir(recoveryDir(w.root))).toEqual([])
  })

  it('writes only the newest of a burst of drafts, and every caller learns it is on disk', async () => {
    const w = await workbench('journal')
    const { id } = await w.library.create('Heat')
    const opened = await w.editable(id)
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => w.journal.journal(id, { meta: opened.meta, doc: paragraphs(`state ${i}`), baseHash: opened.hash })),
    )
    expect((await w.journal.read(id)).doc).toEqual(paragraphs('state 19'))
  })

  it('keeps listing a draft whose review folder vanished, and drafts of reviews never created', async () => {
    const w = await workbench('journal')
    const { id } = await w.library.create('Heat')
    const opened = await w.editable(id)
    await w.journal.journal(id, { meta: opened.meta, doc: paragraphs('still here'), baseHash: opened.hash })
    await w.journal.journal('untitled-draft', { meta: { ...opened.meta, title: '' }, doc: paragraphs('brand new'), baseHash: '' })
    await rm(join(w.root, id), { recursive: true })
    const drafts = await w.journal.list()
    expect(drafts.map((d) => [d.id, d.title, d.reviewExists]).sort()).toEqual([
      [id, 'Heat', false],
      ['untitled-draft', 'untitled-draft', false],
    ])
    // Saving to the vanished review fails and leaves the draft.
    await expect(w.writes.save({ id, meta: opened.meta, doc: paragraphs('x'), baseHash: opened.hash })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await readdir(w.root)).toEqual([])
    expect((await w.journal.read(id)).doc).toEqual(paragraphs('still here'))
  })

  it('drops at startup a draft identical to its saved file, and discards on request', async () => {
    const w = await workbench('journal')
    const { id } = await w.library.create('Heat')
    const opened = await w.editable(id)
    const state = { meta: opened.meta, doc: paragraphs('the same text'), baseHash: opened.hash }
    await w.writes.save({ id, ...state })
    // Journaled after the save finished (the renderer's timer fired late): equal to the file.
    await w.journal.journal(id, state)
    expect(await w.journal.list()).toEqual([])
    await w.journal.journal(id, { ...state, doc: paragraphs('different') })
    expect(await w.journal.list()).toHaveLength(1)
    await w.journal.discard(id)
    expect(await w.journal.list()).toEqual([])
    await expect(w.journal.read(id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('leaves unreadable drafts on disk, and a link planted in the library cannot lead drafts elsewhere', async () => {
    const w = await workbench('journal')
    await mkdir(recoveryDir(w.root), { recursive: true })
    await writeFile(join(recoveryDir(w.root), 'broken.json'), '{"format":"verdict-draft","version":1,"meta":{}}')
    expect(await w.journal.list()).toEqual([])
    expect(await readdir(recoveryDir(w.root))).toEqual(['broken.json'])
    expect(w.logged.join('\n')).toMatch(/broken.json cannot be read/)

    // A synced or shared library may hold anything, a `.verdict` link to another library's folder too:
    // the draft still goes to this machine's own state folder.
    const other = await workbench('journal-outside')
    await rm(join(other.root, '.verdict'), { recursive: true, force: true })
    await symlink(w.root, join(other.root, '.verdict'))
    const { id } = await other.library.create('Heat')
    const opened = await other.editable(id)
    await other.journal.journal(id, { meta: opened.meta, doc: paragraphs('x'), baseHash: '' })
    expect(await readdir(recoveryDir(other.root))).toEqual([`${id}.json`])
    expect(await readdir(recoveryDir(w.root))).toEqual(['broken.json'])
    await expect(other.journal.journal('../escape', { meta: opened.meta, doc: paragraphs('x'), baseHash: '' })).rejects.toMatchObject({
      code: 'OUTSIDE_LIBRARY',
    })
    expect(JSON.parse(await readFile(join(recoveryDir(w.root), 'broken.json'), 'utf8'))).toMatchObject({ format: 'verdict-draft' })
  })
})
