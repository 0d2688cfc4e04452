/**
 * The library's blogs: names, kinds and addresses only. Their secrets live in the SecretStore under
 * `blog:<id>`, so the files can be synced or shared without leaking them. Each machine writes its
 * own changes to `.verdict/blogs/<machine id>.json` (fs/machineFiles.ts): every blog it added or
 * changed, and every one it removed, with when. The list is all machines' changes merged, the latest
 * change of each blog winning, so two machines never rewrite one file. Older versions' single
 * `.verdict/blogs.json` is read until a machine first changes the list, which takes it over.
 */
import { BLOG_KIND_DESCRIPTORS, signsIn } from '../../../shared/blogKinds'
import { randomUUID } from 'node:crypto'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { z } from 'zod'
import type { BlogConfig, BlogView, SecretBackend } from '../../../shared/publish'
import { blogConfig } from '../../../shared/validate'
import { fail } from '../errors'
import { readJsonFile } from '../fs/jsonFile'
import { readMachineFiles, writeMachineFile, type MachineFile } from '../fs/machineFiles'
import type { LibraryManager } from '../library/manager'
import { privateDir } from '../recovery/privateDir'
import type { SecretStore } from '../secrets/secrets'
import { checkedUrl } from './http'

const BLOGS_DIR = 'blogs'
const LEGACY_BLOGS_FILE = 'blogs.json'
const legacyFile = z.strictObject({ version: z.literal(1), blogs: z.array(blogConfig) })
const changesFile = z.strictObject({
  version: z.literal(1),
  /** `since`: when the blog was added (the list's order); `at`: when this machine last changed it. */
  blogs: z.array(z.strictObject({ blog: blogConfig, since: z.string().max(40), at: z.string().max(40) })),
  removed: z.array(z.strictObject({ id: z.string().max(100), at: z.string().max(40) })),
})
type Changes = z.infer<typeof changesFile>

export function secretKey(blogId: string): string {
  return `blog:${blogId}`
}

export class BlogStore {
  constructor(
    private readonly options: {
      libraries: Pick<LibraryManager, 'current'>
      secrets: SecretStore
      /** This machine's id: the one file of the list it writes. */
      machine: string
      log?: (message: string) => void
    },
  ) {}

  async list(): Promise<BlogConfig[]> {
    const { files } = await this.changes()
    const latest = new Map<string, { at: string; machine: string; entry?: Changes['blogs'][number] }>()
    const take = (id: string, at: string, machine: string, entry?: Changes['blogs'][number]) => {
      const known = latest.get(id)
      // The later change wins; of two at one instant, the machine named last (the same choice everywhere).
      if (!known || at > known.at || (at === known.at && machine > known.machine)) latest.set(id, { at, machine, ...(entry ? { entry } : {}) })
    }
    for (const { machine, value } of files) {
      for (const entry of value.blogs) take(entry.blog.id, entry.at, machine, entry)
      for (const removal of value.removed) take(removal.id, removal.at, machine)
    }
    return [...latest.values()]
      .flatMap(({ entry }) => (entry ? [entry] : []))
      .sort((a, b) => a.since.localeCompare(b.since) || a.blog.id.localeCompare(b.blog.id))
      .map((entry) => entry.blog)
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
    await this.change(saved.id, (at, since) => ({ blog: saved, since: since ?? at, at }))
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
    await this.change(id, () => undefined)
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

  /**
   * Every machine's changes; while there are none yet, the old single file's blogs, as if this
   * machine had added them (in their order, before anything added since).
   */
  private async changes(): Promise<{ dir: string; files: MachineFile<Changes>[] }> {
    const dir = await privateDir(this.options.libraries.current().root, BLOGS_DIR)
    const files = await readMachineFiles(dir, changesFile, 'the list of blogs', (path) =>
      this.options.log?.(`Blogs: ${path} is not a list of blogs this version can read; it is left as it is.`),
    )
    if (files.length > 0) return { dir, files }
    const legacyPath = join(dirname(dir), LEGACY_BLOGS_FILE)
    const legacy = await readJsonFile(legacyPath, legacyFile, 'the list of blogs', () =>
      this.options.log?.(`Blogs: ${legacyPath} is not a list of blogs this version can read; it is left as it is.`),
    )
    const adopted = (legacy?.blogs ?? []).map((blog, n) => ({ blog, since: new Date(n).toISOString(), at: new Date(0).toISOString() }))
    return { dir, files: adopted.length > 0 ? [{ machine: this.options.machine, value: { version: 1, blogs: adopted, removed: [] } }] : [] }
  }

  /** Writes this machine's change of blog `id`: its new entry (given when it was first added, if it was), or its removal. */
  private async change(id: string, entry: (at: string, since: string | undefined) => Changes['blogs'][number] | undefined): Promise<void> {
    const { dir, files } = await this.changes()
    const own = files.find((file) => file.machine === this.options.machine)?.value ?? { version: 1, blogs: [], removed: [] }
    const known = files.flatMap(({ value }) => [...value.blogs.map((entry) => ({ id: entry.blog.id, at: entry.at })), ...value.removed]).filter((change) => change.id === id)
    // Later than every change of it this machine has seen, whatever the clocks say: a change made after another wins.
    const latest = Math.max(-1, ...known.map((change) => Date.parse(change.at)))
    const at = new Date(Math.max(Date.now(), latest + 1)).toISOString()
    const since = files.flatMap((file) => file.value.blogs).find((other) => other.blog.id === id)?.since
    const changed = entry(at, since)
    const next: Changes = {
      version: 1,
      blogs: [...own.blogs.filter((other) => other.blog.id !== id), ...(changed ? [changed] : [])],
      removed: [...own.removed.filter((other) => other.id !== id), ...(changed ? [] : [{ id, at }])],
    }
    await writeMachineFile(dir, this.options.machine, next, 'the list of blogs')
  }
}
