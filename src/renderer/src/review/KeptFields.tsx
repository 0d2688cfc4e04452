import type { ReviewMeta } from '@shared/model'

/**
 * Verdict's own keys whose value in this file it cannot read (a `status: wip`, an author list):
 * shown as written, read-only. Saves leave them exactly as they are in the file.
 */
export function KeptFields({ kept }: { kept: ReviewMeta['kept'] }) {
  const entries = Object.entries(kept ?? {})
  if (entries.length === 0) return null
  return (
    <section className="field kept-fields" aria-label="Kept as written">
      <h3 className="field-label">Kept as written</h3>
      <p className="field-hint">Verdict cannot edit these values in this file’s form; saving leaves them as they are.</p>
      <dl>
        {entries.map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>
              <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
