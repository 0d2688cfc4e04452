import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical'

export const IS_MAC = typeof navigator !== 'undefined' && navigator.userAgent.includes('Mac')

/** Mod+Shift+<letter>, as shown in menus and tooltips ("Ctrl+Shift+S", "⌘⇧S"). */
export function shortcutLabel(letter: string): string {
  return IS_MAC ? `⌘⇧${letter.toUpperCase()}` : `Ctrl+Shift+${letter.toUpperCase()}`
}

/** The same, for aria-keyshortcuts. */
export function shortcutAria(letter: string): string {
  return `${IS_MAC ? 'Meta' : 'Control'}+Shift+${letter.toUpperCase()}`
}

/** Runs `action` on Mod+Shift+<letter> in the text (by key position, so it works on any layout). */
export function registerInsertShortcut(editor: LexicalEditor, letter: string, action: () => void): () => void {
  const code = `Key${letter.toUpperCase()}`
  return editor.registerCommand(
    KEY_DOWN_COMMAND,
    (event) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey || event.code !== code) return false
      event.preventDefault()
      action()
      return true
    },
    COMMAND_PRIORITY_NORMAL,
  )
}
