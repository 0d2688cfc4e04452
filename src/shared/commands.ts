/**
 * The app's commands and their keys: one source for the application menu (main), the renderer's
 * keyboard handling and Keyboard shortcuts dialog, and the README's table (scripts/shortcuts.ts).
 *
 * Keys are Electron accelerators ("CmdOrCtrl+Shift+P"). Commands that run in the renderer are
 * handled there, on keydown, so they behave the same in the browser mode; the menu only shows their
 * keys (on macOS a key the page handled never reaches the menu, elsewhere `registerAccelerator: false`).
 */

export const SCREENS = ['library', 'review'] as const
export type Screen = (typeof SCREENS)[number]

export const COMMAND_IDS = [
  'newReview',
  'openLibrary',
  'importReview',
  'exportReviews',
  'publish',
  'save',
  'closeReview',
  'settings',
  'find',
  'replace',
  'findNext',
  'findPrevious',
  'togglePreview',
  'toggleDetails',
  'focusMode',
  'shortcuts',
  'about',
  'showLibraryFolder',
  'openLog',
  'reportProblem',
] as const
export type CommandId = (typeof COMMAND_IDS)[number]

/** The renderer runs its commands; main runs those that need the system (a folder, a file, a link). */
export type CommandHost = 'renderer' | 'main'

/** A key for every platform, or one for macOS and one for Windows and Linux. */
export type Keys = string | { mac: string; other: string }

export interface CommandSpec {
  label: string
  keys?: Keys
  /** Screens where the command can run: the menu item is disabled elsewhere. */
  screens: readonly Screen[]
  runsIn: CommandHost
}

const everywhere = SCREENS
const inReview = ['review'] as const
const inLibrary = ['library'] as const

export const COMMANDS: Record<CommandId, CommandSpec> = {
  newReview: { label: 'New review', keys: 'CmdOrCtrl+N', screens: everywhere, runsIn: 'renderer' },
  openLibrary: { label: 'Open library…', keys: 'CmdOrCtrl+O', screens: inLibrary, runsIn: 'renderer' },
  importReview: { label: 'Import…', screens: inLibrary, runsIn: 'renderer' },
  exportReviews: {
    label: 'Export…',
    keys: 'CmdOrCtrl+Shift+E',
    screens: everywhere,
    runsIn: 'renderer',
  },
  publish: { label: 'Publish…', keys: 'CmdOrCtrl+Shift+P', screens: inReview, runsIn: 'renderer' },
  save: { label: 'Save', keys: 'CmdOrCtrl+S', screens: inReview, runsIn: 'renderer' },
  closeReview: { label: 'Close review', keys: 'CmdOrCtrl+W', screens: inReview, runsIn: 'renderer' },
  settings: { label: 'Settings…', keys: 'CmdOrCtrl+,', screens: everywhere, runsIn: 'renderer' },
  find: { label: 'Find…', keys: 'CmdOrCtrl+F', screens: inReview, runsIn: 'renderer' },
  replace: { label: 'Replace…', keys: { mac: 'Cmd+Alt+F', other: 'Ctrl+H' }, screens: inReview, runsIn: 'renderer' },
  findNext: { label: 'Find next', keys: { mac: 'Cmd+G', other: 'F3' }, screens: inReview, runsIn: 'renderer' },
  findPrevious: { label: 'Find previous', keys: 'Shift+F3', screens: inReview, runsIn: 'renderer' },
  togglePreview: { label: 'Preview', keys: 'CmdOrCtrl+Alt+P', screens: inReview, runsIn: 'renderer' },
  toggleDetails: { label: 'Details panel', keys: 'CmdOrCtrl+Alt+D', screens: inReview, runsIn: 'renderer' },
  focusMode: {
    label: 'Focus mode',
    keys: 'CmdOrCtrl+Shift+F',
    screens: inReview,
    runsIn: 'renderer',
  },
  shortcuts: { label: 'Keyboard shortcuts', keys: 'CmdOrCtrl+/', screens: everywhere, runsIn: 'renderer' },
  about: { label: 'About Verdict', screens: everywhere, runsIn: 'renderer' },
  showLibraryFolder: { label: 'Show library folder', screens: everywhere, runsIn: 'main' },
  openLog: { label: 'Open log file', screens: everywhere, runsIn: 'main' },
  reportProblem: { label: 'Report a problem…', screens: everywhere, runsIn: 'main' },
}

/** Where "Report a problem" goes: a mail to the maintainers (electron-builder.yml), with the version. */
export function reportProblemUrl(version: string): string {
  return `mailto:hello@verdict.app?subject=${encodeURIComponent(`Problem report (Verdict ${version})`)}`
}

/** Shortcuts of the text itself (Lexical and the editor's plugins), listed beside the commands. */
const TEXT_SHORTCUTS: ReadonlyArray<{ label: string; keys: Keys }> = [
  { label: 'Bold', keys: 'CmdOrCtrl+B' },
  { label: 'Italic', keys: 'CmdOrCtrl+I' },
  { label: 'Strikethrough', keys: 'CmdOrCtrl+Shift+X' },
  { label: 'Inline code', keys: 'CmdOrCtrl+E' },
  { label: 'Link', keys: 'CmdOrCtrl+K' },
  { label: 'Paragraph', keys: 'CmdOrCtrl+Alt+0' },
  { label: 'Heading 2 (3 and 4 likewise)', keys: 'CmdOrCtrl+Alt+2' },
  { label: 'Undo', keys: 'CmdOrCtrl+Z' },
  { label: 'Redo', keys: { mac: 'Cmd+Shift+Z', other: 'Ctrl+Y' } },
]

/** A critic block's Mod+Shift+<key> (its model's `insert`; the editor registers them). */
export interface InsertKey {
  name: string
  key: string
}

/** The text's shortcuts, then those inserting each critic block, in the order given (the Insert menu's). */
export function editorShortcuts(inserts: readonly InsertKey[]): Array<{ label: string; keys: Keys }> {
  return [...TEXT_SHORTCUTS, ...inserts.map(({ name, key }) => ({ label: `Insert ${name}`, keys: `CmdOrCtrl+Shift+${key}` }))]
}

export type KeyPlatform = 'mac' | 'other'

/** The accelerator of `keys` on this platform. */
export function keysFor(keys: Keys, platform: KeyPlatform): string {
  return typeof keys === 'string' ? keys : keys[platform]
}

const MAC_SYMBOLS: Record<string, string> = { Cmd: '⌘', CmdOrCtrl: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧' }
const MAC_ORDER = ['Ctrl', 'Alt', 'Shift', 'Cmd', 'CmdOrCtrl']

/** How a key reads in a menu or a table: "Ctrl+Shift+P" elsewhere, "⇧⌘P" on macOS. */
export function keyLabel(accelerator: string, platform: KeyPlatform): string {
  const parts = accelerator.split('+')
  const key = parts.pop() ?? ''
  if (platform === 'other') return [...parts.map((part) => (part === 'CmdOrCtrl' ? 'Ctrl' : part)), key].join('+')
  const modifiers = [...parts].sort((a, b) => MAC_ORDER.indexOf(a) - MAC_ORDER.indexOf(b))
  return modifiers.map((part) => MAC_SYMBOLS[part] ?? part).join('') + key
}

const ARIA_MODIFIERS: Record<string, string> = { Cmd: 'Meta', Ctrl: 'Control', Alt: 'Alt', Shift: 'Shift' }

/** The accelerator as `aria-keyshortcuts` says it ("Control+Alt+P"). */
export function ariaKeyShortcut(accelerator: string, platform: KeyPlatform): string {
  const parts = accelerator.split('+')
  const key = parts.pop() ?? ''
  const modifiers = parts.map((part) => (part === 'CmdOrCtrl' ? (platform === 'mac' ? 'Meta' : 'Control') : (ARIA_MODIFIERS[part] ?? part)))
  return [...modifiers, key].join('+')
}

/** The parts of a KeyboardEvent an accelerator is matched against. */
export interface KeyPress {
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/**
 * Whether a key press is this accelerator. Letters and digits match by position (`code`) so the
 * keys work on any layout and with Alt (which changes the character on macOS); the rest by `key`.
 */
export function matchesKeys(press: KeyPress, accelerator: string, platform: KeyPlatform): boolean {
  const parts = accelerator.split('+')
  const key = parts.pop() ?? ''
  const wants = new Set(parts.map((part) => (part === 'CmdOrCtrl' ? (platform === 'mac' ? 'Cmd' : 'Ctrl') : part)))
  if (press.ctrlKey !== wants.has('Ctrl') || press.metaKey !== wants.has('Cmd')) return false
  if (press.altKey !== wants.has('Alt') || press.shiftKey !== wants.has('Shift')) return false
  if (/^[A-Z]$/.test(key)) return press.code === `Key${key}`
  if (/^[0-9]$/.test(key)) return press.code === `Digit${key}`
  return press.key === key || (key === '/' && press.code === 'Slash') || (key === ',' && press.code === 'Comma')
}

/**
 * Rows of the Keyboard shortcuts table (dialog and README): commands with keys, then the text's own.
 * `inserts` are the critic blocks' (shared code cannot list them: the main and renderer registries do).
 */
export function shortcutRows(inserts: readonly InsertKey[]): Array<{ label: string; keys: Keys }> {
  const commands = COMMAND_IDS.flatMap((id) => {
    const { label, keys } = COMMANDS[id]
    return keys ? [{ label: label.replace(/…$/, ''), keys }] : []
  })
  return [...commands, ...editorShortcuts(inserts)]
}
