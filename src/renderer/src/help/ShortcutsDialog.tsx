import { keyLabel, keysFor, shortcutRows } from '@shared/commands'
import { InfoDialog } from '@renderer/components/Dialog'
import { TableHead } from '@renderer/components/TableHead'
import { KEY_PLATFORM } from '@renderer/commands/commands'
import { CRITIC_EDITOR_BLOCKS } from '@renderer/editor/criticBlocks'

/** Every key of the menu and the text, from the same table as the menu and the README. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <InfoDialog title="Keyboard shortcuts" onClose={onClose}>
      <div className="shortcuts-table">
        <table>
          <TableHead columns={['Action', 'Keys']} />
          <tbody>
            {shortcutRows(CRITIC_EDITOR_BLOCKS.map((block) => block.model.insert)).map(({ label, keys }) => (
              <tr key={label}>
                <td>{label}</td>
                <td>
                  <kbd>{keyLabel(keysFor(keys, KEY_PLATFORM), KEY_PLATFORM)}</kbd>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </InfoDialog>
  )
}
