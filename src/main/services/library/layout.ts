/**
 * How a library folder lays out its reviews (docs/format.md, "Site layouts"). Verdict's own layout
 * is one folder per review (`<id>/review.md` + `assets/`); a critic's existing site keeps its own:
 *
 * - `flat`: `*.md` files in a content folder (Hugo `content/posts`, Eleventy, Astro), id = file name;
 * - `bundle`: Hugo page bundles, `<id>/index.md` with its images beside it;
 * - `jekyll`: `_posts/YYYY-MM-DD-slug.md`, id = file name (its date is the post's date).
 *
 * Ids stay single names in every layout, so the id-keyed stores (history, recovery, search, the
 * index, publish records) work the same, and a Verdict library's ids are its folder names as before.
 * The layout is detected from the files already there unless the critic chose one
 * (`.verdict/layout.json`); detection reads names and a few files' first lines, and writes nothing.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { LibraryLayout } from '../../../shared/model'
import { libraryLayout } from '../../../shared/validate'
import { readJsonFile, writeJsonFile } from '../fs/jsonFile'
import { existingPrivateDir, privateDir } from '../recovery/privateDir'

export const LAYOUT_FILE = 'layout.json'
/** Verdict's own layout: every library before site layouts had it. */
export const VERDICT_LAYOUT: LibraryLayout = { kind: 'verdict', content: '', frontMatter: 'yaml', keys: [] }

/** Where the reviews of a site may sit, most specific first. */
const CONTENT_FOLDERS = ['_posts', 'content/posts', 'content/post', 'content/blog', 'content/reviews', 'src/content/blog', 'src/content/posts', 'src/posts', 'posts', 'blog', 'content', '']
/** Markdown files a site builds but that are not posts (section pages, read-mes). */
const NOT_A_POST = /^(?:_|\.|readme\.|license\.|changelog\.)/i
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'] as const
/** Front matter keys a new review copies from the site's habits when most posts have them. */
const COPIED_KEYS = ['date', 'draft', 'tags', 'categories', 'author', 'description']
/** Files whose first lines are read to learn the front matter style. */
const SAMPLED_FILES = 12

export function markdownStem(name: string): string | undefined {
  if (NOT_A_POST.test(name)) return undefined
  const extension = MARKDOWN_EXTENSIONS.find((ext) => name.toLowerCase().endsWith(ext))
  return extension ? name.slice(0, -extension.length) : undefined
}

/** The layout the critic chose, else the one the files show. */
export async function loadLayout(root: string): Promise<LibraryLayout> {
  const dir = await existingPrivateDir(root)
  const chosen = dir ? await readJsonFile(join(dir, LAYOUT_FILE), libraryLayout, 'the library layout') : undefined
  return chosen ?? detectLayout(root)
}

/** Keeps the critic's choice in `.verdict/layout.json`. */
export async function saveLayout(root: string, layout: LibraryLayout): Promise<void> {
  await writeJsonFile(join(await privateDir(root), LAYOUT_FILE), libraryLayout.parse(layout), 'the library layout')
}

interface Found {
  content: string
  files: string[]
  bundles: string[]
}

export async function detectLayout(root: string): Promise<LibraryLayout> {
  const top = await entries(root)
  // Any Verdict review folder makes it Verdict's library (an empty folder too: a new library).
  for (const entry of top) if (entry.isDirectory() && !entry.name.startsWith('.') && (await entries(join(root, entry.name))).some((e) => e.isFile() && e.name === 'review.md')) return VERDICT_LAYOUT
  let best: Found | undefined
  for (const content of CONTENT_FOLDERS) {
    const found = await postsIn(root, content)
    if (found.files.length + found.bundles.length > (best ? best.files.length + best.bundles.length : 0)) best = found
  }
  if (!best) return VERDICT_LAYOUT
  const kind = best.content === '_posts' ? 'jekyll' : best.bundles.length > best.files.length ? 'bundle' : 'flat'
  const sample = kind === 'bundle' ? best.bundles.map((name) => join(best.content, name, 'index.md')) : best.files.map((name) => join(best.content, name))
  const style = await frontMatterStyle(root, sample.slice(0, SAMPLED_FILES))
  const publicDir = kind === 'jekyll' ? '' : await firstFolder(root, ['static', 'public'])
  return { kind, content: best.content, ...(publicDir === undefined ? {} : { publicDir }), ...style }
}

async function postsIn(root: string, content: string): Promise<Found> {
  const found: Found = { content, files: [], bundles: [] }
  for (const entry of await entries(join(root, content))) {
    if (entry.isFile() && markdownStem(entry.name) !== undefined) found.files.push(entry.name)
    else if (entry.isDirectory() && !NOT_A_POST.test(entry.name) && (await entries(join(root, content, entry.name))).some((e) => e.isFile() && e.name === 'index.md')) {
      found.bundles.push(entry.name)
    }
  }
  found.files.sort()
  found.bundles.sort()
  return found
}

/** YAML or TOML, and the keys most of the sampled posts have, as those posts write them. */
async function frontMatterStyle(root: string, files: string[]): Promise<Pick<LibraryLayout, 'frontMatter' | 'keys'>> {
  let toml = 0
  const counts = new Map<string, number>()
  for (const file of files) {
    let text: string
    try {
      text = (await readFile(join(root, file), 'utf8')).slice(0, 4096)
    } catch {
      continue
    }
    const fence = text.startsWith('+++') ? '+++' : text.startsWith('---') ? '---' : undefined
    if (!fence) continue
    if (fence === '+++') toml++
    const head = text.slice(3).split(`\n${fence}`, 1)[0] ?? ''
    for (const [, key] of head.matchAll(/^([A-Za-z_][\w-]*)\s*[:=]/gm)) counts.set(key!, (counts.get(key!) ?? 0) + 1)
  }
  const keys = COPIED_KEYS.filter((key) => (counts.get(key) ?? 0) * 2 > files.length)
  return { frontMatter: toml * 2 > files.length ? 'toml' : 'yaml', keys }
}

async function firstFolder(root: string, names: string[]): Promise<string | undefined> {
  const present = new Set((await entries(root)).filter((e) => e.isDirectory()).map((e) => e.name))
  return names.find((name) => present.has(name))
}

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true })
  } catch {
    return []
  }
}
