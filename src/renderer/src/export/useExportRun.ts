import { useEffect, useRef, useState } from 'react'
import type { ExportSummary } from '@shared/contract'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'

export type ExportProgress = { completed: number; total: number; current: string | null }
export type ExportPhase = { kind: 'form' } | { kind: 'running' } | { kind: 'done'; summary: ExportSummary; destDir: string }

/** An export's run: its phase (the form, running, done), its progress from main's events, and its error. */
export function useExportRun(ids: string[]) {
  const [phase, setPhase] = useState<ExportPhase>({ kind: 'form' })
  const [progress, setProgress] = useState<ExportProgress>({ completed: 0, total: ids.length, current: null })
  const [error, setError] = useState<string | null>(null)
  const running = useRef(false)

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

  /** Runs `exportReviews`, showing its progress, then its summary or its error (back to the form). */
  const run = async (exportReviews: () => Promise<{ summary: ExportSummary; destDir: string }>) => {
    setError(null)
    setPhase({ kind: 'running' })
    setProgress({ completed: 0, total: ids.length, current: ids[0] ?? null })
    running.current = true
    try {
      const { summary, destDir } = await exportReviews()
      setProgress({ completed: summary.total, total: summary.total, current: null })
      setPhase({ kind: 'done', summary, destDir })
    } catch (failure) {
      setError(errorMessage(failure))
      setPhase({ kind: 'form' })
    } finally {
      running.current = false
    }
  }

  return { phase, progress, error, showError: (failure: unknown) => setError(errorMessage(failure)), run }
}
