import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import type { ColorScheme, ExportFormat, ExportRequest, ExportSummary, PickedPath } from '@shared/contract'
import { api } from '@renderer/api'
import { Dialog } from '@renderer/components/Dialog'
import { ErrorLine } from '@renderer/components/ErrorLine'
import { Options } from '@renderer/components/Options'
import { PathField } from '@renderer/components/PathField'
import { RadioGroup, type RadioOption } from '@renderer/components/RadioGroup'
import { TextField } from '@renderer/components/TextField'
import { FoldedWarnings } from '@renderer/components/Warnings'
import { useCheckedText } from '@renderer/components/useCheckedText'
import { errorMessage } from '@renderer/lib/errorMessage'
import { Segmented } from '@renderer/preview/Segmented'
import { SCHEME_OPTIONS, themeLabel, themeOptions, useThemes } from '@renderer/preview/themes'
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

type Progress = { completed: number; total: number; current: string | null }
type Phase = { kind: 'form' } | { kind: 'running' } | { kind: 'done'; summary: ExportSummary; destDir: string }

/** Exports reviews as HTML, an HTML folder, a Markdown bundle or PDF, with progress and a summary. */
export function ExportDialog({ ids, subject, prepare, onClose }: Props) {
  const themes = useThemes()
  const [format, setFormat] = useState<ExportFormat>('html')
  const [theme, setTheme] = useState('classic')
  const [colorScheme, setColorScheme] = useState<ColorScheme>('light')
  const [pageSize, setPageSize] = useState<ExportRequest['pageSize']>('A4')
  const margins = useCheckedText(String(DEFAULT_MARGINS_MM))
  /** Where the export goes unless another folder is picked (main's remembered or default folder). */
  const [exportDir, setExportDir] = useState('')
  const [picked, setPicked] = useState<PickedPath | null>(null)
  const [destError, setDestError] = useState<string | null>(null)
  const [rememberedTheme, setRememberedTheme] = useState('')
  const [phase, setPhase] = useState<Phase>({ kind: 'form' })
  const [progress, setProgress] = useState<Progress>({ completed: 0, total: ids.length, current: null })
  const [error, setError] = useState<string | null>(null)
  const running = useRef(false)
  const themeId = useId()

  useEffect(() => {
    Promise.all([api.getSettings(), api.getLibrary()]).then(
      ([settings, library]) => {
        setTheme(settings.theme)
        setRememberedTheme(settings.theme)
        setExportDir(library.exportDir)
      },
      (failure: unknown) => setError(errorMessage(failure)),
    )
  }, [])

  // Subscribed from the start, so no event of the export is missed while the channel connects.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'export-progress' || !running.current) return
        setProgress({
          completed: event.index + (event.state === 'started' ? 0 : 1),
          total: event.total,
          current: event.state === 'started' ? event.id : null,
        })
      }),
    [],
  )

  const browse = async () => {
    try {
      const next = await api.pickFolder({ purpose: 'export' })
      if (next !== null) {
        setPicked(next)
        setDestError(null)
      }
    } catch (failure) {
      setDestError(errorMessage(failure))
    }
  }

  const start = async () => {
    const dest = picked?.path ?? exportDir
    const marginsMm = Number(margins.text)
    let valid = true
    if (!dest) {
      setDestError('Choose the folder to export to with “Browse…”.')
      valid = false
    }
    if (format === 'pdf' && (margins.text.trim() === '' || !Number.isFinite(marginsMm) || marginsMm < 0 || marginsMm > 60)) {
      margins.refuse('Enter a margin between 0 and 60 mm.')
      valid = false
    }
    if (!valid) return
    setError(null)
    setPhase({ kind: 'running' })
    setProgress({ completed: 0, total: ids.length, current: ids[0] ?? null })
    running.current = true
    try {
      const exported = (await prepare?.()) ?? ids
      const look = { ids: exported, format, theme, colorScheme, pageSize, marginsMm: format === 'pdf' ? marginsMm : DEFAULT_MARGINS_MM }
      // Main remembers a picked folder for next time itself; without one it uses the folder it remembers.
      const summary = await api.exportReviews(picked ? { ...look, folder: picked.token } : look)
      setProgress({ completed: summary.total, total: summary.total, current: null })
      setPhase({ kind: 'done', summary, destDir: dest })
      if (theme !== rememberedTheme) {
        // Next time starts from here; not worth bothering the user about should it fail.
        api.updateSettings({ theme }).catch(() => undefined)
      }
    } catch (failure) {
      setError(errorMessage(failure))
      setPhase({ kind: 'form' })
    } finally {
      running.current = false
    }
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
      onSubmit={() => (done ? onClose() : void start())}
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
              path={picked?.path ?? exportDir}
              hint={picked ? 'Remembered for next time.' : 'The folder you exported to last time (or “Verdict Exports” beside the library); created if missing.'}
              error={destError}
              disabled={busy}
              onBrowse={() => void browse()}
            />
          </>
        )}

        {(busy || done) && (
          <div className="export-progress">
            <div
              role="progressbar"
              aria-label="Export progress"
              aria-valuemin={0}
              aria-valuemax={progress.total}
              aria-valuenow={progress.completed}
              aria-valuetext={`${progress.completed} of ${progress.total} ${progress.total === 1 ? 'review' : 'reviews'}`}
              className="progress"
            >
              <div className="progress-fill" style={{ width: `${progress.total ? (100 * progress.completed) / progress.total : 0}%` }} />
            </div>
            <p className="export-progress-text">
              {busy
                ? `Exporting ${Math.min(progress.completed + 1, progress.total)} of ${progress.total}${progress.current ? ` — ${progress.current}` : ''}…`
                : `${progress.total} of ${progress.total} done`}
            </p>
          </div>
        )}

        {phase.kind === 'done' && <Summary summary={phase.summary} destDir={phase.destDir} />}

        {error && <ErrorLine>The export failed: {error}</ErrorLine>}
      </div>
    </Dialog>
  )
}

function Summary({ summary, destDir }: { summary: ExportSummary; destDir: string }) {
  const { succeeded, failed, total } = summary
  return (
    <section className="export-summary" aria-label="Export summary">
      <p role="status" className={failed.length ? 'export-outcome export-outcome-partial' : 'export-outcome'}>
        {failed.length === 0
          ? `Exported ${total === 1 ? 'the review' : `all ${total} reviews`} to ${destDir}.`
          : `Exported ${succeeded.length} of ${total}; ${failed.length} could not be exported.`}
      </p>
      {succeeded.length > 0 && (
        <ResultList title="Exported files">
          {succeeded.map((item) => (
            <li key={item.id}>
              <code>{item.path}</code>
              {item.warnings.length > 0 && (
                <FoldedWarnings
                  warnings={item.warnings}
                  summary={
                    <>
                      {item.warnings.length} {item.warnings.length === 1 ? 'warning' : 'warnings'}
                    </>
                  }
                />
              )}
            </li>
          ))}
        </ResultList>
      )}
      {failed.length > 0 && (
        <ResultList title="Not exported" failed>
          {failed.map((item) => (
            <li key={item.id}>
              <strong>{item.id}</strong>
              <span>{item.reason}</span>
            </li>
          ))}
        </ResultList>
      )}
    </section>
  )
}

/** A part of the summary: its heading, and the list named by it. */
function ResultList({ title, failed, children }: { title: string; failed?: boolean; children: ReactNode }) {
  return (
    <>
      <h3 className="panel-heading">{title}</h3>
      <ul className={failed ? 'export-list export-failed' : 'export-list'} aria-label={title}>
        {children}
      </ul>
    </>
  )
}
