import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { noisePng } from '../unit/assets/images'
import type { Host } from './host'
import { expect, test } from './fixtures'
import { freePort } from '../support/ports'
import { slow } from '../support/slow'
import { caretAtEnd } from './caret'
import { addFolderBlog, addWebBlog, addWebBlogFromLibrary, closeServer, fakeBlog, fakeWordPress, publishDialog, publishStep } from './blogs'
import { editorText, FIXTURE_ASSETS, FIXTURE_IMAGE as IMAGE, openReview, saveState, seedReview } from './review'

const ROOT = join(import.meta.dirname, '../..')

/** A review with a score and a credited image with alt text: what a critic publishes. */
const BALLERINA = `Ballerina is **stylish** and *bruising*, a revenge story told through movement.

:::score[Overall Score]{value="9.5" scale="10" overall}
Verdict: A stylish, bruising spin-off that earns its place.
:::

:::figure{credit="Lionsgate" width="wide"}
![Eve on a frozen lake at dusk](assets/${IMAGE})

The winter village where the final act unfolds.
:::

The ending stumbles, but the film has earned a great deal of goodwill.
`



/** Every file under `dir` (missing folders hold none). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

/** The planted secret is in none of the library's files, the settings, the host's error log or an export. */
async function expectSecretNowhere(secret: string, host: Host, dirs: string[]): Promise<void> {
  const files = (await Promise.all(dirs.map(filesUnder))).flat()
  expect(files.length).toBeGreaterThan(0)
  for (const file of files) expect(await readFile(file, 'latin1'), file).not.toContain(secret)
  expect(host.errors.join('\n')).not.toContain(secret)
}

test('a critic adds a folder blog, publishes a review with its credited image, and re-publishing updates the same page', async ({ blankPage: page, host, libraryDir, tempDir }) => {
  const site = join(tempDir, 'site')
  await seedReview(libraryDir, 'ballerina', 'Ballerina', BALLERINA, { status: 'ready', image: true })
  await page.goto(host.url)

  // The blog, from the library: a folder outside the library, picked with Browse….
  await page.getByRole('button', { name: 'Blogs' }).click()
  const blogs = page.getByRole('dialog', { name: 'Blogs' })
  await expect(blogs).toContainText('No blog yet')
  // The test host keeps secrets in memory, as a computer without a keyring does: it says so.
  const keyring = blogs.getByRole('region', { name: 'Sign-in details' })
  await expect(keyring).toContainText('keeps sign-in details only until it quits')
  // Keeping them anyway is an explicit choice, after the warning.
  const keep = keyring.getByRole('checkbox', { name: 'Keep sign-in details on this computer without a keyring' })
  await expect(keep).toHaveAccessibleDescription(/anyone who can read your files can read your blog passwords/)
  await expect(keep).not.toBeChecked()
  await keep.check()
  await expect.poll(() => host.services.settings.get().keepSecretsWithoutKeyring).toBe(true)
  await blogs.getByRole('button', { name: 'Add blog' }).click()
  const form = page.getByRole('dialog', { name: 'Add blog' })
  await expect(form.getByRole('radio', { name: /^Folder/ })).toBeChecked()
  await expect(form.getByRole('radio', { name: /^Folder/ })).toHaveAccessibleName(/GitHub Pages, Netlify/)
  await form.getByRole('button', { name: 'Add blog' }).click()
  await expect(form.getByRole('alert').first()).toContainText('Give the blog a name.')
  await form.getByLabel('Name', { exact: true }).fill('My site')
  host.picks.folder = site
  await form.getByRole('button', { name: 'Browse…' }).click()
  await expect(form.getByLabel('Folder', { exact: true })).toHaveValue(site)
  await form.getByRole('button', { name: 'Add blog' }).click()
  await expect(form).toBeHidden()
  const item = blogs.getByRole('listitem', { name: 'My site' })
  await expect(item).toContainText('Folder')
  await expect(item).toContainText(site)
  await expect(item).toContainText('No sign-in needed')
  await blogs.getByRole('button', { name: 'Done' }).click()

  // Publish from the review: checks pass, each step is shown, the page's path is the outcome.
  await openReview(page, 'Ballerina')
  await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
  const dialog = publishDialog(page)
  await expect(dialog.getByRole('combobox', { name: 'Blog' })).toHaveValue(/.+/)
  await expect(dialog.getByRole('combobox', { name: 'Blog' }).getByRole('option', { selected: true })).toHaveText('My site (Folder)')
  await expect(dialog.getByRole('radio', { name: 'Publish now' })).toBeChecked()
  await expect(dialog.getByRole('region', { name: 'Checks' })).toContainText('Ready: nothing to fix.')
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
  const outcome = dialog.getByRole('status')
  await expect(outcome).toContainText('Published on My site.')
  await expect(outcome).toContainText(join(site, 'ballerina.html'))
  await expect(publishStep(dialog, 'Checking the blog')).toContainText('done')
  await expect(publishStep(dialog, `Image assets/${IMAGE}`)).toContainText('done')
  await expect(publishStep(dialog, 'The post')).toContainText('done')
  await expect(publishStep(dialog, 'Checking what the blog shows')).toContainText('done')

  const page1 = await readFile(join(site, 'ballerina.html'), 'utf8')
  expect(page1).toContain('Ballerina')
  expect(page1).toContain('9.5')
  expect(page1).toContain('Lionsgate')
  expect(page1).toContain(`media/${IMAGE}`)
  expect((await stat(join(site, 'media', IMAGE))).size).toBe((await stat(join(FIXTURE_ASSETS, IMAGE))).size)
  expect(await readFile(join(site, 'index.html'), 'utf8')).toContain('href="ballerina.html"')
  expect(await readFile(join(site, 'feed.xml'), 'utf8')).toContain('<title type="text">Ballerina</title>')
  // Main marked the review published; the editor took that over, so no save writes the old status back.
  await expect(page.getByRole('banner')).toContainText('Published')
  const record = await readFile(join(libraryDir, 'ballerina', 'review.md'), 'utf8')
  expect(record).toMatch(/^status: published$/m)
  expect(record).toMatch(/^published:$/m)

  // An edit, then publishing again: the same page is updated, the image is not copied again.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await caretAtEnd(editorText(page).getByText('The ending stumbles'))
  await page.keyboard.type(' A second look only helps.')
  await expect.poll(() => readFile(join(libraryDir, 'ballerina', 'review.md'), 'utf8')).toContain('A second look only helps.')
  await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
  const already = dialog.getByRole('region', { name: 'Already published' }).getByRole('listitem', { name: 'My site' })
  await expect(already).toContainText('Live')
  await expect(already).toContainText(join(site, 'ballerina.html'))
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText('Published on My site.')
  await expect(publishStep(dialog, `Image assets/${IMAGE}`)).toContainText('skipped')
  await expect(publishStep(dialog, `Image assets/${IMAGE}`)).toContainText('Already on the blog.')
  expect(await readFile(join(site, 'ballerina.html'), 'utf8')).toContain('A second look only helps.')
  expect((await readdir(site)).filter((name) => name.endsWith('.html')).sort()).toEqual(['ballerina.html', 'index.html'])
  expect((await readFile(join(site, 'index.html'), 'utf8')).match(/href="ballerina\.html"/g)).toHaveLength(1)
  expect((await readFile(join(site, 'feed.xml'), 'utf8')).match(/<entry>/g)).toHaveLength(1)

  // The publish log keeps both runs.
  await dialog.getByRole('button', { name: 'Publish log' }).click()
  const log = dialog.getByRole('list', { name: 'Publish log' })
  await expect(log.getByRole('listitem').filter({ hasText: 'The post' }).filter({ hasText: 'done' })).toHaveCount(2)

  // The next save builds on the file main rewrote: no conflict, and the record stays.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await caretAtEnd(editorText(page).getByText('A second look only helps.'))
  await page.keyboard.type(' Still saving.')
  await expect.poll(() => readFile(join(libraryDir, 'ballerina', 'review.md'), 'utf8')).toContain('Still saving.')
  await expect(saveState(page)).toHaveText('Saved')
  const saved = await readFile(join(libraryDir, 'ballerina', 'review.md'), 'utf8')
  expect(saved).toMatch(/^published:$/m)
  expect(saved).toMatch(/^status: published$/m)
})

test('an image without alt text blocks publishing, with the problem and its fix', async ({ blankPage: page, host, libraryDir, tempDir }) => {
  await seedReview(libraryDir, 'heat', 'Heat', `Mann's best film.\n\n![](assets/${IMAGE})\n`, { status: 'ready', image: true })
  await page.goto(host.url)
  await openReview(page, 'Heat')
  await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
  const dialog = publishDialog(page)

  // No blog yet: the dialog offers to add one, and chooses it once added.
  await expect(dialog).toContainText('No blog is set up for this library yet.')
  await addFolderBlog(dialog, 'Pages', join(tempDir, 'pages'))

  const problem = dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem')
  await expect(problem).toHaveCount(1)
  await expect(problem).toContainText(`The image assets/${IMAGE} has no alt text.`)
  await expect(problem).toContainText('Describe the image in its “Alt text” field')
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
  const stopped = dialog.getByRole('status')
  await expect(stopped).toContainText('Not published: fix these first.')
  await expect(stopped.getByRole('list', { name: 'What stopped publishing' })).toContainText('has no alt text')
  expect(await readdir(join(tempDir, 'pages'))).toEqual([])

  // Fixed in the editor, the check passes and the review goes out.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await editorText(page).getByRole('group', { name: /^Image/ }).getByLabel('Alt text').fill('Pacino and De Niro at the diner')
  await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
  await expect(dialog.getByRole('region', { name: 'Checks' })).toContainText('Ready: nothing to fix.')
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText('Published on Pages.')
  expect(await readFile(join(tempDir, 'pages', 'heat.html'), 'utf8')).toContain('Pacino and De Niro at the diner')
})

test('a WordPress blog that refuses the password shows its own message and asks for the password again; the password is written nowhere', async ({ blankPage: page, host, libraryDir, tempDir }) => {
  const secret = `planted-secret-${randomBytes(8).toString('hex')}`
  const wordpress = await fakeBlog((_req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ code: 'incorrect_password', message: 'The provided password is an invalid application password.', data: { status: 401 } }))
  })
  try {
    await seedReview(libraryDir, 'ballerina', 'Ballerina', BALLERINA, { status: 'ready', image: true })
    await page.goto(host.url)
    await page.getByRole('button', { name: 'Blogs' }).click()
    await page.getByRole('dialog', { name: 'Blogs' }).getByRole('button', { name: 'Add blog' }).click()
    await addWebBlog(page, { kind: /^WordPress/, name: 'Old WordPress', url: wordpress.url, username: 'ana', secretLabel: 'Application password', secret })
    await expect(page.getByRole('dialog', { name: 'Blogs' }).getByRole('listitem', { name: 'Old WordPress' })).toContainText('Signed in')
    await page.getByRole('dialog', { name: 'Blogs' }).getByRole('button', { name: 'Done' }).click()

    await openReview(page, 'Ballerina')
    await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
    const dialog = publishDialog(page)
    // The check already asks the blog, and says what it answered.
    const problem = dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem')
    await expect(problem).toContainText('The provided password is an invalid application password.')
    await expect(problem.getByRole('button', { name: 'Open Blogs' })).toBeVisible()

    await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
    const refusal = dialog.getByRole('alert').filter({ hasText: 'refused the sign-in' })
    await expect(refusal).toContainText('Old WordPress refused the sign-in')
    await expect(refusal).toContainText('The provided password is an invalid application password.')
    await dialog.getByRole('button', { name: 'Publish log' }).click()
    await expect(dialog.getByRole('list', { name: 'Publish log' })).toContainText('The provided password is an invalid application password.')

    // The way back: the blog's form, where the password can be entered again.
    await refusal.getByRole('button', { name: 'Enter the sign-in details again' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit “Old WordPress”' })
    await expect(edit.getByLabel('Application password', { exact: true })).toHaveValue('')
    await expect(edit.getByLabel('User name', { exact: true })).toHaveValue('ana')
    await edit.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('dialog', { name: 'Blogs' }).getByRole('button', { name: 'Done' }).click()

    // The password did reach the blog (in the Basic header) …
    expect(wordpress.seen.some((request) => request.authorization === `Basic ${Buffer.from(`ana:${secret}`).toString('base64')}`)).toBe(true)
    // … and nothing Verdict wrote holds it: the library, the settings, the log, an export.
    const exported = join(tempDir, 'export')
    await host.services.pages.exportReviews({ ids: ['ballerina'], format: 'html-folder', destDir: exported, theme: 'classic', colorScheme: 'light', pageSize: 'A4', marginsMm: 18 })
    await expectSecretNowhere(secret, host, [libraryDir, join(tempDir, 'settings'), exported])

    // Removing the blog asks first, and deletes nothing on the blog.
    await dialog.getByRole('button', { name: 'Blogs', exact: true }).click()
    const blogs = page.getByRole('dialog', { name: 'Blogs' })
    await blogs.getByRole('listitem', { name: 'Old WordPress' }).getByRole('button', { name: 'Remove' }).click()
    const confirm = page.getByRole('dialog', { name: 'Remove “Old WordPress”?' })
    await expect(confirm).toContainText('Nothing on the blog is deleted')
    await confirm.getByRole('button', { name: 'Remove' }).click()
    await expect(blogs).toContainText('No blog yet')
    await blogs.getByRole('button', { name: 'Done' }).click()
    await expect(dialog).toContainText('No blog is set up for this library yet.')
  } finally {
    await closeServer(wordpress.server)
  }
})

test('a Micropub blog that cannot be reached waits in the outbox, and Send now publishes once it is up', async ({ blankPage: page, host, libraryDir, tempDir }) => {
  test.setTimeout(slow(180_000))
  const token = `planted-secret-${randomBytes(8).toString('hex')}`
  const port = await freePort()
  const site = `http://127.0.0.1:${port}/`
  let server: ChildProcess | undefined
  try {
    await seedReview(libraryDir, 'ballerina', 'Ballerina', BALLERINA, { status: 'ready', image: true })
    await page.goto(host.url)
    await openReview(page, 'Ballerina')
    await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
    const dialog = publishDialog(page)
    await dialog.getByRole('button', { name: 'Add blog' }).click()
    await addWebBlog(page, { kind: /^Micropub/, name: 'Notes', url: site, secretLabel: 'Access token', secret: token })
    await page.getByRole('dialog', { name: 'Blogs' }).getByRole('button', { name: 'Done' }).click()
    await expect(dialog.getByRole('list', { name: 'Problems' })).toContainText('could not be reached')

    await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
    // Retried with backoff first, then queued.
    await expect(dialog.getByRole('status')).toContainText('Waiting in the outbox: will be sent when Notes can be reached.', { timeout: slow(30_000) })
    await expect(dialog.getByRole('status')).toContainText(`127.0.0.1:${port} could not be reached`)
    await expect(publishStep(dialog, 'Checking the blog')).toContainText('failed')
    await dialog.getByRole('button', { name: 'Close' }).click()
    const indicator = page.getByRole('contentinfo').getByRole('button', { name: '1 waiting to publish' })
    await expect(indicator).toBeVisible()

    // The blog comes up: the real Micropub test site, on the port the blog points at.
    server = spawn(process.execPath, [join(ROOT, 'scripts/blogs/micropub/server.mjs')], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), MICROPUB_TOKEN: token, MICROPUB_STORE: join(tempDir, 'micropub-site') },
      stdio: 'ignore',
    })
    await expect.poll(() => fetch(site).then((response) => response.status, () => 0), { timeout: slow(20_000) }).toBe(200)

    await indicator.click()
    const outbox = page.getByRole('dialog', { name: 'Waiting to publish' })
    await expect(outbox.getByRole('listitem', { name: '“ballerina” to Notes' })).toContainText('could not be reached')
    await outbox.getByRole('button', { name: 'Send now' }).click()
    await expect(outbox.getByRole('status')).toHaveText('Everything has been sent.', { timeout: slow(30_000) })
    await outbox.getByRole('button', { name: 'Close' }).click()
    await expect(page.getByRole('button', { name: /waiting to publish/ })).toHaveCount(0)

    // Exactly one post, live on the site with its image; the review knows where.
    const markdown = await readFile(join(libraryDir, 'ballerina', 'review.md'), 'utf8')
    const url = /^\s+url: ['"]?(http:\/\/127\.0\.0\.1:\d+\/[^'"\s]+)/m.exec(markdown)?.[1]
    expect(url).toBeDefined()
    const post = await fetch(url!)
    expect(post.status).toBe(200)
    const html = await post.text()
    expect(html).toContain('Ballerina')
    expect(html).toContain('Lionsgate')
    const list = (await (await fetch(`${site}micropub?q=source`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: unknown[] }
    expect(list.items).toHaveLength(1)

    await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
    await expect(dialog.getByRole('region', { name: 'Already published' }).getByRole('listitem', { name: 'Notes' })).toContainText(url!)
    await dialog.getByRole('button', { name: 'Close' }).click()

    await expectSecretNowhere(token, host, [libraryDir, join(tempDir, 'settings')])
  } finally {
    server?.kill()
  }
})

test.describe('in Berlin', () => {
  // A context of its own, in that time zone.
  test.use({ ownContext: { timezoneId: 'Europe/Berlin' } })

  test('a scheduled publish is picked in the critic\'s time zone and sent as that instant with the zone', async ({ blankPage: page, host, libraryDir, tempDir }) => {
    await seedReview(libraryDir, 'ballerina', 'Ballerina', BALLERINA, { status: 'ready', image: true })
    await page.goto(host.url)
    await openReview(page, 'Ballerina')
    await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
    const dialog = publishDialog(page)
    await addFolderBlog(dialog, 'My site', join(tempDir, 'site'))

    await dialog.getByRole('radio', { name: 'Schedule' }).check()
    const when = dialog.getByLabel('Publish at', { exact: true })
    await expect(when).toHaveAccessibleDescription('In your time zone, Europe/Berlin.')
    await when.fill('2031-01-15T09:30')
    await expect(dialog.getByRole('region', { name: 'Checks' })).toContainText('Ready: nothing to fix.')
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
    await expect(dialog.getByRole('status')).toContainText(/Scheduled on My site for Jan 15, 2031, 9:30\s?AM GMT\+1\./)

    // 09:30 in Berlin in winter is 08:30 UTC; the record keeps the zone it was chosen in.
    const markdown = await readFile(join(libraryDir, 'ballerina', 'review.md'), 'utf8')
    expect(markdown).toMatch(/scheduled:\n\s+at: ['"]?2031-01-15T08:30:00\.000Z['"]?\n\s+zone: Europe\/Berlin/)
    // A folder cannot go live by itself: the page is written, but not listed before its time.
    expect(await readFile(join(tempDir, 'site', 'index.html'), 'utf8')).not.toContain('ballerina.html')

    // Opened again, the dialog keeps the schedule and shows it in the critic's zone.
    await dialog.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
    await expect(dialog.getByRole('radio', { name: 'Schedule' })).toBeChecked()
    await expect(dialog.getByLabel('Publish at', { exact: true })).toHaveValue('2031-01-15T09:30')
    await expect(dialog.getByRole('region', { name: 'Already published' })).toContainText(/Scheduled for Jan 15, 2031, 9:30\s?AM GMT\+1/)
  })
})

test('an image larger than the blog accepts is downscaled from the check, in the text, and saved', async ({ blankPage: page, host, libraryDir }) => {
  const wordpress = await fakeWordPress()
  try {
    await mkdir(join(libraryDir, 'poster', 'assets'), { recursive: true })
    const big = noisePng(1800, 1800)
    expect(big.length).toBeGreaterThan(8 * 1024 * 1024)
    await writeFile(join(libraryDir, 'poster', 'assets', 'poster.png'), big)
    await writeFile(
      join(libraryDir, 'poster', 'review.md'),
      `---\ntitle: Poster\nauthor: Ana Critic\ndate: 2026-11-20\nstatus: draft\ntags: []\nexcerpt: ''\ncreated: 2026-11-20T09:00:00.000Z\nupdated: 2026-11-20T09:00:00.000Z\n---\n\nThe poster says it all.\n\n![The poster in grain](assets/poster.png)\n`,
    )
    await page.goto(host.url)
    await addWebBlogFromLibrary(page, { kind: /^WordPress/, name: 'Press', url: wordpress.url, username: 'ana', secretLabel: 'Application password', secret: 'xxxx yyyy zzzz' })

    await openReview(page, 'Poster')
    await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
    const dialog = publishDialog(page)
    const problem = dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem')
    await expect(problem).toContainText('The image assets/poster.png')
    await expect(problem).toContainText('is larger than Press accepts (8.0 MB)')
    await problem.getByRole('button', { name: 'Downscale' }).click()
    await expect(dialog.getByRole('region', { name: 'Checks' })).toContainText('Ready: nothing to fix.', { timeout: slow(30_000) })

    // The text points at the smaller copy, saved; the original file stays (history may use it).
    const markdown = await readFile(join(libraryDir, 'poster', 'review.md'), 'utf8')
    const smaller = /!\[The poster in grain\]\((assets\/[0-9a-f]{16}\.webp)\)/.exec(markdown)?.[1]
    expect(smaller).toBeDefined()
    expect((await stat(join(libraryDir, 'poster', smaller!))).size).toBeLessThan(8 * 1024 * 1024)
    await expect(editorText(page).getByRole('img', { name: 'The poster in grain' })).toHaveAttribute('src', new RegExp(smaller!.replace('.', '\\.')))
  } finally {
    await closeServer(wordpress.server)
  }
})

test('a new review published right after its title is typed: the check and the publish ask for the folder the title moved it to, which stays', async ({ blankPage: page, host, libraryDir, tempDir }) => {
  await host.services.blogs.save({ name: 'Pages', kind: 'folder', url: join(tempDir, 'pages') })
  await page.goto(host.url)
  // The review ids the dialog sends to main.
  const asked: Array<[string, unknown]> = []
  page.on('request', (request) => {
    const channel = /\/__ipc\/(preflightPublish|publishReview)$/.exec(new URL(request.url()).pathname)?.[1]
    if (channel) asked.push([channel, (request.postDataJSON() as { args: { id: unknown } }).args.id])
  })
  await page.getByRole('button', { name: 'New review' }).click()
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeFocused()
  await page.keyboard.type('Heat')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Mann’s best film.')
  // Before autosave: the dialog's own save moves the folder from untitled-review/ to heat/.
  await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
  const dialog = publishDialog(page)
  await expect(dialog.getByRole('region', { name: 'Checks' })).toContainText('Ready: nothing to fix.')
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText('Published on Pages.')
  expect(asked).toEqual([
    ['preflightPublish', 'heat'],
    ['publishReview', 'heat'],
  ])
  expect(await readFile(join(tempDir, 'pages', 'heat.html'), 'utf8')).toContain('Mann’s best film.')
  // Published: the name is kept from now on.
  expect(await readdir(join(libraryDir, 'heat'))).not.toContain('.name-follows-title')
  expect((await readdir(libraryDir)).filter((name) => !name.startsWith('.')).sort()).toEqual(['heat', 'welcome-to-verdict'])
  expect(host.errors).toEqual([])
})

test('the critic dates the post with the review’s date, signed by its author: the page, the index, the feed and the review say that day and name', async ({ blankPage: page, host, libraryDir, tempDir }) => {
  await seedReview(libraryDir, 'heat', 'Heat', `Mann's best film.\n`, { status: 'ready' })
  await page.goto(host.url)
  await openReview(page, 'Heat')
  await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
  const dialog = publishDialog(page)
  await addFolderBlog(dialog, 'Pages', join(tempDir, 'pages'))

  const dates = dialog.getByRole('radiogroup', { name: 'Date on the post' })
  await expect(dates.getByRole('radio', { name: /^The day it goes live/ })).toBeChecked()
  // The review's date (2026-11-20), in the critic's words for a day.
  await dates.getByRole('radio', { name: /^The review’s date, .*2026/ }).check()
  // A folder's pages are the review's own: signed by its author, with no choice to make.
  const byline = dialog.getByRole('region', { name: 'Byline' })
  await expect(byline).toContainText('The post is signed Ana Critic.')
  await expect(byline.getByRole('radiogroup')).toHaveCount(0)
  await expect(dialog.getByRole('region', { name: 'Checks' })).toContainText('Ready: nothing to fix.')
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText('Published on Pages.')

  const site = join(tempDir, 'pages')
  expect(await readFile(join(site, 'heat.html'), 'utf8')).toContain('<time class="post-date" datetime="2026-11-20">')
  expect(await readFile(join(site, 'index.html'), 'utf8')).toMatch(/<time datetime="2026-11-20T[^"]*">2026-11-20<\/time>/)
  expect(await readFile(join(site, 'feed.xml'), 'utf8')).toMatch(/<published>2026-11-20T/)
  expect(await readFile(join(libraryDir, 'heat', 'review.md'), 'utf8')).toMatch(/^date: 2026-11-20$/m)
  // One byline too: the page, the index and the feed name the review's author.
  expect(await readFile(join(site, 'heat.html'), 'utf8')).toContain('Ana Critic')
  expect(await readFile(join(site, 'index.html'), 'utf8')).toContain(' · Ana Critic')
  expect(await readFile(join(site, 'feed.xml'), 'utf8')).toContain('<author><name>Ana Critic</name></author>')
})
