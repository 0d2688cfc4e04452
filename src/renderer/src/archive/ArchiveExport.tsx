import { useState } from 'react'
import type { ArchiveFormat } from '@shared/archive'
import { api } from '@renderer/api'
import { ErrorLine } from '@renderer/components/ErrorLine'
import { useAction } from '@renderer/components/useAction'

const FORMAT_NAMES: Record<ArchiveFormat, string> = { csv: 'CSV', json: 'JSON' }

/** Saves one row per review as CSV or JSON into a folder picked in main's own dialog. */
export function ArchiveExport() {
  const { busy, error, run } = useAction((message) => `The archive was not saved: ${message}`)
  const [saved, setSaved] = useState<string | null>(null)
  const save = (format: ArchiveFormat) =>
    run(async () => {
      setSaved(null)
      const folder = await api.pickFolder({ purpose: 'export' })
      if (!folder) return
      const { path, reviews } = await api.exportArchive({ format, folder: folder.token })
      setSaved(`Saved ${reviews.toLocaleString('en')} ${reviews === 1 ? 'review' : 'reviews'} as ${FORMAT_NAMES[format]} to ${path}`)
    })
  return (
    <section className="archive-export" aria-label="Export the archive">
      {(['csv', 'json'] as const).map((format) => (
        <button key={format} type="button" className="button" disabled={busy} onClick={() => void save(format)}>
          Export archive as {FORMAT_NAMES[format]}…
        </button>
      ))}
      <p role="status" className="archive-export-status">
        {saved}
      </p>
      {error && <ErrorLine>{error}</ErrorLine>}
    </section>
  )
}
