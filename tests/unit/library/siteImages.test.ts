/**
 * A site's images as the site resolves them (docs/format.md, "Site layouts"): Hugo's `/img/x.png`
 * from `static/`, Jekyll's `/assets/x.png` and `{{ site.baseurl }}/assets/x.png` from the site's
 * folder, shown as image blocks, kept byte for byte, placed where the site keeps them when added,
 * exported with the post (zip and HTML), and never read from outside the site.
 */
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { assetProtocolUrl } from '../../../src/shared/contract'
import type { EditorDocument } from '../../../src/shared/document'
import { importImage } from '../../../src/main/services/assets/import'
import { decodePathSegments, resolveReviewFile } from '../../../src/main/services/assets/resolve'
import { exportBundle, loadReviewSource, loadTheme, renderForExport } from '../../../src/main/services/export'
import { readMarkdown } from '../../../src/main/services/format'
import { Library } from '../../../src/main/services/library/library'
import { stateDirOf } from '../../support/machineState'
import { rejection } from '../../support/errors'
import { png } from '../assets/images'
import { STYLE_DIRS } from '../pipeline/renderFixtures'
import { git } from '../../support/git'
import { changes, openSite, closeSites } from './siteHelpers'

const LIMITS = { maxBytes: 10 * 1024 * 1024, maxPixels: 10_000_000 }
const made: string[] = []
afterEach(async () => {
  await closeSites()
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
})

/** The file the editor's asset URL for `src` in review `id` is served from. */
function served(library: Library, id: string, src: string): Promise<string> {
  return resolveReviewFile(library, decodePathSegments(new URL(assetProtocolUrl(id, src)).pathname))
}

async function editable(library: Library, id: string) {
  const review = await library.open(id)
  if (review.kind !== 'editable') throw new Error(`${id} opened read-only: ${review.reason}`)
  return review
}

const images = (doc: EditorDocument) => doc.root.children.filter((block) => block.type === 'image')

describe('a Hugo site’s images', () => {
  it('shows /img/… as an image served from static/, refuses what leaves the site, and puts an added image in static/img/', async () => {
    const { root, library } = await openSite('hugo')
    await library.list()
    const review = await editable(library, 'perfect-days')
    expect(images(review.doc)).toEqual([{ type: 'image', src: '/img/komorebi.png', alt: 'Light through the leaves', caption: '', credit: '', width: 'inline' }])
    expect(await served(library, 'perfect-days', '/img/komorebi.png')).toBe(await realpath(join(root, 'static/img/komorebi.png')))
    // A bundle's own image is beside its page, as before.
    expect(await served(library, 'past-lives', 'nora.png')).toBe(await realpath(join(root, 'content/posts/past-lives/nora.png')))

    expect((await rejection(resolveReviewFile(library, ['perfect-days', ':site', '..', 'hugo.toml']))).code).toBe('OUTSIDE_LIBRARY')
    const outside = await mkdtemp(join(tmpdir(), 'verdict-outside-'))
    made.push(outside)
    await writeFile(join(outside, 'secret.png'), png(2, 2))
    await symlink(join(outside, 'secret.png'), join(root, 'static/img/linked.png'))
    const linked = await rejection(served(library, 'perfect-days', '/img/linked.png'))
    expect([linked.code, linked.message]).toEqual(['OUTSIDE_LIBRARY', '“/img/linked.png” leads outside the site’s folder and was refused.'])
    expect((await rejection(served(library, 'perfect-days', '/img/missing.png'))).message).toBe('“/img/missing.png” is not in the site’s folder static/.')
    await rm(join(root, 'static/img/linked.png'))

    // Added where the site's posts keep theirs, written from the site's root; only that and the post change.
    const image = await importImage(library, 'perfect-days', 'paper.png', png(4, 3), LIMITS)
    expect(image.path).toMatch(/^\/img\/[0-9a-f]{16}\.png$/)
    const children = [...review.doc.root.children]
    children.splice(1, 0, { type: 'image', src: image.path, alt: 'A paper bag', caption: '', credit: '', width: 'inline' })
    await library.save('perfect-days', review.meta, { root: { ...review.doc.root, children } }, review.hash)
    const site = (await changes(root, library)).filter((line) => !line.startsWith('?? .verdict/'))
    expect(site).toEqual([' M content/posts/perfect-days.md', `?? static${image.path}`])
    expect(await git(root, 'diff', '-U0', '--no-prefix', 'content/posts/perfect-days.md')).toMatch(new RegExp(`\\n@@ -8,0 \\+9,2 @@ [^\\n]*\\n\\+!\\[A paper bag\\]\\(${image.path}\\)\\n\\+\\n$`))
  })

  it('reads a path that leaves the site as kept text, saying so', () => {
    expect(readMarkdown('![x](/../../etc/passwd.png)').warnings).toEqual(['The image “/../../etc/passwd.png” was refused because its path leaves the site’s folder; it is kept as written.'])
  })
})

describe('a Jekyll site’s images', () => {
  it('shows {{ site.baseurl }}/assets/… as an image from the site’s folder, writes it back as the site wrote it, and adds images to assets/img/', async () => {
    const { root, library } = await openSite('jekyll')
    await library.list()
    const id = '2024-02-20-dune-part-two'
    const review = await editable(library, id)
    const [image] = images(review.doc)
    expect(image).toEqual({ type: 'image', src: '{{ site.baseurl }}/assets/img/arrakis.png', alt: 'walking', caption: '', credit: '', width: 'inline' })
    expect(await served(library, id, image!.src)).toBe(await realpath(join(root, 'assets/img/arrakis.png')))

    const captioned = review.doc.root.children.map((block) => (block === image ? { ...block, caption: 'On Arrakis' } : block))
    await library.save(id, review.meta, { root: { ...review.doc.root, children: captioned } }, review.hash)
    // The image's line is as it was; only the figure around it and the caption are new.
    expect(await git(root, 'diff', '--numstat')).toBe(`4\t0\t_posts/${id}.markdown\n`)
    expect(await readFile(join(root, '_posts', `${id}.markdown`), 'utf8')).toContain('\n:::figure\n![walking]({{ site.baseurl }}/assets/img/arrakis.png)\n\nOn Arrakis\n:::\n\nBigger')
    expect(images((await editable(library, id)).doc)).toEqual([{ ...image, caption: 'On Arrakis' }])

    // Two of the site's three image references write {{ site.baseurl }} (Dune's, and the one inside The Zone of Interest's text).
    const added = await importImage(library, '2024-01-12-anatomy-of-a-fall', 'dog.png', png(3, 3), LIMITS)
    expect(added.path).toMatch(/^\{\{ site\.baseurl \}\}\/assets\/img\/[0-9a-f]{16}\.png$/)
    expect(await changes(root, library)).toEqual([` M _posts/${id}.markdown`, `?? ${added.path.replace('{{ site.baseurl }}/', '')}`])
  })
})

describe('where a site without shared images yet puts an added one', () => {
  async function site(files: Record<string, string>) {
    const root = await mkdtemp(join(tmpdir(), 'verdict-site-'))
    made.push(root)
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true })
      await writeFile(join(root, path), text)
    }
    const library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Ana Critic' })
    await library.list()
    return library
  }

  it('Hugo: static/images/, as /images/…', async () => {
    const library = await site({ 'hugo.toml': 'title = "x"\n', 'content/posts/a.md': '---\ntitle: A\n---\n\nText.\n' })
    const image = await importImage(library, 'a', 'a.png', png(2, 2), LIMITS)
    expect(image.path).toMatch(/^\/images\/[0-9a-f]{16}\.png$/)
    expect(await readFile(join(library.root, 'static', image.path))).toEqual(Buffer.from(png(2, 2)))
    library.close()
  })

  it('Jekyll: assets/images/, as /assets/images/…', async () => {
    const library = await site({ '_config.yml': 'title: x\n', '_posts/2024-01-01-a.md': '---\ntitle: A\n---\n\nText.\n' })
    const image = await importImage(library, '2024-01-01-a', 'a.png', png(2, 2), LIMITS)
    expect(image.path).toMatch(/^\/assets\/images\/[0-9a-f]{16}\.png$/)
    expect(await readFile(join(library.root, image.path))).toEqual(Buffer.from(png(2, 2)))
    library.close()
  })
})

describe('exporting a site’s post', () => {
  it('zips the post with every image it names, its references rewritten in the zip only', async () => {
    const hugo = await openSite('hugo')
    const jekyll = await openSite('jekyll')
    const out = await mkdtemp(join(tmpdir(), 'verdict-zip-'))
    made.push(out)
    const zipped = async ({ library }: typeof hugo, id: string) => {
      await library.list()
      await exportBundle(await loadReviewSource(library, id), join(out, `${id}.zip`))
      const entries = unzipSync(await readFile(join(out, `${id}.zip`)))
      return { text: Buffer.from(entries['review.md']!).toString('utf8'), entries }
    }
    const bytes = async (root: string, path: string) => new Uint8Array(await readFile(join(root, path)))

    const flat = await zipped(hugo, 'perfect-days')
    expect(Object.keys(flat.entries).sort()).toEqual(['assets/komorebi.png', 'review.md'])
    expect(flat.entries['assets/komorebi.png']).toEqual(await bytes(hugo.root, 'static/img/komorebi.png'))
    expect(flat.text).toBe((await readFile(join(hugo.root, 'content/posts/perfect-days.md'), 'utf8')).replaceAll('/img/komorebi.png', 'assets/komorebi.png'))
    const bundle = await zipped(hugo, 'the-holdovers')
    expect(Object.keys(bundle.entries).sort()).toEqual(['assets/paul.png', 'review.md'])
    expect(bundle.text).toContain('{{< figure src="assets/paul.png" caption="Paul Giamatti" >}}')
    expect((await zipped(hugo, 'past-lives')).text).toContain('![Nora at the bar](assets/nora.png)')
    const liquid = await zipped(jekyll, '2024-02-20-dune-part-two')
    expect(liquid.text).toContain('\n![walking](assets/arrakis.png)\n')
    expect(liquid.entries['assets/arrakis.png']).toEqual(await bytes(jekyll.root, 'assets/img/arrakis.png'))
    expect((await zipped(jekyll, '2024-01-12-anatomy-of-a-fall')).text).toContain('url="assets/sandra.png"')

    // The sites themselves are as they were.
    expect((await changes(hugo.root, hugo.library)).filter((line) => !line.startsWith('?? .verdict/'))).toEqual([])
    expect(await changes(jekyll.root, jekyll.library)).toEqual([])
  })

  it('inlines a site’s images into an HTML export, Liquid’s baseurl included', async () => {
    const { library } = await openSite('jekyll')
    await library.list()
    const theme = await loadTheme(STYLE_DIRS, 'classic')
    const { html, post } = await renderForExport(await loadReviewSource(library, '2024-02-20-dune-part-two'), 'inline', { theme })
    expect(post.warnings.filter((warning) => warning.includes('image'))).toEqual([])
    expect(html).toContain(`src="data:image/png;base64,${Buffer.from(await readFile(join(library.root, 'assets/img/arrakis.png'))).toString('base64')}"`)
  })
})
