/** The blog side of the app, as the end-to-end and publish UI specs drive it. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, type Locator, type Page } from '@playwright/test'

export interface WebBlogForm {
  /** The kind's radio in "Add blog". */
  kind: RegExp
  name: string
  url: string
  username?: string
  secretLabel: string
  secret: string
}

/** Fills the open "Add blog" dialog for a web blog and adds it. */
export async function addWebBlog(page: Page, blog: WebBlogForm): Promise<void> {
  const form = page.getByRole('dialog', { name: 'Add blog' })
  await form.getByRole('radio', { name: blog.kind }).check()
  await form.getByLabel('Name', { exact: true }).fill(blog.name)
  await form.getByLabel('Site address', { exact: true }).fill(blog.url)
  if (blog.username) await form.getByLabel('User name', { exact: true }).fill(blog.username)
  await form.getByLabel(blog.secretLabel, { exact: true }).fill(blog.secret)
  await form.getByRole('button', { name: 'Add blog' }).click()
  await expect(form).toBeHidden()
}

/** From the library: opens Blogs, adds a web blog and closes Blogs. */
export async function addWebBlogFromLibrary(page: Page, blog: WebBlogForm): Promise<void> {
  const blogs = page.getByRole('dialog', { name: 'Blogs' })
  await page.getByRole('button', { name: 'Blogs' }).click()
  await blogs.getByRole('button', { name: 'Add blog' }).click()
  await addWebBlog(page, blog)
  await blogs.getByRole('button', { name: 'Done' }).click()
}

/** From the Publish dialog with no blog chosen: adds a folder blog (the default kind) and closes Blogs, which chooses it. */
export async function addFolderBlog(dialog: Locator, name: string, folder: string): Promise<void> {
  const page = dialog.page()
  await dialog.getByRole('button', { name: 'Add blog' }).click()
  const form = page.getByRole('dialog', { name: 'Add blog' })
  await form.getByLabel('Name', { exact: true }).fill(name)
  await form.getByLabel('Folder', { exact: true }).fill(folder)
  await form.getByRole('button', { name: 'Add blog' }).click()
  await page.getByRole('dialog', { name: 'Blogs' }).getByRole('button', { name: 'Done' }).click()
}

export const publishDialog = (page: Page) => page.getByRole('dialog', { name: /^Publish “/ })

/** The progress list's step and its state word. */
export const publishStep = (dialog: Locator, name: string) => dialog.getByRole('list', { name: 'Progress' }).getByRole('listitem', { name, exact: true })

/** A loopback HTTP server answering every request with `answer`; records what it received. */
export async function fakeBlog(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; server: Server; seen: Array<{ url: string; authorization: string }> }> {
  const seen: Array<{ url: string; authorization: string }> = []
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization ?? '' })
    answer(req, res)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server, seen }
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((done) => server.close(() => done()))
}

/** A stand-in WordPress that answers only the sign-in check, for a user who may publish and upload: enough for the publish checks. */
export function fakeWordPress(): ReturnType<typeof fakeBlog> {
  return fakeBlog((req, res) => {
    const ok = (req.url ?? '').includes('rest_route=%2Fwp%2Fv2%2Fusers%2Fme') || (req.url ?? '').includes('rest_route=/wp/v2/users/me')
    res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' })
    res.end(JSON.stringify(ok ? { id: 1, name: 'Ana Critic', capabilities: { publish_posts: true, upload_files: true } } : { code: 'rest_no_route', message: 'No route.' }))
  })
}
