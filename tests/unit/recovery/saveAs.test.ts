/** "Save as…": the editor's text as a new review elsewhere, with its images; the review itself untouched. */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EditorDocument } from '../../../src/shared/document'
import type { ImageJSON } from '../../../src/blocks/image/model'
import { Library } from '../../../src/main/services/library/library'
import { hashTree } from '../../support/tempLibrary'
import { workbench } from '../../support/workbench'
import { rejection } from '../../support/errors'
import { stateDirOf } from '../../support/machineState'

const PNG = join(import.meta.dirname, '../pipeline/fixtures/ballerina/assets/10226545b9b4e8c3.png')

const image = (src: string): ImageJSON => ({ type: 'image', src, alt: 'A still', caption: '', credit: '', width: 'inline' })
const docWith = (text: string, ...images: string[]): EditorDocument => ({
  root: {
    type: 'root',
    children: [
      { type: 'paragraph', children: [{ type: 'text', text, format: 0 }] },
      ...images.map(image),
      // Markdown the editor keeps as written may name an image too, in its own spelling.
      { type: 'raw-block', markdown: '<img src="./assets/still.png" alt="again">' },
    ],
  },
})

/** “Heat” with two images it uses, one it does not, one link leading out of its folder, and one missing. */
async function setUp() {
  const w = await workbench('save-as')
  const { id } = await w.library.create('Heat')
  const assets = join(w.root, id, 'assets')
  const png = await readFile(PNG)
  await writeFile(join(assets, 'still.png'), png)
  await writeFile(join(assets, 'featured.png'), png)
  await writeFile(join(assets, 'unused.png'), png)
  const outside = await mkdtemp(join(tmpdir(), 'verdict-outside-'))
  await writeFile(join(outside, 'secret.png'), 'not the review’s')
  await symlink(join(outside, 'secret.png'), join(assets, 'leak.png'))
  const opened = await w.editable(id)
  const meta = { ...opened.meta, title: 'Heat (1995)', featuredImage: 'assets/featured.png' }
  const doc = docWith('Unsaved: the diner scene.', 'assets/still.png', 'assets/leak.png', 'assets/gone.png')
  const dest = await mkdtemp(join(tmpdir(), 'verdict-save-as-'))
  return { w, id, meta, doc, dest, png, before: await hashTree(join(w.root, id)) }
}

describe('save as', () => {
  it('writes the text as a new review in the chosen folder with the images it uses, leaving the review as it was', async () => {
    const { w, id, meta, doc, dest, png, before } = await setUp()
    const result = await w.writes.saveAs({ id, meta, doc, destDir: dest })

    expect(result.path).toBe(join(dest, 'heat-1995', 'review.md'))
    expect(result.skipped.sort()).toEqual(['assets/gone.png', 'assets/leak.png'])
    expect(Object.keys(await hashTree(join(dest, 'heat-1995'))).sort()).toEqual(['assets/featured.png', 'assets/still.png', 'review.md'])
    expect(await readFile(join(dest, 'heat-1995', 'assets', 'still.png'))).toEqual(png)
    // The copy is a review Verdict opens as it was in the editor.
    const copy = await new Library({ root: dest, stateDir: stateDirOf(dest), defaultAuthor: () => '' }).open('heat-1995')
    if (copy.kind !== 'editable') throw new Error(copy.reason)
    expect(copy.meta).toMatchObject({ title: 'Heat (1995)', featuredImage: 'assets/featured.png' })
    expect(JSON.stringify(copy.doc)).toContain('Unsaved: the diner scene.')

    expect(await hashTree(join(w.root, id))).toEqual(before)
    expect(await readFile(join(w.root, id, 'review.md'), 'utf8')).not.toContain('diner')
  })

  it('never writes into an existing folder: the name is suffixed', async () => {
    const { w, id, meta, doc, dest } = await setUp()
    await mkdir(join(dest, 'heat-1995'))
    await writeFile(join(dest, 'heat-1995', 'notes.txt'), 'someone else’s')
    const first = await w.writes.saveAs({ id, meta, doc, destDir: dest })
    const second = await w.writes.saveAs({ id, meta, doc, destDir: dest })
    expect([first.path, second.path]).toEqual([join(dest, 'heat-1995-2', 'review.md'), join(dest, 'heat-1995-3', 'review.md')])
    expect(await readdir(join(dest, 'heat-1995'))).toEqual(['notes.txt'])
  })

  it('saves the text of a review whose folder vanished, without images', async () => {
    const { w, id, meta, doc, dest } = await setUp()
    await rm(join(w.root, id), { recursive: true })
    const result = await w.writes.saveAs({ id, meta, doc, destDir: dest })
    expect(result.skipped).toHaveLength(5)
    expect(await readFile(result.path, 'utf8')).toContain('Unsaved: the diner scene.')
    expect(await readdir(w.root)).not.toContain(id)
  })

  it('refuses a folder inside the review, a relative path and a file, leaving nothing behind', async () => {
    const { w, id, meta, doc, dest, before } = await setUp()
    expect((await rejection(w.writes.saveAs({ id, meta, doc, destDir: join(w.root, id, 'assets') }))).code).toBe('INVALID_ARGUMENT')
    expect((await rejection(w.writes.saveAs({ id, meta, doc, destDir: 'elsewhere' }))).code).toBe('INVALID_ARGUMENT')
    await writeFile(join(dest, 'a-file'), 'x')
    const notAFolder = await rejection(w.writes.saveAs({ id, meta, doc, destDir: join(dest, 'a-file') }))
    expect(notAFolder.code).toBe('IO')
    expect(notAFolder.message).toMatch(/^Could not save “Heat \(1995\)” in /)
    expect(await readdir(dest)).toEqual(['a-file'])
    expect(await hashTree(join(w.root, id))).toEqual(before)
  })
})
