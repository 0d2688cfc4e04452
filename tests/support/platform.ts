/**
 * The main process's platform for services run headless under Node (the publish harness, fault
 * children): no pickers, no system programs, no PDF printer.
 */
import { join, resolve } from 'node:path'
import type { Platform } from '../../src/main/container'

const ROOT = resolve(import.meta.dirname, '../..')

export function headlessPlatform(libraryDir: string): Platform {
  return {
    documentsDir: libraryDir,
    resourcesDir: join(ROOT, 'resources'),
    blocksDir: join(ROOT, 'src', 'blocks'),
    appDir: ROOT,
    pickFolder: async () => null,
    pickFile: async () => null,
    openPath: async () => {},
    openExternal: async () => {},
    assetUrl: (id, path) => `/__asset/${id}/${path}`,
    printer: { print: async () => Promise.reject(new Error('No PDF printer in headless services.')) },
  }
}
