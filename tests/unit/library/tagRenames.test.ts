import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TagRenames } from '../../../src/main/services/library/tagRenames'
import { type workbench, workbenchPerTest } from '../../support/workbench'

type Bench = Awaited<ReturnType<typeof workbench>>
const bench = workbenchPerTest('tags')

// Three shapes of `tags` a critic's files have, each with comments, quoting and a body around it.
const FILES: Record<string, string> = {
  flow: '---\ntitle: Ballerina # the spin-off\ntags: [action, "john wick", horror]\nexcerpt: \'\'\nupdated: 2025-06-04T09:00:00.000Z\n---\n\nA *stylish* spin-off.\n',
  block: '---\r\ntitle: Saw X\r\ntags:\r\n  - horror\r\n  - sequel # the tenth\r\nscore: 7\r\n---\r\n\r\nJigsaw returns.\r\n',
  toml: '+++\ntitle = "Hereditary"\n+++\n\nNo tags here.\n',
  string: '---\ntitle: Hereditary\ntags: horror, family\n---\n\nA family comes apart.\n',
  untagged: '---\ntitle: Paddington 2\ntags: [family]\n---\n\nMarmalade.\n',
}

async function library(files: Record<string, string> = FILES) {
  const w = await bench()
  for (const [id, text] of Object.entries(files)) {
    await mkdir(join(w.root, id), { recursive: true })
    await writeFile(join(w.root, id, 'review.md'), text)
  }
  await w.library.list()
  return { w, tags: new TagRenames({ libraries: w.libraries, writes: w.writes }) }
}

const read = (w: Bench, id: string) => readFile(join(w.root, id, 'review.md'), 'utf8')

/** The lines of `after` that differ from `before`'s, each as [before, after]. */
function changedLines(before: string, after: string): Array<[string | undefined, string | undefined]> {
  const a = before.split('\n')
  const b = after.split('\n')
  const out: Array<[string | undefined, string | undefined]> = []
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push([a[i], b[i]])
  return out
}

describe('renaming a tag across the library', () => {
  it('changes only the tags line of each review that has it, in the file’s own shape, and keeps a version of each', async () => {
    const { w, tags } = await library()
    const result = await tags.rename('horror', 'scary')

    expect(result.changed.map((review) => review.id).sort()).toEqual(['block', 'flow', 'string'])
    expect(result.failed).toEqual([])
    expect(changedLines(FILES['flow']!, await read(w, 'flow'))).toEqual([['tags: [action, "john wick", horror]', 'tags: [action, "john wick", scary]']])
    expect(changedLines(FILES['block']!, await read(w, 'block'))).toEqual([['  - horror\r', '  - scary\r']])
    expect(changedLines(FILES['string']!, await read(w, 'string'))).toEqual([['tags: horror, family', 'tags: scary, family']])
    expect(await read(w, 'untagged')).toBe(FILES['untagged'])
    expect(await read(w, 'toml')).toBe(FILES['toml'])
    const versions = await w.history.list('flow')
    expect(versions.versions.map((version) => version.reason)).toEqual(['tags'])
    // The library's rows know the new tag at once.
    expect((await w.library.list()).find((row) => row.id === 'block')?.tags).toEqual(['scary', 'sequel'])
  })

  it('merges into a tag a review already has, keeping it once', async () => {
    const { w, tags } = await library({ both: '---\ntitle: Scream\ntags: [horror, slasher, comedy]\n---\n\nMeta.\n' })
    const result = await tags.rename('slasher', 'horror')
    expect(result.changed).toEqual([{ id: 'both', title: 'Scream' }])
    expect(await read(w, 'both')).toBe('---\ntitle: Scream\ntags: [horror, comedy]\n---\n\nMeta.\n')
  })

  it('undo puts every file back byte for byte, and leaves one changed since, saying so', async () => {
    const { w, tags } = await library()
    const { undo } = await tags.rename('horror', 'scary')
    await writeFile(join(w.root, 'string', 'review.md'), 'title: edited elsewhere meanwhile\n')

    const result = await tags.undo(undo!)

    expect(result.restored.map((review) => review.id).sort()).toEqual(['block', 'flow'])
    expect(result.failed).toEqual([{ id: 'string', title: 'Hereditary', reason: 'it was changed again after the rename, and was left as it is now' }])
    expect(await read(w, 'flow')).toBe(FILES['flow'])
    expect(await read(w, 'block')).toBe(FILES['block'])
    expect(await read(w, 'string')).toBe('title: edited elsewhere meanwhile\n')
    await expect(tags.undo(undo!)).rejects.toThrow('can no longer be undone')
  })

  it('names each file it could not change, with why, and changes the others', async () => {
    const { w, tags } = await library({
      good: '---\ntitle: Good\ntags: [horror]\n---\n\nFine.\n',
      stuck: '---\ntitle: Stuck\ntags: [horror]\n---\n\nIts versions cannot be kept.\n',
    })
    // A file where the review's versions folder should be: no version can be kept, so the file is not written.
    await mkdir(join(w.root, '.verdict', 'history'), { recursive: true })
    await writeFile(join(w.root, '.verdict', 'history', 'stuck'), 'not a folder')

    const result = await tags.rename('horror', 'scary')

    expect(result.changed).toEqual([{ id: 'good', title: 'Good' }])
    expect(result.failed).toEqual([{ id: 'stuck', title: 'Stuck', reason: expect.stringMatching(/./) }])
    expect(await read(w, 'stuck')).toBe('---\ntitle: Stuck\ntags: [horror]\n---\n\nIts versions cannot be kept.\n')
    expect(await read(w, 'good')).toBe('---\ntitle: Good\ntags: [scary]\n---\n\nFine.\n')
  })

  it('refuses a rename to the same name', async () => {
    const { tags } = await library({})
    await expect(tags.rename('horror', 'horror')).rejects.toThrow('already called “horror”')
  })
})
