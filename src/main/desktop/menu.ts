/**
 * The application menu as a pure function of the app's state, so it is tested under Node;
 * index.ts only hands it to `Menu.buildFromTemplate`. Commands come from shared/commands.ts.
 */
import type { MenuItemConstructorOptions } from 'electron'
import { COMMANDS, keysFor, type CommandId, type Screen } from '../../shared/commands'

export interface MenuState {
  screen: Screen
  /** View → Focus mode is a checkbox that shows whether the renderer is in it. */
  focusMode: boolean
  platform: NodeJS.Platform
  /** A packaged build has no Reload or developer tools. */
  packaged: boolean
  appName: string
}

/** Builds the menu; `run` receives every command the critic chooses from it. */
export function menuTemplate(state: MenuState, run: (command: CommandId) => void): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin'
  const separator: MenuItemConstructorOptions = { type: 'separator' }
  const item = (id: CommandId): MenuItemConstructorOptions => {
    const spec = COMMANDS[id]
    return {
      id,
      label: spec.label,
      ...(spec.keys
        ? {
            accelerator: keysFor(spec.keys, mac ? 'mac' : 'other'),
            // The renderer handles its own keys (so they work in the browser too); the menu shows them.
            registerAccelerator: spec.runsIn === 'main',
          }
        : {}),
      enabled: spec.screens.includes(state.screen),
      click: () => run(id),
    }
  }

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: state.appName,
          submenu: [
            item('about'),
            separator,
            item('settings'),
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : []
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      item('newReview'),
      separator,
      item('openLibrary'),
      item('importReview'),
      item('exportReviews'),
      separator,
      item('publish'),
      separator,
      item('save'),
      item('closeReview'),
      ...(mac ? [] : [separator, item('settings'), separator, { role: 'quit' } as const]),
    ],
  }
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'selectAll' },
      separator,
      item('find'),
      item('replace'),
      item('findNext'),
      item('findPrevious'),
    ],
  }
  const developer: MenuItemConstructorOptions[] = state.packaged
    ? []
    : [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      item('togglePreview'),
      item('toggleDetails'),
      { ...item('focusMode'), type: 'checkbox', checked: state.focusMode },
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...developer,
    ],
  }
  const window: MenuItemConstructorOptions = {
    label: '&Window',
    role: 'windowMenu',
    submenu: [
      { role: 'minimize' },
      ...(mac ? [{ role: 'zoom' } as const, separator, { role: 'front' } as const] : []),
      // Not Ctrl/Cmd+W: that closes the review.
      { role: 'close', accelerator: 'CmdOrCtrl+Shift+W' },
    ],
  }
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      item('shortcuts'),
      separator,
      item('showLibraryFolder'),
      item('openLog'),
      item('reportProblem'),
      ...(mac ? [] : [separator, item('about')]),
    ],
  }
  return [...appMenu, file, edit, view, window, help]
}
