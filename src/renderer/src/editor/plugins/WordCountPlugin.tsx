import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { EditorState } from 'lexical'
import { documentText, type EditorDocument } from '@shared/document'
import { countWords } from '@shared/text'

/**
 * Reports the word count, computed when the browser is idle after the latest change (at most a
 * second later) so that long reviews never slow typing down. Counts like the library does.
 */
export function WordCountPlugin({ onCount }: { onCount: (words: number) => void }) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    let pending: number | undefined
    const schedule = (state: EditorState) => {
      if (pending !== undefined) cancelIdleCallback(pending)
      pending = requestIdleCallback(
        () => {
          pending = undefined
          onCount(countWords(documentText(state.toJSON() as unknown as EditorDocument)))
        },
        { timeout: 1000 },
      )
    }
    schedule(editor.getEditorState())
    const unregister = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) schedule(editorState)
    })
    return () => {
      unregister()
      if (pending !== undefined) cancelIdleCallback(pending)
    }
  }, [editor, onCount])
  return null
}
