/**
 * The main process's platform for services run headless under Node (the publish harness, fault
 * children): no pickers, no system programs, no PDF printer.
 */
import { join, resolve } from 'node:path'
import type { Platform } from '../../src/main/container'

const ROOT = resolve(import.meta.dirname, '../..')

/** `appDir`: the repository (resources/ and src/blocks inside); a bundled child names it, its own folder being the bundle's. */
export function headlessPlatform(libraryDir: string, appDir = ROOT): Platform {
  return {
    documentsDir: libraryDir,
    resourcesDir: join(appDir, 'resources'),
    blocksDir: join(appDir, 'src', 'blocks'),
    appDir,
    pickFolder: async () => null,
    pickFile: async () => null,
    openPath: async () => {},
    openExternal: async () => {},
    assetUrl: (id, path) => `/__asset/${id}/${path}`,
    printer: { print: async () => Promise.reject(new Error('No PDF printer in headless services.')) },
  }
}
