/**
 * A Hugo site opened as a library through the UI: its layout is detected and shown, its posts are
 * listed with their titles and scores, choosing another layout lists what that layout sees, and a
 * post's image from the site's static/ shows in the editor and the preview (alone, and beside text), and
 * one inside a Jekyll paragraph is edited there (typed beside, its alt text, deleted). A post's site
 * images are published with it, and one too large for a blog is replaced by a smaller copy the site's
 * way; the publish records stay in .verdict/, so git sees nothing of a publish, finished or stopped.
 */
import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { noisePng } from '../unit/assets/images'
import { git } from '../support/git'
import { addFolderBlog, addWebBlogFromLibrary, closeServer, fakeBlog, publishDialog } from './blogs'
import { expectClean } from './axe'
import { caretAtEnd } from './caret'
import { browseTo, expect, test } from './fixtures'
import type { Host } from './host'
import { editorText, openReview } from './review'

const SITES = join(import.meta.dirname, '../unit/library/sites')

/** A copy of one of the small sites in `dir`, committed to git as the critic keeps it. */
async function siteIn(dir: string, name: 'hugo' | 'jekyll'): Promise<string> {
  const site = join(dir, name)
  await cp(join(SITES, name), site, { recursive: true })
  await git(site, 'init', '-q')
  await git(site, 'add', '-A')
  await git(site, 'commit', '-q', '-m', 'The site as the critic keeps it')
  return site
}

/** Opens the folder as the library with Switch library…. */
async function openLibrary(page: Page, host: Host, folder: string): Promise<void> {
  await page.getByRole('button', { name: 'Switch library…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Switch library' })
  await browseTo(host, dialog, 'Library folder', 'folder', folder)
  await dialog.getByRole('button', { name: 'Open library' }).click()
  await expect(dialog).toBeHidden()
}

/** What git sees changed in the site, untracked files one by one; Verdict's own .verdict/ aside. */
async function changes(site: string): Promise<string[]> {
  const lines = (await git(site, 'status', '--porcelain', '--untracked-files=all')).split('\n')
  return lines.filter((line) => line && !line.startsWith('?? .verdict/')).sort()
}

test('a Hugo site opens in its own layout, which can be changed', async ({ page, host, tempDir }) => {
  const site = join(tempDir, 'reel-notes')
  await cp(join(SITES, 'hugo'), site, { recursive: true })
  await openLibrary(page, host, site)

  const nav = page.getByRole('navigation', { name: 'Library' })
  const layout = nav.getByLabel('Layout')
  await expect(layout).toHaveValue('bundle')
  await expect(nav).toContainText('Reviews in content/posts')
  const list = page.getByRole('list', { name: 'Reviews' })
  for (const [title, score] of [['Past Lives', '9'], ['Perfect Days', '7.5'], ['The Holdovers', '8']]) {
    await expect(list.getByRole('listitem', { name: title, exact: true })).toContainText(score!)
  }

  // Verdict's own layout sees no review folders here; the choice is kept in .verdict/.
  await layout.selectOption({ label: 'Verdict folders' })
  await expect(list.getByRole('listitem')).toHaveCount(0)
  expect(JSON.parse(await readFile(join(site, '.verdict', 'layout.json'), 'utf8'))).toMatchObject({ kind: 'verdict', content: 'content/posts' })
  await layout.selectOption({ label: 'Hugo page bundles' })
  await expect(list.getByRole('listitem', { name: 'Perfect Days', exact: true })).toBeVisible()
  await list.getByRole('listitem', { name: 'Perfect Days', exact: true }).getByRole('button', { name: 'Open' }).click()
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Perfect Days')

  // `/img/komorebi.png` is Hugo's static/img/komorebi.png: an image block in the editor and an image in the preview.
  const loaded = (image: Locator) => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)
  const figure = page.getByRole('group', { name: 'Image: Light through the leaves' })
  await expect.poll(() => loaded(figure.getByRole('img', { name: 'Light through the leaves' }))).toBeGreaterThan(0)
  await page.getByRole('button', { name: 'Preview', exact: true }).click()
  const post = page.getByTitle('Preview', { exact: true }).contentFrame()
  await expect.poll(() => loaded(post.getByRole('img', { name: 'Light through the leaves' }))).toBeGreaterThan(0)
  await expect.poll(() => loaded(post.getByRole('img', { name: 'tree' }))).toBeGreaterThan(0)
  // The same image beside text is an image in the editor's line too.
  await expect.poll(() => loaded(editorText(page).getByRole('img', { name: 'tree' }))).toBeGreaterThan(0)
})

test('a site’s post is published with its images from static/: their bytes arrive on the blog, the site keeps its files and the records stay in .verdict/', async ({ page, host, tempDir }) => {
  const site = await siteIn(tempDir, 'hugo')
  const post = join(site, 'content/posts/perfect-days.md')
  const before = await readFile(post)
  await openLibrary(page, host, site)
  await openReview(page, 'Perfect Days')
  await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
  const dialog = publishDialog(page)
  const pages = join(tempDir, 'pages')
  await addFolderBlog(dialog, 'Pages', pages)
  await expect(dialog.getByRole('region', { name: 'Checks' })).toContainText('Ready: nothing to fix.')
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText('Published on Pages.')

  // static/img/komorebi.png went with the post, byte for byte, and the page shows it from there.
  const [media, ...more] = await readdir(join(pages, 'media'))
  expect(more).toEqual([])
  expect(await readFile(join(pages, 'media', media!))).toEqual(await readFile(join(site, 'static/img/komorebi.png')))
  expect(await readFile(join(pages, 'perfect-days.html'), 'utf8')).toContain(`src="media/${media}"`)
  // The publish record is in .verdict/: the post is byte for byte as it was, and git sees nothing.
  await expect(page.getByRole('banner')).toContainText('Published')
  expect(await changes(site)).toEqual([])
  expect(await readFile(post)).toEqual(before)

  // The library reads it there: the post is published, and the Publish dialog of the post opened
  // again knows its address, so publishing again updates the same page.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('button', { name: 'Library', exact: true }).click()
  const row = page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: 'Perfect Days', exact: true })
  await expect(row).toContainText('Published')
  await openReview(page, 'Perfect Days')
  await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
  const already = dialog.getByRole('region', { name: 'Already published' }).getByRole('listitem', { name: 'Pages' })
  await expect(already).toContainText('Live')
  await expect(already).toContainText(join(pages, 'perfect-days.html'))
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText('Published on Pages.')
  expect((await readdir(pages)).filter((name) => name.endsWith('.html')).sort()).toEqual(['index.html', 'perfect-days.html'])
  expect(await changes(site)).toEqual([])
  expect(await readFile(post)).toEqual(before)
})

test('an image of the site too large for a blog is replaced by a smaller copy where the site keeps its images, the post written as the site writes it', async ({ page, host, tempDir }) => {
  const site = await siteIn(tempDir, 'jekyll')
  const still = noisePng(160, 160)
  await writeFile(join(site, 'assets/img/arrakis.png'), still)
  await git(site, 'commit', '-q', '-a', '-m', 'The still at full size')
  // A WordPress whose PHP refuses the upload as too big (a limit it does not announce): signed in, no posts, no users, and a 413 for the image.
  const wordpress = await fakeBlog((req, res) => {
    const url = decodeURIComponent(req.url ?? '')
    const upload = req.method === 'POST' && url.includes('/wp/v2/media')
    res.writeHead(upload ? 413 : 200, { 'content-type': 'application/json' })
    if (upload) res.end(JSON.stringify({ code: 'rest_upload_file_too_big', message: 'The file is too big for this site' }))
    else res.end(JSON.stringify(url.includes('/wp/v2/users/me') ? { id: 1, name: 'ana', slug: 'ana', capabilities: { publish_posts: true, upload_files: true } } : []))
  })
  try {
    await openLibrary(page, host, site)
    await addWebBlogFromLibrary(page, { kind: /^WordPress/, name: 'Press', url: wordpress.url, username: 'ana', secretLabel: 'Application password', secret: 'xxxx yyyy zzzz' })

    await openReview(page, 'Dune: Part Two')
    await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
    const dialog = publishDialog(page)
    await expect(dialog.getByRole('region', { name: 'Checks' })).toContainText('Ready: nothing to fix.')
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
    const problem = dialog.getByRole('list', { name: 'What stopped publishing' }).getByRole('listitem')
    await expect(problem).toContainText('The file is too big for this site')
    // The publish that stopped kept its record in .verdict/: git sees nothing of it.
    expect(await changes(site)).toEqual([])
    await problem.getByRole('button', { name: 'Downscale' }).click()

    // The copy is in assets/img/ beside the site's others; the post's reference keeps its Liquid, and only its line changed.
    const post = '_posts/2024-02-20-dune-part-two.markdown'
    const smallerIn = async () => /!\[walking\]\(\{\{ site\.baseurl \}\}\/(assets\/img\/[0-9a-f]{16}\.webp)\)/.exec(await readFile(join(site, post), 'utf8'))?.[1]
    await expect.poll(smallerIn).toBeDefined()
    const smaller = await smallerIn()
    expect((await stat(join(site, smaller!))).size).toBeLessThan(still.length / 2)
    expect(await changes(site)).toEqual([` M ${post}`, `?? ${smaller}`])
    // Only the image's line changed: the record of the publish that stopped is in .verdict/, not in the post.
    const body = (await git(site, 'diff', '-U0', post)).split('\n').filter((line) => /^[-+](?![-+])/.test(line))
    expect(body).toEqual(['-![walking]({{ site.baseurl }}/assets/img/arrakis.png)', `+![walking]({{ site.baseurl }}/${smaller})`])
    await expect(editorText(page).getByRole('img', { name: 'walking' })).toHaveAttribute('src', new RegExp(smaller!.split('/').at(-1)!.replace('.', '\\.')))
  } finally {
    await closeServer(wordpress.server)
  }
})

test('an image inside a Jekyll post’s paragraph is an image in the line: typed beside, its alt text changed, copied, pasted and deleted, each save changes only its lines', async ({ page, host, tempDir }) => {
  const site = await siteIn(tempDir, 'jekyll')
  const post = '_posts/2023-12-25-the-zone-of-interest.md'
  const missing = 'A still that is gone ![The old house](/assets/img/gone.png) from the site.'
  await writeFile(join(site, post), `${await readFile(join(site, post), 'utf8')}\n${missing}\n`)
  await git(site, 'commit', '-q', '-a', '-m', 'A post naming an image the site no longer has')
  await openLibrary(page, host, site)
  await openReview(page, 'The Zone of Interest')

  // {{ site.baseurl }}/assets/img/sandra.png, from the site's folder, shown in the line of text; a
  // missing one is its alt text and "image not found".
  const image = editorText(page).getByRole('img', { name: 'The garden wall' })
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
  expect((await image.boundingBox())?.width).toBeGreaterThan(0)
  const gone = editorText(page).getByRole('img', { name: 'The old house (image not found)' })
  await expect(gone).toContainText('image not found')
  await expectClean(page)

  const bodyDiff = async () => (await git(site, 'diff', '-U0', post)).split('\n').filter((line) => /^[-+](?![-+])/.test(line))
  const line = 'Behind the garden wall ![The garden wall]({{ site.baseurl }}/assets/img/sandra.png) the camps go on.'
  await caretAtEnd(editorText(page).getByText(/the camps go on\./))
  await page.keyboard.type(' Unbearable.')
  await expect.poll(() => readFile(join(site, post), 'utf8')).toContain('go on. Unbearable.')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  expect(await bodyDiff()).toEqual([`-${line}`, `+${line} Unbearable.`])

  await page.getByRole('button', { name: 'Alt text of The garden wall' }).click()
  const dialog = page.getByRole('dialog', { name: 'Alt text' })
  await dialog.getByRole('textbox', { name: 'Alt text' }).fill('The wall of the camp')
  await dialog.getByRole('button', { name: 'Save' }).click()
  const renamed = editorText(page).getByRole('img', { name: 'The wall of the camp' })
  await expect(renamed).toBeVisible()
  const written = '![The wall of the camp]({{ site.baseurl }}/assets/img/sandra.png)'
  await expect.poll(bodyDiff).toEqual([`-${line}`, `+${line.replace('![The garden wall]({{ site.baseurl }}/assets/img/sandra.png)', written)} Unbearable.`])

  // A click selects the image whole: copied as HTML and pasted at the end of the first paragraph, it is
  // the same image there; Backspace then removes the one selected and nothing else.
  await renamed.click()
  await page.evaluate(() => {
    const into = window as unknown as { copied?: string }
    document.addEventListener('copy', (event) => (into.copied = event.clipboardData?.getData('text/html') ?? ''), { once: true })
  })
  await page.keyboard.press('ControlOrMeta+c')
  await page.waitForFunction(() => (window as unknown as { copied?: string }).copied !== undefined)
  const html = await page.evaluate(() => (window as unknown as { copied?: string }).copied ?? '')
  await caretAtEnd(editorText(page).getByText('The horror is all in the sound design.'))
  await editorText(page).evaluate((root, markup) => {
    const data = new DataTransfer()
    data.setData('text/html', markup)
    root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, html)
  await expect(editorText(page).getByRole('img', { name: 'The wall of the camp' })).toHaveCount(2)
  const first = 'The horror is all in the sound design.'
  await expect.poll(bodyDiff).toEqual([`-${first}`, `+${first}${written}`, `-${line}`, `+${line.replace('![The garden wall]({{ site.baseurl }}/assets/img/sandra.png)', written)} Unbearable.`])

  await editorText(page).getByRole('img', { name: 'The wall of the camp' }).last().click()
  await page.keyboard.press('Backspace')
  await expect.poll(bodyDiff).toEqual([`-${first}`, `+${first}${written}`, `-${line}`, '+Behind the garden wall  the camps go on. Unbearable.'])
  expect(await changes(site)).toEqual([` M ${post}`])
})
