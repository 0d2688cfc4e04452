import { cp, mkdir, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { LibraryInfo, LibraryLayout } from '../../../shared/model'
import { describeIoError, fail, isErrnoCode } from '../errors'
import { checkLibraryFolder, type FolderRules } from '../paths/libraryFolder'
import { adoptLegacyState, machineStateDir } from '../fs/machineState'
import { RECOVERY_DIR } from '../recovery/journal'
import { SEARCH_FILE } from '../search/searchIndex'
import type { SettingsService } from '../settings/settings'
import { INDEX_FILE } from './indexStore'
import { Library } from './library'

export const WELCOME_ID = 'welcome-to-verdict'

export interface LibraryManagerOptions {
  settings: SettingsService
  /** Where the default library lives: `<documents>/Verdict`. */
  documentsDir: string
  /** The app's data folder on this machine: each library's caches, drafts and locks live under it (fs/machineState.ts). */
  dataDir: string
  /** Folder holding `welcome/` (the review every new library starts with). */
  resourcesDir: string
  /** What a folder picked as a library may not be (the app's folder, home, system folders). */
  folderRules: FolderRules
  /** `VERDICT_LIBRARY`: wins over the settings for this run and is not remembered. */
  envLibrary?: string
  now?: () => Date
  /** Runs each time a library folder is taken into use (boot, switch): recovery's clean-up, the watcher. */
  onOpen?: (library: Library) => Promise<void>
  /** Passed to each Library: assets version history still needs. */
  keepAssets?: (id: string) => Promise<Set<string>>
}

/** Holds the library in use and switches between library folders. */
export class LibraryManager {
  private library: Library | undefined

  constructor(private readonly options: LibraryManagerOptions) {}

  /** Opens the library chosen by environment, settings, or the default, in that order. */
  async boot(): Promise<LibraryInfo> {
    const { envLibrary, settings, documentsDir } = this.options
    if (envLibrary) return this.use(resolve(envLibrary), false)
    return this.use(settings.get().libraryPath || join(documentsDir, 'Verdict'), true)
  }

  /** Opens a folder the user picked (checked against folderRules; created when missing). */
  async switchTo(picked: string): Promise<LibraryInfo> {
    return this.use(await checkLibraryFolder(picked, this.options.folderRules), true)
  }

  /** Opens one of the recent libraries by its name in the list; nothing else is taken. */
  async switchToRecent(path: string): Promise<LibraryInfo> {
    if (!this.options.settings.get().recentLibraries.includes(path)) fail('INVALID_ARGUMENT', `“${path.slice(0, 200)}” is not one of your recent libraries; choose it with “Browse…”.`)
    return this.switchTo(path)
  }

  current(): Library {
    if (!this.library) throw new Error('No library is open yet')
    return this.library
  }

  async info(): Promise<LibraryInfo> {
    const { recentLibraries, exportDir } = this.options.settings.get()
    const library = this.current()
    return { path: library.root, layout: await library.layout(), recent: recentLibraries, exportDir: exportDir || defaultExportDir(library.root) }
  }

  /** Keeps the critic's choice of how the library in use lays out its reviews. */
  async setLayout(layout: LibraryLayout): Promise<LibraryInfo> {
    await this.current().setLayout(layout)
    return this.info()
  }

  private async use(root: string, remember: boolean): Promise<LibraryInfo> {
    const created = await ensureFolder(root)
    if (created) await this.seedWelcome(root)
    const stateDir = await machineStateDir(this.options.dataDir, root)
    await adoptLegacyState(root, stateDir, { files: [INDEX_FILE, SEARCH_FILE], dirs: [RECOVERY_DIR] })
    this.library?.close()
    this.library = new Library({
      root,
      stateDir,
      defaultAuthor: () => this.options.settings.get().author,
      ...(this.options.now ? { now: this.options.now } : {}),
      ...(this.options.keepAssets ? { keepAssets: this.options.keepAssets } : {}),
    })
    await this.options.onOpen?.(this.library)
    if (remember) this.options.settings.rememberLibrary(root)
    return this.info()
  }

  private async seedWelcome(root: string): Promise<void> {
    try {
      await cp(join(this.options.resourcesDir, 'welcome'), join(root, WELCOME_ID), { recursive: true })
    } catch (error) {
      throw describeIoError(error, 'add the welcome review to the new library')
    }
  }
}

/** “Verdict Exports” beside the library: for the default library, `<Documents>/Verdict Exports`. */
export function defaultExportDir(libraryRoot: string): string {
  return join(dirname(libraryRoot), 'Verdict Exports')
}

/** Creates the folder when missing; true when it had to be created. */
async function ensureFolder(path: string): Promise<boolean> {
  try {
    if ((await stat(path)).isDirectory()) return false
  } catch (error) {
    if (!isErrnoCode(error, 'ENOENT')) throw describeIoError(error, `open the library ${path}`)
  }
  try {
    await mkdir(path, { recursive: true })
  } catch (error) {
    throw describeIoError(error, `create the library folder ${path}`)
  }
  return true
}
