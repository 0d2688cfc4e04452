/**
 * A small Hugo site and a small Jekyll site (./sites, written in their real layouts), each copied to
 * a temporary folder, committed to git and opened as a library through the real library service:
 * the posts are listed as the site has them, and an edit, a new review and an image land in the
 * site's own layout with nothing else added (git status says so).
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { LibraryLayout } from '../../../src/shared/model'
import { importImage } from '../../../src/main/services/assets/import'
import type { Library } from '../../../src/main/services/library/library'
import { png } from '../assets/images'
import { stateDirOf } from '../../support/machineState'
import { git } from '../../support/git'
import { changes, closeSites, openLibrary, openSite, withWordAtEnd } from './siteHelpers'

const LIMITS = { maxBytes: 10 * 1024 * 1024, maxPixels: 10_000_000 }

type Row = { id: string; title: string; date: string; score: string }

/** The site's layout and the rows the library list shows (by id), as expected. */
async function expectListed(site: 'hugo' | 'jekyll', layout: LibraryLayout, rows: Row[]): Promise<void> {
  const { library } = await openSite(site)
  expect(await library.layout()).toEqual(layout)
  const listed = (await library.list()).map(({ id, title, date, score, problem }) => ({ id, title, date, score: score?.value, ...(problem ? { problem } : {}) }))
  expect(listed.sort((a, b) => a.id.localeCompare(b.id))).toEqual(rows)
}

/** The site opened, a word added to two of its posts and a review created, through the library. */
async function editAndCreate(site: 'hugo' | 'jekyll', edited: [string, string][], title: string) {
  const { root, library } = await openSite(site)
  await library.list()
  for (const [id, word] of edited) await editLastParagraph(library, id, word)
  return { root, library, created: await library.create(title) }
}

async function editLastParagraph(library: Library, id: string, word: string): Promise<void> {
  const review = await library.open(id)
  if (review.kind !== 'editable') throw new Error(`${id} opened read-only: ${review.reason}`)
  await library.save(id, review.meta, withWordAtEnd(review.doc, word), review.hash)
}

afterEach(closeSites)

describe('a Hugo site opened in place', () => {
  it('shows its layout and every post with its title, date and score', async () => {
    await expectListed('hugo', { kind: 'bundle', content: 'content/posts', publicDir: 'static', frontMatter: 'yaml', keys: ['date', 'draft', 'tags'] }, [
      { id: 'past-lives', title: 'Past Lives', date: '2024-03-02', score: '9' },
      { id: 'perfect-days', title: 'Perfect Days', date: '2024-01-05', score: '7.5' },
      { id: 'the-holdovers', title: 'The Holdovers', date: '2023-11-10', score: '8' },
    ])
  })

  it('finds a post’s words, and again from the post’s own file once the search index is rebuilt', async () => {
    const { root, library } = await openSite('hugo')
    await library.list()
    await library.flushSearch()
    const found = async (lib: Library) => (await lib.searchReviews('cassettes', 5)).hits.map((hit) => [hit.id, hit.snippet])
    const expected = [['perfect-days', "Hirayama cleans Tokyo's toilets and listens to cassettes."]]
    expect(await found(library)).toEqual(expected)
    await rm(join(stateDirOf(root), 'search.json'))
    const rebuilt = openLibrary(root)
    await rebuilt.list()
    await rebuilt.flushSearch()
    expect(await found(rebuilt)).toEqual(expected)
  })

  it('keeps an edit, a new review and an image in the site’s layout, adding nothing but .verdict/', async () => {
    const { root, library, created } = await editAndCreate('hugo', [['perfect-days', 'Luminous.'], ['the-holdovers', 'Tender.']], 'Anora')
    const image = await importImage(library, created.id, 'brooklyn.png', png(6, 4), LIMITS)

    expect(created).toMatchObject({ id: 'anora', title: 'Anora', date: '2026-11-25' })
    expect(await readFile(join(root, 'content/posts/anora/index.md'), 'utf8')).toBe('---\ntitle: Anora\ndate: 2026-11-25\ndraft: true\ntags: []\n---\n')
    // Beside the bundle's page, where Hugo finds a bundle's images, and written as the page uses it.
    expect(image.path).toMatch(/^[0-9a-f]{16}\.png$/)
    const site = (await changes(root, library)).filter((line) => !line.startsWith('?? .verdict/'))
    expect(site).toEqual([' M content/posts/perfect-days.md', ' M content/posts/the-holdovers/index.md', `?? content/posts/anora/${image.path}`, '?? content/posts/anora/index.md'])
    // Only the edited paragraph's line changed in each file (TOML front matter and shortcode untouched).
    expect(await git(root, 'diff', '--numstat')).toBe('1\t1\tcontent/posts/perfect-days.md\n1\t1\tcontent/posts/the-holdovers/index.md\n')
    expect(await git(root, 'diff', '-U0', 'content/posts/the-holdovers/index.md')).toContain('+_Funny_, then suddenly not. Tender.')
  })

  it('renames a post’s title only and trashes it into .verdict/, from where it comes back untouched', async () => {
    const { root, library } = await openSite('hugo')
    await library.list()
    const renamed = await library.rename('past-lives', 'Past Lives (2023)')
    expect(renamed).toMatchObject({ id: 'past-lives', title: 'Past Lives (2023)' })
    expect(await library.followTitle('past-lives', 'Something else')).toBe('past-lives')
    const { trashId } = await library.trash('the-holdovers')
    expect((await changes(root, library)).filter((line) => !line.startsWith('?? .verdict/'))).toEqual([
      ' D content/posts/the-holdovers/index.md',
      ' M content/posts/past-lives/index.md',
    ])
    expect((await library.list()).map((row) => row.id).sort()).toEqual(['past-lives', 'perfect-days'])
    expect(await library.restore(trashId)).toMatchObject({ id: 'the-holdovers', title: 'The Holdovers' })
    expect((await changes(root, library)).filter((line) => !line.startsWith('?? .verdict/'))).toEqual([' M content/posts/past-lives/index.md'])
    expect(await git(root, 'diff', '-U0', 'content/posts/past-lives/index.md')).toMatch(/-title: "Past Lives"\n\+title: "Past Lives \(2023\)"\n$/)
  })
})

describe('a Jekyll site opened in place', () => {
  it('shows every post with its title, its date (from the file name where the post has none) and score', async () => {
    await expectListed('jekyll', { kind: 'jekyll', content: '_posts', publicDir: '', frontMatter: 'yaml', keys: ['categories'] }, [
      { id: '2023-12-25-the-zone-of-interest', title: 'The Zone of Interest', date: '2023-12-25', score: '10' },
      { id: '2024-01-12-anatomy-of-a-fall', title: 'Anatomy of a Fall', date: '2024-01-12', score: '8' },
      { id: '2024-02-20-dune-part-two', title: 'Dune: Part Two', date: '2024-02-20', score: '7' },
    ])
  })

  it('keeps an edit and a new post in _posts; its .gitignore keeps .verdict/ out of git status', async () => {
    const { root, library, created } = await editAndCreate('jekyll', [['2024-01-12-anatomy-of-a-fall', 'Woof.'], ['2024-02-20-dune-part-two', 'Spice.']], 'Poor Things')
    expect(created).toMatchObject({ id: '2026-11-25-poor-things', title: 'Poor Things', date: '2026-11-25' })
    // Dated by its file name as Jekyll dates posts, with the key every post here has.
    expect(await readFile(join(root, '_posts/2026-11-25-poor-things.md'), 'utf8')).toBe('---\ntitle: Poor Things\ncategories: []\n---\n')
    expect(await changes(root, library)).toEqual([' M _posts/2024-01-12-anatomy-of-a-fall.md', ' M _posts/2024-02-20-dune-part-two.markdown', '?? _posts/2026-11-25-poor-things.md'])
    expect(await git(root, 'diff', '--numstat')).toBe('1\t1\t_posts/2024-01-12-anatomy-of-a-fall.md\n1\t1\t_posts/2024-02-20-dune-part-two.markdown\n')
  })
})

describe('conflict copies in a site', () => {
  it('marks a bundle’s and a Jekyll post’s conflict copies on their posts and lists no copy as a post', async () => {
    const hugo = await openSite('hugo')
    await writeFile(join(hugo.root, 'content/posts/past-lives/index (conflicted copy 2026-12-06).md'), 'theirs')
    const jekyll = await openSite('jekyll')
    // iCloud's name is one people give posts too: this one reads as the post's other version.
    const fall = await readFile(join(jekyll.root, '_posts/2024-01-12-anatomy-of-a-fall.md'), 'utf8')
    await writeFile(join(jekyll.root, '_posts/2024-01-12-anatomy-of-a-fall 2.md'), fall.replace('silence.', 'silence, on the laptop.'))
    await writeFile(join(jekyll.root, '_posts/2023-12-25-the-zone-of-interest (Ann’s conflicted copy 2026-12-06).md'), 'theirs')
    const conflicts = async (library: Library) => Object.fromEntries((await library.list()).map((row) => [row.id, row.conflict]))

    expect(await conflicts(hugo.library)).toEqual({
      'past-lives': { source: 'dropbox', copy: 'index (conflicted copy 2026-12-06).md' },
      'perfect-days': undefined,
      'the-holdovers': undefined,
    })
    expect(await conflicts(jekyll.library)).toEqual({
      '2023-12-25-the-zone-of-interest': { source: 'dropbox', copy: '2023-12-25-the-zone-of-interest (Ann’s conflicted copy 2026-12-06).md' },
      '2024-01-12-anatomy-of-a-fall': { source: 'icloud', copy: '2024-01-12-anatomy-of-a-fall 2.md' },
      '2024-02-20-dune-part-two': undefined,
    })
  })
})

describe('posts whose names look like iCloud’s or OneDrive’s copies', () => {
  it('are listed as posts, and mark no conflict, unless they read as a version of the post their name copies', async () => {
    const { root, library } = await openSite('hugo')
    const posts = join(root, 'content/posts')
    const post = (title: string, body: string) => `---\ntitle: ${JSON.stringify(title)}\ndate: 2024-03-01\n---\n\n${body}\n`
    const files: Record<string, string> = {
      'part.md': post('Festival diary, part one', 'Three films on the first day.'),
      'part 2.md': post('Festival diary, part two', 'Four films on the second day.'),
      'chapter.md': post('Chapter', 'How the series began.'),
      'chapter-II.md': post('Chapter II', 'How it went on.'),
      // iCloud's name, and no `2001 a space odyssey.md` beside it.
      '2001 a space odyssey 2.md': post('2001: A Space Odyssey', 'Seen again in 70 mm.'),
      // A real iCloud copy of a flat post: the same post, changed on the other machine.
      'perfect-days 2.md': (await readFile(join(posts, 'perfect-days.md'), 'utf8')).replace('routine.', 'routine, and the trees.'),
    }
    for (const [name, text] of Object.entries(files)) await writeFile(join(posts, name), text)

    const rows = Object.fromEntries((await library.list()).map((row) => [row.id, [row.title, row.conflict]]))
    expect(rows).toEqual({
      'past-lives': ['Past Lives', undefined],
      'perfect-days': ['Perfect Days', { source: 'icloud', copy: 'perfect-days 2.md' }],
      'the-holdovers': ['The Holdovers', undefined],
      part: ['Festival diary, part one', undefined],
      'part 2': ['Festival diary, part two', undefined],
      chapter: ['Chapter', undefined],
      'chapter-II': ['Chapter II', undefined],
      '2001 a space odyssey 2': ['2001: A Space Odyssey', undefined],
    })
    // The open post is told of its conflict as the list is, and the look-alikes of none.
    expect((await library.conflictCopy('perfect-days'))?.name).toBe('perfect-days 2.md')
    expect(await library.conflictCopy('part')).toBeUndefined()
    expect(await library.conflictCopy('chapter')).toBeUndefined()
  })
})

describe('files a sync engine is still bringing into a site', () => {
  /** The temp names and placeholders of Syncthing (and on Windows), Nextcloud, iCloud and OneDrive for `name`. */
  const arriving = (name: string) => [`.syncthing.${name}.tmp`, `~syncthing~${name}.tmp`, `.${name}.~6a3f09c2`, `.${name}.icloud`, `~${name.replace(/\.md$/, '')}.tmp`]
  const rows = async (library: Library) => (await library.list()).map((row) => [row.id, row.problem]).sort()

  it('lists none as a post, beside flat posts, in a bundle or in _posts, nor a half-written new post until it lands', async () => {
    const hugo = await openSite('hugo')
    const posts = join(hugo.root, 'content/posts')
    const before = [['past-lives', undefined], ['perfect-days', undefined], ['the-holdovers', undefined]]
    expect(await rows(hugo.library)).toEqual(before)
    // New versions arriving for listed posts: each keeps its row.
    for (const name of arriving('perfect-days.md')) await writeFile(join(posts, name), 'half')
    for (const name of arriving('index.md')) await writeFile(join(posts, 'past-lives', name), 'half')
    // Dropbox brings files through its own hidden folder, which is no bundle.
    await mkdir(join(posts, '.dropbox.cache'))
    await writeFile(join(posts, '.dropbox.cache', 'index.md'), '---\ntitle: Cached\n---\n')
    // A new flat post and a new bundle, each half-written with its engine's temp file beside it.
    await writeFile(join(posts, 'aftersun.md'), '+++\ntitle = "After')
    await writeFile(join(posts, '.aftersun.md.~1f2e3d'), '+++\n')
    await mkdir(join(posts, 'tar'))
    await writeFile(join(posts, 'tar', 'index.md'), '---\ntitle: "Tá')
    await writeFile(join(posts, 'tar', '.syncthing.index.md.tmp'), '---\n')
    expect(await rows(hugo.library)).toEqual(before)
    await rename(join(posts, 'tar', '.syncthing.index.md.tmp'), join(posts, 'tar', 'index.md'))
    await writeFile(join(posts, 'tar', 'index.md'), '---\ntitle: Tár\n---\n\nLydia.\n')
    expect(await rows(hugo.library)).toEqual([...before, ['tar', undefined]].sort())

    const jekyll = await openSite('jekyll')
    const dated = join(jekyll.root, '_posts')
    const listed = await rows(jekyll.library)
    for (const name of arriving('2024-01-12-anatomy-of-a-fall.md')) await writeFile(join(dated, name), 'half')
    await writeFile(join(dated, '2026-12-01-aftersun.md'), '---\ntitle: "After')
    await writeFile(join(dated, '.syncthing.2026-12-01-aftersun.md.tmp'), '---\n')
    expect(listed).toEqual([['2023-12-25-the-zone-of-interest', undefined], ['2024-01-12-anatomy-of-a-fall', undefined], ['2024-02-20-dune-part-two', undefined]])
    expect(await rows(jekyll.library)).toEqual(listed)
  })
})
