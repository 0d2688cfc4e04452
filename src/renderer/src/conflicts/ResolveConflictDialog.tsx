import { useEffect, useId, useRef } from 'react'
import type { ConflictRegion, ConflictView } from '@shared/contract'
import type { ReviewConflict, ReviewSummary, SyncEngine } from '@shared/model'
import { Dialog, DialogActions } from '@renderer/components/Dialog'
import { ErrorLine } from '@renderer/components/ErrorLine'
import { RadioGroup } from '@renderer/components/RadioGroup'
import '../styles/conflicts.css'
import { useConflictResolution, type BodyPick, type Mode } from './useConflictResolution'

const ENGINES: Record<SyncEngine, string> = {
  syncthing: 'Syncthing',
  dropbox: 'Dropbox',
  nextcloud: 'Nextcloud',
  onedrive: 'OneDrive',
  icloud: 'iCloud',
}

/** What left the other version: a sync engine, or git. */
export function conflictSource(conflict: ReviewConflict): string {
  return conflict.source === 'git' ? 'git' : ENGINES[conflict.source]
}

/** Where the other version is, in words. */
export function otherVersion(conflict: ReviewConflict): string {
  return conflict.source === 'git' ? 'the version git merged in (its conflict markers are in review.md)' : `${ENGINES[conflict.source]}’s conflict copy “${conflict.copy}”`
}

const THIS = 'This machine’s version (review.md)'
const OTHER = 'The other version'

interface Props {
  review: Pick<ReviewSummary, 'id' | 'title' | 'conflict'>
  onResolved: (review: ReviewSummary) => void
  onClose: () => void
}

/** Both versions of a review changed on two machines: merged block by block, the rest picked here, or one kept whole. */
export function ResolveConflictDialog({ review, onResolved, onClose }: Props) {
  const state = useConflictResolution(review.id, onResolved)
  const { view } = state
  const body = useRef<HTMLDivElement>(null)
  // The choices arrive after the dialog opened (and took the first focus): the checked one takes it.
  useEffect(() => {
    if (view) body.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus()
  }, [view])
  const title = review.title || 'Untitled review'
  const modes: Array<{ value: Mode; label: string; hint?: string }> = [
    ...(view?.unmergeable ? [] : [{ value: 'merge' as const, label: 'Merge both', hint: 'Blocks changed on one side only are taken; choose the rest below.' }]),
    { value: 'ours', label: 'Keep this machine’s version whole' },
    { value: 'theirs', label: 'Keep the other version whole' },
  ]
  return (
    <Dialog
      title="Resolve conflict"
      description={review.conflict ? `“${title}” was changed on two machines: review.md and ${otherVersion(review.conflict)}. The version not kept goes to the trash or the history.` : undefined}
      busy={state.busy}
      onClose={onClose}
      onSubmit={() => void state.submit()}
      actions={<DialogActions busy={state.busy} label="Resolve" busyLabel="Resolving…" disabled={!view} onCancel={onClose} />}
    >
      {state.loadError && <ErrorLine>{state.loadError}</ErrorLine>}
      {!view && !state.loadError && <p aria-live="polite">Reading both versions…</p>}
      {view && (
        <div className="conflict-resolution" ref={body}>
          {view.unmergeable && <p>{view.unmergeable}</p>}
          <RadioGroup legend="Resolution" name="conflict-mode" value={state.mode} options={modes} onChange={state.setMode} autofocus />
          {state.mode === 'merge' && <MergeChoices view={view} state={state} />}
        </div>
      )}
      {state.error && <ErrorLine>{state.error}</ErrorLine>}
    </Dialog>
  )
}

function MergeChoices({ view, state }: { view: ConflictView; state: ReturnType<typeof useConflictResolution> }) {
  const conflicts = view.body.filter((region): region is Extract<ConflictRegion, { kind: 'conflict' }> => region.kind === 'conflict')
  const taken = (side: 'ours' | 'theirs') => view.body.filter((region) => region.kind === 'taken' && region.side === side).length
  return (
    <>
      <p className="conflict-summary">
        {view.base ? `Merged from the version kept ${new Date(view.base.at).toLocaleString()}: ` : 'With no earlier version to start from, the blocks both share stand for it: '}
        {`${taken('theirs')} changed stretch(es) taken from the other version, ${taken('ours')} from this one; ${conflicts.length} changed on both sides${view.keys.length ? `, and ${view.keys.length} front matter key(s)` : ''}.`}
      </p>
      {view.keys.map(({ key, ours, theirs }) => (
        <RadioGroup
          key={key}
          legend={`Front matter “${key}”`}
          name={`conflict-key-${key}`}
          value={state.keys[key] ?? 'ours'}
          options={[
            { value: 'ours', label: THIS, hint: ours || '(no such key)' },
            { value: 'theirs', label: OTHER, hint: theirs || '(no such key)' },
          ]}
          onChange={(side) => state.pickKey(key, side)}
        />
      ))}
      {conflicts.map((region, index) => (
        <BlockChoice key={index} index={index} count={conflicts.length} region={region} pick={state.picks[index] ?? 'ours'} text={state.texts[index] ?? ''} state={state} />
      ))}
    </>
  )
}

function BlockChoice(props: {
  index: number
  count: number
  region: Extract<ConflictRegion, { kind: 'conflict' }>
  pick: BodyPick
  text: string
  state: ReturnType<typeof useConflictResolution>
}) {
  const { index, count, region, pick, text, state } = props
  const place = `${index + 1} of ${count}`
  const editId = useId()
  return (
    <section className="conflict-block" aria-label={`Changed on both sides, ${place}`}>
      <div className="conflict-sides">
        <figure>
          <figcaption>{THIS}</figcaption>
          <pre>{region.ours || '(removed)'}</pre>
        </figure>
        <figure>
          <figcaption>{OTHER}</figcaption>
          <pre>{region.theirs || '(removed)'}</pre>
        </figure>
      </div>
      <RadioGroup
        legend={`Use for ${place}`}
        name={`conflict-block-${index}`}
        className="choice-row"
        value={pick}
        options={[
          { value: 'ours', label: 'This machine’s' },
          { value: 'theirs', label: 'The other' },
          { value: 'edit', label: 'Edit' },
        ]}
        onChange={(value) => state.pick(index, value)}
      />
      {pick === 'edit' && (
        <div className="field">
          <label htmlFor={editId}>{`Merged text for ${place}`}</label>
          <textarea id={editId} className="conflict-edit" rows={6} value={text} onChange={(event) => state.edit(index, event.target.value)} />
        </div>
      )}
    </section>
  )
}
