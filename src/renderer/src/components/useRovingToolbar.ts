import { useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from 'react'

/** The toolbar's own controls: not those of a menu it opened. */
function controlsOf(toolbar: HTMLElement): Array<HTMLButtonElement | HTMLSelectElement> {
  return [...toolbar.querySelectorAll<HTMLButtonElement | HTMLSelectElement>('button, select')].filter((control) => !control.closest('[role="menu"]'))
}

/**
 * A WAI-ARIA toolbar: one Tab stop (the control last used, else the first), Left/Right and
 * Home/End move between its controls. Disabled controls are passed over. The tabindex is set on the
 * DOM after each render, as controls are enabled and disabled.
 */
export function useRovingToolbar(ref: RefObject<HTMLElement | null>) {
  const current = useRef<HTMLElement | null>(null)

  const apply = useCallback(() => {
    const toolbar = ref.current
    if (!toolbar) return
    const controls = controlsOf(toolbar)
    const enabled = controls.filter((control) => !control.disabled)
    const stop = enabled.find((control) => control === current.current) ?? enabled[0]
    for (const control of controls) control.tabIndex = control === stop ? 0 : -1
  }, [ref])

  useEffect(apply)

  const onFocus = () => {
    const toolbar = ref.current
    const active = document.activeElement
    const control = toolbar && controlsOf(toolbar).find((each) => each === active)
    if (!control) return
    current.current = control
    apply()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const toolbar = ref.current
    if (!toolbar || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    const enabled = controlsOf(toolbar).filter((control) => !control.disabled)
    const at = enabled.findIndex((control) => control === document.activeElement)
    if (at === -1) return
    const target =
      event.key === 'ArrowRight' ? enabled[(at + 1) % enabled.length]
      : event.key === 'ArrowLeft' ? enabled[(at - 1 + enabled.length) % enabled.length]
      : event.key === 'Home' ? enabled[0]
      : event.key === 'End' ? enabled.at(-1)
      : undefined
    if (!target) return
    event.preventDefault()
    target.focus()
  }

  return { onFocus, onKeyDown }
}
