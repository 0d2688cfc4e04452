import { realpath } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { fail, isErrnoCode } from '../errors'
import { siteImagePath, SITE_SEGMENT } from '../../../shared/critic'
import type { Library } from '../library/library'

/**
 * Maps a request for `<reviewId>/<path…>` (already URL-decoded segments) to a file inside that
 * review's folder. Anything that could leave it — `..`, absolute paths, backslashes, NUL, or a
 * symlink pointing out — is refused.
 */
export async function resolveReviewFile(library: Library, segments: string[]): Promise<string> {
  const [id, ...rest] = segments
  if (!id || rest.length === 0) fail('NOT_FOUND', 'No file was named.')
  if (rest[0] === SITE_SEGMENT) return resolveSiteFile(library, id, rest.slice(1))
  for (const part of segments) {
    if (part === '' || part === '.' || part === '..' || /[\\/\0:]/.test(part)) {
      fail('OUTSIDE_LIBRARY', `The path “${segments.join('/')}” is not inside a review and was refused.`)
    }
  }
  const dir = await library.reviewDir(id)
  let real: string
  try {
    real = await realpath(join(dir, ...rest))
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) fail('NOT_FOUND', `“${rest.join('/')}” does not exist in “${id}”.`)
    throw error
  }
  const rel = relative(await realpath(dir), real)
  if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) {
    fail('OUTSIDE_LIBRARY', `“${rest.join('/')}” leads outside the review “${id}” and was refused.`)
  }
  return real
}

/**
 * A file the review names by a path from its site's root (`/img/x.jpg`, as `assetSegments` puts
 * it in a URL), in the folder its site serves such paths from (siteFiles.ts), never outside the site.
 */
async function resolveSiteFile(library: Library, id: string, segments: string[]): Promise<string> {
  await library.reviewDir(id)
  const path = siteImagePath(`/${segments.join('/')}`)
  if (path === undefined || segments.some((part) => part.includes('/'))) fail('OUTSIDE_LIBRARY', `The path “/${segments.join('/')}” leaves the site’s folder and was refused.`)
  const site = await library.siteFiles()
  if (!site) fail('NOT_FOUND', `“/${path}” is a path from a site’s root, and this library is not a site’s folder.`)
  return site.sharedFile(path)
}

/** Splits a URL path (`/id/assets/x.png`) into decoded segments; malformed escapes are refused. */
export function decodePathSegments(pathname: string): string[] {
  try {
    return pathname.split('/').filter((s) => s.length > 0).map(decodeURIComponent)
  } catch {
    fail('OUTSIDE_LIBRARY', `The path “${pathname}” is malformed and was refused.`)
  }
}
