import { useEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link'
import { $findMatchingParent } from '@lexical/utils'
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type BaseSelection,
  type LexicalCommand,
} from 'lexical'
import { TextField } from '@renderer/components/TextField'
import { UrlPromptDialog } from '@renderer/components/UrlPromptDialog'
import { isAllowedUrl } from '@renderer/lib/urls'

/** Opens the link dialog for the current selection (toolbar button, Ctrl/Cmd+K). */
export const OPEN_LINK_DIALOG_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_DIALOG_COMMAND')

interface Target {
  /** The editor selection when the dialog opened: focus moves into the dialog, so it is restored before applying. */
  selection: BaseSelection
  url: string
  /** No text selected and not inside a link: the dialog also asks for the text to show. */
  needsText: boolean
}

const INVALID_URL_MESSAGE = 'Enter a full address starting with https://, http:// or mailto:'

export function LinkPlugin() {
  const [editor] = useLexicalComposerContext()
  const [target, setTarget] = useState<Target | null>(null)

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_LINK_DIALOG_COMMAND,
        () => {
          const selection = $getSelection()
          if (!$isRangeSelection(selection)) return false
          const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode)
          setTarget({
            selection: selection.clone(),
            url: link?.getURL() ?? '',
            needsText: !link && selection.isCollapsed(),
          })
          return true
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  )

  const close = () => {
    setTarget(null)
    editor.focus()
  }

  const apply = (url: string | null, text: string) => {
    if (!target) return
    editor.update(() => {
      $setSelection(target.selection.clone())
      const selection = $getSelection()
      if (url && target.needsText && $isRangeSelection(selection)) {
        selection.insertNodes([$createLinkNode(url).append($createTextNode(text || url))])
      } else {
        $toggleLink(url)
      }
    })
    close()
  }

  return target && <LinkDialog target={target} onApply={apply} onClose={close} />
}

function LinkDialog({
  target,
  onApply,
  onClose,
}: {
  target: Target
  onApply: (url: string | null, text: string) => void
  onClose: () => void
}) {
  const [text, setText] = useState('')
  const editing = target.url !== ''

  return (
    <UrlPromptDialog
      title={editing ? 'Edit link' : 'Add link'}
      label="URL"
      placeholder="https://"
      initial={target.url}
      submitLabel={editing ? 'Update link' : 'Add link'}
      refuse={(url) => (isAllowedUrl(url) ? null : INVALID_URL_MESSAGE)}
      onApply={(url) => onApply(url, text.trim())}
      onClose={onClose}
      extraAction={
        editing && (
          <button type="button" className="button button-danger-quiet push-left" onClick={() => onApply(null, '')}>
            Remove link
          </button>
        )
      }
    >
      {target.needsText && (
        <TextField
          label="Text to show"
          hint="Leave empty to show the address itself."
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      )}
    </UrlPromptDialog>
  )
}
