import { useEffect, useMemo, useState, type JSX } from 'react'
import { createPortal } from 'react-dom'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { LexicalTypeaheadMenuPlugin, MenuOption, useBasicTypeaheadTriggerMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin'
import type { TextNode } from 'lexical'
import { keepCaret } from '../keepCaret'
import { matchInsertables, type Insertable } from './insertables'
import { shortcutLabel } from './shortcuts'

class InsertOption extends MenuOption {
  readonly item: Insertable
  constructor(item: Insertable) {
    super(item.id)
    this.item = item
  }
}

/**
 * "/" at the start of a word opens a menu of the critic blocks; typing filters it ("/sco"), arrow
 * keys and Enter choose, Escape closes. The slash and the query are removed when one is chosen.
 */
export function SlashMenuPlugin() {
  const [editor] = useLexicalComposerContext()
  const [query, setQuery] = useState<string | null>(null)
  const triggerFn = useBasicTypeaheadTriggerMatch('/', { minLength: 0, maxLength: 20 })
  const options = useMemo(() => matchInsertables(query ?? '').map((item) => new InsertOption(item)), [query])
  // The menu opens inside the editor's landmark (by default Lexical appends it to <body>, outside any).
  const [parent, setParent] = useState<HTMLElement | undefined>(undefined)
  useEffect(() => editor.registerRootListener((root) => setParent(root?.closest<HTMLElement>('main') ?? undefined)), [editor])

  const select = (option: InsertOption, textNode: TextNode | null, closeMenu: () => void) => {
    editor.update(() => {
      textNode?.remove()
      closeMenu()
      option.item.run(editor)
    })
  }

  return (
    <LexicalTypeaheadMenuPlugin<InsertOption>
      onQueryChange={setQuery}
      onSelectOption={select}
      triggerFn={triggerFn}
      options={options}
      anchorClassName="slash-menu-anchor"
      parent={parent}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }): JSX.Element | null => {
        if (!anchor.current || options.length === 0) return null
        // The anchor is Lexical's listbox (the editor points aria-activedescendant into it).
        anchor.current.setAttribute('aria-label', 'Insert a block')
        return createPortal(
          <div className="menu-surface slash-menu">
            {options.map((option, index) => (
              <div
                key={option.key}
                id={`typeahead-item-${index}`}
                ref={(element) => option.setRefElement(element)}
                role="option"
                aria-selected={selectedIndex === index}
                className={`slash-item${selectedIndex === index ? ' slash-item-selected' : ''}`}
                onMouseEnter={() => setHighlightedIndex(index)}
                onMouseDown={keepCaret}
                onClick={() => {
                  setHighlightedIndex(index)
                  selectOptionAndCleanUp(option)
                }}
              >
                <span className="slash-item-label">{option.item.label}</span>
                <span className="slash-item-description">{option.item.description}</span>
                <kbd className="slash-item-keys">{shortcutLabel(option.item.shortcut)}</kbd>
              </div>
            ))}
          </div>,
          anchor.current,
        )
      }}
    />
  )
}
