import { useEffect, useRef, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $isLinkNode } from '@lexical/link'
import { $createHorizontalRuleNode } from '@lexical/extension'
import { $findMatchingParent, $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils'
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical'
import { Icon, type IconName } from '@renderer/components/Icon'
import { isOption, Options } from '@renderer/components/Options'
import { useRovingToolbar } from '@renderer/components/useRovingToolbar'
import { $currentBlockType, BLOCK_TYPES, setBlockType, type BlockType } from '../blockType'
import { CaretButton } from '../CaretButton'
import { InsertMenu } from './InsertMenu'
import { OPEN_LINK_DIALOG_COMMAND } from './LinkPlugin'

const MOD = navigator.userAgent.includes('Mac') ? '⌘' : 'Ctrl+'

type Format = Extract<TextFormatType, 'bold' | 'italic' | 'strikethrough' | 'code'>

const FORMATS: Array<{ format: Format; label: string; icon: IconName; keys: string }> = [
  { format: 'bold', label: 'Bold', icon: 'bold', keys: `${MOD}B` },
  { format: 'italic', label: 'Italic', icon: 'italic', keys: `${MOD}I` },
  { format: 'strikethrough', label: 'Strikethrough', icon: 'strikethrough', keys: `${MOD}Shift+X` },
  { format: 'code', label: 'Inline code', icon: 'code', keys: `${MOD}E` },
]

const BLOCK_BUTTONS: Array<{ type: BlockType; icon: IconName }> = [
  { type: 'bullet', icon: 'bulletList' },
  { type: 'number', icon: 'numberList' },
  { type: 'quote', icon: 'quote' },
]

interface SelectionState {
  formats: Record<Format, boolean>
  blockType: BlockType
  link: boolean
}

const INITIAL: SelectionState = {
  formats: { bold: false, italic: false, strikethrough: false, code: false },
  blockType: 'paragraph',
  link: false,
}

/** Formatting toolbar; its toggles reflect the selection (aria-pressed) as the caret moves. */
export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext()
  const [state, setState] = useState(INITIAL)
  const [canUndo, setCanUndo] = useState(false)
  const [canRedo, setCanRedo] = useState(false)
  const toolbarRef = useRef<HTMLDivElement>(null)
  const roving = useRovingToolbar(toolbarRef)

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => {
            const selection = $getSelection()
            if (!$isRangeSelection(selection)) return
            const next: SelectionState = {
              formats: {
                bold: selection.hasFormat('bold'),
                italic: selection.hasFormat('italic'),
                strikethrough: selection.hasFormat('strikethrough'),
                code: selection.hasFormat('code'),
              },
              blockType: $currentBlockType(),
              link: $findMatchingParent(selection.anchor.getNode(), $isLinkNode) !== null,
            }
            // Keep the same object when nothing changed, so typing does not re-render the toolbar.
            setState((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next))
          })
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (can) => {
            setCanUndo(can)
            return false
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (can) => {
            setCanRedo(can)
            return false
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  )

  const insertRule = () =>
    editor.update(() => {
      $insertNodeToNearestRoot($createHorizontalRuleNode())
    })

  return (
    <div ref={toolbarRef} className="pane-bar toolbar" role="toolbar" aria-label="Formatting" onFocus={roving.onFocus} onKeyDown={roving.onKeyDown}>
      <div className="toolbar-group">
        <ToolButton label="Undo" keys={`${MOD}Z`} icon="undo" disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)} />
        <ToolButton label="Redo" keys={`${MOD}Shift+Z`} icon="redo" disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)} />
      </div>
      <div className="toolbar-group">
        <select
          className="block-select"
          aria-label="Block type"
          value={state.blockType}
          onChange={(event) => isOption({ labels: BLOCK_TYPES }, event.target.value) && setBlockType(editor, event.target.value)}
        >
          <Options labels={BLOCK_TYPES} />
        </select>
      </div>
      <div className="toolbar-group">
        {FORMATS.map(({ format, label, icon, keys }) => (
          <ToolButton
            key={format}
            label={label}
            keys={keys}
            icon={icon}
            pressed={state.formats[format]}
            onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
          />
        ))}
        <ToolButton
          label="Link"
          keys={`${MOD}K`}
          icon="link"
          pressed={state.link}
          onClick={() => editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined)}
        />
      </div>
      <div className="toolbar-group">
        {BLOCK_BUTTONS.map(({ type, icon }) => (
          <ToolButton
            key={type}
            label={BLOCK_TYPES[type]}
            icon={icon}
            pressed={state.blockType === type}
            onClick={() => setBlockType(editor, type)}
          />
        ))}
        <ToolButton label="Horizontal rule" icon="rule" onClick={insertRule} />
      </div>
      <div className="toolbar-group">
        <InsertMenu />
      </div>
    </div>
  )
}

function ToolButton({
  label,
  keys,
  icon,
  pressed,
  disabled,
  onClick,
}: {
  label: string
  keys?: string
  icon: IconName
  pressed?: boolean
  disabled?: boolean
  onClick: () => void
}) {
  return (
    <CaretButton
      className="tool-button"
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={keys?.replace('⌘', 'Meta+').replace('Ctrl+', 'Control+')}
      title={keys ? `${label} (${keys})` : label}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
    </CaretButton>
  )
}
