/**
 * Writes the README's "Keyboard shortcuts" table from shared/commands.ts and the critic blocks'
 * models (src/main/blocks), the sources of the menu and of the app's Keyboard shortcuts dialog
 * (`npm run shortcuts`). A unit test fails when it is stale.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CRITIC_BLOCKS } from '../src/main/blocks'
import { keyLabel, keysFor, shortcutRows } from '../src/shared/commands'

export const README = resolve(import.meta.dirname, '../README.md')
const START = '<!-- shortcuts:start (npm run shortcuts writes this table) -->'
const END = '<!-- shortcuts:end -->'

export function shortcutsTable(): string {
  const cell = (text: string) => `<kbd>${text.replace(/\|/g, '\\|')}</kbd>`
  const rows = shortcutRows(CRITIC_BLOCKS.map((block) => block.model.insert)).map(
    ({ label, keys }) => `| ${label} | ${cell(keyLabel(keysFor(keys, 'other'), 'other'))} | ${cell(keyLabel(keysFor(keys, 'mac'), 'mac'))} |`,
  )
  return [START, '| Action | Windows and Linux | macOS |', '|---|---|---|', ...rows, END].join('\n')
}

/** The README with its table replaced by the current one. */
export function withTable(readme: string): string {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`)
  return readme.slice(0, start) + shortcutsTable() + readme.slice(end + END.length)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeFile(README, withTable(await readFile(README, 'utf8')))
  console.log('README.md: keyboard shortcuts table written.')
}
