import { useCallback, useEffect, useState } from 'react'
import type { DiffPart, OpenedReview, VersionList, VersionReason } from '@shared/contract'
import { api } from '@renderer/api'
import { ErrorLine } from '@renderer/components/ErrorLine'
import { useAction } from '@renderer/components/useAction'
import { errorMessage } from '@renderer/lib/errorMessage'
import '../styles/durability.css'

const REASONS: Record<VersionReason, string> = {
  autosave: 'Autosaved',
  manual: 'Saved by you',
  publish: 'Before publishing',
  restore: 'Before a restore',
  tags: 'Before a tag was renamed',
  conflict: 'Before resolving a conflict',
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

function delta(words: number): string {
  if (words === 0) return 'no change in words'
  return `${words > 0 ? '+' : '−'}${Math.abs(words)} ${Math.abs(words) === 1 ? 'word' : 'words'}`
}

type Selected = { versionId: string; diff: DiffPart[] | null }

/**
 * The review's kept versions: what each changed, and restoring one. Restoring first keeps the current
 * file as a version itself, so a restore can be undone by restoring that one.
 */
export function HistoryPanel({
  id,
  prepare,
  onRestored,
}: {
  id: string
  /** Writes pending edits first, so the current text is what gets kept and compared. */
  prepare: () => Promise<void>
  onRestored: (review: OpenedReview) => void
}) {
  const [listed, setListed] = useState<VersionList | null>(null)
  const versions = listed?.versions ?? null
  const [selected, setSelected] = useState<Selected | null>(null)
  const [confirming, setConfirming] = useState(false)
  const { busy, error: problem, setError: setProblem, run } = useAction()

  const refresh = useCallback(
    () =>
      api.listVersions({ id }).then(setListed, (error: unknown) => {
        setListed({ versions: [] })
        setProblem(errorMessage(error))
      }),
    [id, setProblem],
  )
  useEffect(() => {
    void refresh()
  }, [refresh])


  const select = (versionId: string) =>
    run(async () => {
      setConfirming(false)
      setSelected({ versionId, diff: null })
      await prepare().catch(() => undefined)
      const { diff } = await api.readVersion({ id, versionId })
      setSelected((current) => (current?.versionId === versionId ? { versionId, diff } : current))
    })

  const snapshot = () =>
    run(async () => {
      await prepare()
      await api.snapshotReview({ id, reason: 'manual' })
      await refresh()
    })

  const restore = (versionId: string) =>
    run(async () => {
      await prepare()
      const reopened = await api.restoreVersion({ id, versionId })
      setConfirming(false)
      setSelected(null)
      await refresh()
      onRestored(reopened)
    })

  return (
    <section className="history-panel side-panel" aria-label="History">
      <h2 className="panel-heading">History</h2>
      <button type="button" className="button" disabled={busy} onClick={() => void snapshot()}>
        Save a version now
      </button>
      {problem && <ErrorLine>{problem}</ErrorLine>}
      {listed?.missed && <ErrorLine>A version due at {timeFormat.format(new Date(listed.missed.at))} could not be kept: {listed.missed.message} Your text was saved; “Save a version now” tries again.</ErrorLine>}
      {versions === null ? (
        <p aria-busy="true">Loading versions…</p>
      ) : versions.length === 0 ? (
        <p>No versions kept yet.</p>
      ) : (
        <ul className="history-list" aria-label="Versions">
          {versions.map((version) => (
            <li key={version.versionId}>
              <button
                type="button"
                className="history-item"
                aria-pressed={selected?.versionId === version.versionId}
                onClick={() => void select(version.versionId)}
              >
                <time dateTime={version.at}>{timeFormat.format(new Date(version.at))}</time> · {REASONS[version.reason]} ·{' '}
                {delta(version.wordDelta)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <div className="history-version">
          <h3 className="panel-heading">Changes since this version</h3>
          {selected.diff === null ? (
            <p aria-busy="true">Comparing…</p>
          ) : (
            <p className="history-diff" aria-label="Differences from the current text">
              {selected.diff.map((part, index) =>
                part.op === 'equal' ? (
                  <span key={index}>{part.text}</span>
                ) : part.op === 'insert' ? (
                  <ins key={index} className="diff-insert">
                    <span className="visually-hidden">[added: </span>
                    {part.text}
                    <span className="visually-hidden">]</span>
                  </ins>
                ) : (
                  <del key={index} className="diff-delete">
                    <span className="visually-hidden">[removed: </span>
                    {part.text}
                    <span className="visually-hidden">]</span>
                  </del>
                ),
              )}
            </p>
          )}
          {confirming ? (
            <div className="notice" role="group" aria-label="Confirm restore">
              <p>
                Replace the current text with this version? The current text is kept as a version first, so you can undo
                this by restoring that one.
              </p>
              <div className="notice-actions">
                <button type="button" className="button button-primary" disabled={busy} onClick={() => void restore(selected.versionId)}>
                  Restore
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
              Restore this version
            </button>
          )}
        </div>
      )}
    </section>
  )
}
