import { constants } from 'node:fs'
import { lstat, mkdir, open } from 'node:fs/promises'
import { join } from 'node:path'
import { fail, isErrnoCode, describeIoError } from '../errors'

/** The library's own folder for history and recovery data; dot-named so the library list skips it. */
export const VERDICT_DIR = '.verdict'

/**
 * `<root>/.verdict/<segments…>`, created when missing. Every part must be a real folder: a symbolic
 * link planted in a library (a shared or synced folder) must not lead the app's writes elsewhere.
 */
export function privateDir(root: string, ...segments: string[]): Promise<string> {
  return plainFolder(root, VERDICT_DIR, ...segments)
}

/** `<parent>/<segments…>`, each part created when missing and refused when it is a link or a file. */
export async function plainFolder(parent: string, ...segments: string[]): Promise<string> {
  let path = parent
  for (const segment of segments) {
    path = join(path, segment)
    try {
      await mkdir(path)
    } catch (error) {
      if (!isErrnoCode(error, 'EEXIST')) throw describeIoError(error, `create ${path}`)
    }
    const info = await lstat(path)
    if (!info.isDirectory() || info.isSymbolicLink()) {
      fail('OUTSIDE_LIBRARY', `${path} is not a plain folder of the library (a link or a file?) and was not used.`)
    }
  }
  return path
}

/** Like privateDir but never creates anything: undefined when a part is missing or not a plain folder. */
export async function existingPrivateDir(root: string, ...segments: string[]): Promise<string | undefined> {
  let path = root
  for (const segment of [VERDICT_DIR, ...segments]) {
    path = join(path, segment)
    try {
      const info = await lstat(path)
      if (!info.isDirectory() || info.isSymbolicLink()) return undefined
    } catch {
      return undefined
    }
  }
  return path
}

/** Reads a file of the app's own folders without following a symbolic link planted there. */
export async function readPlainFile(path: string): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0))
  try {
    return await handle.readFile()
  } finally {
    await handle.close()
  }
}
