/**
 * "As on <blog>": one page of the critic's blog, fetched only when the critic asks (choosing that
 * look, or Refresh), made into a shell (shell.ts) and kept per blog in the app's data folder, so
 * the look still shows offline. Nothing is signed in: the page is what any reader gets.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { selectAll } from 'hast-util-select'
import { fromHtml } from 'hast-util-from-html'
import { z } from 'zod'
import { VerdictError } from '../../../shared/contract'
import type { BlogConfig } from '../../../shared/publish'
import { writeFileAtomic } from '../fs/atomicWrite'
import { httpRequest, type Fetch, type HttpResponse } from '../publish/http'
import { makeShell, SHELL_LIMITS } from './shell'

/** A blog page's shell, as kept: the cleaned page with its styles, where it came from and when. */
const storedLook = z.object({ pageUrl: z.string(), fetchedAt: z.string(), html: z.string() })
export type BlogLook = z.infer<typeof storedLook>

/** Each request's time before the blog counts as unreachable. */
const TIMEOUT_MS = 15_000

/** Links to a post on a home page: h-entry permalinks, Ghost's cards (Source, Casper), then any article's link. */
const POST_LINKS = '.h-entry .u-url[href], a.gh-card-link[href], a.post-card-content-link[href], a.post-card-image-link[href], article a[href]'

export interface BlogLooksOptions {
  dataDir: string
  fetch?: Fetch
  now?: () => Date
  log?: (message: string, detail?: unknown) => void
}

export class BlogLooks {
  private readonly memory = new Map<string, BlogLook>()

  constructor(private readonly options: BlogLooksOptions) {}

  /**
   * The blog's look: fetched anew when `refresh` (the critic asked), else the one kept. A failed
   * refresh falls back to the kept look and says why; with none kept, the failure is the answer.
   */
  async look(blog: BlogConfig, refresh: boolean): Promise<{ look: BlogLook; unreachable?: string }> {
    const kept = await this.keptLook(blog)
    if (!refresh) {
      if (kept) return { look: kept }
      throw new VerdictError('NOT_FOUND', `Verdict has not fetched the look of ${blog.name} yet: press Refresh to fetch one page of it.`)
    }
    let look: BlogLook
    try {
      look = await this.fetchLook(blog)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      if (kept) return { look: kept, unreachable: reason }
      throw new VerdictError('REMOTE', `${blog.name} could not be reached: ${reason}`)
    }
    this.memory.set(blog.id, look)
    // Kept for offline use; this session has it either way.
    await mkdir(dirname(this.file(blog)), { recursive: true })
      .then(() => writeFileAtomic(this.file(blog), JSON.stringify(look)))
      .catch((error: unknown) => this.options.log?.(`The look of ${blog.name} could not be kept for offline use`, error))
    return { look }
  }

  private async keptLook(blog: BlogConfig): Promise<BlogLook | undefined> {
    const known = this.memory.get(blog.id)
    if (known) return known
    try {
      const look = storedLook.parse(JSON.parse(await readFile(this.file(blog), 'utf8')))
      this.memory.set(blog.id, look)
      return look
    } catch {
      // None kept yet, or unreadable: the next refresh writes it anew.
      return undefined
    }
  }

  private file(blog: BlogConfig): string {
    if (!/^[A-Za-z0-9-]{1,100}$/.test(blog.id)) throw new VerdictError('INVALID_ARGUMENT', `“${blog.id}” is not a blog id.`)
    return join(this.options.dataDir, 'blog-looks', `${blog.id}.json`)
  }

  /** One post's page of the blog (its home page when no post is found), made into a shell. */
  private async fetchLook(blog: BlogConfig): Promise<BlogLook> {
    const home = new URL(blog.url)
    const pageUrl = (await this.postAddress(blog, home)) ?? home.href
    const page = await this.get(pageUrl, home.origin, SHELL_LIMITS.pageBytes)
    const { html, skipped } = await makeShell(page.text, page.url, async (url, maxBytes) => {
      const reply = await this.get(url, home.origin, maxBytes)
      return { bytes: reply.bytes, type: (reply.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() }
    })
    if (skipped.length > 0) this.options.log?.(`The look of ${blog.name} left out:`, skipped.join('; '))
    return { pageUrl: page.url, fetchedAt: (this.options.now?.() ?? new Date()).toISOString(), html }
  }

  /** The address of one post: WordPress names its newest through the REST API; other blogs link them from the home page. */
  private async postAddress(blog: BlogConfig, home: URL): Promise<string | undefined> {
    if (blog.kind === 'wordpress') {
      const api = new URL('./', home.href.endsWith('/') ? home : new URL(`${home.href}/`))
      api.search = '?rest_route=/wp/v2/posts&per_page=10&_fields=link,featured_media'
      // A post with a featured image, when there is one: the page then shows where the theme puts it.
      const posts = await this.get(api.href, home.origin, 256 * 1024).then(
        (reply) => reply.json(z.array(z.object({ link: z.string(), featured_media: z.number().optional() }))),
        () => [],
      )
      const link = (posts.find((post) => (post.featured_media ?? 0) > 0) ?? posts[0])?.link
      if (link && sameOrigin(link, home.origin)) return link
    }
    // A Micropub address may be its endpoint: the site's home page is its origin's root then.
    const start = blog.kind === 'micropub' && /micropub/i.test(home.pathname) ? new URL('/', home) : home
    const page = await this.get(start.href, home.origin, SHELL_LIMITS.pageBytes)
    for (const link of selectAll(POST_LINKS, fromHtml(page.text))) {
      const href = typeof link.properties['href'] === 'string' ? new URL(link.properties['href'], page.url) : undefined
      if (href && href.origin === home.origin && href.pathname !== '/' && href.pathname !== start.pathname) return href.href
    }
    return start.href
  }

  /** A GET of the blog's own origin, within the time and size limits (a redirect elsewhere is refused). */
  private get(url: string, origin: string, maxBytes: number): Promise<HttpResponse> {
    if (!sameOrigin(url, origin)) throw new VerdictError('REMOTE', `${url} is not of the blog's own address.`)
    return httpRequest(url, { timeoutMs: TIMEOUT_MS, maxBytes, stayOnOrigin: true }, this.options.fetch)
  }
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin
  } catch {
    return false
  }
}
