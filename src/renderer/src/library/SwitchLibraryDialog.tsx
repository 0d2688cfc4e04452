import { useState } from 'react'
import type { LibraryInfo } from '@shared/model'
import { api } from '@renderer/api'
import { Icon } from '@renderer/components/Icon'
import { PathPickerDialog } from '@renderer/components/PathPickerDialog'
import { usePickedPath } from '@renderer/components/usePickedPath'

interface Props {
  library: LibraryInfo
  onSwitched: (library: LibraryInfo) => void
  onClose: () => void
}

/** Opens another library folder: picked with Browse… (main's dialog), or one of the recent ones main remembers. */
export function SwitchLibraryDialog({ library, onSwitched, onClose }: Props) {
  const [recentChoice, setRecentChoice] = useState<string | null>(null)
  const form = usePickedPath({
    pick: () => api.pickFolder({ purpose: 'library' }),
    empty: 'Choose a folder with “Browse…”, or one of your recent libraries.',
    // A recent library travels by its name in main's own list; a new folder by its pick's token.
    run: (picked) => api.switchLibrary(picked.token ? { folder: picked.token } : { recent: picked.path }),
    done: onSwitched,
  })
  const recent = library.recent.filter((other) => other !== library.path)

  return (
    <PathPickerDialog
      form={form}
      title="Switch library"
      description="A library is a folder holding one folder per review. A new folder becomes an empty library."
      label="Library folder"
      placeholder={library.path}
      hint={form.picked?.path ? undefined : 'The library open now. Browse… for another folder, or pick a recent one.'}
      submitLabel="Open library"
      busyLabel="Opening…"
      onBrowse={() => {
        setRecentChoice(null)
        void form.browse()
      }}
      onClose={onClose}
    >
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
                  aria-pressed={other === recentChoice}
                  onClick={() => {
                    setRecentChoice(other)
                    form.choose({ path: other, token: '' })
                  }}
                >
                  <Icon name="folder" size={16} />
                  <span>{other}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </PathPickerDialog>
  )
}
