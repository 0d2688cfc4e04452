import { EventBus } from './services/events'
import { LibraryManager } from './services/library/manager'
import { createSettingsService, type KeyValueBackend, type SettingsService } from './services/settings/settings'

/** What only the host (Electron, or the e2e test host) can provide. */
export interface Platform {
  documentsDir: string
  resourcesDir: string
  /** The system folder picker; null when cancelled or when there is none. */
  pickFolder(): Promise<string | null>
}

export interface ContainerOptions {
  platform: Platform
  settingsBackend: KeyValueBackend
  env: { VERDICT_LIBRARY?: string | undefined }
  now?: () => Date
}

export interface Services {
  platform: Platform
  events: EventBus
  settings: SettingsService
  libraries: LibraryManager
}

/** Builds the main-process services in dependency order and opens the library. */
export async function createServices(options: ContainerOptions): Promise<Services> {
  const settings = createSettingsService(options.settingsBackend)
  const libraries = new LibraryManager({
    settings,
    documentsDir: options.platform.documentsDir,
    resourcesDir: options.platform.resourcesDir,
    ...(options.env.VERDICT_LIBRARY ? { envLibrary: options.env.VERDICT_LIBRARY } : {}),
    ...(options.now ? { now: options.now } : {}),
  })
  await libraries.boot()
  return { platform: options.platform, events: new EventBus(), settings, libraries }
}
