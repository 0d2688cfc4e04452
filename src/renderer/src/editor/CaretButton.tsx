import type { ButtonHTMLAttributes } from 'react'
import { keepCaret } from './keepCaret'

/** A button that acts on the text (a tool, a block's toggle): pressing it leaves the caret where it was. */
export function CaretButton(props: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onMouseDown'>) {
  return <button type="button" onMouseDown={keepCaret} {...props} />
}
