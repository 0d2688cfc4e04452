/**
 * This machine's own state of a library: the list and search caches, the crash-recovery journal and
 * the locks. It lives in the app's data folder, `<data>/libraries/<folder name>-<hash of its path>/`,
 * never in the library: a library synced to other machines (Syncthing, Dropbox, iCloud…) would carry
 * one machine's caches, unsaved drafts and locks to the others, and two machines rewriting one cache
 * file make the sync engine's conflict copies.
 */
import { createHash, randomUUID } from 'node:crypto'
import { copyFile, mkdir, readdir, readFile, realpath, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { describeIoError, isErrnoCode } from '../errors'
import { existingPrivateDir } from '../recovery/privateDir'
import { writeFileAtomic } from './atomicWrite'

/** The folder for `root` (its real path: a library reached through a link is the same library). */
export async function machineStateDir(dataDir: string, root: string): Promise<string> {
  const real = await realpath(root).catch(() => root)
  const name = basename(real).replace(/[^\w.-]+/g, '_').slice(0, 40)
  return join(dataDir, 'libraries', `${name}-${createHash('sha256').update(real).digest('hex').slice(0, 16)}`)
}

/** `<stateDir>/<segments…>`, created when missing. */
export async function localDir(stateDir: string, ...segments: string[]): Promise<string> {
  const path = join(stateDir, ...segments)
  try {
    await mkdir(path, { recursive: true })
  } catch (error) {
    throw describeIoError(error, `create ${path}`)
  }
  return path
}

/** Like localDir but never creates anything: undefined when it does not exist. */
export async function existingLocalDir(stateDir: string, ...segments: string[]): Promise<string | undefined> {
  const path = join(stateDir, ...segments)
  try {
    return (await stat(path)).isDirectory() ? path : undefined
  } catch {
    return undefined
  }
}

/**
 * Older versions kept this state in the library's `.verdict/`. The first time this machine opens the
 * library (no state folder yet), those files are moved into it once, so a cache is not rebuilt and an
 * unsaved draft is still offered; then they leave the library, so no other machine adopts them later.
 */
export async function adoptLegacyState(root: string, stateDir: string, names: { files: string[]; dirs: string[] }): Promise<void> {
  if (await existingLocalDir(stateDir)) return
  const legacy = await existingPrivateDir(root)
  await localDir(stateDir)
  if (!legacy) return
  const moves: Array<[string, string]> = names.files.map((name) => [join(legacy, name), join(stateDir, name)])
  for (const dir of names.dirs) {
    const from = await existingPrivateDir(root, dir)
    if (!from) continue
    const to = await localDir(stateDir, dir)
    for (const entry of await readdir(from, { withFileTypes: true })) if (entry.isFile()) moves.push([join(from, entry.name), join(to, entry.name)])
  }
  for (const [from, to] of moves) {
    try {
      // Copied, not renamed: the data folder may be on another disk than the library.
      await copyFile(from, to)
      await rm(from)
    } catch (error) {
      if (!isErrnoCode(error, 'ENOENT')) throw describeIoError(error, `move ${from} to this machine's app data`)
    }
  }
}

/** A machine id as written: twelve lowercase letters and digits (the names of the shared per-machine files). */
export const MACHINE_ID = /^[a-z0-9]{12}$/

/**
 * This machine's id in the library's shared files (the per-machine files of the outbox, blogs and
 * publish logs, the outbox's claims): drawn once and kept in the app's data folder, so it stays the
 * same across restarts and libraries and differs between machines, even ones with the same host name.
 */
export async function machineId(dataDir: string): Promise<string> {
  const path = join(dataDir, 'machine-id')
  try {
    const stored = (await readFile(path, 'utf8')).trim()
    if (MACHINE_ID.test(stored)) return stored
  } catch (error) {
    if (!isErrnoCode(error, 'ENOENT')) throw describeIoError(error, 'read this machine’s id')
  }
  const id = randomUUID().replace(/-/g, '').slice(0, 12)
  await mkdir(dataDir, { recursive: true })
  await writeFileAtomic(path, `${id}\n`)
  return id
}
