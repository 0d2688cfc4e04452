import type { LexicalEditor, NodeKey } from 'lexical'

/**
 * Images just added by the user, whose alt text field should take the focus once it is shown:
 * the prompt for a description happens in place, without a dialog in the way of a drop.
 */
const pending = new WeakMap<LexicalEditor, Set<NodeKey>>()

export function promptForAlt(editor: LexicalEditor, key: NodeKey): void {
  const keys = pending.get(editor) ?? new Set<NodeKey>()
  keys.add(key)
  pending.set(editor, keys)
}

/** True once for an image that was just added. */
export function takeAltPrompt(editor: LexicalEditor, key: NodeKey): boolean {
  return pending.get(editor)?.delete(key) ?? false
}
