import { lazy, Suspense, useCallback, useEffect, useId, useLayoutEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $findMatchingParent, $onEscapeDown, $onEscapeUp, mergeRegister } from '@lexical/utils'
import {
  $getNodeByKey,
  $getSelection,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  createCommand,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_UP_COMMAND,
  KEY_ENTER_COMMAND,
  type LexicalCommand,
  type NodeKey,
} from 'lexical'
import {
  $createEmptySpoilerNode,
  $createSpoilerNode,
  $isSpoilerNode,
  SPOILER_HEAD_CLASS,
  SPOILER_OPEN_CLASS,
  SpoilerNode,
} from './SpoilerNode'
import { $insertBlock } from '@renderer/editor/plugins/insertBlocks'

const SpoilerHeader = lazy(() => import('./SpoilerHeader'))

/** Wraps the selected blocks in a spoiler, or starts an empty one at the caret. */
export const INSERT_SPOILER_COMMAND: LexicalCommand<void> = createCommand('INSERT_SPOILER_COMMAND')

interface Shown {
  element: HTMLElement
  label: string
}

/** The spoiler holding the caret, if any. */
function $spoilerAtSelection(): SpoilerNode | null {
  const selection = $getSelection()
  const anchor = $isRangeSelection(selection) ? selection.anchor.getNode() : selection?.getNodes()[0]
  return anchor ? $findMatchingParent(anchor, $isSpoilerNode) : null
}

/**
 * Spoiler blocks: insertion and the collapsed view (their structure rules are in transforms.ts). A
 * spoiler is collapsed in the editor unless opened with its toggle, or just inserted, or the caret
 * goes into it; that is view state and never saved. Enter on an empty last line, or the arrow keys
 * at its edges, leave it.
 */
export function SpoilerPlugin() {
  const [editor] = useLexicalComposerContext()
  const idPrefix = useId()
  const [shown, setShown] = useState<ReadonlyMap<NodeKey, Shown>>(new Map())
  const [open, setOpen] = useState<ReadonlySet<NodeKey>>(new Set())

  const setKeyOpen = useCallback((key: NodeKey, isOpen: boolean) => {
    setOpen((previous) => {
      if (previous.has(key) === isOpen) return previous
      const next = new Set(previous)
      if (isOpen) next.add(key)
      else next.delete(key)
      return next
    })
  }, [])

  useEffect(() => {
    return mergeRegister(
      editor.registerMutationListener(SpoilerNode, (mutations) => {
        const read = editor.getEditorState().read(() =>
          [...mutations].map(([key, mutation]) => {
            const node = mutation === 'destroyed' ? null : $getNodeByKey(key)
            const element = editor.getElementByKey(key)
            return { key, value: $isSpoilerNode(node) && element ? { element, label: node.getLabel() } : null }
          }),
        )
        setShown((previous) => {
          let changed = false
          const next = new Map(previous)
          for (const { key, value } of read) {
            const before = previous.get(key)
            if (value === null) {
              changed ||= next.delete(key)
            } else if (!before || before.element !== value.element || before.label !== value.label) {
              next.set(key, value)
              changed = true
            }
          }
          return changed ? next : previous
        })
      }),
      editor.registerCommand(
        INSERT_SPOILER_COMMAND,
        () => {
          const selection = $getSelection()
          if ($isRangeSelection(selection) && !selection.isCollapsed() && !$spoilerAtSelection()) {
            const blocks = [...new Set(selection.getNodes().map((node) => node.getTopLevelElement()))].filter(
              (block): block is NonNullable<typeof block> => block !== null && !$isSpoilerNode(block),
            )
            if (blocks.length > 0) {
              const spoiler = $createSpoilerNode()
              blocks[0]!.insertBefore(spoiler)
              spoiler.append(...blocks)
              setKeyOpen(spoiler.getKey(), true)
              return true
            }
          }
          const spoiler = $createEmptySpoilerNode()
          $insertBlock(spoiler, { topLevel: true })
          spoiler.selectStart()
          setKeyOpen(spoiler.getKey(), true)
          return true
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      // The caret going into a collapsed spoiler (arrow keys, a click, undo) opens it: no typing blind.
      // Only while the text has the focus: the toggle or a field of the header having it is not typing.
      editor.registerUpdateListener(({ editorState }) => {
        const root = editor.getRootElement()
        if (!root || root.ownerDocument.activeElement !== root) return
        const key = editorState.read(() => $spoilerAtSelection()?.getKey() ?? null)
        if (key !== null) setKeyOpen(key, true)
      }),
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          const selection = $getSelection()
          if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false
          const anchor = selection.anchor.getNode()
          const paragraph = $isParagraphNode(anchor) ? anchor : anchor.getParent()
          const spoiler = paragraph?.getParent()
          if (!$isParagraphNode(paragraph) || paragraph.getTextContentSize() > 0 || paragraph.getNextSibling() !== null) return false
          if (!$isSpoilerNode(spoiler) || spoiler.getChildrenSize() < 2) return false
          event?.preventDefault()
          spoiler.insertAfter(paragraph)
          paragraph.select()
          return true
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(KEY_ARROW_DOWN_COMMAND, (event) => $onEscapeDown($isSpoilerNode, event), COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_ARROW_UP_COMMAND, (event) => $onEscapeUp($isSpoilerNode, event), COMMAND_PRIORITY_LOW),
    )
  }, [editor, setKeyOpen])

  // The open state lives on the DOM only: a class Lexical never touches (updateDOM keeps the element).
  useLayoutEffect(() => {
    for (const [key, { element }] of shown) {
      element.classList.toggle(SPOILER_OPEN_CLASS, open.has(key))
      const body = element.lastElementChild
      body?.setAttribute('id', `${idPrefix}-spoiler-${key}`)
    }
  }, [shown, open, idPrefix])

  const collapse = (key: NodeKey) => {
    setKeyOpen(key, false)
    // A caret left inside would open it again at the next keystroke: it moves just past the spoiler.
    editor.update(() => {
      const spoiler = $spoilerAtSelection()
      if (!spoiler || spoiler.getKey() !== key) return
      const next = spoiler.getNextSibling()
      const previous = spoiler.getPreviousSibling()
      if ($isElementNode(next) && !next.isShadowRoot()) next.selectStart()
      else if ($isElementNode(previous) && !previous.isShadowRoot()) previous.selectEnd()
      else $setSelection(null)
    })
  }

  const unwrap = (key: NodeKey) =>
    editor.update(() => {
      const node = $getNodeByKey(key)
      if (!$isSpoilerNode(node)) return
      for (const child of node.getChildren()) node.insertBefore(child)
      node.remove()
    })

  return (
    <>
      {[...shown].map(([key, { element, label }]) => {
        const head = element.querySelector(`:scope > .${SPOILER_HEAD_CLASS}`)
        if (!head) return null
        const isOpen = open.has(key)
        return createPortal(
          <Suspense fallback={<span className="spoiler-toggle">{label}</span>}>
            <SpoilerHeader
              nodeKey={key}
              label={label}
              open={isOpen}
              bodyId={`${idPrefix}-spoiler-${key}`}
              onToggle={() => (isOpen ? collapse(key) : setKeyOpen(key, true))}
              onUnwrap={() => unwrap(key)}
            />
          </Suspense>,
          head,
          key,
        )
      })}
    </>
  )
}
