import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { HISTORY_MERGE_TAG } from 'lexical'
import type { EditorDocument } from '@shared/document'
import type { DocumentSource } from '@renderer/preview/latestDocument'
import { unbuiltBlocks } from '../opening'
import { IncrementalSerializer } from '../serialize'

/**
 * Hands every content change to the review's saver as a source of its JSON: serializing waits for
 * whoever asks (autosave's debounce, the word count, the preview), so nothing heavy runs per
 * keystroke, and then re-exports only the blocks edited since the last time. The blocks of the
 * opened review are exported ahead, in idle time. `opened`: the document main sent, when the
 * editor started from it (the source says which blocks are still its, for delta saves).
 */
export function AutosavePlugin({ onChange, opened }: { onChange: (doc: DocumentSource) => void; opened: EditorDocument | undefined }) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const serializer = new IncrementalSerializer(editor.getEditorState(), opened, () => unbuiltBlocks(editor))
    const openedIndexOf = (block: object) => serializer.openedIndexOf(block)
    let idle: number | undefined
    const prime = () => {
      idle = requestIdleCallback(() => {
        idle = undefined
        // Slices of a few milliseconds: a key pressed meanwhile waits for the slice to end.
        const end = performance.now() + 4
        if (!serializer.prime(() => performance.now() < end)) prime()
      })
    }
    prime()
    const unregister = editor.registerUpdateListener((update) => {
      serializer.follow(update)
      const { editorState, dirtyElements, dirtyLeaves, tags } = update
      // Selection-only updates (caret moves, focus) change nothing worth saving, and history-merge
      // updates are Lexical's own bookkeeping (e.g. re-running transforms when a plugin registers).
      if ((dirtyElements.size > 0 || dirtyLeaves.size > 0) && !tags.has(HISTORY_MERGE_TAG)) {
        onChange({ toJSON: () => serializer.toJSON(editorState), openedIndexOf })
      }
      if (idle === undefined) prime()
    })
    return () => {
      unregister()
      if (idle !== undefined) cancelIdleCallback(idle)
    }
  }, [editor, onChange, opened])
  return null
}
