import type { AboutInfo } from '../../shared/contract'

/** The About dialog's facts: under Electron `process.versions` also names Electron and Chromium. */
export function aboutInfo(version: string): AboutInfo {
  const { electron, chrome, node, v8 } = process.versions
  return {
    name: 'Verdict',
    version,
    versions: { node, v8, ...(electron ? { electron } : {}), ...(chrome ? { chrome } : {}) },
    licence: 'MIT',
  }
}
