import { useId, useState } from 'react'
import type { z } from 'zod'
import { CREATOR_ROLE, SUBJECT_KINDS, type Subject, type SubjectIds, type SubjectKind } from '@shared/critic'
import { subject as subjectSchema } from '@shared/validate'
import { isOption, Options } from '@renderer/components/Options'
import { TextField } from '@renderer/components/TextField'
import { KIND_LABELS } from '@renderer/library/subjectText'

/** The library's kind names, one said more fully where the critic picks it. */
const KIND_CHOICES: Record<SubjectKind, string> = { ...KIND_LABELS, season: 'Season of a series' }

const NAME_EXAMPLES: Record<SubjectKind, string> = {
  film: 'Ballerina',
  series: 'Severance',
  season: 'Severance, season 2',
  episode: 'Hello, Ms. Cobel',
  book: 'Intermezzo',
  game: 'Hades II',
  album: 'Brat',
  show: 'Hamilton',
  other: '',
}

const SCREEN: readonly SubjectKind[] = ['film', 'series', 'season', 'episode', 'show']

/** Which fields fit which kind; the others are not shown, and dropped when the kind changes. */
const FITS = {
  cast: SCREEN,
  runtime: ['film', 'episode'],
  platform: ['game'],
  series: ['season', 'episode'],
  season: ['season', 'episode'],
  episode: ['episode'],
  imdb: SCREEN,
  tmdb: SCREEN,
  isbn: ['book'],
} satisfies Record<string, readonly SubjectKind[]>

const fits = (field: keyof typeof FITS, kind: SubjectKind) => (FITS[field] as readonly SubjectKind[]).includes(kind)

function forKind(subject: Subject, kind: SubjectKind): Subject {
  const ids: SubjectIds = { ...subject.ids }
  if (!fits('imdb', kind)) delete ids.imdb
  if (!fits('tmdb', kind)) delete ids.tmdb
  if (!fits('isbn', kind)) delete ids.isbn
  const next: Subject = { ...subject, kind, ids, cast: fits('cast', kind) ? subject.cast : [] }
  if (!fits('runtime', kind)) delete next.runtime
  if (!fits('platform', kind)) delete next.platform
  if (!fits('series', kind)) delete next.series
  if (!fits('season', kind)) delete next.season
  if (!fits('episode', kind)) delete next.episode
  return next
}

const shape = subjectSchema.shape
const idShape = shape.ids.shape

type Check<T> = { ok: true; value: T } | { ok: false; message: string }

/** The field's own rule from the schema main checks saves with: a value the panel accepts is one main accepts. */
function check<T>(schema: z.ZodType<T>, value: unknown): Check<T> {
  const result = schema.safeParse(value)
  if (result.success) return { ok: true, value: result.data }
  const message = result.error.issues[0]?.message ?? 'not valid'
  return { ok: false, message: message.charAt(0).toUpperCase() + message.slice(1) }
}

/** A number of the subject (year, runtime, season, episode) as a CheckedField edits it: blank for none, else a whole number in `range`. */
function wholeNumber(
  value: number | undefined,
  schema: z.ZodType<number | undefined>,
  what: string,
  range: string,
): { inputMode: 'numeric'; value: string; parse: (text: string) => Check<number | undefined> } {
  const parse = (text: string): Check<number | undefined> => {
    const trimmed = text.trim()
    if (trimmed === '') return { ok: true, value: undefined }
    const result = /^\d+$/.test(trimmed) ? check(schema, Number(trimmed)) : null
    return result?.ok ? result : { ok: false, message: `Enter the ${what} as a whole number from ${range}` }
  }
  return { inputMode: 'numeric', value: value?.toString() ?? '', parse }
}

/** People (creators, cast) as a CheckedField edits them: names separated by commas. */
function names(value: string[], schema: z.ZodType<string[]>): { hint: string; value: string; parse: (text: string) => Check<string[]> } {
  const parse = (text: string) =>
    check(
      schema,
      text
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    )
  return { hint: 'Separate names with commas.', value: value.join(', '), parse }
}

/**
 * "What is reviewed": the kind, then the fields that fit it. Each field keeps what is typed and
 * says what is wrong with it; only valid values reach the review's front matter.
 */
export function SubjectFields({ subject, onChange }: { subject: Subject | undefined; onChange: (subject: Subject | undefined) => void }) {
  const kindId = useId()
  const kind = subject?.kind

  const set = (patch: Partial<Subject>) => subject && onChange({ ...subject, ...patch })
  const setId = (key: keyof SubjectIds, value: string | undefined) => {
    if (!subject) return
    const ids = { ...subject.ids }
    if (value === undefined) delete ids[key]
    else ids[key] = value
    onChange({ ...subject, ids })
  }
  const optional = <K extends 'year' | 'runtime' | 'platform' | 'series' | 'season' | 'episode'>(key: K, value: Subject[K]) => {
    if (!subject) return
    const next = { ...subject, [key]: value } as Subject
    if (value === undefined) delete next[key]
    onChange(next)
  }

  return (
    <fieldset className="subject-fields">
      <legend className="panel-heading">What is reviewed</legend>
      <div className="field">
        <label htmlFor={kindId}>Kind</label>
        <select
          id={kindId}
          value={kind ?? ''}
          onChange={(event) => {
            const next = event.target.value
            if (next === '') onChange(undefined)
            else if (isOption({ values: SUBJECT_KINDS }, next)) onChange(subject ? forKind(subject, next) : { kind: next, title: '', creators: [], cast: [], ids: {} })
          }}
        >
          <option value="">Not set</option>
          <Options values={SUBJECT_KINDS} label={(option) => KIND_CHOICES[option]} />
        </select>
      </div>
      {subject && kind && (
        <>
          <CheckedField
            label="Name"
            example={NAME_EXAMPLES[kind]}
            value={subject.title}
            parse={(text) => check(shape.title, text)}
            onCommit={(title) => set({ title })}
          />
          {fits('series', kind) && (
            <CheckedField
              label="Series"
              value={subject.series ?? ''}
              parse={(text) => (text.trim() === '' ? { ok: true, value: undefined } : check(shape.series, text))}
              onCommit={(series) => optional('series', series)}
            />
          )}
          {fits('season', kind) && (
            <CheckedField label="Season number" {...wholeNumber(subject.season, shape.season, 'season number', '0 to 10000')} onCommit={(season) => optional('season', season)} />
          )}
          {fits('episode', kind) && (
            <CheckedField label="Episode number" {...wholeNumber(subject.episode, shape.episode, 'episode number', '0 to 100000')} onCommit={(episode) => optional('episode', episode)} />
          )}
          <CheckedField label="Year" example="2025" {...wholeNumber(subject.year, shape.year, 'year', '1800 to 2200')} onCommit={(year) => optional('year', year)} />
          <CheckedField label={CREATOR_ROLE[kind]} {...names(subject.creators, shape.creators)} onCommit={(creators) => set({ creators })} />
          {fits('cast', kind) && <CheckedField label="Cast" {...names(subject.cast, shape.cast)} onCommit={(cast) => set({ cast })} />}
          {fits('runtime', kind) && (
            <CheckedField
              label="Runtime (minutes)"
              {...wholeNumber(subject.runtime, shape.runtime, 'runtime in minutes', '1 to 100000')}
              onCommit={(runtime) => optional('runtime', runtime)}
            />
          )}
          {fits('platform', kind) && (
            <CheckedField
              label="Platform"
              example="PC, PlayStation 5"
              value={subject.platform ?? ''}
              parse={(text) => (text.trim() === '' ? { ok: true, value: undefined } : check(shape.platform, text))}
              onCommit={(platform) => optional('platform', platform)}
            />
          )}
          <div className="subject-ids">
            {fits('imdb', kind) && <IdField label="IMDb" example="tt7181546" value={subject.ids.imdb} schema={idShape.imdb} onCommit={(id) => setId('imdb', id)} />}
            {fits('tmdb', kind) && <IdField label="TMDB" example="541671" value={subject.ids.tmdb} schema={idShape.tmdb} onCommit={(id) => setId('tmdb', id)} />}
            {fits('isbn', kind) && <IdField label="ISBN" example="9780571365463" value={subject.ids.isbn} schema={idShape.isbn} onCommit={(id) => setId('isbn', id)} />}
            <IdField label="Wikidata" example="Q107002052" value={subject.ids.wikidata} schema={idShape.wikidata} onCommit={(id) => setId('wikidata', id)} />
          </div>
        </>
      )}
    </fieldset>
  )
}

function IdField({
  label,
  example,
  value,
  schema,
  onCommit,
}: {
  label: string
  example: string
  value: string | undefined
  schema: z.ZodType<string | undefined>
  onCommit: (id: string | undefined) => void
}) {
  return (
    <CheckedField
      label={label}
      example={example}
      spellCheck={false}
      value={value ?? ''}
      parse={(text) => (text.trim() === '' ? { ok: true, value: undefined } : check(schema, text.trim()))}
      onCommit={onCommit}
    />
  )
}

/**
 * A text field that commits only what its `parse` accepts (an invalid entry commits nothing and
 * shows why) and shows the committed value again once it is left.
 */
function CheckedField<T>({
  label,
  hint,
  example,
  inputMode,
  spellCheck,
  value,
  parse,
  onCommit,
}: {
  label: string
  hint?: string
  /** Shown while empty as a hint ("e.g. …"), so it is never taken for a value already filled in. */
  example?: string | undefined
  inputMode?: 'numeric' | 'text'
  spellCheck?: boolean
  value: string
  parse: (text: string) => Check<T>
  onCommit: (value: T) => void
}) {
  const [draft, setDraft] = useState(value)
  const [seen, setSeen] = useState(value)
  const [editing, setEditing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (value !== seen) {
    setSeen(value)
    if (!editing) setDraft(value)
  }
  return (
    <TextField
      label={label}
      hint={hint}
      placeholder={example ? `e.g. ${example}` : undefined}
      inputMode={inputMode}
      spellCheck={spellCheck}
      value={draft}
      error={error}
      onFocus={() => setEditing(true)}
      onBlur={() => {
        setEditing(false)
        if (!error) setDraft(value)
      }}
      onChange={(event) => {
        const text = event.target.value
        setDraft(text)
        const result = parse(text)
        if (result.ok) {
          setError(null)
          onCommit(result.value)
        } else {
          setError(result.message)
        }
      }}
    />
  )
}
