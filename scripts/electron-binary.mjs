// Where the Electron binary is, without letting the electron package try to download it
// (it does so on first require, which fails on machines without internet).
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** @returns {{ path: string } | { missing: string }} */
export function findElectron() {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathFile = join(pkgDir, 'path.txt')
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron'
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist')
  const path = join(dist, name)
  if (existsSync(path)) return { path }
  return {
    missing:
      `no Electron binary at ${path}: the electron package downloads it on first run, which needs internet. ` +
      'Set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron build to run the desktop app.',
  }
}
