import { useEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import {
  $getNodeByKey,
  $getSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type BaseSelection,
  type LexicalCommand,
  type NodeKey,
} from 'lexical'
import { parseEmbedUrl } from '@shared/critic'
import { UrlPromptDialog } from '@renderer/components/UrlPromptDialog'
import { $createEmbedNode, $isEmbedNode } from './EmbedNode'
import { $insertBlock } from '@renderer/editor/plugins/insertBlocks'

/** Inserts a trailer for a URL `parseEmbedUrl` accepts (anything else is refused, returning false). */
export const INSERT_EMBED_COMMAND: LexicalCommand<string> = createCommand('INSERT_EMBED_COMMAND')
/** Asks for a trailer's address: a new one, or another address for the trailer `nodeKey`. */
export const OPEN_EMBED_DIALOG_COMMAND: LexicalCommand<{ nodeKey: NodeKey; url: string } | undefined> = createCommand('OPEN_EMBED_DIALOG_COMMAND')

const INVALID = 'Enter the address of a YouTube or Vimeo video, such as https://www.youtube.com/watch?v=…'

interface Target {
  /** The trailer being changed; a new one otherwise. */
  nodeKey: NodeKey | null
  url: string
  /** The caret when the dialog opened: focus moves into the dialog, so it is put back before inserting. */
  selection: BaseSelection | null
}

/** Trailer embeds: the address dialog and insertion (their place at the top level of the text is kept by transforms.ts). */
export function EmbedPlugin() {
  const [editor] = useLexicalComposerContext()
  const [target, setTarget] = useState<Target | null>(null)

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_EMBED_COMMAND,
          (url) => {
            if (!parseEmbedUrl(url)) return false
            $insertBlock($createEmbedNode(url.trim()), { topLevel: true })
            return true
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          OPEN_EMBED_DIALOG_COMMAND,
          (existing) => {
            setTarget({ nodeKey: existing?.nodeKey ?? null, url: existing?.url ?? '', selection: $getSelection()?.clone() ?? null })
            return true
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor],
  )

  if (!target) return null

  const close = () => {
    setTarget(null)
    editor.focus()
  }

  const apply = (url: string) => {
    editor.update(() => {
      if (target.nodeKey !== null) {
        const node = $getNodeByKey(target.nodeKey)
        if ($isEmbedNode(node)) node.setUrl(url)
        return
      }
      if (target.selection) $setSelection(target.selection.clone())
      editor.dispatchCommand(INSERT_EMBED_COMMAND, url)
    })
    close()
  }

  return <EmbedDialog editing={target.nodeKey !== null} initial={target.url} onApply={apply} onClose={close} />
}

function EmbedDialog({
  editing,
  initial,
  onApply,
  onClose,
}: {
  editing: boolean
  initial: string
  onApply: (url: string) => void
  onClose: () => void
}) {
  return (
    <UrlPromptDialog
      title={editing ? 'Change trailer' : 'Add trailer'}
      description="The editor shows a card with a link; the preview and the published page play the video."
      label="Video address"
      hint="A YouTube or Vimeo link."
      placeholder="https://www.youtube.com/watch?v=…"
      initial={initial}
      submitLabel={editing ? 'Change trailer' : 'Add trailer'}
      refuse={(url) => (parseEmbedUrl(url) ? null : INVALID)}
      onApply={onApply}
      onClose={onClose}
    />
  )
}
