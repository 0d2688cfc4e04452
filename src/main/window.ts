import { app, BrowserWindow, clipboard, dialog, Menu, nativeTheme, screen, session, shell, type WebContents } from 'electron'
import { contextMenuTemplate } from './desktop/contextMenu'
import { RendererHealth, reloadedUrl } from './desktop/rendererHealth'
import { placeWindow, type WindowState } from './desktop/windowState'
import { externalUrl, isLinkInAppFrame, WINDOW_SIZES, windowOptions } from './windowOptions'

/** Hands a link to the system browser or mail program when externalUrl lets it out; does nothing otherwise. */
export async function openExternalLink(url: string): Promise<void> {
  const safe = externalUrl(url)
  if (safe) await shell.openExternal(safe)
}

export interface MainWindowOptions {
  preloadPath: string
  appUrl: string
  isAppUrl: (url: string) => boolean
  rememberSpelling: (languages: string[]) => void
  /** The window as it was last left (unchecked: placeWindow checks it), and where to keep it. */
  state: { stored: () => unknown; save: (state: WindowState) => void }
  log: (message: string, detail?: unknown) => void
}

/** Creates the main window where it was left: no new windows, no navigation away, no permissions. */
export function createMainWindow({ preloadPath, appUrl, isAppUrl, rememberSpelling, state, log }: MainWindowOptions): BrowserWindow {
  const displays = screen.getAllDisplays().map((display) => display.workArea)
  const placement = placeWindow(state.stored(), displays, screen.getPrimaryDisplay().workArea, WINDOW_SIZES)
  const win = new BrowserWindow({ ...windowOptions(preloadPath, nativeTheme.shouldUseDarkColors), ...placement.bounds })
  win.on('close', () => state.save({ bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() }))
  showContextMenus(win.webContents, rememberSpelling)
  win.webContents.setWindowOpenHandler(({ url }) => {
    void openExternalLink(url)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  // A link followed inside the preview frame (should the renderer not have caught the click) never
  // navigates the frame: an https or mailto link opens outside, anything else goes nowhere.
  win.webContents.on('will-frame-navigate', (details) => {
    if (!isLinkInAppFrame(details)) return
    details.preventDefault()
    void openExternalLink(details.url)
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize()
    if (placement.fullScreen) win.setFullScreen(true)
    win.show()
  })
  watchHealth(win, appUrl, log)
  void win.loadURL(appUrl)
  return win
}

/** A crashed renderer is reloaded (and offers the recovery journal); a hung one is asked about. */
function watchHealth(win: BrowserWindow, appUrl: string, log: (message: string, detail?: unknown) => void): void {
  const health = new RendererHealth({
    reload: (reason) => void win.loadURL(reloadedUrl(appUrl, reason)),
    endHung: () => win.webContents.forcefullyCrashRenderer(),
    askAboutHang: async (signal) => {
      const { response } = await dialog.showMessageBox(win, {
        type: 'warning',
        message: 'Verdict’s window is not responding',
        detail: 'Wait for it, or reload it. Unsaved writing is kept in the recovery journal and offered after a reload.',
        buttons: ['Wait', 'Reload'],
        defaultId: 0,
        cancelId: 0,
        signal,
      })
      return response === 1 ? 'reload' : 'wait'
    },
    giveUp: async (message) => {
      const { response } = await dialog.showMessageBox(win, {
        type: 'error',
        message: 'Verdict’s window keeps stopping',
        detail: message,
        buttons: ['Try again', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      })
      return response === 0 ? 'retry' : 'quit'
    },
    quit: () => app.quit(),
    log,
  })
  win.webContents.on('render-process-gone', (_event, details) => {
    if (!win.isDestroyed()) void health.gone(details)
  })
  win.on('unresponsive', () => void health.unresponsive())
  win.on('responsive', () => health.responsive())
}

/** Right-click: spelling suggestions, Add to Dictionary, spelling languages, edit and link items. */
function showContextMenus(contents: WebContents, rememberSpelling: (languages: string[]) => void): void {
  contents.on('context-menu', (_event, click) => {
    const spellchecker = contents.session
    const template = contextMenuTemplate(
      click,
      { available: spellchecker.availableSpellCheckerLanguages, chosen: spellchecker.getSpellCheckerLanguages() },
      {
        replaceMisspelling: (word) => contents.replaceMisspelling(word),
        addToDictionary: (word) => void spellchecker.addWordToSpellCheckerDictionary(word),
        setLanguages: (languages) => {
          spellchecker.setSpellCheckerLanguages(languages)
          rememberSpelling(languages)
        },
        openLink: (url) => void openExternalLink(url),
        copyLink: (url) => clipboard.writeText(url),
      },
    )
    if (template.length) Menu.buildFromTemplate(template).popup()
  })
}
