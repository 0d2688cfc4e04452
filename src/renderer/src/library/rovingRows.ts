import { useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from 'react'

/** A row's controls in Tab order: its checkbox and buttons. */
const CONTROLS = 'input, button'

/** The list's rows: each `<li>` carries its review's id. */
function rowsOf(list: HTMLElement): HTMLLIElement[] {
  return [...list.querySelectorAll<HTMLLIElement>(':scope > li[data-review-id]')]
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
 */
export function useRovingRows(listRef: RefObject<HTMLElement | null>) {
  // Where the Tab stop is: a review and the place of the control within its row.
  const current = useRef<{ id: string; control: number } | null>(null)

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
  useEffect(apply)

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
      const row = listRef.current && rowsOf(listRef.current).find((candidate) => candidate.dataset['reviewId'] === id)
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
