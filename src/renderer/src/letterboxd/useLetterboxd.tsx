import { useState, type ReactNode } from 'react'
import type { LetterboxdExportResult, LetterboxdImportResult } from '@shared/contract'
import { LetterboxdExportDialog, LetterboxdImportDialog, LetterboxdReport } from './LetterboxdDialogs'

const films = (count: number): string => `${count} ${count === 1 ? 'film' : 'films'}`

/**
 * The library's Letterboxd import and export: which dialog is open, and what the last run left out
 * (shown until read: a row or review left out is always said). `imported` reloads the library.
 */
export function useLetterboxd({ imported, notify }: { imported: () => void; notify: (text: string) => void }) {
  const [open, setOpen] = useState<'import' | 'export' | null>(null)
  const [report, setReport] = useState<{ title: string; summary: string; lines: string[] } | null>(null)
  const close = () => setOpen(null)

  const importDone = ({ imported: made, skipped, notes }: LetterboxdImportResult) => {
    close()
    imported()
    const summary = `Imported ${films(made.length)} from Letterboxd${skipped.length ? `; ${skipped.length} already in your library, skipped` : ''}`
    if (notes.length) setReport({ title: 'Imported from Letterboxd', summary: `${summary}. What was left out, row by row:`, lines: notes })
    else notify(summary)
  }
  const exportDone = ({ path, exported, notFilms, failed }: LetterboxdExportResult) => {
    close()
    const summary = `Exported ${films(exported)} for Letterboxd to ${path}${notFilms ? ` (${notFilms} ${notFilms === 1 ? 'review is' : 'reviews are'} not of a film)` : ''}`
    if (failed.length) setReport({ title: 'Exported for Letterboxd', summary: `${summary}. Not exported:`, lines: failed.map((review) => `${review.title}: ${review.reason}`) })
    else notify(summary)
  }

  const dialogs: ReactNode = (
    <>
      {open === 'import' && <LetterboxdImportDialog onDone={importDone} onClose={close} />}
      {open === 'export' && <LetterboxdExportDialog onDone={exportDone} onClose={close} />}
      {report && <LetterboxdReport {...report} onClose={() => setReport(null)} />}
    </>
  )
  return { openImport: () => setOpen('import'), openExport: () => setOpen('export'), dialogs }
}
