/** Reading a review's image files for export: inside the folder (symlinks resolved), images only. */
import { lstat, readFile, realpath } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import type { SiteFiles } from '../library/siteFiles'
import { safeRelativePath, safeSitePath } from '../pipeline'

export const MAX_EXPORT_IMAGE_BYTES = 50 * 1024 * 1024

export interface LoadedAsset {
  path: string
  bytes: Uint8Array
  mime: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/avif'
  ext: string
}

/** Image type from the first bytes (never from the name): PNG, JPEG, GIF, WebP, AVIF. */
export function sniffImage(bytes: Uint8Array): Pick<LoadedAsset, 'mime' | 'ext'> | undefined {
  const at = (offset: number, text: string) => [...text].every((ch, i) => bytes[offset + i] === ch.charCodeAt(0))
  if (bytes[0] === 0x89 && at(1, 'PNG\r\n\x1a\n')) return { mime: 'image/png', ext: 'png' }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg' }
  if (at(0, 'GIF87a') || at(0, 'GIF89a')) return { mime: 'image/gif', ext: 'gif' }
  if (at(0, 'RIFF') && at(8, 'WEBP')) return { mime: 'image/webp', ext: 'webp' }
  if (at(4, 'ftyp') && (at(8, 'avif') || at(8, 'avis'))) return { mime: 'image/avif', ext: 'avif' }
  return undefined
}

/**
 * The file at `relativePath` inside `reviewDir`, or undefined when it is missing, leaves the folder
 * (lexically or through a symlink), is not a regular file, is too big, or is not an image.
 */
export async function readReviewImage(reviewDir: string, relativePath: string): Promise<LoadedAsset | undefined> {
  const path = safeRelativePath(relativePath)
  if (!path) return undefined
  try {
    const target = join(reviewDir, ...path.split('/'))
    const real = await realpath(target)
    const rel = relative(await realpath(reviewDir), real)
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined
    return await loadImage(real, path)
  } catch {
    return undefined
  }
}

/**
 * An image a review names: a file of its folder, or for a site's post a path from the site's root
 * (`/img/x.png`), read from the site's shared folder and never from outside the site.
 */
export async function readSourceImage(source: { dir: string; site?: SiteFiles | undefined }, path: string): Promise<LoadedAsset | undefined> {
  const fromRoot = safeSitePath(path)
  if (fromRoot === undefined) return readReviewImage(source.dir, path)
  if (!source.site) return undefined
  try {
    return await loadImage(await source.site.sharedFile(fromRoot.slice(1)), fromRoot)
  } catch {
    return undefined
  }
}

/** A regular file of at most MAX_EXPORT_IMAGE_BYTES that is an image by its bytes, else undefined. */
async function loadImage(real: string, path: string): Promise<LoadedAsset | undefined> {
  const info = await lstat(real)
  if (!info.isFile() || info.size > MAX_EXPORT_IMAGE_BYTES) return undefined
  const bytes = new Uint8Array(await readFile(real))
  const type = sniffImage(bytes)
  return type ? { path, bytes, ...type } : undefined
}

export function dataUri(asset: LoadedAsset): string {
  return `data:${asset.mime};base64,${Buffer.from(asset.bytes).toString('base64')}`
}
