/**
 * Which folders may become a library. Switching library creates the folder, seeds it and later
 * moves its sub-folders into `.trash`: pointed at the home folder, a system folder or the app's own
 * files, that would move the user's Documents, /etc or the app itself. The folder is judged by its
 * real path (symlinks resolved), so a link to a refused folder is refused too.
 */
import { homedir } from 'node:os'
import { isAbsolute, parse, relative, resolve, sep } from 'node:path'
import { fail } from '../errors'
import { realPathOfNearest } from '../fs/realPath'

export interface FolderRules {
  /** The app's own folder (its code and resources). */
  appDir: string
  homeDir?: string
  platform?: NodeJS.Platform
}

/** Folders nothing of the user's lives in: refused with everything below them. */
const SYSTEM_TREES: Partial<Record<NodeJS.Platform, string[]>> & { default: string[] } = {
  default: ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/libx32', '/proc', '/run', '/sbin', '/snap', '/sys', '/usr', '/var/lib', '/var/log', '/var/cache', '/var/run'],
  darwin: ['/bin', '/cores', '/dev', '/etc', '/private/etc', '/private/var/db', '/sbin', '/System', '/Library', '/Applications', '/usr'],
  win32: ['C:\\Windows', 'C:\\Program Files', 'C:\\Program Files (x86)', 'C:\\ProgramData'],
}

/** Folders that hold many users' or many things' folders: refused themselves, allowed below. */
const SHARED_ROOTS: Partial<Record<NodeJS.Platform, string[]>> & { default: string[] } = {
  default: ['/home', '/media', '/mnt', '/srv', '/tmp', '/var', '/var/tmp'],
  darwin: ['/Users', '/Volumes', '/private', '/private/tmp', '/private/var', '/tmp', '/var'],
  win32: ['C:\\Users'],
}

/** Resolves and checks a folder picked to be a library; returns the path to use. */
export async function checkLibraryFolder(picked: string, rules: FolderRules): Promise<string> {
  if (picked.includes('\0') || !isAbsolute(picked)) fail('INVALID_ARGUMENT', `“${picked.slice(0, 200)}” is not a full folder path.`)
  const platform = rules.platform ?? process.platform
  const path = await realPathOfNearest(resolve(picked))
  const home = await realPathOfNearest(resolve(rules.homeDir ?? homedir()))
  const app = await realPathOfNearest(resolve(rules.appDir))
  const refuse = (why: string): never => fail('INVALID_ARGUMENT', `“${picked}” cannot be a library: ${why}. Choose or create a folder of its own, such as Documents/Verdict.`)

  if (parse(path).root === path) refuse('it is the top of a disk')
  if (same(path, home, platform)) refuse('it is your home folder itself')
  if (within(path, app, platform) || within(app, path, platform)) refuse('it holds Verdict’s own files')
  const trees = SYSTEM_TREES[platform] ?? SYSTEM_TREES.default
  if (trees.some((tree) => within(path, tree, platform))) refuse('it is a system folder')
  const shared = SHARED_ROOTS[platform] ?? SHARED_ROOTS.default
  if (shared.some((root) => same(path, root, platform))) refuse('it is a folder shared by the whole system')
  return path
}


function same(a: string, b: string, platform: NodeJS.Platform): boolean {
  return platform === 'win32' || platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b
}

/** True when `path` is `folder` or inside it. */
function within(path: string, folder: string, platform: NodeJS.Platform): boolean {
  const rel = relative(platform === 'win32' || platform === 'darwin' ? folder.toLowerCase() : folder, platform === 'win32' || platform === 'darwin' ? path.toLowerCase() : path)
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel))
}
