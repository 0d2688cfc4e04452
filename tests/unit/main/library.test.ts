import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { EditorDocument } from '../../../src/shared/document'
import { contentHash, Library, UNUSED_ASSET_GRACE_MS } from '../../../src/main/services/library/library'
import { rejection } from '../../support/errors'
import { stateDirOf } from '../../support/machineState'

let root: string
let library: Library
let clock: number

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'verdict-library-'))
  clock = Date.parse('2026-11-25T10:00:00Z')
  library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Ana Critic', now: () => new Date((clock += 1000)) })
})

const paragraph = (text: string, format = 0): EditorDocument => ({
  root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text, format }] }] },
})

async function editable(id: string) {
  const opened = await library.open(id)
  if (opened.kind !== 'editable') throw new Error(`expected ${id} to open for editing: ${opened.reason}`)
  return opened
}

describe('Library', () => {
  it('creates a review folder with review.md and assets/, authored from settings', async () => {
    const created = await library.create('Ballerina')
    expect(created).toMatchObject({ id: 'ballerina', title: 'Ballerina', author: 'Ana Critic', status: 'draft', wordCount: 0 })
    expect((await readdir(join(root, 'ballerina'))).sort()).toEqual(['.name-follows-title', 'assets', 'review.md'])
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

  it('moves images the saved review no longer uses to the trash, once unused for the grace period', async () => {
    const { id } = await library.create('Ballerina')
    for (const name of ['used.png', 'featured.png', 'in-spoiler.png', 'in-raw.png', 'unused.png']) {
      await writeFile(join(root, id, 'assets', name), name)
    }
    const image = (src: string) => ({ type: 'image' as const, src, alt: '', caption: '', credit: '', width: 'inline' as const })
    const doc: EditorDocument = {
      root: {
        type: 'root',
        children: [
          image('assets/used.png'),
          { type: 'spoiler', label: 'Spoilers', children: [image('assets/in-spoiler.png')] },
          { type: 'raw-block', markdown: '<img src="assets/in-raw.png" alt="">' },
        ],
      },
    }
    const opened = await editable(id)
    const meta = { ...opened.meta, featuredImage: 'assets/featured.png' }
    const first = await library.save(id, meta, doc, opened.hash)
    // Seen unused now: it waits for the grace period.
    expect((await readdir(join(root, id, 'assets'))).filter((name) => !name.startsWith('.')).sort()).toEqual([
      'featured.png', 'in-raw.png', 'in-spoiler.png', 'unused.png', 'used.png',
    ])
    expect(await readdir(root)).not.toContain('.trash')

    clock += UNUSED_ASSET_GRACE_MS / 2
    const second = await library.save(id, meta, doc, first.hash)
    expect(await readdir(join(root, id, 'assets'))).toContain('unused.png')

    clock += UNUSED_ASSET_GRACE_MS
    await library.save(id, meta, doc, second.hash)
    expect((await readdir(join(root, id, 'assets'))).filter((name) => !name.startsWith('.')).sort()).toEqual([
      'featured.png', 'in-raw.png', 'in-spoiler.png', 'used.png',
    ])
    const [folder] = await readdir(join(root, '.trash'))
    expect(await readFile(join(root, '.trash', folder!, 'unused.png'), 'utf8')).toBe('unused.png')
    expect(library.lastCleanupFailure).toBeUndefined()
  })

  it('saves even when the image clean-up fails, and keeps the failure', async () => {
    const { id } = await library.create('Sicario')
    await rm(join(root, id, 'assets'), { recursive: true })
    await writeFile(join(root, id, 'assets'), 'a file where the folder should be')
    const opened = await editable(id)
    const saved = await library.save(id, opened.meta, paragraph('Still saved'), opened.hash)
    expect(saved.hash).toBe(contentHash(await readFile(join(root, id, 'review.md'))))
    expect(library.lastCleanupFailure?.message).toMatch(/assets folder/)
  })

  it('gives summaries the subject and the body’s overall score, which wins over a stale front matter score', async () => {
    await mkdir(join(root, 'ballerina'))
    await writeFile(
      join(root, 'ballerina', 'review.md'),
      '---\ntitle: Ballerina\nscore:\n  value: 3\n  scale: "5"\nsubject:\n  kind: film\n  title: Ballerina\n  year: 2025\n---\n\n' +
        '::score[Overall Score]{value="9.5" scale="10" overall}\n',
    )
    const [row] = await library.list()
    expect(row).toMatchObject({
      id: 'ballerina',
      score: { value: '9.5', scale: '10', label: 'Overall Score' },
      subject: { kind: 'film', title: 'Ballerina', year: 2025, creators: [], cast: [], ids: {} },
    })
    const opened = await editable('ballerina')
    expect(opened.warnings).toEqual([])
    // Nothing edited, nothing written: the file stays as its author left it.
    const before = await readFile(join(root, 'ballerina', 'review.md'))
    await library.save('ballerina', opened.meta, opened.doc, opened.hash)
    expect(await readFile(join(root, 'ballerina', 'review.md'))).toEqual(before)
  })

  it('opens a review with the warnings of its body', async () => {
    await mkdir(join(root, 'odd'))
    await writeFile(join(root, 'odd', 'review.md'), '---\ntitle: Odd\n---\n\n::score[Overall Score]{value="11" scale="10" overall}\n')
    expect((await editable('odd')).warnings).toEqual(['Score “Overall Score”: 11 is above 10, the top of this scale'])
    const [row] = await library.list()
    expect(row?.score).toBeUndefined()
  })
})
