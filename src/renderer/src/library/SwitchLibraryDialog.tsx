import type { LibraryInfo } from '@shared/model'
import { api } from '@renderer/api'
import { Dialog, DialogActions } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
import { Icon } from '@renderer/components/Icon'
import { useFieldForm } from '@renderer/components/useFieldForm'

interface Props {
  library: LibraryInfo
  onSwitched: (library: LibraryInfo) => void
  onClose: () => void
}

/** Opens another library folder: typed, browsed for, or picked from the recent ones. */
export function SwitchLibraryDialog({ library, onSwitched, onClose }: Props) {
  const form = useFieldForm({
    initial: library.path,
    empty: 'Enter the folder to use as your library.',
    run: (path) => api.switchLibrary({ path }),
    done: onSwitched,
    pick: () => api.pickFolder(),
  })
  const recent = library.recent.filter((other) => other !== library.path)

  return (
    <Dialog
      title="Switch library"
      description="A library is a folder holding one folder per review. A new folder becomes an empty library."
      busy={form.busy}
      onClose={onClose}
      onSubmit={() => void form.submit()}
      actions={<DialogActions busy={form.busy} label="Open library" busyLabel="Opening…" onCancel={onClose} />}
    >
      <div className="field-row">
        <TextField
          className="grow"
          label="Library folder"
          spellCheck={false}
          data-autofocus
          value={form.value}
          error={form.error}
          onChange={(event) => form.change(event.target.value)}
        />
        <button type="button" className="button" onClick={() => void form.browse()}>
          Browse…
        </button>
      </div>
      {recent.length > 0 && (
        <section className="recent-libraries" aria-labelledby="recent-libraries-heading">
          <h3 id="recent-libraries-heading" className="panel-heading">
            Recent libraries
          </h3>
          <ul>
            {recent.map((other) => (
              <li key={other}>
                <button
                  type="button"
                  className="recent-library"
                  aria-pressed={other === form.value}
                  onClick={() => form.change(other)}
                >
                  <Icon name="folder" size={16} />
                  <span>{other}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  )
}
