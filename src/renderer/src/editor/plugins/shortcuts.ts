import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical'

export const IS_MAC = typeof navigator !== 'undefined' && navigator.userAgent.includes('Mac')

/** Mod+Shift+<key>, as shown in menus and tooltips ("Ctrl+Shift+S", "⌘⇧S"). `key` is a letter or `'`. */
export function shortcutLabel(key: string): string {
  return IS_MAC ? `⌘⇧${key.toUpperCase()}` : `Ctrl+Shift+${key.toUpperCase()}`
}

/** The same, for aria-keyshortcuts. */
export function shortcutAria(key: string): string {
  return `${IS_MAC ? 'Meta' : 'Control'}+Shift+${key === "'" ? 'Quote' : key.toUpperCase()}`
}

/**
 * Runs `action` on Mod+Shift+<key> in the text, matched by key position (KeyboardEvent.code) so
 * it works on any layout. Mod+Shift+P is Publish's (shared/commands.ts lists every command's keys).
 */
export function registerInsertShortcut(editor: LexicalEditor, key: string, action: () => void): () => void {
  const code = key === "'" ? 'Quote' : `Key${key.toUpperCase()}`
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
