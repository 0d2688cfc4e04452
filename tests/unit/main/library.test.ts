import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { VerdictError } from '../../../src/shared/contract'
import type { EditorDocument } from '../../../src/shared/document'
import { contentHash, Library } from '../../../src/main/services/library/library'

let root: string
let library: Library
let clock: number

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'verdict-library-'))
  clock = Date.parse('2026-11-25T10:00:00Z')
  library = new Library({ root, defaultAuthor: () => 'Ana Critic', now: () => new Date((clock += 1000)) })
})

const paragraph = (text: string, format = 0): EditorDocument => ({
  root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text, format }] }] },
})

async function editable(id: string) {
  const opened = await library.open(id)
  if (opened.kind !== 'editable') throw new Error(`expected ${id} to open for editing: ${opened.reason}`)
  return opened
}

async function rejection(promise: Promise<unknown>): Promise<VerdictError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(VerdictError)
  return error as VerdictError
}

describe('Library', () => {
  it('creates a review folder with review.md and assets/, authored from settings', async () => {
    const created = await library.create('Ballerina')
    expect(created).toMatchObject({ id: 'ballerina', title: 'Ballerina', author: 'Ana Critic', status: 'draft', wordCount: 0 })
    expect((await readdir(join(root, 'ballerina'))).sort()).toEqual(['assets', 'review.md'])
    const text = await readFile(join(root, 'ballerina', 'review.md'), 'utf8')
    expect(text).toMatch(/^---\ntitle: Ballerina\nauthor: Ana Critic\n/)
  })

  it('gives colliding titles distinct folders', async () => {
    const ids = [(await library.create('Dune')).id, (await library.create('Dune')).id, (await library.create('dune!')).id]
    expect(ids).toEqual(['dune', 'dune-2', 'dune-3'])
  })

  it('saves the editor document as Markdown and reads it back', async () => {
    const { id } = await library.create('Heat')
    const opened = await editable(id)
    const doc = paragraph('A masterpiece of tension', 1)
    const saved = await library.save(id, { ...opened.meta, excerpt: 'Mann at his best' }, doc, opened.hash)
    expect(saved.wordCount).toBe(4)
    const file = await readFile(join(root, id, 'review.md'))
    expect(saved.hash).toBe(contentHash(file))
    expect(file.toString()).toContain('**A masterpiece of tension**')
    const again = await editable(id)
    expect(again.meta.excerpt).toBe('Mann at his best')
    expect(again.doc.root.children[0]).toMatchObject({ type: 'paragraph', children: [{ text: 'A masterpiece of tension', format: 1 }] })
    expect(again.meta.updated).toBe(saved.updated)
  })

  it('refuses to overwrite a file changed on disk since it was opened', async () => {
    const { id } = await library.create('Alien')
    const opened = await editable(id)
    const path = join(root, id, 'review.md')
    await writeFile(path, '---\ntitle: Alien\n---\n\nEdited in another app.\n')
    const error = await rejection(library.save(id, opened.meta, paragraph('mine'), opened.hash))
    expect(error.code).toBe('CONFLICT')
    expect(await readFile(path, 'utf8')).toContain('Edited in another app.')
  })

  it('opens an unparseable review read-only with the reason and raw text, and never writes it', async () => {
    await mkdir(join(root, 'broken'))
    const raw = '---\ntitle: [unclosed\n---\n\nBody text\n'
    await writeFile(join(root, 'broken', 'review.md'), raw)
    const opened = await library.open('broken')
    expect(opened).toMatchObject({ kind: 'read-only', id: 'broken', raw })
    if (opened.kind === 'read-only') expect(opened.reason).toMatch(/YAML|front matter/i)
    const list = await library.list()
    expect(list.find((r) => r.id === 'broken')?.problem).toBeTruthy()
    await rejection(library.rename('broken', 'Fixed'))
    expect(await readFile(join(root, 'broken', 'review.md'), 'utf8')).toBe(raw)
  })

  it('lists every review and skips the trash, hidden folders and folders without review.md', async () => {
    await library.create('One')
    await library.create('Two')
    await mkdir(join(root, 'not-a-review'))
    await mkdir(join(root, '.hidden'))
    const { id } = await library.create('Three')
    await library.trash(id)
    expect((await library.list()).map((r) => r.title).sort()).toEqual(['One', 'Two'])
  })

  it('renames the title and the folder, suffixing on collision', async () => {
    await library.create('Taken')
    const { id } = await library.create('Draft')
    const renamed = await library.rename(id, 'Taken')
    expect(renamed).toMatchObject({ id: 'taken-2', title: 'Taken' })
    expect(await readdir(root)).not.toContain('draft')
    const same = await library.rename('taken-2', 'Taken 2')
    expect(same.id).toBe('taken-2')
  })

  it('duplicates a review with its assets as a new draft', async () => {
    const { id } = await library.create('Arrival')
    await writeFile(join(root, id, 'assets', 'still.png'), 'png-bytes')
    const copy = await library.duplicate(id)
    expect(copy).toMatchObject({ id: 'arrival-copy', title: 'Arrival (copy)', status: 'draft' })
    expect(await readFile(join(root, copy.id, 'assets', 'still.png'), 'utf8')).toBe('png-bytes')
  })

  it('moves a deleted review to .trash and restores it', async () => {
    const { id } = await library.create('Solaris')
    const { trashId } = await library.trash(id)
    expect(await readdir(root)).not.toContain(id)
    expect(await readdir(join(root, '.trash'))).toEqual([trashId])
    const restored = await library.restore(trashId)
    expect(restored.id).toBe(id)
    expect((await rejection(library.restore(trashId))).code).toBe('NOT_FOUND')
  })

  it('refuses a review folder that is a symlink out of the library', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'verdict-outside-'))
    await writeFile(join(outside, 'review.md'), '---\ntitle: Secret\n---\n\nsecret\n')
    await symlink(outside, join(root, 'escape'))
    expect((await rejection(library.open('escape'))).code).toBe('OUTSIDE_LIBRARY')
  })

  it('reports a review that vanished instead of recreating it', async () => {
    const { id } = await library.create('Gone')
    const opened = await editable(id)
    await library.trash(id)
    expect((await rejection(library.save(id, opened.meta, paragraph('x'), opened.hash))).code).toBe('NOT_FOUND')
    expect(await readdir(root)).not.toContain(id)
  })
})
