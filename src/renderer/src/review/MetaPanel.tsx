import { useId } from 'react'
import { REVIEW_STATUSES, type ReviewMeta } from '@shared/model'
import { TextField } from '@renderer/components/TextField'
import { STATUS_LABELS } from '@renderer/components/StatusBadge'
import { Icon } from '@renderer/components/Icon'
import { isOption, Options } from '@renderer/components/Options'
import { SameWorkNotice } from './SameWorkNotice'
import { SubjectFields } from './SubjectFields'
import { KeptFields } from './KeptFields'
import { TagInput } from './TagInput'

/** What the panel (and the title field) edit. `score` is not here: main mirrors it from the text. */
export type MetaPatch = Partial<
  Pick<ReviewMeta, 'title' | 'author' | 'date' | 'tags' | 'excerpt' | 'status' | 'subject' | 'relates' | 'spoilers' | 'featuredImage'>
>

/** The review's front matter beside the text; the title has its own field above the text. */
/** Limits match what main accepts (src/shared/validate.ts), so typing can never make a save fail. */
export function MetaPanel({
  id,
  meta,
  assetUrl,
  onChange,
  onOpenReview,
}: {
  id: string
  meta: ReviewMeta
  /** URL of a file of this review, for the featured image's thumbnail. */
  assetUrl: (path: string) => string
  onChange: (patch: MetaPatch) => void
  /** Opens another review (one of the same work). */
  onOpenReview: (id: string) => void
}) {
  const statusId = useId()
  const excerptId = useId()
  const spoilersId = useId()
  // A key the file holds in a form Verdict cannot edit is shown below, read-only, not here.
  const kept = (key: keyof ReviewMeta): boolean => Object.hasOwn(meta.kept ?? {}, key)
  return (
    <aside className="meta-panel side-panel" aria-label="Review details">
      <h2 className="panel-heading">Details</h2>
      <div className="field">
        <label htmlFor={statusId}>Status</label>
        <select id={statusId} value={meta.status} disabled={kept('status')} onChange={(event) => isOption({ values: REVIEW_STATUSES }, event.target.value) && onChange({ status: event.target.value })}>
          <Options values={REVIEW_STATUSES} label={(status) => STATUS_LABELS[status]} />
        </select>
      </div>
      <TextField label="Author" maxLength={200} disabled={kept('author')} value={meta.author} onChange={(event) => onChange({ author: event.target.value })} />
      <TextField label="Date" type="date" disabled={kept('date')} value={meta.date} onChange={(event) => onChange({ date: event.target.value })} />
      {!kept('tags') && <TagInput label="Tags" tags={meta.tags} onChange={(tags) => onChange({ tags })} />}
      <div className="field">
        <label htmlFor={excerptId}>Excerpt</label>
        <textarea
          id={excerptId}
          rows={4}
          maxLength={5000}
          disabled={kept('excerpt')}
          value={meta.excerpt}
          placeholder="A sentence or two for the blog's index page."
          onChange={(event) => onChange({ excerpt: event.target.value })}
        />
      </div>
      <div className="field-check">
        <input
          id={spoilersId}
          type="checkbox"
          checked={meta.spoilers === true}
          onChange={(event) => onChange({ spoilers: event.target.checked ? true : undefined })}
        />
        <label htmlFor={spoilersId}>Contains spoilers</label>
      </div>
      <div className="field featured-image">
        <span className="field-label">Featured image</span>
        {meta.featuredImage ? (
          <div className="featured-image-card">
            <img src={assetUrl(meta.featuredImage)} alt="" />
            <code>{meta.featuredImage}</code>
            <button
              type="button"
              className="icon-button"
              aria-label="Remove featured image"
              title="Remove featured image"
              onClick={() => onChange({ featuredImage: undefined })}
            >
              <Icon name="close" size={16} />
            </button>
          </div>
        ) : (
          <p className="field-hint">None. Tick “Use as featured image” on an image in the text.</p>
        )}
      </div>
      {!kept('subject') && <SubjectFields subject={meta.subject} onChange={(subject) => onChange({ subject })} />}
      <SameWorkNotice id={id} subject={meta.subject} relates={meta.relates} onRelates={(relates) => onChange({ relates })} onOpenReview={onOpenReview} />
      <KeptFields kept={meta.kept} />
      <p className="field-hint stored-as">
        Stored as <code>{id}/review.md</code> in the library. Rename it from the library to move the folder.
      </p>
    </aside>
  )
}
