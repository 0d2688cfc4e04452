/**
 * Theme files: `resources/themes/base.css`, each critic block's `page.css` from its folder,
 * `resources/themes/<name>/theme.css`, and the library's own `<library>/.verdict/theme.css`,
 * appended last by `renderPage`.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { CRITIC_BLOCKS } from '../../blocks'
import type { Theme } from '../pipeline'
import { fail, isErrnoCode } from '../errors'

/** Where the page's stylesheets are. */
export interface StyleDirs {
  /** base.css and a folder per theme (resources/themes). */
  themes: string
  /** A folder per critic block, named by its type, holding its `page.css`: src/blocks in a checkout, resources/blocks in a packaged app. */
  blocks: string
}

export const BUILT_IN_THEMES = ['classic', 'magazine', 'minimal'] as const
export const DEFAULT_THEME = 'classic'
export const USER_CSS_PATH = ['.verdict', 'theme.css'] as const
/** A library stylesheet above this size is ignored (it is hand-written CSS, not an asset). */
export const MAX_USER_CSS_BYTES = 512 * 1024

const NAME = /^[a-z0-9][a-z0-9-]{0,40}$/
const cache = new Map<string, Promise<Theme>>()

/** Theme names found under `themesDir` (folders with a theme.css). */
export async function listThemes(themesDir: string): Promise<string[]> {
  const entries = await readdir(themesDir, { withFileTypes: true })
  const names: string[] = []
  for (const entry of entries) {
    if (!entry.isDirectory() || !NAME.test(entry.name)) continue
    try {
      await stat(join(themesDir, entry.name, 'theme.css'))
      names.push(entry.name)
    } catch {
      // not a theme
    }
  }
  return names.sort()
}

/** Base, blocks' and theme CSS, read once per process. */
export function loadTheme(dirs: StyleDirs, name: string): Promise<Theme> {
  if (!NAME.test(name)) fail('INVALID_ARGUMENT', `“${name}” is not a theme name.`)
  const key = `${dirs.themes}\0${dirs.blocks}\0${name}`
  let theme = cache.get(key)
  if (!theme) {
    theme = readTheme(dirs, name)
    cache.set(key, theme)
    theme.catch(() => cache.delete(key))
  }
  return theme
}

/** The theme overrides what the blocks' CSS sets, which builds on the base. */
async function readTheme(dirs: StyleDirs, name: string): Promise<Theme> {
  const [base, blocks, css] = await Promise.all([readThemeFile(dirs.themes, 'base.css', name), readBlocksCss(dirs.blocks), readThemeFile(dirs.themes, join(name, 'theme.css'), name)])
  return { name, css: `${base}\n${blocks}\n/* Theme: ${name} */\n${css}` }
}

async function readThemeFile(themesDir: string, path: string, name: string): Promise<string> {
  try {
    return await readFile(join(themesDir, path), 'utf8')
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) fail('NOT_FOUND', `The theme “${name}” is not installed.`)
    throw error
  }
}

/** Each critic block's look on the page, from its own folder, in the Insert menu's order: a new block brings its own. */
async function readBlocksCss(blocksDir: string): Promise<string> {
  const parts = await Promise.all(
    CRITIC_BLOCKS.map(async ({ model: { type } }) => {
      const path = join(blocksDir, type, 'page.css')
      try {
        return `/* Block: ${type} */\n${await readFile(path, 'utf8')}`
      } catch (error) {
        if (isErrnoCode(error, 'ENOENT')) fail('NOT_FOUND', `The page stylesheet of the ${type} block is missing (${path}): this copy of Verdict is incomplete.`)
        throw error
      }
    }),
  )
  return parts.join('\n')
}

/** The library's `.verdict/theme.css`, or undefined when there is none (or it is unreasonably big). */
export async function loadUserCss(libraryRoot: string): Promise<string | undefined> {
  const path = join(libraryRoot, ...USER_CSS_PATH)
  try {
    const info = await stat(path)
    if (!info.isFile() || info.size > MAX_USER_CSS_BYTES) return undefined
    return await readFile(path, 'utf8')
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT', 'ENOTDIR')) return undefined
    throw error
  }
}
