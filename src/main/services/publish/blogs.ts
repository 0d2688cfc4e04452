/**
 * The library's blogs (`.verdict/blogs.json`): names, kinds and addresses only. Their secrets live
 * in the SecretStore under `blog:<id>`, so the file can be synced or shared without leaking them.
 */
import { BLOG_KIND_DESCRIPTORS, signsIn } from '../../../shared/blogKinds'
import { randomUUID } from 'node:crypto'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { z } from 'zod'
import type { BlogConfig, BlogView, SecretBackend } from '../../../shared/publish'
import { blogConfig } from '../../../shared/validate'
import { fail } from '../errors'
import { readJsonFile, writeJsonFile } from '../fs/jsonFile'
import type { LibraryManager } from '../library/manager'
import { privateDir } from '../recovery/privateDir'
import type { SecretStore } from '../secrets/secrets'
import { checkedUrl } from './http'

const BLOGS_FILE = 'blogs.json'
const blogsFile = z.strictObject({ version: z.literal(1), blogs: z.array(blogConfig) })

export function secretKey(blogId: string): string {
  return `blog:${blogId}`
}

export class BlogStore {
  constructor(private readonly options: { libraries: Pick<LibraryManager, 'current'>; secrets: SecretStore; log?: (message: string) => void }) {}

  async list(): Promise<BlogConfig[]> {
    const path = await this.path()
    const file = await readJsonFile(path, blogsFile, 'the list of blogs', () =>
      this.options.log?.(`Blogs: ${path} is not a list of blogs this version can read; it is left as it is.`),
    )
    return (file?.blogs ?? []) as BlogConfig[]
  }

  async get(id: string): Promise<BlogConfig> {
    const blog = (await this.list()).find((candidate) => candidate.id === id)
    if (!blog) fail('NOT_FOUND', 'That blog is no longer set up in this library: choose another, or add it again.')
    return blog
  }

  /** Adds the blog (no `id`) or replaces the one with its id; a non-empty secret replaces the stored one. */
  async save(blog: Omit<BlogConfig, 'id'> & { id?: string }, secret?: string): Promise<BlogConfig> {
    const blogs = await this.list()
    if (blog.id && !blogs.some((candidate) => candidate.id === blog.id)) fail('NOT_FOUND', `No blog “${blog.name}” to change.`)
    const saved: BlogConfig = { ...blog, url: this.checkedAddress(blog), id: blog.id ?? randomUUID() }
    await this.write(blog.id ? blogs.map((candidate) => (candidate.id === saved.id ? saved : candidate)) : [...blogs, saved])
    if (secret) this.options.secrets.set(secretKey(saved.id), secret)
    return saved
  }

  /** A web address for blogs (https, or http on this computer); a folder outside the library for the folder kind. */
  private checkedAddress(blog: Pick<BlogConfig, 'kind' | 'url' | 'name'>): string {
    const address = blog.url.trim()
    if (BLOG_KIND_DESCRIPTORS[blog.kind].place === 'folder') {
      const root = this.options.libraries.current().root
      if (!isAbsolute(address)) fail('INVALID_ARGUMENT', `“${address}” is not a full folder path: choose the folder with Browse….`)
      const inside = relative(root, resolve(address))
      if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
        fail('INVALID_ARGUMENT', 'The site folder cannot be inside the library: choose a folder of its own (e.g. your GitHub Pages folder).')
      }
      return resolve(address)
    }
    try {
      return checkedUrl(address).href
    } catch (error) {
      fail('INVALID_ARGUMENT', error instanceof Error ? error.message : String(error))
    }
  }

  async remove(id: string): Promise<void> {
    await this.write((await this.list()).filter((blog) => blog.id !== id))
    this.options.secrets.delete(secretKey(id))
  }

  async views(): Promise<{ blogs: BlogView[]; secrets: SecretBackend }> {
    return { blogs: (await this.list()).map((blog) => this.view(blog)), secrets: this.options.secrets.backend() }
  }

  view(blog: BlogConfig): BlogView {
    return { ...blog, signedIn: !signsIn(blog.kind) || this.secretOf(blog) !== undefined }
  }

  secretOf(blog: BlogConfig): string | undefined {
    return this.options.secrets.get(secretKey(blog.id))
  }

  private async path(): Promise<string> {
    return join(await privateDir(this.options.libraries.current().root), BLOGS_FILE)
  }

  private async write(blogs: BlogConfig[]): Promise<void> {
    await writeJsonFile(await this.path(), { version: 1, blogs }, 'the list of blogs')
  }
}
