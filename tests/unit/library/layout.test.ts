/** Each layout on its own: what is detected, listed and created, where images go, and the rename and trash rules. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importImage } from '../../../src/main/services/assets/import'
import { detectLayout, loadLayout } from '../../../src/main/services/library/layout'
import { Library } from '../../../src/main/services/library/library'
import { stateDirOf } from '../../support/machineState'
import { png } from '../assets/images'
import { rejection } from '../../support/errors'

const LIMITS = { maxBytes: 10 * 1024 * 1024, maxPixels: 10_000_000 }
const roots: string[] = []
const libraries: Library[] = []

/** A folder holding these files (path → text). */
async function folder(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'verdict-layout-'))
  roots.push(root)
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
  return root
}

function libraryAt(root: string): Library {
  const library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Ana Critic', now: () => new Date('2026-11-25T10:00:00Z') })
  libraries.push(library)
  return library
}

/** Every file below `root` but Verdict's own folder, sorted. */
async function files(root: string): Promise<string[]> {
  const found = await readdir(root, { recursive: true, withFileTypes: true })
  return found
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .filter((path) => !path.startsWith('.verdict'))
    .sort()
}

afterEach(async () => {
  for (const library of libraries.splice(0)) library.close()
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true })
})

describe('layout detection', () => {
  it('keeps Verdict’s own layout for an empty folder and for review folders, whatever else is there', async () => {
    expect((await detectLayout(await folder({}))).kind).toBe('verdict')
    expect((await detectLayout(await folder({ 'heat/review.md': '---\ntitle: Heat\n---\n', 'notes.md': 'x', 'posts/a.md': 'a' }))).kind).toBe('verdict')
  })

  it('tells flat files, bundles and Jekyll posts apart, with the front matter most posts use', async () => {
    const flat = await folder({ 'src/posts/a.md': '+++\ntitle = "A"\ntags = []\n+++\n', 'src/posts/b.md': '+++\ntitle = "B"\n+++\n', 'src/posts/_draft.md': 'x', 'README.md': 'x' })
    expect(await detectLayout(flat)).toEqual({ kind: 'flat', content: 'src/posts', frontMatter: 'toml', keys: [] })
    const bundles = await folder({ 'content/posts/a/index.md': '---\ntitle: A\ndate: 2024-01-01\n---\n', 'content/posts/b/index.md': '---\ntitle: B\ndate: 2024-01-02\n---\n', 'static/x.png': '' })
    expect(await detectLayout(bundles)).toEqual({ kind: 'bundle', content: 'content/posts', publicDir: 'static', frontMatter: 'yaml', keys: ['date'] })
    expect((await detectLayout(await folder({ '_posts/2024-01-01-a.markdown': '---\ntitle: A\n---\n' }))).kind).toBe('jekyll')
  })

  it('lets the critic’s choice in .verdict/layout.json win, and refuses one that leaves the library', async () => {
    const root = await folder({ 'posts/a.md': '---\ntitle: A\n---\n' })
    const library = libraryAt(root)
    await library.setLayout({ kind: 'bundle', content: 'posts', frontMatter: 'toml', keys: [] })
    expect(await loadLayout(root)).toEqual({ kind: 'bundle', content: 'posts', frontMatter: 'toml', keys: [] })
    await writeFile(join(root, '.verdict/layout.json'), JSON.stringify({ kind: 'flat', content: '../elsewhere', frontMatter: 'yaml', keys: [] }))
    // A layout file leading outside is ignored as damaged: the files decide again.
    expect(await loadLayout(root)).toMatchObject({ kind: 'flat', content: 'posts' })
  })
})

describe('a flat content folder', () => {
  it('lists its files by name, creates new ones beside them and keeps added images beside them', async () => {
    const root = await folder({ 'posts/heat.md': '---\ntitle: Heat\ndate: 1995-12-15\n---\n\nTense.\n', 'posts/old.markdown': '---\ntitle: Old\n---\n\nOld.\n', 'posts/_index.md': 'x' })
    const library = libraryAt(root)
    expect((await library.list()).map((row) => row.id).sort()).toEqual(['heat', 'old'])
    const created = await library.create('Heat')
    expect(created.id).toBe('heat-2')
    const image = await importImage(library, 'heat-2', 'still.png', png(3, 2), LIMITS)
    expect(await files(root)).toEqual(['posts/_index.md', 'posts/heat-2.md', 'posts/heat.md', `posts/${image.path}`, 'posts/old.markdown'].sort())
    expect(await readFile(join(root, 'posts/heat-2.md'), 'utf8')).toBe('---\ntitle: Heat\ndate: 2026-11-25\n---\n')
  })

  it('duplicates and restores a .markdown file as .markdown, and never renames a file after its title', async () => {
    const root = await folder({ 'posts/old.markdown': '---\ntitle: Old\n---\n\nOld.\n' })
    const library = libraryAt(root)
    await library.list()
    const copy = await library.duplicate('old')
    expect(copy).toMatchObject({ id: 'old-copy', title: 'Old (copy)' })
    await library.rename('old', 'Brand New')
    const { trashId } = await library.trash('old-copy')
    expect(await files(root)).toEqual(['posts/old.markdown'])
    expect(await readdir(join(root, '.verdict/trash', trashId))).toEqual(['old-copy.markdown'])
    await library.restore(trashId)
    expect(await files(root)).toEqual(['posts/old-copy.markdown', 'posts/old.markdown'])
    expect(await readFile(join(root, 'posts/old.markdown'), 'utf8')).toBe('---\ntitle: Brand New\n---\n\nOld.\n')
  })

  it('refuses ids that name nothing in the content folder', async () => {
    const root = await folder({ 'posts/a.md': '---\ntitle: A\n---\n', 'secret.md': 'not a post' })
    const library = libraryAt(root)
    await library.setLayout({ kind: 'flat', content: 'posts', frontMatter: 'yaml', keys: [] })
    expect((await rejection(library.open('secret'))).code).toBe('NOT_FOUND')
    expect((await rejection(library.open('../secret'))).code).toBe('OUTSIDE_LIBRARY')
  })
})

describe('Hugo bundles', () => {
  it('creates a bundle, puts its images beside its page and trashes the whole bundle', async () => {
    const root = await folder({ 'content/posts/a/index.md': '+++\ntitle = "A"\ndraft = true\n+++\n', 'content/posts/b/index.md': '+++\ntitle = "B"\ndraft = false\n+++\n' })
    const library = libraryAt(root)
    const created = await library.create('Tár')
    expect(created.id).toBe('tar')
    expect(await readFile(join(root, 'content/posts/tar/index.md'), 'utf8')).toBe('+++\ntitle = "Tár"\ndate = 2026-11-25\ndraft = true\n+++\n')
    const image = await importImage(library, 'tar', 'lydia.png', png(3, 2), LIMITS)
    expect(await files(root)).toContain(`content/posts/tar/${image.path}`)
    await library.trash('tar')
    expect(await files(root)).toEqual(['content/posts/a/index.md', 'content/posts/b/index.md'])
  })
})
