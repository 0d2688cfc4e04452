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
import { Dialog } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
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
  const [url, setUrl] = useState(target.url)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const editing = target.url !== ''

  const submit = () => {
    const trimmed = url.trim()
    if (!isAllowedUrl(trimmed)) setError(INVALID_URL_MESSAGE)
    else onApply(trimmed, text.trim())
  }

  return (
    <Dialog
      title={editing ? 'Edit link' : 'Add link'}
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          {editing && (
            <button type="button" className="button button-danger-quiet push-left" onClick={() => onApply(null, '')}>
              Remove link
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            {editing ? 'Update link' : 'Add link'}
          </button>
        </>
      }
    >
      <TextField
        label="URL"
        type="text"
        inputMode="url"
        placeholder="https://"
        spellCheck={false}
        data-autofocus
        value={url}
        error={error}
        onChange={(event) => {
          setUrl(event.target.value)
          setError(null)
        }}
      />
      {target.needsText && (
        <TextField
          label="Text to show"
          hint="Leave empty to show the address itself."
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      )}
    </Dialog>
  )
}
