import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

export interface MenuItem {
  id: string
  /** The item's accessible name. */
  name: string
  /** What the item shows; its name when left out. */
  content?: ReactNode
  keyshortcuts?: string
  onChoose: () => void
}

interface Props {
  /** The button's content and the menu's accessible name. */
  label: ReactNode
  menuLabel: string
  /** The button's accessible name when its content is only an icon. */
  buttonLabel?: string
  className?: string
  items: readonly MenuItem[]
  /** Runs as the menu opens, before focus moves into it (the editor keeps its selection then). */
  onOpen?: () => void
  /** Whether a click on the button leaves the focus where it was (the editor's caret). */
  keepFocus?: boolean
}

/**
 * A menu button (WAI-ARIA menu button pattern): arrow keys move, Enter or a click chooses, Escape or
 * a click elsewhere closes and focus goes back to the button, Tab closes and moves on.
 */
export function MenuButton({ label, menuLabel, buttonLabel, className, items, onOpen, keepFocus = false }: Props) {
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)

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
    onOpen?.()
    setOpen(true)
  }
  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const elements = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const index = elements.indexOf(document.activeElement as HTMLElement)
    const focusAt = (i: number) => elements[(i + elements.length) % elements.length]?.focus()
    if (event.key === 'ArrowDown') focusAt(index + 1)
    else if (event.key === 'ArrowUp') focusAt(index - 1)
    else if (event.key === 'Home') focusAt(0)
    else if (event.key === 'End') focusAt(elements.length - 1)
    else if (event.key === 'Escape') close(true)
    else if (event.key === 'Tab') close(false)
    else return
    if (event.key !== 'Tab') event.preventDefault()
  }

  return (
    <div className={`menu-button${className ? ` ${className}` : ''}`}>
      <button
        ref={button}
        type="button"
        className="button button-quiet menu-button-trigger"
        aria-label={buttonLabel}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onMouseDown={keepFocus ? (event) => event.preventDefault() : undefined}
        onClick={() => (open ? close(false) : show())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault()
            show()
          }
        }}
      >
        {label}
      </button>
      {open && (
        <div ref={menu} id={menuId} className="menu-surface menu-popup" role="menu" aria-label={menuLabel} onKeyDown={onMenuKeyDown}>
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              aria-label={item.name}
              aria-keyshortcuts={item.keyshortcuts}
              onClick={() => {
                setOpen(false)
                item.onChoose()
              }}
            >
              {item.content ?? item.name}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
