import type { LetterboxdExportResult, LetterboxdImportResult } from '@shared/contract'
import { api } from '@renderer/api'
import { InfoDialog } from '@renderer/components/Dialog'
import { PathPickerDialog } from '@renderer/components/PathPickerDialog'
import { usePickedPath } from '@renderer/components/usePickedPath'
import { WarningList } from '@renderer/components/Warnings'

interface Dialog<T> {
  onDone: (result: T) => void
  onClose: () => void
}

/** Imports a Letterboxd export's reviews.csv or diary.csv, picked in main's dialog: one new review per film logged. */
export function LetterboxdImportDialog({ onDone, onClose }: Dialog<LetterboxdImportResult>) {
  const form = usePickedPath({
    pick: () => api.pickFile({ purpose: 'import', extensions: ['csv'] }),
    empty: 'Choose reviews.csv or diary.csv from your Letterboxd export with “Browse…”.',
    run: (picked) => api.importLetterboxd({ file: picked.token }),
    done: onDone,
    explain: (message) => `Nothing was imported. ${message}`,
  })
  return (
    <PathPickerDialog
      form={form}
      title="Import from Letterboxd"
      description="The reviews.csv or diary.csv of the export Letterboxd gives you (Settings → Data → Export your data). Each film logged becomes a new review with its rating out of 5, its text, tags and the day you watched it; the file is left as it is."
      label="Letterboxd file"
      placeholder="No file chosen"
      submitLabel="Import"
      busyLabel="Importing…"
      onClose={onClose}
    />
  )
}

/** Writes the library's film reviews as the CSV file Letterboxd imports, into a folder picked in main's dialog. */
export function LetterboxdExportDialog({ onDone, onClose }: Dialog<LetterboxdExportResult>) {
  const form = usePickedPath({
    pick: () => api.pickFolder({ purpose: 'export' }),
    empty: 'Choose the folder for the file with “Browse…”.',
    run: (picked) => api.exportLetterboxd({ folder: picked.token }),
    done: onDone,
    explain: (message) => `The file was not written. ${message}`,
  })
  return (
    <PathPickerDialog
      form={form}
      title="Export for Letterboxd"
      description="Your film reviews as the CSV file Letterboxd imports (letterboxd.com/import): title, year, IMDb and TMDB ids, directors, rating out of 5, the day watched, rewatch, tags and text. Reviews of other kinds are left out."
      label="Destination folder"
      placeholder="No folder chosen"
      submitLabel="Export"
      busyLabel="Exporting…"
      onClose={onClose}
    />
  )
}

/** What an import or export left out, line by line, once it is done. */
export function LetterboxdReport({ title, summary, lines, onClose }: { title: string; summary: string; lines: readonly string[]; onClose: () => void }) {
  return (
    <InfoDialog title={title} description={summary} onClose={onClose}>
      <section aria-label="Left out">
        <WarningList warnings={lines} />
      </section>
    </InfoDialog>
  )
}
