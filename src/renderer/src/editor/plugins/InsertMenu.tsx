import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $setSelection, type BaseSelection } from 'lexical'
import { Icon } from '@renderer/components/Icon'
import { INSERTABLES, type Insertable } from './insertables'
import { shortcutAria, shortcutLabel } from './shortcuts'

/**
 * The toolbar's "Insert" menu button (WAI-ARIA menu button): Score, Image, Spoiler, Pull quote,
 * Trailer. Arrow keys move, Enter or a click chooses, Escape or a click elsewhere closes and
 * focus goes back to the button. The caret the text had is restored before inserting.
 */
export function InsertMenu() {
  const [editor] = useLexicalComposerContext()
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const saved = useRef<BaseSelection | null>(null)

  useEffect(() => {
    if (!open) return
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  const show = () => {
    saved.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null)
    setOpen(true)
  }

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  const choose = (item: Insertable) => {
    setOpen(false)
    editor.update(() => {
      if (saved.current) $setSelection(saved.current.clone())
      item.run(editor)
    })
    // Back to the text unless the choice opened something of its own (a dialog, the file picker).
    if (item.id === 'score' || item.id === 'spoiler' || item.id === 'pullquote') editor.focus()
  }

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const index = items.indexOf(document.activeElement as HTMLElement)
    const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus()
    if (event.key === 'ArrowDown') focusAt(index + 1)
    else if (event.key === 'ArrowUp') focusAt(index - 1)
    else if (event.key === 'Home') focusAt(0)
    else if (event.key === 'End') focusAt(items.length - 1)
    else if (event.key === 'Escape') close(true)
    else if (event.key === 'Tab') close(false)
    else return
    if (event.key !== 'Tab') event.preventDefault()
  }

  return (
    <div className="insert-menu">
      <button
        ref={button}
        type="button"
        className="button button-quiet insert-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        // Keep the caret in the text while the menu opens with the mouse.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => (open ? close(false) : show())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault()
            show()
          }
        }}
      >
        <Icon name="plus" size={16} /> Insert
      </button>
      {open && (
        <div ref={menu} id={menuId} className="insert-popup" role="menu" aria-label="Insert" onKeyDown={onMenuKeyDown}>
          {INSERTABLES.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="insert-item"
              aria-label={`${item.label}${item.id === 'image' || item.id === 'embed' ? '…' : ''}`}
              aria-keyshortcuts={shortcutAria(item.shortcut)}
              onClick={() => choose(item)}
            >
              <span className="insert-item-text">
                <span className="insert-item-label">
                  {item.label}
                  {item.id === 'image' || item.id === 'embed' ? '…' : ''}
                </span>
                <span className="insert-item-description">{item.description}</span>
              </span>
              <kbd>{shortcutLabel(item.shortcut)}</kbd>
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
