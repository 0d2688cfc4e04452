import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { HISTORY_MERGE_TAG, type EditorState } from 'lexical'

/**
 * Hands every content change to the review's saver. Only the immutable EditorState is passed on:
 * serialising it waits for the saver's debounce, so nothing heavy runs per keystroke.
 */
export function AutosavePlugin({ onChange }: { onChange: (state: EditorState) => void }) {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
        // Selection-only updates (caret moves, focus) change nothing worth saving, and history-merge
        // updates are Lexical's own bookkeeping (e.g. re-running transforms when a plugin registers).
        if ((dirtyElements.size > 0 || dirtyLeaves.size > 0) && !tags.has(HISTORY_MERGE_TAG)) onChange(editorState)
      }),
    [editor, onChange],
  )
  return null
}
