/**
 * The end-to-end host: the browser mode (src/web) with hooks for tests — what the app asked the
 * system to open, the errors main logged, and answers for the pickers.
 */
import { startWebApp } from '../../src/web/app'
import type { Services } from '../../src/main/container'

export interface HostOptions {
  libraryDir: string
  settingsDir: string
  /** Fixed port for people; tests take a free one. */
  port?: number
  log?: (line: string) => void
}

export interface Host {
  /** The app's address, key included. */
  url: string
  /** The server's origin (`http://127.0.0.1:<port>`), for requests a test builds itself. */
  origin: string
  services: Services
  /** Errors main logged while serving, so tests can check what a user's log would say. */
  errors: string[]
  /** Files the app asked the system to open (a browser page cannot launch programs). */
  opened: string[]
  /** Links the app asked the system's browser or mail program to open. */
  links: string[]
  /**
   * What the pickers answer (null: cancelled) instead of showing the picker page; a test sets them
   * before clicking "Browse…". Left undefined, the app's own picker page shows.
   */
  picks: { folder?: string | null; file?: string | null }
  close(): Promise<void>
}

export async function startHost(options: HostOptions): Promise<Host> {
  const errors: string[] = []
  const opened: string[] = []
  const links: string[] = []
  const picks: Host['picks'] = {}
  const app = await startWebApp({
    ...options,
    log: (line) => {
      errors.push(line)
      options.log?.(line)
    },
    openPath: async (path) => void opened.push(path),
    openExternal: async (url) => void links.push(url),
    pickFolder: async () => picks.folder,
    pickFile: async () => picks.file,
  })
  return { url: app.url, origin: new URL(app.url).origin, services: app.services, errors, opened, links, picks, close: () => app.close() }
}
