import { join } from 'node:path'
import type { AboutInfo } from '../shared/contract'
import { aboutInfo } from './desktop/about'
import { ScreenState } from './desktop/commands'
import { OpenRequests } from './desktop/openRequests'
import { QuitHandshake } from './desktop/quit'
import { EventBus } from './services/events'
import type { PdfPrinter, StyleDirs } from './services/export'
import { ConflictService } from './services/conflicts/conflicts'
import { machineId } from './services/fs/machineState'
import { HistoryService } from './services/history/history'
import { LibraryManager } from './services/library/manager'
import { TagRenames } from './services/library/tagRenames'
import { Letterboxd } from './services/letterboxd/letterboxd'
import { PagesService } from './services/pages/pages'
import { BlogLooks } from './services/blogLook/looks'
import { removeLeftoverTemps } from './services/recovery/boot'
import { RecoveryJournal } from './services/recovery/journal'
import { ReviewWrites } from './services/recovery/writes'
import { followPlace } from './services/settings/place'
import { createSettingsService, type KeyValueBackend, type SettingsService } from './services/settings/settings'
import { ReviewWatcher } from './services/watch/watcher'
import { loadTheme } from './services/export'
import { BlogStore } from './services/publish/blogs'
import type { Fetch } from './services/publish/http'
import { PublishService, type RetryPolicy } from './services/publish/service'
import { loadTargets } from './services/publish/blogTargets'
import { PathGrants } from './services/paths/grants'
import { createMemorySecretStore, type SecretStore } from './services/secrets/secrets'

/** What only the host (Electron, or the e2e test host) can provide. */
export interface Platform {
  documentsDir: string
  resourcesDir: string
  /** The critic blocks' folders, for each one's page.css (StyleDirs.blocks). */
  blocksDir: string
  /** The app's own folder (its code): never a library, nor any folder holding it. */
  appDir: string
  /** The user's home folder (the real one unless a test names another): never a library itself. */
  homeDir?: string
  /** The system folder picker; null when cancelled or when there is none. */
  pickFolder(): Promise<string | null>
  /** The system file picker, limited to these extensions; null when cancelled or when there is none. */
  pickFile(extensions: string[]): Promise<string | null>
  /** Opens a file with the system's default program (a page in the browser). */
  openPath(path: string): Promise<void>
  /** Opens an https or mailto link (checked by openLink first) in the system's browser or mail program. */
  openExternal(url: string): Promise<void>
  /** How the window loads a review's file: the asset protocol in the app, a host path in tests. */
  assetUrl(reviewId: string, relativePath: string): string
  /** Electron's printToPDF in the app; Chromium where the app runs in a browser. */
  printer: PdfPrinter
  /** The system's recent documents (Dock menu, Jump List), where there are any. */
  addRecentDocument?(path: string): void
}

export interface ContainerOptions {
  platform: Platform
  settingsBackend: KeyValueBackend
  /** The app's data folder on this machine (Electron's userData): per-machine state of each library. */
  dataDir: string
  env: { VERDICT_LIBRARY?: string | undefined }
  now?: () => Date
  /** The OS keychain in the app; memory where there is none (tests, the browser-hosted app). */
  secrets?: SecretStore
  /** Publishing's network and timing, for tests (real servers, shorter waits). */
  publish?: { fetch?: Fetch; retry?: RetryPolicy; outboxCheckMs?: number; claimSettleMs?: number; sleep?: (ms: number) => Promise<void> }
  log?: (message: string, detail?: unknown) => void
  /** What the About dialog shows; the app's version comes from the host (Electron's app, package.json). */
  about?: AboutInfo
  /** The host's queue of paths the system handed over, which may fill before the services exist. */
  openRequests?: OpenRequests
}

export interface Services {
  platform: Platform
  events: EventBus
  settings: SettingsService
  libraries: LibraryManager
  pages: PagesService
  history: HistoryService
  journal: RecoveryJournal
  watcher: ReviewWatcher
  /** The save path: history, save, recovery journal and watcher in one order (recovery/writes.ts). */
  writes: ReviewWrites
  /** Tags renamed or merged across the library, and undone. */
  tags: TagRenames
  /** Reviews left in conflict by a sync engine or git: both versions, their merge, the resolution. */
  conflicts: ConflictService
  /** A Letterboxd export imported as reviews; the film reviews exported for Letterboxd. */
  letterboxd: Letterboxd
  /** This machine's id in the library's shared files (fs/machineState.ts). */
  machine: string
  blogs: BlogStore
  publish: PublishService
  /** The screen the renderer shows (for the application menu). */
  screen: ScreenState
  about: AboutInfo
  /** The close handshake: the renderer saves before the app quits. */
  quit: QuitHandshake
  /** Paths the user picked in main's dialogs, behind the tokens the renderer hands back. */
  grants: PathGrants
  /** Paths the system handed over (opened with Verdict, command line, dropped), routed to the renderer. */
  openRequests: OpenRequests
}

/** Builds the main-process services in dependency order and opens the library. */
export async function createServices(options: ContainerOptions): Promise<Services> {
  const settings = createSettingsService(options.settingsBackend)
  const events = new EventBus()
  const watcher = new ReviewWatcher({ events })
  const folderRules = { appDir: options.platform.appDir, ...(options.platform.homeDir ? { homeDir: options.platform.homeDir } : {}) }
  const libraries: LibraryManager = new LibraryManager({
    settings,
    documentsDir: options.platform.documentsDir,
    dataDir: options.dataDir,
    resourcesDir: options.platform.resourcesDir,
    folderRules,
    ...(options.env.VERDICT_LIBRARY ? { envLibrary: options.env.VERDICT_LIBRARY } : {}),
    ...(options.now ? { now: options.now } : {}),
    onOpen: async (library) => {
      await removeLeftoverTemps(library.root)
      await library.layout()
      watcher.useLibrary(library.root, (id) => library.filePath(id), () => library.siteImagesDir())
    },
    // History is built after the library it reads; the callback only runs on a later save.
    keepAssets: (id): Promise<Set<string>> => history.assetsKeptByHistory(id),
  })
  await libraries.boot()
  const clock = options.now ? { now: options.now } : {}
  const history = new HistoryService({ libraries, ...clock })
  const journal = new RecoveryJournal({ libraries, ...clock })
  // The review reopened at the next start is kept by id: it follows a folder that follows its title.
  const writes = new ReviewWrites({ libraries, history, journal, watcher, moved: (from, to) => followPlace(settings, libraries.current(), from, to) })
  const conflicts = new ConflictService({ libraries, history, writes, watcher, ...clock })
  const { platform } = options
  const styleDirs: StyleDirs = { themes: join(platform.resourcesDir, 'themes'), blocks: platform.blocksDir }
  const machine = await machineId(options.dataDir)
  const blogs = new BlogStore({ libraries, machine, secrets: options.secrets ?? createMemorySecretStore(), ...(options.log ? { log: options.log } : {}) })
  const { fetch, ...publishTiming } = options.publish ?? {}
  const createTarget = await loadTargets()
  const publish = new PublishService({
    libraries,
    writes,
    events,
    blogs,
    settings,
    machine,
    createTarget: (blog, secret) =>
      createTarget(
        { blog, secret, ...(fetch ? { fetch } : {}) },
        {
          loadTheme: () => loadTheme(styleDirs, settings.get().theme),
          now: options.now ?? (() => new Date()),
          libraryDir: libraries.current().root,
        },
      ),
    ...publishTiming,
    ...clock,
    ...(options.log ? { log: options.log } : {}),
  })
  publish.start()
  const pages = new PagesService({
    libraries,
    settings,
    events,
    styleDirs,
    printer: platform.printer,
    assetUrl: (id, path) => platform.assetUrl(id, path),
    openPath: (path) => platform.openPath(path),
    blogs,
    publishing: publish,
    looks: new BlogLooks({ dataDir: options.dataDir, ...(options.publish?.fetch ? { fetch: options.publish.fetch } : {}), ...clock, ...(options.log ? { log: options.log } : {}) }),
  })
  const grants = new PathGrants()
  const openRequests = options.openRequests ?? new OpenRequests()
  openRequests.connect({
    context: () => ({ knownLibraries: [libraries.current().root, ...settings.get().recentLibraries], folderRules }),
    currentRoot: () => libraries.current().root,
    grants,
    emit: (event) => events.emit(event),
    ...(platform.addRecentDocument ? { addRecent: (path: string) => platform.addRecentDocument?.(path) } : {}),
    ...(options.log ? { log: options.log } : {}),
  })
  return {
    platform,
    events,
    settings,
    libraries,
    pages,
    history,
    journal,
    watcher,
    writes,
    tags: new TagRenames({ libraries, writes }),
    conflicts,
    letterboxd: new Letterboxd({ libraries, author: () => settings.get().author, ...clock }),
    machine,
    blogs,
    publish,
    screen: new ScreenState(),
    about: options.about ?? aboutInfo('development'),
    quit: new QuitHandshake({
      emit: (event) => events.emit(event),
      writesIdle: async () => void (await Promise.all([writes.idle(), journal.idle()])),
      ...(options.log ? { log: options.log } : {}),
    }),
    grants,
    openRequests,
  }
}

/** Lets started writes (saves, versions, moves) and journal writes finish and stops watching, before the process exits. */
export async function shutdownServices(services: Services): Promise<void> {
  services.publish.stop()
  // Saves, versions, renames and trashing already started finish before the library closes.
  await services.writes.idle()
  services.libraries.current().close()
  await services.journal.idle()
  services.watcher.close()
}
