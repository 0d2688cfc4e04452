/** Front matter mapping ↔ ReviewMeta. */
import { Document, parse, Scalar, visit, type Node, type YAMLSeq } from 'yaml'
import type { z } from 'zod'
import { DEFAULT_SCORE_LABEL, type ScoreSummary } from '../../../shared/critic'
import type { ReviewMeta } from '../../../shared/model'
import { reviewMeta } from '../../../shared/validate'
import { ReviewParseError } from './frontMatter'
import type { KeyEdit } from './frontMatterEdit'

/** The keys the app edits, in the order they are written; every other key follows, in its own order. */
const KNOWN_KEYS = [
  'title',
  'author',
  'date',
  'status',
  'tags',
  'excerpt',
  'created',
  'updated',
  'spoilers',
  'featuredImage',
  'score',
  'subject',
  'relates',
  'published',
] as const
const KNOWN = new Set<string>(KNOWN_KEYS)
type KnownKey = (typeof KNOWN_KEYS)[number]
/** The meta's schema by key, seen as a map over the keys: a generic key then gives that key's own value type. */
const KNOWN_SCHEMAS: { [K in KnownKey]: z.ZodType<ReviewMeta[K]> } = reviewMeta.shape
/** Written only when set, so a plain review's front matter stays short. */
const OPTIONAL = new Set<string>(['spoilers', 'featuredImage', 'score', 'subject', 'relates', 'published'])

export interface MetaFallback {
  title: string
  created: string
  updated: string
  /** The day a file's name gives it (Jekyll's `2025-11-04-slug.md`), shown when the front matter has none. */
  date?: string
}

/**
 * The front matter as the editor's meta. Nothing in it makes the file read-only: a value of one of
 * Verdict's keys that Verdict reads where the meaning is clear (`score: 8` is the overall score on
 * 10, `status: publish` is published, `author: {name}` the name, `tags: a, b` two tags, a
 * timestamp `date` its day); any other value of those keys is listed in `kept`, shown read-only
 * and written back as it was. Missing values take the fallback (the title from the file name, …).
 */
export function metaFromYaml(data: Record<string, unknown>, fallback: MetaFallback): ReviewMeta {
  const kept: Record<string, unknown> = {}
  const read = <K extends KnownKey>(key: K, interpret: (value: unknown) => unknown): ReviewMeta[K] | undefined => {
    const value = data[key]
    if (value == null || value === '') return undefined
    let interpreted: unknown
    try {
      interpreted = interpret(value)
    } catch (error) {
      if (!(error instanceof ReviewParseError)) throw error
    }
    const checked = KNOWN_SCHEMAS[key].safeParse(interpreted)
    if (interpreted !== undefined && checked.success) return checked.data
    kept[key] = value
    return undefined
  }
  const meta: ReviewMeta = {
    title: read('title', (value) => asText(value, 'title')) || fallback.title,
    author: read('author', authorFromYaml) ?? '',
    date: read('date', dateFromYaml) || (fallback.date ?? ''),
    status: read('status', statusFromYaml) ?? 'draft',
    tags: read('tags', tagList) ?? [],
    excerpt: read('excerpt', (value) => asText(value, 'excerpt')) ?? '',
    created: read('created', (value) => asText(value, 'created')) || fallback.created,
    updated: read('updated', (value) => asText(value, 'updated')) || fallback.updated,
    extra: Object.fromEntries(Object.entries(data).filter(([key]) => !KNOWN.has(key))),
  }
  const spoilers = read('spoilers', (value) => value)
  const featuredImage = read('featuredImage', (value) => asText(value, 'featuredImage'))
  const score = read('score', scoreFromYaml)
  const subject = read('subject', subjectFromYaml)
  const relates = read('relates', (value) => (Array.isArray(value) ? value : [value]))
  const published = read('published', publishedFromYaml)
  // Set only when present, and `extra` built with fromEntries (own properties: even a `__proto__` key stays plain data).
  if (spoilers !== undefined) meta.spoilers = spoilers
  if (featuredImage !== undefined) meta.featuredImage = featuredImage
  if (score !== undefined) meta.score = score
  if (subject !== undefined) meta.subject = subject
  if (relates !== undefined) meta.relates = relates
  if (published !== undefined) meta.published = published
  if (Object.keys(kept).length) meta.kept = kept
  return meta
}

/** `author: Ana`, or a mapping with a name (`author: {name: Ana, url: …}`). */
function authorFromYaml(value: unknown): unknown {
  if (isMapping(value) && typeof value['name'] === 'string') return value['name']
  return asText(value, 'author')
}

/** `2025-11-04`, and the timestamps of Hugo, Jekyll and Eleventy (`2025-11-04 23:29:37+09:00`), as their day. */
function dateFromYaml(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return DATED.exec(asText(value, 'date'))?.[1]
}
const DATED = /^(\d{4}-\d{2}-\d{2})(?:[Tt ][\d:.]+(?:[ \t]*(?:Z|z|[+-]\d{1,2}(?::?\d{2})?))?)?$/

/** WordPress-style `publish` is published. */
function statusFromYaml(value: unknown): unknown {
  const status = asText(value, 'status').trim().toLowerCase()
  return status === 'publish' ? 'published' : status
}

/**
 * A scalar as text: `title: 1984` is a title, not a number. The core schema reads timestamps as
 * the text written; a Date (from a YAML 1.1 reader) becomes its ISO form.
 */
function asText(value: unknown, key: string): string {
  if (value == null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString()
  throw new ReviewParseError(`The front matter's "${key}" must be text, not a list or mapping.`)
}

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * `score: {value: 9.5, scale: 10}`: YAML numbers become the text the score widget holds. A bare
 * number (`score: 8`) is an overall score on 10.
 */
function scoreFromYaml(value: unknown): unknown {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(?:\.\d+)?$/.test(value.trim()))) {
    const number = Number(value)
    return number <= 10 ? { value: String(number), scale: '10', label: DEFAULT_SCORE_LABEL } : undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const score = value as Record<string, unknown>
  return {
    ...score,
    value: asText(score['value'], 'score.value'),
    scale: asText(score['scale'] ?? '10', 'score.scale'),
    label: asText(score['label'], 'score.label') || DEFAULT_SCORE_LABEL,
  }
}

/** `subject:` with lists that may be one string, and ids that YAML may read as numbers. */
function subjectFromYaml(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const subject = value as Record<string, unknown>
  const ids = (subject['ids'] ?? {}) as Record<string, unknown>
  return {
    ...subject,
    title: asText(subject['title'], 'subject.title'),
    creators: tagList(subject['creators']),
    cast: tagList(subject['cast']),
    ids: typeof ids === 'object' && ids !== null && !Array.isArray(ids)
      ? Object.fromEntries(Object.entries(ids).filter(([, id]) => id != null && id !== '').map(([key, id]) => [key, asText(id, `subject.ids.${key}`)]))
      : ids,
  }
}

/** `published:` records, where a hand-edited post id may have become a YAML number. */
function publishedFromYaml(value: unknown): unknown {
  if (!Array.isArray(value)) return value
  return value.map((record: unknown) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return record
    const fields = record as Record<string, unknown>
    const media = fields['media'] ?? {}
    return {
      ...fields,
      id: asText(fields['id'], 'published.id'),
      media:
        typeof media === 'object' && !Array.isArray(media)
          ? Object.fromEntries(
              Object.entries(media as Record<string, Record<string, unknown>>).map(([path, image]) => [
                path,
                image && typeof image === 'object' && image['id'] != null ? { ...image, id: asText(image['id'], 'published.media.id') } : image,
              ]),
            )
          : media,
    }
  })
}

/** A YAML list, or one comma-separated string (`tags: action, thriller`). */
function tagList(value: unknown): string[] {
  if (value == null) return []
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]
  return items
    .map((item: unknown) => asText(item, 'tags').trim())
    .filter((tag) => tag !== '')
}

export function metaToYaml(meta: ReviewMeta): string {
  const clash = Object.keys(meta.extra).find((key) => KNOWN.has(key))
  if (clash) throw new Error(`The review's extra front matter repeats the key "${clash}".`)
  return yamlOf([
    ...KNOWN_KEYS.filter((key) => !OPTIONAL.has(key) || isSet(meta[key])).map((key): [string, unknown] => [key, yamlValue(key, meta[key])]),
    ...Object.entries(meta.extra),
  ])
}

/** One `key: value` line (or lines) in Verdict's style, for a key added to a file's front matter. */
export function yamlEntry(key: string, value: unknown): string {
  return yamlOf([[key, value]])
}

function yamlValue<K extends KnownKey>(key: K, value: ReviewMeta[K]): unknown {
  if (key === 'score' && value) return scoreToYaml(value as ScoreSummary)
  if (key === 'subject' && value) return compact(value as object)
  return value
}

/** Tags as a flow list; Verdict's own text quoted where a YAML 1.1 reader would take it for something else. */
function yamlOf(entries: Array<[string, unknown]>): string {
  const doc = new Document(Object.fromEntries(entries), { schema: 'core' })
  const tags = doc.get('tags', true) as YAMLSeq | undefined
  if (tags) tags.flow = true
  // Only the fields Verdict edits: an extra `comments: yes` was written plain by someone who
  // meant YAML 1.1's true, and stays plain.
  for (const key of KNOWN_KEYS) {
    visit(doc.get(key, true) as Node, {
      Scalar(_, node) {
        if (typeof node.value === 'string' && needsQuotes(node.value)) node.type = Scalar.QUOTE_DOUBLE
      },
    })
  }
  return doc.toString({ lineWidth: 0 })
}

/**
 * The front matter edits that take a file from the meta it reads as (`read`, from `data`) to
 * `edited`: only keys whose value changed, each written in the file's own shape (a tags string
 * stays a string, an author mapping keeps its url, a timestamp keeps its time). A key the file does
 * not have is added only when set, so a foreign file never gains `date: ""`; keys listed in
 * `read.kept` are never written.
 */
export function metaEdits(data: Record<string, unknown>, read: ReviewMeta, edited: ReviewMeta): KeyEdit[] {
  const edits: KeyEdit[] = []
  const kept = new Set(Object.keys(read.kept ?? {}))
  for (const key of KNOWN_KEYS) {
    const after = edited[key]
    if (kept.has(key) || sameValue(read[key], after)) continue
    const has = Object.hasOwn(data, key)
    // Verdict's bookkeeping goes only into files that keep it (those Verdict created).
    if ((!isSet(after) || key === 'created' || key === 'updated') && !has) continue
    edits.push({ key, value: !isSet(after) && OPTIONAL.has(key) ? undefined : inFileShape(key, after, data[key]) })
  }
  for (const [key, value] of Object.entries(edited.extra)) {
    if (!KNOWN.has(key) && !(Object.hasOwn(read.extra, key) && sameValue(read.extra[key], value))) edits.push({ key, value })
  }
  for (const key of Object.keys(read.extra)) if (!Object.hasOwn(edited.extra, key)) edits.push({ key, value: undefined })
  return edits
}

function inFileShape<K extends KnownKey>(key: K, value: ReviewMeta[K], written: unknown): unknown {
  if (key === 'tags' && typeof written === 'string') return (value as string[]).join(', ')
  if (key === 'author' && isMapping(written)) return { ...written, name: value }
  if (key === 'date' && typeof written === 'string' && value && DATED.test(written)) return `${value as string}${written.slice(10)}`
  if (key === 'score' && value && (typeof written === 'number' || typeof written === 'string')) {
    const score = value as ScoreSummary
    if (score.scale === '10' && /^\d+(\.\d+)?$/.test(score.value)) return typeof written === 'number' ? Number(score.value) : score.value
  }
  return yamlValue(key, value)
}

/** Deep equality of plain data, whatever the key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined)
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined)
  return keysA.length === keysB.length && keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}

/** Numbers stay YAML numbers (`value: 9.5`) for site generators; the default label is not repeated. */
function scoreToYaml(score: ScoreSummary): Record<string, unknown> {
  const numeric = score.scale !== 'letter' && /^\d+(\.\d+)?$/.test(score.value)
  return {
    value: numeric ? Number(score.value) : score.value,
    scale: score.scale,
    ...(score.label !== DEFAULT_SCORE_LABEL ? { label: score.label } : {}),
  }
}

/** Leaves out what is empty, so `subject:` holds only what the critic filled in. */
function compact(value: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value)
      .map(([key, item]): [string, unknown] => [key, item && typeof item === 'object' && !Array.isArray(item) ? compact(item as object) : item])
      .filter(([, item]) => item !== undefined && item !== '' && !(Array.isArray(item) && item.length === 0) && !(item && typeof item === 'object' && Object.keys(item).length === 0)),
  )
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== '' && value !== false && !(Array.isArray(value) && value.length === 0)
}

/**
 * Blog generators often read front matter as YAML 1.1, where a plain `No`, `on` or `12:30` is not
 * a string: quote those. Dates stay plain, since generators want `date: 2026-11-25` as a date.
 * Also quoted: multi-line blank text, which `yaml` writes as a block scalar that reads back
 * without its spaces.
 */
function needsQuotes(value: string): boolean {
  if (value.includes('\n')) return value.trim() === ''
  try {
    const read: unknown = parse(value, { schema: 'yaml-1.1', logLevel: 'silent' })
    return read !== value && !(read instanceof Date)
  } catch {
    return false
  }
}
