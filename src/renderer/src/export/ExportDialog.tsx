import { useEffect, useId, useState } from 'react'
import type { ColorScheme, ExportFormat, ExportRequest } from '@shared/contract'
import { api } from '@renderer/api'
import { Dialog } from '@renderer/components/Dialog'
import { ErrorLine } from '@renderer/components/ErrorLine'
import { Options } from '@renderer/components/Options'
import { PathField } from '@renderer/components/PathField'
import { RadioGroup, type RadioOption } from '@renderer/components/RadioGroup'
import { TextField } from '@renderer/components/TextField'
import { useCheckedText } from '@renderer/components/useCheckedText'
import { Segmented } from '@renderer/preview/Segmented'
import { SCHEME_OPTIONS, themeLabel, themeOptions, useThemes } from '@renderer/preview/themes'
import { ExportOutcome } from './ExportOutcome'
import { ExportProgress } from './ExportProgress'
import { useExportDestination } from './useExportDestination'
import { useExportRun } from './useExportRun'
import '../styles/export.css'

const FORMATS: ReadonlyArray<RadioOption<ExportFormat>> = [
  { value: 'html', label: 'HTML page', hint: 'One self-contained file, images included.' },
  { value: 'html-folder', label: 'HTML folder', hint: 'index.html with an images folder, ready to upload.' },
  { value: 'markdown', label: 'Markdown bundle (.zip)', hint: 'review.md and its images, to import elsewhere.' },
  { value: 'pdf', label: 'PDF', hint: 'For print or sharing as a document.' },
]

const PAGE_SIZES = [
  { value: 'A4', label: 'A4' },
  { value: 'Letter', label: 'Letter' },
] as const

const DEFAULT_MARGINS_MM = 18

interface Props {
  /** The reviews to export, in order. */
  ids: string[]
  /** What is exported, for the title: “Ballerina”, or 3 reviews. */
  subject: string
  /**
   * Runs before exporting (the review screen saves pending edits: exports read the saved files);
   * resolves to the ids to export, as that save may have moved a review's folder after its title.
   */
  prepare?: () => Promise<string[]>
  onClose: () => void
}

/** Exports reviews as HTML, an HTML folder, a Markdown bundle or PDF, with progress and a summary. */
export function ExportDialog({ ids, subject, prepare, onClose }: Props) {
  const themes = useThemes()
  const [format, setFormat] = useState<ExportFormat>('html')
  const [theme, setTheme] = useState('classic')
  const [colorScheme, setColorScheme] = useState<ColorScheme>('light')
  const [pageSize, setPageSize] = useState<ExportRequest['pageSize']>('A4')
  const margins = useCheckedText(String(DEFAULT_MARGINS_MM))
  const destination = useExportDestination()
  const [rememberedTheme, setRememberedTheme] = useState('')
  const { phase, progress, error, showError, run } = useExportRun(ids)
  const themeId = useId()

  useEffect(() => {
    Promise.all([api.getSettings(), api.getLibrary()]).then(([settings, library]) => {
      setTheme(settings.theme)
      setRememberedTheme(settings.theme)
      destination.setExportDir(library.exportDir)
    }, showError)
    // Once, as the dialog opens: the setters it calls never change what they do.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const start = () => {
    const dest = destination.path
    const marginsMm = Number(margins.text)
    let valid = true
    if (!dest) {
      destination.refuse('Choose the folder to export to with “Browse…”.')
      valid = false
    }
    if (format === 'pdf' && (margins.text.trim() === '' || !Number.isFinite(marginsMm) || marginsMm < 0 || marginsMm > 60)) {
      margins.refuse('Enter a margin between 0 and 60 mm.')
      valid = false
    }
    if (!valid) return
    void run(async () => {
      const exported = (await prepare?.()) ?? ids
      const look = { ids: exported, format, theme, colorScheme, pageSize, marginsMm: format === 'pdf' ? marginsMm : DEFAULT_MARGINS_MM }
      const { picked } = destination
      // Main remembers a picked folder for next time itself; without one it uses the folder it remembers.
      const summary = await api.exportReviews(picked ? { ...look, folder: picked.token } : look)
      if (theme !== rememberedTheme) {
        // Next time starts from here; not worth bothering the user about should it fail.
        api.updateSettings({ theme }).catch(() => undefined)
      }
      return { summary, destDir: dest }
    })
  }

  const busy = phase.kind === 'running'
  const done = phase.kind === 'done'
  const styled = format !== 'markdown'

  return (
    <Dialog
      title={`Export ${subject}`}
      busy={busy}
      // An export under way finishes in the background anyway; keep the dialog to show how it went.
      onClose={() => !busy && onClose()}
      onSubmit={() => (done ? onClose() : start())}
      actions={
        done ? (
          // Replaces the buttons that had the focus: take it, so it stays in the dialog.
          <button type="submit" className="button button-primary" autoFocus>
            Done
          </button>
        ) : (
          <>
            <button type="button" className="button" disabled={busy} onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Exporting…' : 'Export'}
            </button>
          </>
        )
      }
    >
      <div className="dialog-fields export-form">
        {!done && (
          <>
            <RadioGroup legend="Format" name="export-format" className="export-formats" value={format} options={FORMATS} onChange={setFormat} disabled={busy} />

            {styled && (
              <div className="export-look">
                <div className="field">
                  <label htmlFor={themeId}>Theme</label>
                  <select id={themeId} value={theme} disabled={busy} onChange={(event) => setTheme(event.target.value)}>
                    <Options values={themeOptions(themes, theme)} label={themeLabel} />
                  </select>
                </div>
                <Segmented label="Colours" value={colorScheme} options={SCHEME_OPTIONS} onChange={setColorScheme} disabled={busy} />
              </div>
            )}

            {format === 'pdf' && (
              <div className="export-look">
                <Segmented label="Page size" value={pageSize} options={PAGE_SIZES} onChange={setPageSize} disabled={busy} />
                <TextField
                  className="export-margins"
                  label="Margins (mm)"
                  type="number"
                  min={0}
                  max={60}
                  step={1}
                  disabled={busy}
                  {...margins.field}
                />
              </div>
            )}

            <PathField
              label="Destination folder"
              path={destination.path}
              hint={destination.picked ? 'Remembered for next time.' : 'The folder you exported to last time (or “Verdict Exports” beside the library); created if missing.'}
              error={destination.error}
              disabled={busy}
              onBrowse={() => void destination.browse()}
            />
          </>
        )}

        {(busy || done) && <ExportProgress progress={progress} busy={busy} />}

        {phase.kind === 'done' && <ExportOutcome summary={phase.summary} destDir={phase.destDir} />}

        {error && <ErrorLine>The export failed: {error}</ErrorLine>}
      </div>
    </Dialog>
  )
}
