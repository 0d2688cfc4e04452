/**
 * Where a review's files are in a site layout (layout.ts): the Markdown file of each id, what a new
 * review and an added image become, and what moves to the trash. Verdict's own layout stays in
 * library.ts, unchanged.
 */
import { readdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { stringify as tomlText } from 'smol-toml'
import { stringify as yamlText } from 'yaml'
import type { LibraryLayout } from '../../../shared/model'
import { isErrnoCode } from '../errors'
import { markdownStem, MARKDOWN_EXTENSIONS } from './layout'

/** A bundle's page. */
export const BUNDLE_PAGE = 'index.md'
/** A Jekyll post's date, from its file name. */
const POST_DATE = /^(\d{4}-\d{2}-\d{2})-(.+)$/

/** The meta a file without such keys gets from its name: a Jekyll post's date and slug. */
export function nameFallback(layout: LibraryLayout, id: string): { title: string; date?: string } {
  const dated = layout.kind === 'jekyll' ? POST_DATE.exec(id) : null
  return dated ? { title: dated[2]!, date: dated[1]! } : { title: id }
}

export class SiteFiles {
  /** Each listed review's Markdown file, relative to the library: a flat file may be `.md` or `.markdown`. */
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
    for (const entry of entries) {
      if (this.layout.kind === 'bundle') {
        // A folder without an index.md has no file to stat, so the index leaves it out.
        if (entry.isDirectory() && !entry.name.startsWith('.') && !entry.name.startsWith('_')) ids.push(entry.name)
        continue
      }
      const id = entry.isFile() ? markdownStem(entry.name) : undefined
      if (id === undefined || id.startsWith('.') || this.known.has(id)) continue
      this.known.set(id, entry.name)
      ids.push(id)
    }
    return ids
  }

  /** The id's Markdown file as last known (no file access; the index stats it). */
  path(id: string): string {
    if (this.layout.kind === 'bundle') return join(this.contentDir, id, BUNDLE_PAGE)
    return join(this.contentDir, this.known.get(id) ?? `${id}.md`)
  }

  /** The id's Markdown file, looking for `.markdown` when it was not listed yet. */
  async locate(id: string): Promise<string> {
    if (this.layout.kind !== 'bundle' && !this.known.has(id)) {
      for (const extension of MARKDOWN_EXTENSIONS) {
        if (await exists(join(this.contentDir, `${id}${extension}`))) {
          this.known.set(id, `${id}${extension}`)
          break
        }
      }
    }
    return this.path(id)
  }

  /** What is the review on disk: its bundle folder, or its file. */
  unit(id: string): string {
    return this.layout.kind === 'bundle' ? join(this.contentDir, id) : this.path(id)
  }

  /** Whether a review (or anything else) already has this id's name. */
  async taken(id: string): Promise<boolean> {
    if (this.layout.kind === 'bundle') return exists(join(this.contentDir, id))
    for (const extension of MARKDOWN_EXTENSIONS) if (await exists(join(this.contentDir, `${id}${extension}`))) return true
    return false
  }

  /** The id a new review with this slug gets before suffixes: a Jekyll post is named after its day. */
  baseId(slug: string, day: string): string {
    return this.layout.kind === 'jekyll' ? `${day}-${slug}` : slug
  }

  /** Where a copy of `id` named `to` goes: a bundle's folder, or a file with the same extension. */
  copyUnit(id: string, to: string): string {
    return this.layout.kind === 'bundle' ? join(this.contentDir, to) : this.named(to, this.path(id))
  }

  /** Where a trashed review's file or folder (named `name` in the trash) goes back as `id`. */
  restoredUnit(id: string, name: string): string {
    return this.layout.kind === 'bundle' ? join(this.contentDir, id) : this.named(id, name)
  }

  /** `<content>/<id>` with the extension of `like`, remembered as the id's file. */
  private named(id: string, like: string): string {
    const file = `${id}${extname(like)}`
    this.known.set(id, file)
    return join(this.contentDir, file)
  }

  /**
   * A new review's file in the site's front matter style: its title, and the keys most of the
   * site's posts have (a `draft: true` keeps it off the site until the critic publishes it).
   */
  newReviewText(title: string, day: string, author: string): string {
    const values: Record<string, unknown> = { title }
    const defaults: Record<string, unknown> = { date: day, draft: true, tags: [], categories: [], author, description: '' }
    for (const key of this.layout.keys) if (key in defaults) values[key] = defaults[key]
    // Jekyll dates a post by its file name; Hugo and the others need the key.
    if (this.layout.kind !== 'jekyll') values['date'] = day
    return this.layout.frontMatter === 'toml' ? `+++\n${tomlText(values)}\n+++\n` : `---\n${yamlText(values)}---\n`
  }

  /**
   * Where an image the critic adds goes: beside the page, in its bundle or its content folder, so
   * the review's relative path finds it as the site's build does for bundles and flat sites.
   */
  imageDir(id: string): string {
    return this.layout.kind === 'bundle' ? join(this.contentDir, id) : this.contentDir
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
