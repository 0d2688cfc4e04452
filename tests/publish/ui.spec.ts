/**
 * The whole publish flow from the UI against the real WordPress and Ghost that
 * scripts/test-publish.mjs starts on loopback: the critic adds the blog in Blogs, opens a review with
 * a score and a credited image, presses Publish, watches each step finish and gets the post's link;
 * a reader then finds the post live with its image and score. An edit published again from the UI
 * updates that one post. Titles and the image are this run's own, so the counts are of this run.
 */
import { createHash, randomInt, randomUUID } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readState } from '../../scripts/blogs/lib.mjs'
import { adminAuthorization } from '../../src/main/services/publish/targets/ghost'
import { expect, test } from '../e2e/fixtures'
import { png } from '../unit/assets/images'
import { page as read } from './publicPage'
import { slow } from '../support/slow'
import { addWebBlog, publishDialog, publishStep, type WebBlogForm } from '../e2e/blogs'
import { editorText } from '../e2e/review'

const run = randomUUID().slice(0, 8)
const TITLE_OF = { wordpress: `Ballerina ${run} on WordPress`, ghost: `Ballerina ${run} on Ghost` }
const EDIT = `A second look only helps (${run}).`

/** Writes `<library>/<folder>/review.md` with a score and one credited image with alt text; gives the image's path. */
async function seed(libraryDir: string, folder: string, title: string): Promise<string> {
  // A width of this run's own makes the image new to the blog.
  const bytes = png(randomInt(20, 2000), 3)
  const image = `assets/${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.png`
  await mkdir(join(libraryDir, folder, 'assets'), { recursive: true })
  await writeFile(join(libraryDir, folder, image), bytes)
  await writeFile(
    join(libraryDir, folder, 'review.md'),
    `---
title: ${title}
author: Ana Critic
date: 2026-11-20
status: ready
tags: [film, ballerina ${run}]
excerpt: ''
created: 2026-11-20T09:00:00.000Z
updated: 2026-11-20T09:00:00.000Z
---

Ballerina is **stylish** and *bruising*, a revenge story told through movement.

:::score[Overall Score]{value="9.5" scale="10" overall}
Verdict: A stylish, bruising spin-off that earns its place.
:::

:::figure{credit="Lionsgate" width="wide"}
![Eve on a frozen lake at dusk](${image})

The winter village where the final act unfolds.
:::

The ending stumbles, but the film has earned a great deal of goodwill.
`,
  )
  return image
}


interface Blog extends WebBlogForm {
  /** The name the blog signs the account's posts with. */
  account: string
  /** Where the blog serves uploaded images. */
  uploads: string
  /** The bodies (as HTML) of every post on the blog titled `title`. */
  postsTitled(title: string): Promise<string[]>
}

function wordpress(): Blog {
  const state = readState<{ url: string; username: string; secret: string }>('wordpress')
  const authorization = `Basic ${Buffer.from(`${state.username}:${state.secret}`).toString('base64')}`
  return {
    kind: /^WordPress/,
    name: 'Test WordPress',
    url: state.url,
    username: state.username,
    account: state.username,
    secretLabel: 'Application password',
    secret: state.secret,
    uploads: `${state.url}/wp-content/uploads/`,
    async postsTitled(title) {
      const url = new URL(`${state.url}/`)
      url.searchParams.set('rest_route', '/wp/v2/posts')
      for (const [name, value] of Object.entries({ search: title, status: 'any', context: 'edit', per_page: '100' })) url.searchParams.set(name, value)
      const response = await fetch(url, { headers: { authorization } })
      expect(response.status).toBe(200)
      const posts = (await response.json()) as Array<{ title: { raw: string }; content: { raw: string } }>
      return posts.filter((post) => post.title.raw === title).map((post) => post.content.raw)
    },
  }
}

function ghost(): Blog {
  const state = readState<{ url: string; secret: string }>('ghost')
  return {
    kind: /^Ghost/,
    name: 'Test Ghost',
    url: state.url,
    // The owner scripts/blogs/ghost.mjs sets up: an integration's posts are signed by the owner.
    account: 'Verdict Tests',
    secretLabel: 'Admin API key',
    secret: state.secret,
    uploads: `${state.url}/content/images/`,
    async postsTitled(title) {
      const filter = encodeURIComponent(`title:'${title.replace(/'/g, "\\'")}'`)
      const response = await fetch(`${state.url}/ghost/api/admin/posts/?filter=${filter}&formats=html&limit=all`, {
        headers: { Authorization: adminAuthorization(state.secret), 'Accept-Version': 'v5.0' },
      })
      expect(response.status).toBe(200)
      const { posts } = (await response.json()) as { posts: Array<{ title: string; html: string | null }> }
      return posts.filter((post) => post.title === title).map((post) => post.html ?? '')
    },
  }
}

for (const kind of ['wordpress', 'ghost'] as const) {
  const title = TITLE_OF[kind]

  test(`${kind}: a critic adds the blog, publishes a scored review with its credited image from the UI, and re-publishing an edit updates the one post`, async ({ page, libraryDir }) => {
    const blog = kind === 'wordpress' ? wordpress() : ghost()
    const image = await seed(libraryDir, 'ballerina', title)
    await page.reload()

    // The blog, from the library's Blogs dialog, with the real server's address and credentials.
    await page.getByRole('button', { name: 'Blogs' }).click()
    const blogs = page.getByRole('dialog', { name: 'Blogs' })
    await blogs.getByRole('button', { name: 'Add blog' }).click()
    await addWebBlog(page, blog)
    await expect(blogs.getByRole('listitem', { name: blog.name })).toContainText('Signed in')
    await blogs.getByRole('button', { name: 'Done' }).click()

    // The review, then Publish: the checks ask the real blog, and every step finishes.
    await page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: title, exact: true }).getByRole('button', { name: 'Open' }).click()
    await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title)
    await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
    const dialog = publishDialog(page)
    await expect(dialog.getByRole('combobox', { name: 'Blog' }).getByRole('option', { selected: true })).toHaveText(new RegExp(`^${blog.name} `))
    await expect(dialog.getByRole('radio', { name: 'Publish now' })).toBeChecked()
    await expect(dialog.getByRole('region', { name: 'Checks' })).toContainText('Ready: nothing to fix.', { timeout: slow(30_000) })
    // The byline: the blog has no user named as the review's author, so the blog's choice applies.
    const byline = dialog.getByRole('region', { name: 'Byline' })
    await expect(byline).toContainText('The post is signed Ana Critic, in a line atop the post.', { timeout: slow(30_000) })
    await expect(byline).toContainText(`the blog’s own byline still names ${blog.account}.`)
    const choice = byline.getByRole('radiogroup', { name: `When ${blog.name} cannot show the review’s author` })
    await expect(choice.getByRole('radio', { name: 'Show the review’s author in the post (Ana Critic)' })).toBeChecked()
    await choice.getByRole('radio', { name: `Post as this account (${blog.account})` }).check()
    await expect(byline).toContainText(`The post is signed ${blog.account}.`, { timeout: slow(30_000) })
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
    const outcome = dialog.getByRole('status')
    await expect(outcome).toContainText(`Published on ${blog.name}.`, { timeout: slow(60_000) })
    await expect(publishStep(dialog, 'Checking the blog')).toContainText('done')
    await expect(publishStep(dialog, `Image ${image}`)).toContainText('done')
    await expect(publishStep(dialog, 'The post')).toContainText('done')
    await expect(publishStep(dialog, 'Checking what the blog shows')).toContainText('done')

    // The post's link is shown, and is where the review says it went.
    const link = new RegExp(`${blog.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\S+`).exec((await outcome.textContent()) ?? '')?.[0]
    expect(link, 'the post’s link in the outcome').toBeDefined()
    const url = link!
    expect(await readFile(join(libraryDir, 'ballerina', 'review.md'), 'utf8')).toContain(url)
    await expect(page.getByRole('banner')).toContainText('Published')

    // A reader gets the post: its title, the score, the credit line and the image.
    const shown = await read(url)
    expect(shown.status).toBe(200)
    expect(shown.text).toContain(title)
    expect(shown.text).toContain('9.5/10')
    expect(shown.text).toContain('Image: Lionsgate')
    expect(shown.text).toContain('Ballerina is stylish and bruising')
    expect(shown.text).not.toContain('By Ana Critic')
    const fileName = image.slice('assets/'.length, -'.png'.length)
    const img = new RegExp(`<img [^>]*src="([^"]*${fileName}[^"]*)"[^>]*>`).exec(shown.html)
    expect(img, 'the image in the post').not.toBeNull()
    expect(img![0]).toContain('alt="Eve on a frozen lake at dusk"')
    const src = new URL(img![1]!.replace(/&amp;/g, '&'), url).href
    expect(src.startsWith(blog.uploads)).toBe(true)
    const served = await fetch(src)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(await blog.postsTitled(title)).toHaveLength(1)

    // An edit in the editor, saved, then Publish again from the UI: the same post is updated.
    await dialog.getByRole('button', { name: 'Close' }).click()
    await editorText(page).getByText('The ending stumbles').click()
    await page.keyboard.press('End')
    await page.keyboard.type(` ${EDIT}`)
    await expect.poll(() => readFile(join(libraryDir, 'ballerina', 'review.md'), 'utf8')).toContain(EDIT)
    await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
    // The byline choice stays with the blog.
    await expect(dialog.getByRole('radio', { name: `Post as this account (${blog.account})` })).toBeChecked({ timeout: slow(30_000) })
    const already = dialog.getByRole('region', { name: 'Already published' }).getByRole('listitem', { name: blog.name })
    await expect(already).toContainText('Live')
    await expect(already).toContainText(url)
    await expect(dialog.getByRole('region', { name: 'Checks' })).toContainText('Ready: nothing to fix.', { timeout: slow(30_000) })
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
    await expect(dialog.getByRole('status')).toContainText(`Published on ${blog.name}.`, { timeout: slow(60_000) })
    await expect(dialog.getByRole('status')).toContainText(url)
    await expect(publishStep(dialog, `Image ${image}`)).toContainText('skipped')
    await expect(publishStep(dialog, 'The post')).toContainText('done')
    await expect(publishStep(dialog, 'Checking what the blog shows')).toContainText('done')

    // On the blog: still exactly one post with that title, holding the new text; the page shows it.
    const posts = await blog.postsTitled(title)
    expect(posts).toHaveLength(1)
    expect(posts[0]).toContain(EDIT)
    const again = await read(url)
    expect(again.status).toBe(200)
    expect(again.text).toContain(EDIT)
    expect(again.text).toContain('9.5/10')
  })
}
