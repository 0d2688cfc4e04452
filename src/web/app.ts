/**
 * Verdict in a browser: the real main-process services behind the loopback server, for machines
 * without an Electron binary (`npm start` falls back to it) and for the end-to-end tests.
 */
import { join, resolve } from 'node:path'
import { assetSegments } from '../shared/critic'
import { createServices, shutdownServices, type Platform, type Services } from '../main/container'
import { createHandlers } from '../main/routes'
import { createChromiumPrinter } from '../main/services/export'
import { createConfBackend } from '../main/services/settings/conf'
import { PickerBroker } from './picker'
import { startWebServer, type WebServer } from './server'

/** The checkout (or installed app) holding resources/ and the built renderer in out/renderer. */
export const APP_DIR = resolve(import.meta.dirname, '../..')

export interface WebAppOptions {
  /** The library folder (created with the welcome review when missing). */
  libraryDir: string
  /** Where the settings file lives, and this machine's state of each library (caches, drafts, locks). */
  settingsDir: string
  /** Fixed port for people; 0 (the default) takes a free one. */
  port?: number
  log?: (line: string) => void
  /** What a browser page cannot do itself: open files and links with the system's programs. */
  openPath?: Platform['openPath']
  openExternal?: Platform['openExternal']
  /** Stand-ins for the picker page (tests that are not about the picker); return undefined to show it. */
  pickFolder?: () => Promise<string | null | undefined>
  pickFile?: () => Promise<string | null | undefined>
}

export interface WebApp {
  /** The address to open, with this start's key. */
  url: string
  services: Services
  server: WebServer
  close(): Promise<void>
}

export async function startWebApp(options: WebAppOptions): Promise<WebApp> {
  const log = {
    error: (message: string, detail?: unknown) => options.log?.(detail ? `${message} ${String(detail)}` : message),
  }
  const picker = new PickerBroker()
  const printer = createChromiumPrinter()
  const nowhere = async (what: string) => log.error(`A browser page cannot open ${what}; open it yourself.`)
  const services = await createServices({
    platform: {
      documentsDir: options.libraryDir,
      resourcesDir: join(APP_DIR, 'resources'),
      blocksDir: join(APP_DIR, 'src', 'blocks'),
      appDir: APP_DIR,
      pickFolder: async () => orPicker(await options.pickFolder?.(), () => picker.pick('folder')),
      pickFile: async (extensions) => orPicker(await options.pickFile?.(), () => picker.pick('file', extensions)),
      openPath: options.openPath ?? nowhere,
      openExternal: options.openExternal ?? nowhere,
      assetUrl: (id, path) => `/__asset/${[id, ...assetSegments(path)].map(encodeURIComponent).join('/')}`,
      printer,
    },
    settingsBackend: createConfBackend(options.settingsDir),
    dataDir: options.settingsDir,
    env: { VERDICT_LIBRARY: options.libraryDir },
  })
  const server = await startWebServer({
    handlers: createHandlers(services),
    events: services.events,
    library: () => services.libraries.current(),
    picker,
    previewPage: (pathname) => services.pages.previews.get(pathname),
    rendererDir: join(APP_DIR, 'out/renderer'),
    port: options.port ?? 0,
    log,
  }).catch(async (error: unknown) => {
    // No server (its port taken): the services started for it stop again.
    await shutdownServices(services)
    await printer.close()
    throw error
  })
  return {
    url: server.url,
    services,
    server,
    // No new request first, then what requests started is finished.
    close: async () => {
      await server.close()
      await shutdownServices(services)
      await printer.close()
    },
  }
}

function orPicker(given: string | null | undefined, show: () => Promise<string | null>): Promise<string | null> {
  return given === undefined ? show() : Promise.resolve(given)
}
