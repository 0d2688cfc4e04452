/**
 * Markdown bundles: a review folder as a `.zip` (`review.md` + `assets/…`), and the way back —
 * importing such a zip, or a plain `.md` file, as a new review of a library.
 *
 * Import trusts nothing in the archive: an entry whose name could leave the new folder (zip-slip:
 * `..`, absolute paths, drive letters, backslashes, NUL) refuses the whole archive; any entry other
 * than `review.md` and flat `assets/<file>` is skipped and reported; sizes and counts are capped
 * before and after inflating.
 */
import { lstat, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { unzipSync, zipSync, type Zippable } from 'fflate'
import { stringify as yamlStringify } from 'yaml'
import { slugify } from '../../../shared/slug'
import { describeIoError, fail, isErrnoCode } from '../errors'
import { parseReview, ReviewParseError } from '../format'
import { writeFileAtomic } from '../fs/atomicWrite'
import { claimFolder } from '../fs/claimFolder'
import { ASSETS_DIR, REVIEW_FILE } from '../library/library'
import { IMAGE_REFERENCE } from '../pipeline'
import { readSourceImage } from './readImages'
import { refuseInsideReview } from './destinationGuard'
import type { ReviewSource } from './source'

export const MAX_BUNDLE_BYTES = 512 * 1024 * 1024
export const MAX_BUNDLE_ENTRIES = 5000
export const MAX_REVIEW_BYTES = 10 * 1024 * 1024
export const MAX_ASSET_BYTES = 100 * 1024 * 1024

const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/
const STORED_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.zip', '.mp4', '.mp3'])

/** The files of a review folder that make up its bundle: `review.md` and the regular files of `assets/`. */
export async function bundleFiles(reviewDir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>()
  files.set(REVIEW_FILE, new Uint8Array(await readFile(join(reviewDir, REVIEW_FILE))))
  let names: string[] = []
  try {
    names = (await readdir(join(reviewDir, ASSETS_DIR))).sort()
  } catch (error) {
    if (!isErrnoCode(error, 'ENOENT', 'ENOTDIR')) throw error
  }
  for (const name of names) {
    if (!ASSET_NAME.test(name)) continue // hidden files, temp files of atomic writes
    const path = join(reviewDir, ASSETS_DIR, name)
    const info = await lstat(path) // a symlink is not followed out of the folder
    if (!info.isFile()) continue
    files.set(`${ASSETS_DIR}/${name}`, new Uint8Array(await readFile(path)))
  }
  return files
}

/**
 * A site's post as a bundle of Verdict's layout: the post as `review.md`, and each image it names
 * (beside it, or from the site's root wherever the site keeps those) as `assets/<name>`, the post's
 * references rewritten to them in the zip only. References to no readable image stay as written.
 */
export async function siteBundleFiles(source: Pick<ReviewSource, 'dir' | 'file' | 'site'>): Promise<Map<string, Uint8Array>> {
  const text = await readFile(source.file, 'utf8')
  const named = new Map<string, string>()
  const files = new Map<string, Uint8Array>()
  for (const [, , reference] of text.matchAll(IMAGE_REFERENCE)) {
    if (named.has(reference!)) continue
    const image = await readSourceImage(source, reference!)
    if (!image) continue
    const stem = basename(image.path).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]/g, '_') || 'image'
    let name = `${ASSETS_DIR}/${stem}.${image.ext}`
    for (let n = 2; files.has(name); n++) name = `${ASSETS_DIR}/${stem}-${n}.${image.ext}`
    named.set(reference!, name)
    files.set(name, image.bytes)
  }
  const rewritten = text.replace(IMAGE_REFERENCE, (whole, opening: string, reference: string) => (named.has(reference) ? `${opening}${named.get(reference)}` : whole))
  return new Map([[REVIEW_FILE, new TextEncoder().encode(rewritten)], ...files])
}

/** Zips the review folder (a site's post: siteBundleFiles) to `destFile` (replacing it). */
export async function exportBundle(source: Pick<ReviewSource, 'id' | 'dir' | 'file' | 'site'>, destFile: string): Promise<{ path: string; files: string[] }> {
  await refuseInsideReview(source, destFile)
  let files: Map<string, Uint8Array>
  try {
    files = source.site ? await siteBundleFiles(source) : await bundleFiles(source.dir)
  } catch (error) {
    throw describeIoError(error, `read “${source.id}”`)
  }
  const tree: Zippable = {}
  for (const [name, bytes] of files) {
    // Images are already compressed: store them.
    tree[name] = [bytes, { level: STORED_EXTENSIONS.has(extname(name).toLowerCase()) ? 0 : 6 }]
  }
  const zip = zipSync(tree, { mtime: new Date('2000-01-01T00:00:00Z') })
  try {
    await mkdir(dirname(destFile), { recursive: true })
    await writeFileAtomic(destFile, zip)
  } catch (error) {
    throw describeIoError(error, `write “${destFile}”`)
  }
  return { path: destFile, files: [...files.keys()] }
}

export interface ImportResult {
  /** The new review's folder name in the library. */
  id: string
  title: string
  /** Files written, relative to the new folder. */
  files: string[]
  /** Archive entries that were not taken, and why. */
  skipped: Array<{ name: string; reason: string }>
}

/**
 * Imports `file` (a `.zip` made by `exportBundle`, or a `.md` file with or without front matter)
 * into `libraryRoot` as a new review folder, named after the title (suffixed when taken).
 */
export async function importBundle(file: string, libraryRoot: string): Promise<ImportResult> {
  let bytes: Uint8Array
  try {
    const info = await stat(file)
    if (!info.isFile()) fail('INVALID_ARGUMENT', `“${basename(file)}” is not a file.`)
    if (info.size > MAX_BUNDLE_BYTES) fail('INVALID_ARGUMENT', `“${basename(file)}” is too large to import.`)
    bytes = new Uint8Array(await readFile(file))
  } catch (error) {
    if (error instanceof Error && error.name === 'VerdictError') throw error
    throw describeIoError(error, `read “${basename(file)}”`)
  }
  const fallbackName = basename(file).replace(/\.(zip|md|markdown|txt)$/i, '') || 'imported review'
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)
  const content = isZip ? readZip(bytes) : { files: new Map([[REVIEW_FILE, markdownFile(bytes, fallbackName)]]), skipped: [] }
  const review = content.files.get(REVIEW_FILE)!
  const title = titleOf(review, fallbackName)
  const id = await claimFolder(libraryRoot, slugify(title), 'create a folder in the library')
  const dir = join(libraryRoot, id)
  try {
    await mkdir(join(dir, ASSETS_DIR))
    for (const [name, data] of content.files) {
      if (name !== REVIEW_FILE) await writeFileAtomic(join(dir, ...name.split('/')), data)
    }
    // Last, so the library never lists a review whose assets are still being written.
    await writeFileAtomic(join(dir, REVIEW_FILE), review)
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw describeIoError(error, `import “${basename(file)}”`)
  }
  return { id, title, files: [...content.files.keys()], skipped: content.skipped }
}

/** Zip entries → the files to take. Throws INVALID_ARGUMENT for an unsafe or unusable archive. */
export function readZip(bytes: Uint8Array): { files: Map<string, Uint8Array>; skipped: ImportResult['skipped'] } {
  const declared: Array<{ name: string; size: number }> = []
  let declaredTotal = 0
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes, {
      // Runs before each entry is inflated: names are checked and sizes capped up front.
      filter: (entry) => {
        declared.push({ name: entry.name, size: entry.originalSize })
        if (declared.length > MAX_BUNDLE_ENTRIES) fail('INVALID_ARGUMENT', 'The archive has too many files to be a review bundle.')
        safeEntryName(entry.name)
        if (entry.name.endsWith('/') || entry.originalSize > MAX_ASSET_BYTES) return false
        declaredTotal += entry.originalSize
        if (declaredTotal > MAX_BUNDLE_BYTES) fail('INVALID_ARGUMENT', 'The archive unpacks to more than a review bundle can hold.')
        return true
      },
    })
  } catch (error) {
    if (error instanceof Error && error.name === 'VerdictError') throw error
    fail('INVALID_ARGUMENT', `The archive could not be read: ${error instanceof Error ? error.message : String(error)}.`)
  }
  // One folder around everything (as zip tools make it) is allowed: `ballerina/review.md`.
  const names = declared.map((d) => safeEntryName(d.name)!).filter((n) => !n.endsWith('/') && !n.startsWith('__MACOSX/'))
  const root = !names.includes(REVIEW_FILE) ? commonRoot(names) : ''
  const files = new Map<string, Uint8Array>()
  const skipped: ImportResult['skipped'] = []
  let total = 0
  for (const { name: rawName, size } of declared) {
    const name = safeEntryName(rawName)!
    if (name.endsWith('/')) continue
    const inner = stripRoot(name, root)
    const reason = wanted(inner, size)
    const data = entries[rawName]
    if (reason !== undefined || !data) {
      skipped.push({ name: rawName, reason: reason ?? 'not read' })
      continue
    }
    if (data.byteLength > (inner === REVIEW_FILE ? MAX_REVIEW_BYTES : MAX_ASSET_BYTES)) fail('INVALID_ARGUMENT', `“${rawName}” is larger than it claims; the archive was refused.`)
    total += data.byteLength
    if (total > MAX_BUNDLE_BYTES) fail('INVALID_ARGUMENT', 'The archive unpacks to more than a review bundle can hold.')
    files.set(inner, data)
  }
  if (!files.has(REVIEW_FILE)) fail('INVALID_ARGUMENT', `The archive has no ${REVIEW_FILE}: it is not a review bundle.`)
  return { files, skipped }
}

/** The entry's name if it stays inside the folder; otherwise the whole archive is refused (zip-slip). */
function safeEntryName(name: string): string | undefined {
  const unsafe =
    name === '' ||
    name.includes('\\') ||
    name.includes('\0') ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((part) => part === '..' || part === '.')
  if (unsafe) fail('INVALID_ARGUMENT', `The archive entry “${name.slice(0, 120)}” points outside the review folder; the archive was refused.`)
  return name
}

/** Undefined when the entry is taken; otherwise why not. */
function wanted(name: string, size: number): string | undefined {
  if (name === REVIEW_FILE) return size > MAX_REVIEW_BYTES ? 'review.md is too large' : undefined
  const parts = name.split('/')
  if (parts.length === 2 && parts[0] === ASSETS_DIR && ASSET_NAME.test(parts[1]!)) return size > MAX_ASSET_BYTES ? 'file too large' : undefined
  if (name.endsWith('/')) return 'folder'
  return 'only review.md and assets/ are imported'
}

function commonRoot(names: string[]): string {
  const first = names[0]?.split('/')[0]
  if (!first || names.some((n) => !n.startsWith(`${first}/`))) return ''
  return `${first}/`
}

function stripRoot(name: string, root: string): string {
  return root && name.startsWith(root) ? name.slice(root.length) : name
}

/**
 * A plain Markdown file becomes a review as it is when it has front matter. Without one, it gets a
 * front matter with its title: the first line's `# Heading` (removed from the body, since the
 * title is shown above it), else the file name.
 */
function markdownFile(bytes: Uint8Array, fallbackTitle: string): Uint8Array {
  if (bytes.byteLength > MAX_REVIEW_BYTES) fail('INVALID_ARGUMENT', 'The Markdown file is too large to import.')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    fail('INVALID_ARGUMENT', 'The file is not UTF-8 text, so it cannot be imported as Markdown.')
  }
  const withoutBom = text.replace(/^\uFEFF/, '')
  if (/^---[ \t]*\r?\n/.test(withoutBom)) return bytes
  const heading = withoutBom.match(/^\s*#[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/)
  const title = heading ? heading[1]!.trim() : fallbackTitle
  const body = heading ? withoutBom.slice(heading[0].length).replace(/^\s*\n/, '') : withoutBom
  return new TextEncoder().encode(`---\n${yamlStringify({ title }, { lineWidth: 0 })}---\n\n${body}`)
}

function titleOf(review: Uint8Array, fallback: string): string {
  try {
    return parseReview(Buffer.from(review), { title: fallback, created: '', updated: '' }).meta.title.trim() || fallback
  } catch (error) {
    if (error instanceof ReviewParseError) return fallback // imported anyway; the library opens it read-only with the reason
    throw error
  }
}
