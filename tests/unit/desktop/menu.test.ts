import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { CRITIC_BLOCKS } from '../../../src/main/blocks'
import { COMMANDS, editorShortcuts, keyLabel, keysFor, matchesKeys, type CommandId, type Screen } from '../../../src/shared/commands'
import type { AppEvent } from '../../../src/shared/contract'
import { createCommandRunner, ScreenState, type Shown } from '../../../src/main/desktop/commands'
import { menuTemplate, type MenuState } from '../../../src/main/desktop/menu'

const state = (over: Partial<MenuState> = {}): MenuState => ({ screen: 'library', focusMode: false, platform: 'linux', packaged: true, appName: 'Verdict', ...over })

/** Every item of the menu, depth first, with the top-level menu it sits in. */
function items(template: MenuItemConstructorOptions[]): Array<MenuItemConstructorOptions & { menu: string }> {
  return template.flatMap((menu) =>
    (menu.submenu as MenuItemConstructorOptions[]).map((item) => ({ ...item, menu: String(menu.label ?? menu.role) })),
  )
}
const byId = (template: MenuItemConstructorOptions[], id: CommandId) => items(template).find((item) => item.id === id)
const topLabels = (template: MenuItemConstructorOptions[]) => template.map((menu) => menu.label)

describe('application menu', () => {
  it('has File, Edit, View, Window and Help, with the app menu first on macOS', () => {
    expect(topLabels(menuTemplate(state(), () => undefined))).toEqual(['&File', '&Edit', '&View', '&Window', '&Help'])
    const mac = menuTemplate(state({ platform: 'darwin' }), () => undefined)
    expect(topLabels(mac)).toEqual(['Verdict', '&File', '&Edit', '&View', '&Window', '&Help'])
    const appMenu = (mac[0]!.submenu as MenuItemConstructorOptions[]).map((item) => item.id ?? item.role ?? item.type)
    expect(appMenu).toEqual(['about', 'separator', 'settings', 'separator', 'services', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit'])
    expect(byId(mac, 'settings')).toMatchObject({ accelerator: 'CmdOrCtrl+,', menu: 'Verdict' })
    // Elsewhere Settings, About and Quit live in File and Help.
    const linux = menuTemplate(state(), () => undefined)
    expect(byId(linux, 'settings')?.menu).toBe('&File')
    expect(byId(linux, 'about')?.menu).toBe('&Help')
    expect(items(linux).filter((item) => item.role === 'quit').map((item) => item.menu)).toEqual(['&File'])
  })

  it('puts each command in its menu with its keys', () => {
    const linux = menuTemplate(state({ screen: 'review' }), () => undefined)
    expect(byId(linux, 'newReview')).toMatchObject({ label: 'New review', accelerator: 'CmdOrCtrl+N', menu: '&File' })
    expect(byId(linux, 'publish')).toMatchObject({ label: 'Publish…', accelerator: 'CmdOrCtrl+Shift+P', menu: '&File' })
    expect(byId(linux, 'find')).toMatchObject({ accelerator: 'CmdOrCtrl+F', menu: '&Edit' })
    expect(byId(linux, 'replace')).toMatchObject({ accelerator: 'Ctrl+H', menu: '&Edit' })
    expect(byId(menuTemplate(state({ platform: 'darwin' }), () => undefined), 'replace')?.accelerator).toBe('Cmd+Alt+F')
    for (const id of ['togglePreview', 'toggleDetails', 'focusMode'] as const) expect(byId(linux, id)?.menu).toBe('&View')
    const viewRoles = items(linux).filter((item) => item.menu === '&View').map((item) => item.role)
    expect(viewRoles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']))
    const help = items(linux).filter((item) => item.menu === '&Help' && item.id).map((item) => item.id)
    expect(help).toEqual(['shortcuts', 'showLibraryFolder', 'openLog', 'reportProblem', 'about'])
  })

  it('offers Reload and the developer tools only in development builds', () => {
    const devRoles = ['reload', 'forceReload', 'toggleDevTools']
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const packaged = items(menuTemplate(state({ platform, packaged: true }), () => undefined)).map((item) => item.role)
      expect(packaged.filter((role) => devRoles.includes(String(role)))).toEqual([])
      const dev = items(menuTemplate(state({ platform, packaged: false }), () => undefined)).map((item) => item.role)
      expect(dev).toEqual(expect.arrayContaining(devRoles))
    }
  })

  it('enables each command only on the screens where it can run', () => {
    const enabled = (screen: Screen) =>
      items(menuTemplate(state({ screen }), () => undefined))
        .filter((item) => item.id)
        .filter((item) => item.enabled)
        .map((item) => item.id)
    expect(enabled('library')).not.toContain('publish')
    expect(enabled('library')).not.toContain('find')
    expect(enabled('library')).toEqual(expect.arrayContaining(['newReview', 'openLibrary', 'importReview', 'exportReviews', 'settings', 'about']))
    expect(enabled('review')).toEqual(expect.arrayContaining(['newReview', 'publish', 'save', 'closeReview', 'find', 'replace', 'togglePreview']))
    expect(enabled('review')).not.toContain('importReview')
  })

  it('shows Focus mode checked while the renderer is in it', () => {
    const focus = (focusMode: boolean) => byId(menuTemplate(state({ screen: 'review', focusMode }), () => undefined), 'focusMode')
    expect(focus(false)).toMatchObject({ type: 'checkbox', checked: false, label: 'Focus mode', menu: '&View' })
    expect(focus(true)).toMatchObject({ type: 'checkbox', checked: true })
  })

  it('is rebuilt when the screen or focus mode changes, and only then', () => {
    const screen = new ScreenState()
    const seen: Shown[] = []
    screen.subscribe((shown) => seen.push(shown))
    screen.set('review')
    screen.setFocusMode(true)
    screen.setFocusMode(true)
    screen.setFocusMode(false)
    screen.set('review')
    expect(seen).toEqual([
      { screen: 'review', focusMode: false },
      { screen: 'review', focusMode: true },
      { screen: 'review', focusMode: false },
    ])
    expect(screen.focusMode()).toBe(false)
  })

  it('hands the chosen command to run, and leaves the renderer’s keys to the renderer', () => {
    const chosen: CommandId[] = []
    const template = menuTemplate(state({ screen: 'review' }), (id) => chosen.push(id))
    const publish = byId(template, 'publish')!
    ;(publish.click as () => void)()
    expect(chosen).toEqual(['publish'])
    // Display only: the page handles the key itself, so the menu must not take it first.
    expect(publish.registerAccelerator).toBe(false)
  })

  it('gives no two actions the same keys on any platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const keyPlatform = platform === 'darwin' ? 'mac' : 'other'
      const accelerators = [
        ...items(menuTemplate(state({ platform, packaged: true }), () => undefined)).flatMap((item) => (typeof item.accelerator === 'string' ? [item.accelerator] : [])),
        ...editorShortcuts(CRITIC_BLOCKS.map((block) => block.model.insert)).map((shortcut) => keysFor(shortcut.keys, keyPlatform)),
      ].map((accelerator) => keyLabel(accelerator, keyPlatform))
      expect(accelerators.filter((each, index) => accelerators.indexOf(each) !== index)).toEqual([])
    }
  })
})

describe('command keys', () => {
  const press = (over: Partial<Parameters<typeof matchesKeys>[0]>) => ({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...over })

  it('reads as each platform writes keys', () => {
    expect(keyLabel('CmdOrCtrl+Shift+P', 'other')).toBe('Ctrl+Shift+P')
    expect(keyLabel('CmdOrCtrl+Shift+P', 'mac')).toBe('⇧⌘P')
    expect(keyLabel('Cmd+Alt+F', 'mac')).toBe('⌥⌘F')
  })

  it('matches letters by position and needs exactly the modifiers asked for', () => {
    const publish = keysFor(COMMANDS.publish.keys!, 'other')
    expect(matchesKeys(press({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true }), publish, 'other')).toBe(true)
    // A layout typing another letter on that key (Cyrillic З) still publishes.
    expect(matchesKeys(press({ key: 'З', code: 'KeyP', ctrlKey: true, shiftKey: true }), publish, 'other')).toBe(true)
    expect(matchesKeys(press({ key: 'P', code: 'KeyP', ctrlKey: true }), publish, 'other')).toBe(false)
    expect(matchesKeys(press({ key: 'P', code: 'KeyP', metaKey: true, shiftKey: true }), publish, 'other')).toBe(false)
    expect(matchesKeys(press({ key: 'P', code: 'KeyP', metaKey: true, shiftKey: true }), publish, 'mac')).toBe(true)
    expect(matchesKeys(press({ key: 'F3', code: 'F3', shiftKey: true }), 'Shift+F3', 'other')).toBe(true)
    expect(matchesKeys(press({ key: '/', code: 'Slash', ctrlKey: true }), 'CmdOrCtrl+/', 'other')).toBe(true)
  })
})

describe('menu commands', () => {
  const runner = () => {
    const events: AppEvent[] = []
    const opened: string[] = []
    const links: string[] = []
    const run = createCommandRunner({
      emit: (event) => events.push(event),
      libraryRoot: () => '/library',
      logFile: '/logs/main.log',
      version: '1.2.3',
      openPath: async (path) => void opened.push(path),
      openExternal: async (url) => void links.push(url),
      log: () => undefined,
    })
    return { run, events, opened, links }
  }

  it('sends the renderer’s commands to the renderer', () => {
    const { run, events, opened } = runner()
    run('newReview')
    run('find')
    expect(events).toEqual([
      { type: 'command', command: 'newReview' },
      { type: 'command', command: 'find' },
    ])
    expect(opened).toEqual([])
  })

  it('opens the library folder, the log and a problem report itself', async () => {
    const { run, events, opened, links } = runner()
    run('showLibraryFolder')
    run('openLog')
    run('reportProblem')
    await Promise.resolve()
    expect(opened).toEqual(['/library', '/logs/main.log'])
    expect(links).toEqual(['mailto:hello@verdict.app?subject=Problem%20report%20(Verdict%201.2.3)'])
    expect(events).toEqual([])
  })
})
