import { useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $setSelection, type BaseSelection } from 'lexical'
import { Icon } from '@renderer/components/Icon'
import { MenuButton, type MenuItem } from '@renderer/components/MenuButton'
import { INSERTABLES, type Insertable } from './insertables'
import { shortcutAria, shortcutLabel } from './shortcuts'

/**
 * The toolbar's "Insert" menu button (WAI-ARIA menu button): the critic blocks (insertables.ts).
 * Arrow keys move, Enter or a click chooses, Escape or a click elsewhere closes and
 * focus goes back to the button. The caret the text had is restored before inserting.
 */
export function InsertMenu() {
  const [editor] = useLexicalComposerContext()
  const saved = useRef<BaseSelection | null>(null)

  const choose = (item: Insertable) => {
    editor.update(() => {
      if (saved.current) $setSelection(saved.current.clone())
      item.run(editor)
    })
    // Back to the text unless the choice opened something of its own (a dialog, the file picker).
    if (!item.opensDialog) editor.focus()
  }

  const items: MenuItem[] = INSERTABLES.map((item) => {
    const name = `${item.label}${item.opensDialog ? '…' : ''}`
    return {
      id: item.id,
      name,
      keyshortcuts: shortcutAria(item.shortcut),
      content: (
        <>
          <span className="insert-item-text">
            <span className="insert-item-label">{name}</span>
            <span className="insert-item-description">{item.description}</span>
          </span>
          <kbd>{shortcutLabel(item.shortcut)}</kbd>
        </>
      ),
      onChoose: () => choose(item),
    }
  })

  return (
    <MenuButton
      className="insert-menu"
      label={
        <>
          <Icon name="plus" size={16} /> Insert
        </>
      }
      menuLabel="Insert"
      items={items}
      // Keep the caret in the text while the menu opens with the mouse, and put it back to insert.
      keepFocus
      onOpen={() => {
        saved.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null)
      }}
    />
  )
}
