/** App lifecycle only: everything with behaviour lives in services that also run under plain Node. */
/// <reference types="electron-vite/node" />
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, Menu, net, Notification, protocol, safeStorage, session, shell } from 'electron'
import ElectronStore from 'electron-store'
import electronUpdater from 'electron-updater'
import { ASSET_SCHEME, assetProtocolUrl, EVENT_CHANNEL } from '../shared/contract'
import type { Settings } from '../shared/model'
import { ElectronPrinter } from './electronPrinter'
import { createServices, shutdownServices } from './container'
import { createHandlers } from './routes'
import { registerIpc } from './ipc'
import { APP_SCHEME, APP_URL, appProtocolFile, appProtocolPreview, rendererPolicy } from './rendererFiles'
import { PREVIEW_HEADERS } from './services/pages/previewPages'
import { decodePathSegments, resolveReviewFile } from './services/assets/resolve'
import readerWorker from './services/library/readerWorker?modulePath'
import searchWorker from './services/search/searchWorker?modulePath'
import { useWorkerBundles } from './services/workers'
import { createKeychainSecretStore } from './services/secrets/secrets'
import type { KeyValueBackend } from './services/settings/settings'
import { createMainWindow, openExternalLink } from './window'
import { aboutInfo } from './desktop/about'
import { createCommandRunner } from './desktop/commands'
import { createLogFile } from './desktop/logFile'
import { menuTemplate } from './desktop/menu'
import { notifyOutboxResults } from './desktop/notifications'
import { OpenRequests, pathsFromArgv } from './desktop/openRequests'
import { channelFile, feedUrl, readFeed, scheduleUpdateChecks } from './desktop/updates'

// The renderer loads from app:// (a standard, secure origin of its own confined to out/renderer), not file://.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true, stream: true } },
])

const rendererDir = join(import.meta.dirname, '../renderer')
const rendererUrl = process.env['ELECTRON_RENDERER_URL']
const appUrl = rendererUrl ?? APP_URL
const isAppUrl = (url: string): boolean => url.split(/[?#]/)[0] === appUrl.split(/[?#]/)[0]

app.enableSandbox()
useWorkerBundles({ reader: readerWorker, search: searchWorker })
// Lets tests (and portable installs) keep settings out of the user's real profile.
if (process.env['VERDICT_USER_DATA']) app.setPath('userData', process.env['VERDICT_USER_DATA'])

// One instance per profile: a second launch hands its paths to this one and quits.
const primary = app.requestSingleInstanceLock()
if (!primary) app.quit()
// Paths the system hands over (desktop/openRequests.ts), queued until the window listens.
const openRequests = new OpenRequests()
const argvPaths = (argv: string[], cwd: string): string[] => pathsFromArgv(argv, { defaultApp: process.defaultApp === true, cwd })
for (const path of argvPaths(process.argv, process.cwd())) openRequests.open(path)
// macOS: a file opened with Verdict in Finder or the Dock, possibly before the app is ready.
let showWindow = (): void => undefined
app.on('open-file', (event, path) => {
  event.preventDefault()
  openRequests.open(path)
  showWindow()
})
app.on('second-instance', (_event, argv, workingDirectory) => {
  for (const path of argvPaths(argv, workingDirectory)) openRequests.open(path)
  showWindow()
})

const logFile = join(app.getPath('logs'), 'main.log')
const writeLog = createLogFile(logFile)
const log = {
  error: (message: string, detail?: unknown) => {
    console.error(`[verdict] ${message}`, detail ?? '')
    writeLog(message, detail)
  },
}
process.on('uncaughtException', (error) => log.error('Uncaught error', error))
process.on('unhandledRejection', (reason) => log.error('Unhandled rejection', reason))

void app.whenReady().then(async () => {
  if (!primary) return
  const settingsStore: KeyValueBackend = new ElectronStore<Partial<Settings>>({ name: 'settings' })
  // Only ciphertexts from safeStorage, in a file of their own: never in the settings file.
  const cipherFile = new ElectronStore<Record<string, string>>({ name: 'secrets' })
  const services = await createServices({
    platform: {
      documentsDir: app.getPath('documents'),
      resourcesDir: app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'),
      // electron-builder.yml copies each block's page.css there.
      blocksDir: app.isPackaged ? join(process.resourcesPath, 'blocks') : join(app.getAppPath(), 'src', 'blocks'),
      appDir: app.getAppPath(),
      async pickFolder() {
        const result = await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] })
        return result.canceled ? null : (result.filePaths[0] ?? null)
      },
      async pickFile(extensions) {
        const result = await dialog.showOpenDialog({ properties: ['openFile'], filters: [{ name: 'Reviews', extensions }] })
        return result.canceled ? null : (result.filePaths[0] ?? null)
      },
      async openPath(path) {
        const error = await shell.openPath(path)
        if (error) throw new Error(error)
      },
      openExternal: openExternalLink,
      assetUrl: assetProtocolUrl,
      printer: new ElectronPrinter(),
      addRecentDocument: (path) => app.addRecentDocument(path),
    },
    settingsBackend: settingsStore,
    dataDir: app.getPath('userData'),
    env: { VERDICT_LIBRARY: process.env['VERDICT_LIBRARY'] },
    secrets: createKeychainSecretStore({
      safeStorage,
      file: { get: (key) => cipherFile.get(key), set: (key, value) => cipherFile.set(key, value), delete: (key) => cipherFile.delete(key) },
      allowWeakFile: () => settingsStore.store.keepSecretsWithoutKeyring === true,
    }),
    log: log.error,
    about: aboutInfo(app.getVersion()),
    openRequests,
  })
  registerIpc(createHandlers(services), isAppUrl, log, (path) => openRequests.open(path))
  const policy = await rendererPolicy(rendererDir)
  protocol.handle(APP_SCHEME, async (request) => {
    const preview = appProtocolPreview((pathname) => services.pages.previews.get(pathname), request.url)
    if (preview !== undefined) return new Response(preview, { status: 200, headers: PREVIEW_HEADERS })
    const served = await appProtocolFile(rendererDir, request.url, policy)
    if (!served) return new Response('Not found', { status: 404 })
    const file = await net.fetch(pathToFileURL(served.file).toString())
    return new Response(file.body, { status: 200, headers: served.headers })
  })
  protocol.handle(ASSET_SCHEME, async (request) => {
    try {
      const file = await resolveReviewFile(services.libraries.current(), decodePathSegments(new URL(request.url).pathname))
      return net.fetch(pathToFileURL(file).toString())
    } catch (error) {
      log.error(`Refused ${request.url}`, error)
      return new Response('Not found', { status: 404 })
    }
  })
  services.events.subscribe((event) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(EVENT_CHANNEL, event)
  })
  const runCommand = createCommandRunner({
    emit: (event) => services.events.emit(event),
    libraryRoot: () => services.libraries.current().root,
    logFile,
    version: app.getVersion(),
    openPath: (path) => services.platform.openPath(path),
    openExternal: openExternalLink,
    log: log.error,
  })
  const installMenu = (): void => {
    const state = { screen: services.screen.current(), focusMode: services.screen.focusMode(), platform: process.platform, packaged: app.isPackaged, appName: app.name }
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(state, runCommand)))
  }
  installMenu()
  services.screen.subscribe(installMenu)
  // The close handshake (desktop/quit.ts) runs once, whichever comes first: Quit, or closing the last window.
  let flushing: Promise<unknown> | null = null
  let flushed = false
  let quitting = false
  const flushOnce = (): Promise<unknown> =>
    (flushing ??= services.quit
      .prepare({ renderer: BrowserWindow.getAllWindows().some((win) => !win.webContents.isCrashed()) })
      .finally(() => (flushed = true)))
  app.on('browser-window-created', (_event, win) => {
    win.on('close', (event) => {
      if (flushed) return
      event.preventDefault()
      void flushOnce().finally(() => {
        win.close()
        // Only closing a window (macOS keeps running): its next window's close asks again.
        if (!quitting) [flushing, flushed] = [null, false]
      })
    })
  })
  // The spelling languages last chosen in the right-click menu, those the spellchecker still has.
  const spelling = services.settings.get().spellingLanguages.filter((language) => session.defaultSession.availableSpellCheckerLanguages.includes(language))
  if (spelling.length) session.defaultSession.setSpellCheckerLanguages(spelling)
  const windowStore = new ElectronStore<{ state?: unknown }>({ name: 'window-state' })
  const open = (): BrowserWindow => {
    const win = createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      appUrl,
      isAppUrl,
      rememberSpelling: (languages) => services.settings.update({ spellingLanguages: languages }),
      state: { stored: () => windowStore.get('state'), save: (state) => windowStore.set('state', state) },
      log: log.error,
    })
    // Until its page shows a screen (reportScreen), handed-over paths wait for it.
    win.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) openRequests.rendererGone()
    })
    win.on('closed', () => openRequests.rendererGone())
    return win
  }
  open()
  showWindow = () => {
    const [win] = BrowserWindow.getAllWindows()
    if (!win) return void open()
    if (win.isMinimized()) win.restore()
    win.focus()
  }
  if (Notification.isSupported()) {
    notifyOutboxResults({
      events: services.events,
      create: (options) => new Notification(options),
      focused: () => BrowserWindow.getFocusedWindow() !== null,
      openReview: (id) => {
        // With no window left (macOS), a new one opens at the library: the review is one click away.
        showWindow()
        services.events.emit({ type: 'open-review', id })
      },
    })
  }
  // Only a packaged app has an update feed (app-update.yml, from electron-builder.yml's `publish:`).
  if (app.isPackaged) {
    const { autoUpdater } = electronUpdater
    scheduleUpdateChecks({
      allowed: () => services.settings.get().checkForUpdates,
      onSettingsChange: (listener) => services.settings.subscribe(listener),
      current: app.getVersion(),
      latest: async () =>
        readFeed(feedUrl(await readFile(join(process.resourcesPath, 'app-update.yml'), 'utf8')), channelFile(process.platform, process.arch), (url) => net.fetch(url)),
      // electron-updater downloads it (checked against the feed's sha512) and installs it on quit.
      install: async () => void (await autoUpdater.checkForUpdates()),
      log: log.error,
    })
    autoUpdater.on('update-downloaded', (info) => {
      if (Notification.isSupported()) new Notification({ title: `Verdict ${info.version} is ready`, body: 'It is installed when you quit Verdict.' }).show()
    })
  }
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open()
  })
  let shutDown = false
  app.on('before-quit', (event) => {
    if (shutDown) return
    event.preventDefault()
    quitting = true
    void flushOnce()
      .then(() => shutdownServices(services))
      .finally(() => {
        shutDown = true
        app.quit()
      })
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
