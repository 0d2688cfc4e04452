import { useCallback, useEffect, useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { DRAG_DROP_PASTE } from '@lexical/rich-text'
import { mergeRegister } from '@lexical/utils'
import {
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  createCommand,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  PASTE_COMMAND,
  type LexicalCommand,
} from 'lexical'
import { IMAGE_TYPES } from '@shared/model'
import { errorMessage } from '@renderer/lib/errorMessage'
import { useEditorServices } from '@renderer/editor/EditorServices'
import { promptForAlt } from './altPrompt'
import { $createImageNode, type ImageFields } from './ImageNode'
import { $insertBlock } from '@renderer/editor/plugins/insertBlocks'

/** Inserts an image already in the review's assets at the caret, and asks for its alt text. */
export const INSERT_IMAGE_COMMAND: LexicalCommand<Partial<ImageFields> & { src: string }> = createCommand('INSERT_IMAGE_COMMAND')
/** Opens the system file picker to add images (toolbar, slash menu, shortcut). */
export const OPEN_IMAGE_PICKER_COMMAND: LexicalCommand<void> = createCommand('OPEN_IMAGE_PICKER_COMMAND')

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`

/** Clipboard HTML that is nothing but an image (a browser's "Copy image"): the file is what was meant. */
function isImageOnlyHtml(html: string): boolean {
  return /<img\b/i.test(html) && html.replace(/<[^>]*>/g, '').trim() === ''
}

/**
 * Images from the file picker, a drop from the desktop, or the clipboard (screenshots included):
 * each file is read, handed to main to be checked and stored in the review's assets, and only then
 * inserted. A refused file inserts nothing and says why.
 */
export function ImagePlugin() {
  const [editor] = useLexicalComposerContext()
  const services = useEditorServices()
  const picker = useRef<HTMLInputElement>(null)

  const addFiles = useCallback(
    async (files: File[]) => {
      for (const file of files) {
        const name = file.name || 'The pasted image'
        if (file.size > services.maxImageBytes) {
          // Refused before reading it: a huge file never has to cross to main.
          services.reportProblem(`“${name}” is ${megabytes(file.size)}; images up to ${megabytes(services.maxImageBytes)} are accepted.`)
          continue
        }
        try {
          const asset = await services.importImage({ fileName: name, data: new Uint8Array(await file.arrayBuffer()) })
          editor.dispatchCommand(INSERT_IMAGE_COMMAND, { src: asset.path })
        } catch (error) {
          services.reportProblem(errorMessage(error))
        }
      }
    },
    [editor, services],
  )

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_IMAGE_COMMAND,
          (fields) => {
            const node = $createImageNode(fields)
            $insertBlock(node, { topLevel: false })
            if (!fields.alt) promptForAlt(editor, node.getKey())
            return true
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          OPEN_IMAGE_PICKER_COMMAND,
          () => {
            picker.current?.click()
            return true
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        // Only images are the text's to take. A drop of other files (a review, a bundle, a library
        // folder) is claimed here, before rich text would take it and refuse it as "not an image", and
        // left unhandled for the window to open, as anywhere else (open/OpenFromSystem.tsx).
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            const files = Array.from(event.dataTransfer?.files ?? [])
            return files.length > 0 && !files.some((file) => file.type.startsWith('image/'))
          },
          COMMAND_PRIORITY_HIGH,
        ),
        // Rich text sends dropped files, and pasted files without text, here (the caret is already at the drop point).
        editor.registerCommand(
          DRAG_DROP_PASTE,
          (files) => {
            void addFiles(files)
            return true
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = event instanceof ClipboardEvent ? event.clipboardData : null
            if (!data) return false
            const files = Array.from(data.files).filter((file) => file.type.startsWith('image/'))
            if (files.length === 0 || data.getData('text/plain').trim() !== '' || !isImageOnlyHtml(data.getData('text/html'))) return false
            event.preventDefault()
            void addFiles(files)
            return true
          },
          COMMAND_PRIORITY_LOW,
        ),
        // Let the window accept a file dragged from the desktop anywhere over the text.
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (event.dataTransfer?.types.includes('Files')) event.preventDefault()
            return false
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, addFiles],
  )

  return (
    <input
      ref={picker}
      type="file"
      accept={IMAGE_TYPES.join(',')}
      multiple
      aria-label="Add image"
      className="visually-hidden"
      tabIndex={-1}
      onChange={(event) => {
        const files = Array.from(event.target.files ?? [])
        // Cleared so that choosing the same file again still reports a change.
        event.target.value = ''
        void addFiles(files)
      }}
    />
  )
}
