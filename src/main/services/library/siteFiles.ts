/**
 * Where a review's files are in a site layout (layout.ts): the Markdown file of each id, what a new
 * review and an added image become, and what moves to the trash. Verdict's own layout stays in
 * library.ts, unchanged.
 */
import { readdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { stringify as tomlText, TomlDate } from 'smol-toml'
import { stringify as yamlText } from 'yaml'
import type { LibraryLayout } from '../../../shared/model'
import { conflictCopyOf } from '../conflicts/conflictCopies'
import { isErrnoCode } from '../errors'
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
      if (entry.isFile() && conflictCopyOf(entry.name, names)) continue
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
   * Where an image the critic adds goes: beside the page, in its bundle or its content folder, so
   * the review's relative path finds it as the site's build does for bundles and flat sites.
   */
  imageDir(id: string): string {
    return this.isBundle(id) ? join(this.contentDir, id) : this.contentDir
  }
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
