/** The blog side of the app, as the end-to-end and publish UI specs drive it. */
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
