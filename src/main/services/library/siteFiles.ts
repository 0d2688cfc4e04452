/**
 * Where a review's files are in a site layout (layout.ts): the Markdown file of each id, what a new
 * review and an added image become, and what moves to the trash. Verdict's own layout stays in
 * library.ts, unchanged.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { dirname, extname, isAbsolute, join, relative, sep } from 'node:path'
import { stringify as tomlText, TomlDate } from 'smol-toml'
import { stringify as yamlText } from 'yaml'
import type { LibraryLayout } from '../../../shared/model'
import { isCopyOnDisk } from '../conflicts/copiesOnDisk'
import { fail, isErrnoCode } from '../errors'
import { markdownStem, MARKDOWN_EXTENSIONS } from './layout'

/** A bundle's page. */
export const BUNDLE_PAGE = 'index.md'
/** Folders that are not bundles: hidden ones, and Hugo's `_`-named branch bundles' kin. */
const NOT_A_BUNDLE = /^[._]/
/** A Jekyll post's date, from its file name. */
const POST_DATE = /^(\d{4}-\d{2}-\d{2})-(.+)$/

/** The meta a file without such keys gets from its name: a Jekyll post's date and slug. */
export function nameFallback(layout: LibraryLayout, id: string): { title: string; date?: string } {
  const dated = layout.kind === 'jekyll' ? POST_DATE.exec(id) : null
  return dated ? { title: dated[2]!, date: dated[1]! } : { title: id }
}

/**
 * A Hugo site mixes flat files and bundles in one folder, so both layouts list both; the kind says
 * what a new review becomes. Jekyll reads only files from `_posts`.
 */
export class SiteFiles {
  /** Each listed review's Markdown file, relative to the content folder: `x.md`, `x.markdown` or `x/index.md`. */
  private readonly known = new Map<string, string>()
  /** The site's folders and its habit for shared images, each looked for once. */
  private folders: Promise<SiteFolders> | undefined
  private habit: Promise<{ folder: string; baseurl: boolean }> | undefined
  readonly contentDir: string

  constructor(
    readonly root: string,
    readonly layout: LibraryLayout,
  ) {
    this.contentDir = join(root, ...layout.content.split('/').filter(Boolean))
  }

  /** The reviews of the content folder, remembering each one's file. */
  async ids(): Promise<string[]> {
    let entries
    try {
      entries = await readdir(this.contentDir, { withFileTypes: true })
    } catch (error) {
      if (isErrnoCode(error, 'ENOENT')) return []
      throw error
    }
    this.known.clear()
    const ids: string[] = []
    const names = new Set(entries.map((entry) => entry.name))
    for (const entry of entries) {
      // Another machine's version of a post, which the library shows as the post's conflict.
      if (entry.isFile() && (await isCopyOnDisk(this.contentDir, entry.name, names))) continue
      // A folder without an index.md has no file to stat, so the index leaves it out.
      const bundle = this.layout.kind !== 'jekyll' && entry.isDirectory() && !NOT_A_BUNDLE.test(entry.name)
      const id = bundle ? entry.name : entry.isFile() ? markdownStem(entry.name) : undefined
      if (id === undefined || this.known.has(id)) continue
      this.known.set(id, bundle ? `${id}/${BUNDLE_PAGE}` : entry.name)
      ids.push(id)
    }
    return ids
  }

  /** The id's Markdown file as last known (no file access; the index stats it). */
  path(id: string): string {
    return join(this.contentDir, ...(this.known.get(id) ?? this.newFile(id)).split('/'))
  }

  /** The file a review that is not on disk yet gets. */
  private newFile(id: string): string {
    return this.layout.kind === 'bundle' ? `${id}/${BUNDLE_PAGE}` : `${id}.md`
  }

  /** The id's Markdown file, looking on disk when it was not listed yet. */
  async locate(id: string): Promise<string> {
    if (!this.known.has(id)) {
      const candidates = [...(this.layout.kind === 'jekyll' ? [] : [`${id}/${BUNDLE_PAGE}`]), ...MARKDOWN_EXTENSIONS.map((extension) => `${id}${extension}`)]
      for (const file of candidates) {
        if (await exists(join(this.contentDir, ...file.split('/')))) {
          this.known.set(id, file)
          break
        }
      }
    }
    return this.path(id)
  }

  private isBundle(id: string): boolean {
    return (this.known.get(id) ?? this.newFile(id)).endsWith(`/${BUNDLE_PAGE}`)
  }

  /** What is the review on disk: its bundle folder, or its file. */
  unit(id: string): string {
    return this.isBundle(id) ? join(this.contentDir, id) : this.path(id)
  }

  /** Whether a review (or anything else) already has this id's name. */
  async taken(id: string): Promise<boolean> {
    for (const name of [id, ...MARKDOWN_EXTENSIONS.map((extension) => `${id}${extension}`)]) if (await exists(join(this.contentDir, name))) return true
    return false
  }

  /** The id a new review with this slug gets before suffixes: a Jekyll post is named after its day. */
  baseId(slug: string, day: string): string {
    return this.layout.kind === 'jekyll' ? `${day}-${slug}` : slug
  }

  /** Where a copy of `id` named `to` goes: a bundle's folder, or a file with the same extension. */
  copyUnit(id: string, to: string): string {
    return this.named(to, this.isBundle(id) ? '' : this.path(id))
  }

  /** Where a trashed review's folder or file (named `name` in the trash) goes back as `id`. */
  restoredUnit(id: string, name: string): string {
    return this.named(id, markdownStem(name) === undefined ? '' : name)
  }

  /** `<content>/<id>`: a bundle's folder when `like` is '', else a file with the extension of `like`; remembered as the id's. */
  private named(id: string, like: string): string {
    const file = like ? `${id}${extname(like)}` : `${id}/${BUNDLE_PAGE}`
    this.known.set(id, file)
    return join(this.contentDir, like ? file : id)
  }

  /**
   * A new review's file in the site's front matter style: its title, and the keys most of the
   * site's posts have (a `draft: true` keeps it off the site until the critic publishes it).
   */
  newReviewText(title: string, day: string, author: string): string {
    const toml = this.layout.frontMatter === 'toml'
    // A TOML date is a date, not text; YAML's core schema writes the day plainly either way.
    const date = toml ? new TomlDate(day) : day
    // Jekyll dates a post by its file name; Hugo and the others need the key.
    const values: Record<string, unknown> = this.layout.kind === 'jekyll' ? { title } : { title, date }
    const defaults: Record<string, unknown> = { date, draft: true, tags: [], categories: [], author, description: '' }
    for (const key of this.layout.keys) if (key in defaults) values[key] = defaults[key]
    return toml ? `+++\n${tomlText(values).trimEnd()}\n+++\n` : `---\n${yamlText(values)}---\n`
  }

  /**
   * Where an image the critic adds goes, and what the post writes before its file name: beside a
   * bundle's page (as Hugo finds a bundle's images); for other posts, in the folder of the site's
   * shared images its posts already use (else `static/images/` for Hugo, `assets/images/` for
   * Jekyll), written from the site's root as they write it; beside the file when the site has
   * no such folder.
   */
  async imageFolder(id: string): Promise<{ path: string; prefix: string }> {
    if (this.isBundle(id)) return { path: join(this.contentDir, id), prefix: '' }
    const { shared } = await this.siteFolders()
    if (shared === undefined) return { path: this.contentDir, prefix: '' }
    this.habit ??= imageHabit(this.contentDir, this.layout.kind === 'jekyll' || shared.generator === 'jekyll' ? 'assets/images' : 'images')
    const { folder, baseurl } = await this.habit
    return { path: join(shared.dir, ...folder.split('/')), prefix: `${baseurl ? '{{ site.baseurl }}' : ''}/${folder}/` }
  }

  /** The site's folder and the one its root paths (`/img/x.jpg`) are served from, found once. */
  siteFolders(): Promise<SiteFolders> {
    this.folders ??= findSiteFolders(this.root, this.contentDir, this.layout)
    return this.folders
  }

  /**
   * The file a path from the site's root (`img/x.jpg`, siteImagePath) names, its links resolved;
   * refused when the library's site has no such folder or the file is elsewhere than in the site.
   */
  async sharedFile(path: string): Promise<string> {
    const { root, shared } = await this.siteFolders()
    if (!shared) fail('NOT_FOUND', `“/${path}” is a path from a site’s root, and no site folder (Hugo’s static/, Jekyll’s site) was found around this library.`)
    let real: string
    try {
      real = await realpath(join(shared.dir, ...path.split('/')))
    } catch (error) {
      if (isErrnoCode(error, 'ENOENT', 'ENOTDIR')) fail('NOT_FOUND', `“/${path}” is not in the site’s folder ${shared.shown}.`)
      throw error
    }
    const rel = relative(await realpath(root), real)
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) fail('OUTSIDE_LIBRARY', `“/${path}” leads outside the site’s folder and was refused.`)
    return real
  }
}

export interface SiteFolders {
  /** The site's folder: where its configuration is, else the library's. */
  root: string
  /** Where the site serves paths from its root; undefined when there is none to find. */
  shared?: { dir: string; generator: 'hugo' | 'jekyll' | 'other'; shown: string }
}

/** Site configurations, by generator; the site's folder is the nearest one holding one, above the content. */
const CONFIGS = { hugo: ['hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml', 'config.yaml', 'config.json'], jekyll: ['_config.yml', '_config.yaml'] } as const
/** How far above the library a site's folder is looked for (a library opened at `content/posts`). */
const LEVELS_ABOVE = 3

async function findSiteFolders(libraryRoot: string, contentDir: string, layout: LibraryLayout): Promise<SiteFolders> {
  const top = ancestors(libraryRoot, LEVELS_ABOVE).at(-1)!
  for (const dir of ancestors(contentDir, 64)) {
    for (const generator of ['hugo', 'jekyll'] as const) {
      for (const name of CONFIGS[generator]) {
        if (!(await exists(join(dir, name)))) continue
        // Jekyll serves the site's own folder; Hugo its static/.
        const shared = generator === 'jekyll' ? dir : join(dir, 'static')
        return { root: dir, shared: { dir: shared, generator, shown: generator === 'jekyll' ? 'itself' : 'static/' } }
      }
    }
    if (dir === top) break
  }
  if (layout.kind === 'jekyll') return { root: libraryRoot, shared: { dir: libraryRoot, generator: 'jekyll', shown: 'itself' } }
  if (layout.publicDir) return { root: libraryRoot, shared: { dir: join(libraryRoot, layout.publicDir), generator: 'other', shown: `${layout.publicDir}/` } }
  return { root: libraryRoot }
}

/** `dir` and up to `levels` folders above it, nearest first. */
function ancestors(dir: string, levels: number): string[] {
  const found = [dir]
  for (let at = dir; found.length <= levels && dirname(at) !== at; at = dirname(at)) found.push(dirname(at))
  return found
}

/** Posts read to learn where a site keeps its shared images. */
const SAMPLED_POSTS = 40
/** A reference from a site's root to an image: a Markdown image, or a shortcode's or include's `src`/`url`. */
const SHARED_IMAGE = /(?:\]\(|\b(?:src|url|image)\s*=\s*["'])(\{\{ *site\.baseurl *\}\})?\/((?:[\w.-]+\/)*[\w.-]+)\/[^/\s"')]+\.(?:png|jpe?g|gif|webp|avif)\b/gi

/** The folder of shared images most of the posts use, and whether they write Liquid's baseurl before it; `fallback` when none does. */
async function imageHabit(contentDir: string, fallback: string): Promise<{ folder: string; baseurl: boolean }> {
  const counts = new Map<string, number>()
  let liquid = 0
  let plain = 0
  for (const file of await postFiles(contentDir)) {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch {
      continue
    }
    for (const [, baseurl, folder] of text.matchAll(SHARED_IMAGE)) {
      if (folder!.split('/').some((part) => part.startsWith('.'))) continue
      counts.set(folder!, (counts.get(folder!) ?? 0) + 1)
      if (baseurl) liquid++
      else plain++
    }
  }
  const [folder] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [fallback]
  return { folder, baseurl: liquid > plain }
}

/** Up to SAMPLED_POSTS Markdown files of the content folder: its posts and its bundles' pages. */
async function postFiles(contentDir: string): Promise<string[]> {
  let entries
  try {
    entries = await readdir(contentDir, { withFileTypes: true })
  } catch {
    return []
  }
  const files: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (files.length >= SAMPLED_POSTS) break
    if (entry.isFile() && markdownStem(entry.name) !== undefined) files.push(join(contentDir, entry.name))
    else if (entry.isDirectory() && !NOT_A_BUNDLE.test(entry.name)) files.push(join(contentDir, entry.name, BUNDLE_PAGE))
  }
  return files
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return false
    throw error
  }
}
