import { BrowserWindow, session, shell } from 'electron'
import { externalUrl, windowOptions } from './windowOptions'

/** Creates the main window: no new windows, no navigation away, no permissions. */
export function createMainWindow(preloadPath: string, appUrl: string, isAppUrl: (url: string) => boolean): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath))
  win.webContents.setWindowOpenHandler(({ url }) => {
    const safe = externalUrl(url)
    if (safe) void shell.openExternal(safe)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(appUrl)
  return win
}
