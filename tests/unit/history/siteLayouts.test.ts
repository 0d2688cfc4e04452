/**
 * History in a site's own layout (a Hugo page bundle, a Jekyll post) through the app's real
 * services: versions are kept out of the site's files, and restoring one writes the post's old bytes back to
 * its own file, so git sees the site as it was.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { git } from '../../support/git'
import { closeSites, siteServices, withWordAtEnd } from '../library/siteHelpers'

afterEach(closeSites)

describe.each([
  { site: 'hugo', id: 'the-holdovers', file: 'content/posts/the-holdovers/index.md' },
  { site: 'jekyll', id: '2024-01-12-anatomy-of-a-fall', file: '_posts/2024-01-12-anatomy-of-a-fall.md' },
] as const)('history of a $site post', ({ site, id, file }) => {
  it('keeps versions in .verdict/ and restores one into the post’s own file, byte for byte', async () => {
    const { root, services } = await siteServices(site)
    const original = await readFile(join(root, file))
    const kept = await services.writes.snapshot(id, 'manual')

    const opened = await services.libraries.current().open(id)
    if (opened.kind !== 'editable') throw new Error(`${id} opened read-only: ${opened.reason}`)
    await services.writes.save({ id, meta: opened.meta, doc: withWordAtEnd(opened.doc, 'Revisited.'), baseHash: opened.hash })
    expect(await git(root, 'diff', '--numstat')).toBe(`1\t1\t${file}\n`)

    // The kept version reads as the post was, and says what the save changed.
    const { markdown, diff } = await services.history.read(id, kept.versionId)
    expect(markdown).toBe(original.toString('utf8'))
    expect(diff.some((part) => part.text.includes('Revisited.'))).toBe(true)

    const restored = await services.writes.restore(id, kept.versionId)
    expect(restored.kind).toBe('editable')
    expect(await readFile(join(root, file))).toEqual(original)
    // Nothing but Verdict's own folder is new in the site; the edit it undid is kept as a version too.
    const status = (await git(root, 'status', '--porcelain', '--untracked-files=all')).split('\n').filter(Boolean)
    expect(status.filter((line) => !line.startsWith('?? .verdict/'))).toEqual([])
    expect((await services.history.list(id)).versions.map((version) => version.reason)).toEqual(expect.arrayContaining(['manual', 'restore']))
  })
})
