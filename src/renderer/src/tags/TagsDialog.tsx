import type { TagRenameResult } from '@shared/contract'
import type { ReviewSummary } from '@shared/model'
import { Dialog } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
import { useTagRename } from './useTagRename'
import '../styles/export.css'
import '../styles/tags.css'

interface Props {
  reviews: readonly ReviewSummary[]
  /** A rename ran: the library reloads and offers its undo. */
  onRenamed: (result: TagRenameResult, from: string, to: string) => void
  onClose: () => void
}

/** The library's tags with how many reviews have each; one can be renamed, or merged into another. */
export function TagsDialog({ reviews, onRenamed, onClose }: Props) {
  const state = useTagRename(reviews, (result, from, to) => {
    onRenamed(result, from, to)
    // A partial rename stays on screen, naming the reviews it could not change.
    if (result.failed.length === 0) onClose()
  })
  const { tags, chosen, outcome } = state
  return (
    <Dialog
      title="Tags"
      description="Each tag and how many reviews have it. Renaming a tag to one that is already used merges the two. Only the tags of each review change, and Undo puts them back."
      busy={state.busy}
      onClose={onClose}
      onSubmit={() => void state.submit()}
      actions={
        chosen === null ? (
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={() => state.choose(null)}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={state.busy}>
              {state.busy ? 'Renaming…' : state.merges ? `Merge into “${state.name.trim()}”` : 'Rename'}
            </button>
          </>
        )
      }
    >
      {outcome && <NotChanged outcome={outcome} />}
      {chosen !== null ? (
        <TextField
          label={`New name for “${chosen}”`}
          hint={state.merges ? `Reviews tagged “${chosen}” will be tagged “${state.name.trim()}” instead.` : undefined}
          autoFocus
          value={state.name}
          error={state.error}
          onChange={(event) => state.change(event.target.value)}
        />
      ) : tags.length === 0 ? (
        <p>No review has a tag yet.</p>
      ) : (
        <ul className="tag-list" aria-label="Tags">
          {tags.map(({ tag, count }) => (
            <li key={tag}>
              <span className="tag-name">{tag}</span>
              <span className="tag-count">
                {count} {count === 1 ? 'review' : 'reviews'}
              </span>
              <button type="button" className="button button-quiet" aria-label={`Rename “${tag}”`} data-autofocus={tag === tags[0]?.tag ? true : undefined} onClick={() => state.choose(tag)}>
                Rename…
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  )
}

/** The reviews a rename could not change, each with why: their files are as they were. */
function NotChanged({ outcome }: { outcome: TagRenameResult }) {
  return (
    <section className="tag-outcome" aria-label="Not changed">
      <p role="status">
        Renamed in {outcome.changed.length} {outcome.changed.length === 1 ? 'review' : 'reviews'}; {outcome.failed.length} could not be changed and{' '}
        {outcome.failed.length === 1 ? 'is' : 'are'} as {outcome.failed.length === 1 ? 'it was' : 'they were'}:
      </p>
      <ul className="export-list export-failed">
        {outcome.failed.map((review) => (
          <li key={review.id}>
            <strong>{review.title}</strong> <span>{review.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
