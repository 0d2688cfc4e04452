/**
 * Theme files: `resources/themes/base.css` + `resources/themes/<name>/theme.css`, and the
 * library's own `<library>/.verdict/theme.css`, appended last by `renderPage`.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Theme } from '../pipeline'
import { fail, isErrnoCode } from '../errors'

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

/** Base + theme CSS, read once per process. */
export function loadTheme(themesDir: string, name: string): Promise<Theme> {
  if (!NAME.test(name)) fail('INVALID_ARGUMENT', `“${name}” is not a theme name.`)
  const key = `${themesDir}\0${name}`
  let theme = cache.get(key)
  if (!theme) {
    theme = readTheme(themesDir, name)
    cache.set(key, theme)
    theme.catch(() => cache.delete(key))
  }
  return theme
}

async function readTheme(themesDir: string, name: string): Promise<Theme> {
  let base: string
  let css: string
  try {
    ;[base, css] = await Promise.all([readFile(join(themesDir, 'base.css'), 'utf8'), readFile(join(themesDir, name, 'theme.css'), 'utf8')])
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) fail('NOT_FOUND', `The theme “${name}” is not installed.`)
    throw error
  }
  return { name, css: `${base}\n/* Theme: ${name} */\n${css}` }
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
