/** The right-click menu (src/main/desktop/contextMenu.ts), built from what Electron says was clicked. */
import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { contextMenuTemplate, languageName, type ContextActions, type ContextClick } from '../../../src/main/desktop/contextMenu'

const ALL_EDITS = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true }
const click = (fields: Partial<ContextClick>): ContextClick => ({
  isEditable: true,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  linkURL: '',
  editFlags: ALL_EDITS,
  ...fields,
})
const ONE_LANGUAGE = { available: ['en-US'], chosen: ['en-US'] }

function recorder() {
  const calls: string[] = []
  const actions: ContextActions = {
    replaceMisspelling: (word) => calls.push(`replace ${word}`),
    addToDictionary: (word) => calls.push(`add ${word}`),
    setLanguages: (languages) => calls.push(`languages ${languages.join(',')}`),
    openLink: (url) => calls.push(`open ${url}`),
    copyLink: (url) => calls.push(`copy ${url}`),
  }
  return { calls, actions }
}

/** What the critic sees: labels (roles by name), separators as '—'. */
const shown = (items: MenuItemConstructorOptions[]) => items.map((item) => (item.type === 'separator' ? '—' : (item.label ?? item.role)))
const choose = (items: MenuItemConstructorOptions[], label: string) => {
  const item = items.find((one) => one.label === label)
  expect(item, label).toBeDefined()
  ;(item!.click as () => void)()
}

describe('the right-click menu', () => {
  it('offers spelling suggestions for a misspelled word, at most five, and Add to Dictionary', () => {
    const { calls, actions } = recorder()
    const items = contextMenuTemplate(click({ misspelledWord: 'balletc', dictionarySuggestions: ['balletic', 'ballet', 'ballets', 'balled', 'ballast', 'bullet'] }), ONE_LANGUAGE, actions)
    expect(shown(items)).toEqual(['balletic', 'ballet', 'ballets', 'balled', 'ballast', 'Add “balletc” to Dictionary', '—', 'cut', 'copy', 'paste', 'selectAll'])
    choose(items, 'balletic')
    choose(items, 'Add “balletc” to Dictionary')
    expect(calls).toEqual(['replace balletic', 'add balletc'])
  })

  it('says when the spellchecker has no suggestion', () => {
    const items = contextMenuTemplate(click({ misspelledWord: 'xqzt' }), ONE_LANGUAGE, recorder().actions)
    expect(items[0]).toMatchObject({ label: 'No spelling suggestions', enabled: false })
  })

  it('enables Cut, Copy and Paste as the text allows', () => {
    const items = contextMenuTemplate(click({ editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true } }), ONE_LANGUAGE, recorder().actions)
    expect(items.map((item) => [item.role, item.enabled])).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', true],
      ['selectAll', true],
    ])
  })

  it('opens and copies web and mail links only', () => {
    const { calls, actions } = recorder()
    const items = contextMenuTemplate(click({ isEditable: false, linkURL: 'https://www.youtube.com/watch?v=0FSwsrFpkbw' }), ONE_LANGUAGE, actions)
    expect(shown(items)).toEqual(['Open Link in Browser', 'Copy Link Address'])
    choose(items, 'Open Link in Browser')
    choose(items, 'Copy Link Address')
    expect(calls).toEqual(['open https://www.youtube.com/watch?v=0FSwsrFpkbw', 'copy https://www.youtube.com/watch?v=0FSwsrFpkbw'])
    for (const linkURL of ['javascript:alert(1)', 'file:///etc/passwd', 'app://verdict/index.html']) {
      expect(contextMenuTemplate(click({ isEditable: false, linkURL }), ONE_LANGUAGE, actions), linkURL).toEqual([])
    }
  })

  it('copies selected text outside the editor, and opens no menu where there is nothing to do', () => {
    expect(shown(contextMenuTemplate(click({ isEditable: false, selectionText: 'Overall Score' }), ONE_LANGUAGE, recorder().actions))).toEqual(['copy'])
    expect(contextMenuTemplate(click({ isEditable: false }), ONE_LANGUAGE, recorder().actions)).toEqual([])
  })

  it('chooses spelling languages, named in words, never none', () => {
    const { calls, actions } = recorder()
    const items = contextMenuTemplate(click({}), { available: ['en-GB', 'en-US', 'fr'], chosen: ['en-GB'] }, actions)
    const languages = items.at(-1)!.submenu as MenuItemConstructorOptions[]
    expect(items.at(-1)!.label).toBe('Spelling Languages')
    expect(languages.map((item) => [item.label, item.checked, item.enabled])).toEqual([
      ['British English', true, false],
      ['American English', false, true],
      ['French', false, true],
    ])
    choose(languages, 'French')
    expect(calls).toEqual(['languages en-GB,fr'])
    const two = contextMenuTemplate(click({}), { available: ['en-GB', 'fr'], chosen: ['en-GB', 'fr'] }, actions).at(-1)!.submenu as MenuItemConstructorOptions[]
    choose(two, 'British English')
    expect(calls.at(-1)).toBe('languages fr')
    expect(languageName('not a code')).toBe('not a code')
  })
})
