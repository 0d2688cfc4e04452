import { useId } from 'react'
import type { NodeKey } from 'lexical'
import { Icon } from '@renderer/components/Icon'
import { CaretButton } from '@renderer/editor/CaretButton'
import { DraftInput } from '@renderer/editor/nodes/fields'
import { useNodeControl } from '@renderer/editor/nodes/useNodeControl'
import { DEFAULT_SPOILER_LABEL } from '../model'
import { $isSpoilerNode } from './SpoilerNode'

interface Props {
  nodeKey: NodeKey
  label: string
  open: boolean
  /** The id of the spoiler's content, for aria-controls. */
  bodyId: string
  onToggle: () => void
  onUnwrap: () => void
}

/** The spoiler's header, rendered by SpoilerPlugin into the block: the labelled toggle, its label, and "Remove". */
export default function SpoilerHeader({ nodeKey, label, open, bodyId, onToggle, onUnwrap }: Props) {
  const { editable, change } = useNodeControl(nodeKey, $isSpoilerNode)
  const labelId = useId()

  const setLabel = (text: string) => change((node) => node.setLabel(text))

  return (
    <>
      {/* A CaretButton: the caret, moved here, would open the spoiler again. */}
      <CaretButton className="spoiler-toggle" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
        <svg className="spoiler-chevron" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="m9 6 6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {label}
      </CaretButton>
      {open ? (
        <span className="spoiler-label-field">
          <label htmlFor={labelId}>Label</label>
          <DraftInput
            id={labelId}
            aria-label="Spoiler label"
            placeholder={DEFAULT_SPOILER_LABEL}
            maxLength={300}
            disabled={!editable}
            value={label}
            onCommit={setLabel}
          />
        </span>
      ) : (
        <span className="spoiler-hint">Hidden until the reader reveals it</span>
      )}
      {open && editable && (
        <CaretButton className="icon-button spoiler-unwrap" aria-label="Remove spoiler block, keep its text" title="Remove spoiler block, keep its text" onClick={onUnwrap}>
          <Icon name="close" size={16} />
        </CaretButton>
      )}
    </>
  )
}
