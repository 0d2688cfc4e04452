import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { COMMAND_PRIORITY_CRITICAL, COPY_COMMAND, CUT_COMMAND, KEY_DOWN_COMMAND, PASTE_COMMAND, type LexicalEditor } from 'lexical'

const CONTROLS = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'])

function isNativeControl(editor: LexicalEditor, target: EventTarget | null): boolean {
  const root = editor.getRootElement()
  return target instanceof HTMLElement && target !== root && CONTROLS.has(target.nodeName) && (root?.contains(target) ?? false)
}

/**
 * The fields inside the critic blocks (a score's inputs, an image's caption, a spoiler's toggle)
 * are native controls inside the editor's element, so their keys and clipboard events reach
 * Lexical too. Left to it, Enter would add a paragraph and Backspace could delete the whole block
 * at the editor's own selection; here the control keeps its keys, and the browser its default.
 */
export function NativeControlsPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const fromControl = (event: Event | null) => event !== null && isNativeControl(editor, event.target)
    return mergeRegister(
      editor.registerCommand(KEY_DOWN_COMMAND, fromControl, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(COPY_COMMAND, fromControl, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(CUT_COMMAND, fromControl, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(PASTE_COMMAND, fromControl, COMMAND_PRIORITY_CRITICAL),
    )
  }, [editor])
  return null
}
