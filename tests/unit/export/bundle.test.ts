import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { exportBundle, importBundle, loadReviewSource } from '../../../src/main/services/export'
import { FIXTURES, hashTree, tempDir, tempLibrary, type TempLibrary } from '../../support/tempLibrary'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})
async function library(fixtures: string[] = []): Promise<TempLibrary> {
  const lib = await tempLibrary(fixtures)
  cleanups.push(lib.cleanup)
  return lib
}
async function out(): Promise<string> {
  const t = await tempDir()
  cleanups.push(t.cleanup)
  return t.dir
}
const bytes = (text: string) => new TextEncoder().encode(text)

describe('markdown bundle', () => {
  it('round-trips: zip → import into a fresh library → the same review.md and asset bytes', async () => {
    const source = await library(['ballerina'])
    const before = await hashTree(join(source.root, 'ballerina'))
    const dest = join(await out(), 'ballerina.zip')
    const result = await exportBundle(await loadReviewSource(source.library, 'ballerina'), dest)
    expect(result.files.sort()).toEqual(['assets/10226545b9b4e8c3.png', 'assets/c17fca0d1f85cbb4.png', 'review.md'])
    expect(await hashTree(join(source.root, 'ballerina'))).toEqual(before)

    const target = await library()
    const imported = await importBundle(dest, target.root)
    expect(imported).toMatchObject({ id: 'ballerina', title: 'Ballerina', skipped: [] })
    expect(await hashTree(join(target.root, 'ballerina'))).toEqual(before)
    const [row] = await target.library.list()
    expect(row).toMatchObject({ id: 'ballerina', title: 'Ballerina' })
    expect(row?.problem).toBeUndefined()

    // A second import gets its own folder.
    expect((await importBundle(dest, target.root)).id).toBe('ballerina-2')
    expect(await hashTree(join(target.root, 'ballerina-2'))).toEqual(before)
  })

  it('takes a bundle whose files sit in one folder, and skips what is not review.md or assets/*', async () => {
    const zip = zipSync({
      'my review': {
        'review.md': bytes('---\ntitle: Zipped by hand\n---\n\nBody.\n'),
        assets: { 'a.png': bytes('png'), sub: { 'b.png': bytes('nested') } },
        'notes.txt': bytes('notes'),
        '.DS_Store': bytes('x'),
      },
      '__MACOSX/._review.md': bytes('x'),
    })
    const dir = await out()
    await writeFile(join(dir, 'bundle.zip'), zip)
    const target = await library()
    const result = await importBundle(join(dir, 'bundle.zip'), target.root)
    expect(result.id).toBe('zipped-by-hand')
    expect(result.files.sort()).toEqual(['assets/a.png', 'review.md'])
    expect(result.skipped.map((s) => s.name).sort()).toEqual(['__MACOSX/._review.md', 'my review/.DS_Store', 'my review/assets/sub/b.png', 'my review/notes.txt'])
    expect(await readdir(join(target.root, 'zipped-by-hand', 'assets'))).toEqual(['a.png'])
  })

  for (const [name, entry] of [
    ['a parent path', '../evil.md'],
    ['a nested parent path', 'assets/../../evil.md'],
    ['an absolute path', '/tmp/evil.md'],
    ['a drive letter', 'C:/evil.md'],
    ['backslashes', 'assets\\..\\..\\evil.md'],
    ['a dot segment', './review.md'],
  ] as const) {
    it(`refuses a zip with ${name} (zip-slip) and writes nothing`, async () => {
      const zip = zipSync({ 'review.md': bytes('---\ntitle: Slip\n---\n'), [entry]: bytes('owned') })
      const dir = await out()
      await writeFile(join(dir, 'slip.zip'), zip)
      const target = await library()
      await expect(importBundle(join(dir, 'slip.zip'), target.root)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/points outside the review folder/) })
      expect(await readdir(target.root)).toEqual([])
      expect(await readdir(dir)).toEqual(['slip.zip'])
    })
  }

  it('refuses archives that are not review bundles', async () => {
    const dir = await out()
    await writeFile(join(dir, 'none.zip'), zipSync({ 'readme.txt': bytes('x') }))
    await writeFile(join(dir, 'broken.zip'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))
    const target = await library()
    await expect(importBundle(join(dir, 'none.zip'), target.root)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/no review\.md/) })
    await expect(importBundle(join(dir, 'broken.zip'), target.root)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    expect(await readdir(target.root)).toEqual([])
  })

  it('imports a plain .md file with front matter as it is', async () => {
    const dir = await out()
    const file = join(dir, 'piranesi.md')
    const original = await readFile(join(FIXTURES, 'piranesi', 'review.md'))
    await writeFile(file, original)
    const target = await library()
    const result = await importBundle(file, target.root)
    expect(result).toMatchObject({ id: 'piranesi-a-house-of-endless-halls', title: 'Piranesi: a house of endless halls' })
    expect(await readFile(join(target.root, result.id, 'review.md'))).toEqual(original)
    expect(await readdir(join(target.root, result.id, 'assets'))).toEqual([])
  })

  it('gives a plain .md file without front matter its title from the first heading, else the file name', async () => {
    const dir = await out()
    await writeFile(join(dir, 'draft.md'), '# Past Lives\n\nA quiet film.\n')
    await writeFile(join(dir, 'Notes on Aftersun.md'), 'Just text: no heading.\n')
    const target = await library()
    const first = await importBundle(join(dir, 'draft.md'), target.root)
    expect(first).toMatchObject({ id: 'past-lives', title: 'Past Lives' })
    expect(await readFile(join(target.root, 'past-lives', 'review.md'), 'utf8')).toBe('---\ntitle: Past Lives\n---\n\nA quiet film.\n')
    const second = await importBundle(join(dir, 'Notes on Aftersun.md'), target.root)
    expect(second).toMatchObject({ id: 'notes-on-aftersun', title: 'Notes on Aftersun' })
    const rows = await target.library.list()
    expect(rows.map((r) => r.title).sort()).toEqual(['Notes on Aftersun', 'Past Lives'])
  })

  it('does not take a folder that appears meanwhile', async () => {
    const target = await library()
    await mkdir(join(target.root, 'past-lives'))
    const dir = await out()
    await writeFile(join(dir, 'x.md'), '# Past Lives\n')
    expect((await importBundle(join(dir, 'x.md'), target.root)).id).toBe('past-lives-2')
  })

  it('refuses to write the zip inside the review folder', async () => {
    const source = await library(['piranesi'])
    const review = await loadReviewSource(source.library, 'piranesi')
    await expect(exportBundle(review, join(source.root, 'piranesi', 'assets', 'x.zip'))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
  })
})
