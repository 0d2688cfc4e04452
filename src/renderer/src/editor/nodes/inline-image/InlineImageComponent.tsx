import { useState } from 'react'
import { createPortal } from 'react-dom'
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection'
import type { NodeKey } from 'lexical'
import { Dialog, DialogActions } from '@renderer/components/Dialog'
import { Icon } from '@renderer/components/Icon'
import { TextField } from '@renderer/components/TextField'
import { useNodeControl } from '../useNodeControl'
import { useShownImage } from '../useShownImage'
import { $isInlineImageNode, inlineImageName, type InlineImageFields } from './InlineImageNode'

interface Props {
  nodeKey: NodeKey
  fields: InlineImageFields
}

/**
 * An image in a line of text, resolved as image blocks are (the review's folder, the site's images);
 * one it cannot show is its alt text and "image not found". A click selects it whole (Backspace then
 * removes it); its "Alt text" button edits the description in a dialog.
 */
export default function InlineImageComponent({ nodeKey, fields }: Props) {
  const { editable, change } = useNodeControl(nodeKey, $isInlineImageNode)
  const [selected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey)
  const [editing, setEditing] = useState(false)
  const { src, alt } = fields
  const { url, shown, onError } = useShownImage(src)
  const name = inlineImageName(fields)
  const select = () => {
    if (!editable) return
    clearSelection()
    setSelected(true)
  }

  return (
    <span className={`inline-image${selected ? ' inline-image-selected' : ''}`} title={src}>
      {shown ? (
        <img src={url} alt={name} draggable={false} onClick={select} onError={onError} />
      ) : (
        <span className="inline-image-missing" role="img" aria-label={`${name} (image not found)`} onClick={select}>
          <Icon name="warning" size={14} />
          {alt.trim() && <span className="inline-image-alt">{alt}</span>}
          <span className="inline-image-label">image not found</span>
        </span>
      )}
      {editable && (
        <button type="button" className="inline-image-edit" aria-label={`Alt text of ${name}`} onClick={() => setEditing(true)}>
          Alt
        </button>
      )}
      {editing &&
        createPortal(
          <AltDialog
            initial={alt}
            onClose={() => setEditing(false)}
            onApply={(next) => {
              // Markdown as written stays only while it says this alt text: main writes the image anew.
              change((node) => node.setFields({ alt: next }))
              setEditing(false)
            }}
          />,
          document.body,
        )}
    </span>
  )
}

function AltDialog({ initial, onApply, onClose }: { initial: string; onApply: (alt: string) => void; onClose: () => void }) {
  const [alt, setAlt] = useState(initial)
  return (
    <Dialog
      title="Alt text"
      description="Describes the image for readers who can’t see it."
      onClose={onClose}
      onSubmit={() => onApply(alt.trim())}
      actions={<DialogActions busy={false} label="Save" onCancel={onClose} />}
    >
      <TextField label="Alt text" type="text" data-autofocus value={alt} maxLength={2000} onChange={(event) => setAlt(event.target.value)} />
    </Dialog>
  )
}
