import {
  $getRoot,
  $selectAll,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  DELETE_CHARACTER_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  type LexicalEditor,
} from 'lexical'
import { whenWhole } from './opening'

/** A key held while the review's rest was on its way. */
type HeldKey = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey'> & { mod: boolean }

const holding = new WeakSet<LexicalEditor>()

/**
 * While a review opened in parts waits for its rest (opening.ts), nothing may edit the text: an
 * edit made on its first part alone would be undone past the rest's arrival, or land before blocks
 * it should follow. The editor's frame holds input back until the rest is built: keys in the text
 * are kept and taken then, in order — typed text, Enter, Backspace and Delete, select-all and
 * Ctrl+Home/End (the keys a critic presses first) — and the rest (pasting, cutting, dropping, a
 * toolbar button) does nothing meanwhile. The find bar's fields are typed into as usual. The text
 * says it is busy (aria-busy) until then.
 */
export function holdInputUntilWhole(editor: LexicalEditor, frame: HTMLElement): void {
  if (holding.has(editor)) return
  holding.add(editor)
  const held: HeldKey[] = []
  const inField = (event: Event) => event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement
  const refuse = (event: Event) => {
    if (inField(event)) return
    event.preventDefault()
    event.stopPropagation()
  }
  const hold = (event: KeyboardEvent) => {
    if (inField(event) || ['Control', 'Meta', 'Shift', 'Alt'].includes(event.key)) return
    refuse(event)
    if (editor.getRootElement()?.contains(event.target as Node)) held.push({ key: event.key, shiftKey: event.shiftKey, altKey: event.altKey, mod: event.ctrlKey || event.metaKey })
  }
  const refuseButton = (event: MouseEvent) => {
    if ((event.target as Element | null)?.closest('button')) refuse(event)
  }
  const refused = ['beforeinput', 'paste', 'cut', 'drop'] as const
  frame.addEventListener('keydown', hold, true)
  frame.addEventListener('click', refuseButton, true)
  for (const type of refused) frame.addEventListener(type, refuse, true)
  const root = editor.getRootElement()
  root?.setAttribute('aria-busy', 'true')
  void whenWhole(editor).then(() => {
    frame.removeEventListener('keydown', hold, true)
    frame.removeEventListener('click', refuseButton, true)
    for (const type of refused) frame.removeEventListener(type, refuse, true)
    root?.removeAttribute('aria-busy')
    holding.delete(editor)
    for (const key of held) take(editor, key)
  })
}

/** Does what a held key would have done. */
function take(editor: LexicalEditor, { key, shiftKey, altKey, mod }: HeldKey): void {
  if (mod && !altKey) {
    if (key.toLowerCase() === 'a') editor.update(() => $selectAll())
    else if (key === 'End' || key === 'Home') editor.update(() => void (key === 'End' ? $getRoot().selectEnd() : $getRoot().selectStart()))
    return
  }
  if (key.length === 1 && !altKey) editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, key)
  else if (key === 'Enter') void (shiftKey ? editor.dispatchCommand(INSERT_LINE_BREAK_COMMAND, false) : editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined))
  else if (key === 'Backspace' || key === 'Delete') editor.dispatchCommand(DELETE_CHARACTER_COMMAND, key === 'Backspace')
}
