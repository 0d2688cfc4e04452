/** Front matter mapping ↔ ReviewMeta. */
import { Document, parse, Scalar, visit, type Node, type YAMLSeq } from 'yaml'
import { DEFAULT_SCORE_LABEL, type ScoreSummary } from '../../../shared/critic'
import type { ReviewMeta } from '../../../shared/model'
import { reviewMeta } from '../../../shared/validate'
import { ReviewParseError } from './frontMatter'

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
  'published',
] as const
const KNOWN = new Set<string>(KNOWN_KEYS)
/** Written only when set, so a plain review's front matter stays short. */
const OPTIONAL = new Set<string>(['spoilers', 'featuredImage', 'score', 'subject', 'published'])

export interface MetaFallback {
  title: string
  created: string
  updated: string
}

/** Throws ReviewParseError for values the app cannot edit, so a file it opens is always one it can save. */
export function metaFromYaml(data: Record<string, unknown>, fallback: MetaFallback): ReviewMeta {
  const meta = {
    title: asText(data.title, 'title') || fallback.title,
    author: asText(data.author, 'author'),
    date: data.date instanceof Date ? data.date.toISOString().slice(0, 10) : asText(data.date, 'date'),
    status: (asText(data.status, 'status') || 'draft') as ReviewMeta['status'],
    tags: tagList(data.tags),
    excerpt: asText(data.excerpt, 'excerpt'),
    created: asText(data.created, 'created') || fallback.created,
    updated: asText(data.updated, 'updated') || fallback.updated,
    ...(data.spoilers != null ? { spoilers: data.spoilers as boolean } : {}),
    ...(data.featuredImage ? { featuredImage: asText(data.featuredImage, 'featuredImage') } : {}),
    ...(data.score != null ? { score: scoreFromYaml(data.score) } : {}),
    ...(data.subject != null ? { subject: subjectFromYaml(data.subject) } : {}),
    ...(data.published != null ? { published: publishedFromYaml(data.published) } : {}),
    // fromEntries defines own properties, so even a `__proto__` key stays plain data.
    extra: Object.fromEntries(Object.entries(data).filter(([key]) => !KNOWN.has(key))),
  }
  const checked = reviewMeta.safeParse(meta)
  if (!checked.success) {
    const issue = checked.error.issues[0]!
    const key = issue.path.map(String).join('.')
    const found = JSON.stringify(issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey], data)) ?? 'nothing'
    throw new ReviewParseError(`The front matter's "${key}" is not valid: ${issue.message} (found ${found}).`)
  }
  // The checked object itself, not zod's copy: `extra` keeps its key order and plain-data keys.
  return meta as ReviewMeta
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

/** `score: {value: 9.5, scale: 10}`: YAML numbers become the text the score widget holds. */
function scoreFromYaml(value: unknown): unknown {
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
  const doc = new Document(
    Object.fromEntries([
      ...KNOWN_KEYS.filter((key) => !OPTIONAL.has(key) || isSet(meta[key])).map((key) => [
        key,
        key === 'score' && meta.score ? scoreToYaml(meta.score)
        : key === 'subject' && meta.subject ? compact(meta.subject)
        : meta[key],
      ]),
      ...Object.entries(meta.extra),
    ]),
    { schema: 'core' },
  )
  ;(doc.get('tags', true) as YAMLSeq).flow = true
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
