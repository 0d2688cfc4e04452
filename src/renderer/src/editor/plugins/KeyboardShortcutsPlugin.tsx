import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { COMMAND_PRIORITY_NORMAL, FORMAT_TEXT_COMMAND, KEY_DOWN_COMMAND } from 'lexical'
import { setBlockType, type BlockType } from '../blockType'
import { OPEN_LINK_DIALOG_COMMAND } from './LinkPlugin'

const HEADING_KEYS: Record<string, BlockType> = { '0': 'paragraph', '2': 'h2', '3': 'h3', '4': 'h4' }

/**
 * Shortcuts Lexical does not provide itself (it already handles Mod+B/I/Z and Shift+Mod+Z):
 * Mod+K link, Shift+Mod+X strikethrough, Mod+E inline code, Alt+Mod+0/2/3/4 paragraph and headings.
 * The app's commands (Mod+S, find, …) are shared/commands.ts's, so they also work outside the text.
 */
export function KeyboardShortcutsPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!(event.ctrlKey || event.metaKey)) return false
          const key = event.key.toLowerCase()
          const plain = !event.altKey && !event.shiftKey
          // event.code: Alt changes the character a digit key produces on some layouts.
          const heading = event.altKey && !event.shiftKey ? HEADING_KEYS[event.code.replace('Digit', '')] : undefined
          if (plain && key === 'k') editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined)
          else if (plain && key === 'e') editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'code')
          else if (event.shiftKey && !event.altKey && key === 'x') editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough')
          else if (heading) setBlockType(editor, heading)
          else return false
          event.preventDefault()
          return true
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  )
  return null
}
