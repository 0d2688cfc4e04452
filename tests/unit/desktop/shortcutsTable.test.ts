import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { README, shortcutsTable, withTable } from '../../../scripts/shortcuts'

describe('README keyboard shortcuts', () => {
  it('is the table the menu’s commands make (run `npm run shortcuts` after changing a key)', async () => {
    const readme = await readFile(README, 'utf8')
    expect(readme).toContain(shortcutsTable())
    expect(withTable(readme)).toBe(readme)
  })

  it('lists New review and Publish with both platforms’ keys', () => {
    expect(shortcutsTable()).toContain('| New review | <kbd>Ctrl+N</kbd> | <kbd>⌘N</kbd> |')
    expect(shortcutsTable()).toContain('| Publish | <kbd>Ctrl+Shift+P</kbd> | <kbd>⇧⌘P</kbd> |')
  })
})
