/**
 * The right-click menu as a pure function of what was clicked, so it is tested under Node;
 * window.ts only builds it from Electron's `context-menu` event. Spelling suggestions come from
 * Chromium's spellchecker (Electron hands them in the event), the rest are Electron's edit roles.
 */
import type { MenuItemConstructorOptions } from 'electron'
import { externalUrl } from '../windowOptions'

/** What Electron's `context-menu` event says about the click, reduced to what the menu reads. */
export interface ContextClick {
  isEditable: boolean
  selectionText: string
  misspelledWord: string
  dictionarySuggestions: string[]
  linkURL: string
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean }
}

export interface SpellingLanguages {
  /** Languages the spellchecker has (Electron's `availableSpellCheckerLanguages`). */
  available: readonly string[]
  /** Those checked now. */
  chosen: readonly string[]
}

export interface ContextActions {
  replaceMisspelling(word: string): void
  addToDictionary(word: string): void
  /** The critic's choice of spelling languages: applied and remembered. */
  setLanguages(languages: string[]): void
  openLink(url: string): void
  copyLink(url: string): void
}

/** Suggestions shown at most, as word processors do. */
const MAX_SUGGESTIONS = 5

/** The menu's items, or none (nothing worth a menu was clicked: no menu opens). */
export function contextMenuTemplate(click: ContextClick, languages: SpellingLanguages, actions: ContextActions): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' }
  const groups: MenuItemConstructorOptions[][] = []

  if (click.isEditable && click.misspelledWord) {
    const suggestions = click.dictionarySuggestions.slice(0, MAX_SUGGESTIONS)
    groups.push([
      ...(suggestions.length
        ? suggestions.map((word): MenuItemConstructorOptions => ({ label: word, click: () => actions.replaceMisspelling(word) }))
        : [{ label: 'No spelling suggestions', enabled: false }]),
      { label: `Add “${click.misspelledWord}” to Dictionary`, click: () => actions.addToDictionary(click.misspelledWord) },
    ])
  }

  const link = click.linkURL ? externalUrl(click.linkURL) : null
  if (link) {
    groups.push([
      { label: 'Open Link in Browser', click: () => actions.openLink(link) },
      { label: 'Copy Link Address', click: () => actions.copyLink(link) },
    ])
  }

  if (click.isEditable) {
    const { canCut, canCopy, canPaste, canSelectAll } = click.editFlags
    groups.push([
      { role: 'cut', enabled: canCut },
      { role: 'copy', enabled: canCopy },
      { role: 'paste', enabled: canPaste },
      { role: 'selectAll', enabled: canSelectAll },
    ])
    if (languages.available.length > 1) groups.push([{ label: 'Spelling Languages', submenu: languageItems(languages, actions) }])
  } else if (click.selectionText.trim()) {
    groups.push([{ role: 'copy', enabled: click.editFlags.canCopy }])
  }

  return groups.flatMap((group, index) => (index === 0 ? group : [separator, ...group]))
}

/** One checkbox per language; the last checked one cannot be unchecked (spelling needs one). */
function languageItems({ available, chosen }: SpellingLanguages, actions: ContextActions): MenuItemConstructorOptions[] {
  return available.map((language) => {
    const checked = chosen.includes(language)
    return {
      label: languageName(language),
      type: 'checkbox',
      checked,
      enabled: !(checked && chosen.length === 1),
      click: () => actions.setLanguages(checked ? chosen.filter((one) => one !== language) : [...chosen, language]),
    }
  })
}

/** “English (United Kingdom)” for `en-GB`, in English like the rest of the menus; the code when unknown. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}
