import { useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from 'react'

/** Every review of a long list in its order, for the keys to walk past the rows not rendered. */
export interface ListOrder {
  count: number
  indexOf(id: string): number
  idAt(index: number): string | undefined
  /** Brings the row at `index` into the DOM (scrolls it into view). */
  reveal(index: number): void
}

/** A row's controls in Tab order: its checkbox and buttons. */
const CONTROLS = 'input, button'

/** The list's rows: each `<li>` carries its review's id. */
function rowsOf(list: HTMLElement): HTMLLIElement[] {
  return [...list.querySelectorAll<HTMLLIElement>(':scope > li[data-review-id]')]
}

function rowOf(list: HTMLElement | null, id: string): HTMLLIElement | undefined {
  return list ? rowsOf(list).find((candidate) => candidate.dataset['reviewId'] === id) : undefined
}

/** Focuses a control of a review's row (the last when it has fewer); false when the row is not rendered. */
function focusIn(list: HTMLElement | null, id: string, control: number): boolean {
  const row = rowOf(list, id)
  if (!row) return false
  const controls = controlsOf(row)
  ;(controls[control] ?? controls.at(-1))?.focus()
  return true
}

function controlsOf(row: Element): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(CONTROLS)]
}

function firstButton(controls: HTMLElement[]): HTMLElement | undefined {
  return controls.find((control) => control instanceof HTMLButtonElement) ?? controls[0]
}

/**
 * The review list is one Tab stop: one control of one row is tabbable, the rest are reached with the
 * arrow keys (Up/Down: the same control in the row above or below; Left/Right: the row's controls;
 * Home/End: the first and last row). The tabbable control follows the focus, so Tab comes back to
 * where the user left the list. Attributes are set on the DOM, not through props, so moving the
 * focus re-renders no row.
 *
 * A long list renders only the rows near the view (`order` names them all): a key that reaches a row
 * not rendered yet moves the Tab stop there at once, asks for the row, and focuses it once it is
 * rendered, so keys pressed faster than the list renders (a held key on a busy machine) are not lost.
 */
export function useRovingRows(listRef: RefObject<HTMLElement | null>, order?: ListOrder) {
  // Where the Tab stop is: a review and the place of the control within its row.
  const current = useRef<{ id: string; control: number } | null>(null)
  // Whether the Tab stop's row was asked for by a key and takes the focus once rendered.
  const pending = useRef(false)

  const apply = useCallback(() => {
    const list = listRef.current
    if (!list) return
    const rows = rowsOf(list)
    const row = rows.find((candidate) => candidate.dataset['reviewId'] === current.current?.id) ?? rows[0]
    const controls = row ? controlsOf(row) : []
    // The row's first button (Open) when the list has not been entered yet.
    const stop = (current.current && row?.dataset['reviewId'] === current.current.id ? controls[current.current.control] : undefined) ?? firstButton(controls)
    for (const each of rows) for (const control of controlsOf(each)) control.tabIndex = control === stop ? 0 : -1
  }, [listRef])

  // After every render of the list: rows come and go (filters, scrolling a long list).
  useEffect(() => {
    apply()
    if (pending.current && current.current && focusIn(listRef.current, current.current.id, current.current.control)) pending.current = false
  })

  /** Up, Down, Home and End through every review of a long list, rendered or not. */
  const moveInOrder = (key: string, row: HTMLLIElement, at: number, list: ListOrder): void => {
    // While a row asked for is still coming, the next key moves on from it, not from the focus.
    const from = list.indexOf(pending.current && current.current ? current.current.id : row.dataset['reviewId']!)
    const to = key === 'ArrowDown' ? from + 1 : key === 'ArrowUp' ? from - 1 : key === 'Home' ? 0 : list.count - 1
    const id = list.idAt(to)
    if (id === undefined || from === -1) return
    current.current = { id, control: at }
    pending.current = !focusIn(listRef.current, id, at)
    if (pending.current) list.reveal(to)
  }

  const onFocus = () => {
    const active = document.activeElement
    const row = active?.closest<HTMLLIElement>('li[data-review-id]')
    if (!row || !(active instanceof HTMLElement)) return
    const control = controlsOf(row).indexOf(active)
    if (control === -1) return
    current.current = { id: row.dataset['reviewId']!, control }
    apply()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const list = listRef.current
    const active = document.activeElement
    if (!list || !(active instanceof HTMLElement) || event.altKey || event.ctrlKey || event.metaKey) return
    const row = active.closest<HTMLLIElement>('li[data-review-id]')
    if (!row) return
    const rows = rowsOf(list)
    const controls = controlsOf(row)
    const at = controls.indexOf(active)
    const place = rows.indexOf(row)
    if (order && ['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) {
      event.preventDefault()
      moveInOrder(event.key, row, at, order)
      return
    }
    let target: HTMLElement | undefined
    const sameControlIn = (other: HTMLLIElement | undefined) => (other ? (controlsOf(other)[at] ?? controlsOf(other).at(-1)) : undefined)
    if (event.key === 'ArrowDown') target = sameControlIn(rows[place + 1])
    else if (event.key === 'ArrowUp') target = sameControlIn(rows[place - 1])
    else if (event.key === 'Home') target = sameControlIn(rows[0])
    else if (event.key === 'End') target = sameControlIn(rows.at(-1))
    else if (event.key === 'ArrowRight') target = controls[at + 1]
    else if (event.key === 'ArrowLeft') target = controls[at - 1]
    else return
    event.preventDefault()
    target?.focus()
  }

  /** Puts the focus on a review's Open button; false when its row is not rendered. */
  const focusReview = useCallback(
    (id: string): boolean => {
      const row = rowOf(listRef.current, id)
      if (!row) return false
      const controls = controlsOf(row)
      const open = firstButton(controls)
      current.current = { id, control: open ? controls.indexOf(open) : 0 }
      apply()
      open?.focus()
      return true
    },
    [listRef, apply],
  )

  return { onFocus, onKeyDown, focusReview }
}
