/**
 * The critic fields of the front matter (docs/format.md): `subject`, `score`, `spoilers`,
 * `featuredImage`. The format service checks them into typed meta fields; a review built by other
 * code may still carry them in `meta.extra`, so both are read, defensively.
 */
import type { ReviewMeta } from '../../../shared/model'
import { SUBJECT_KINDS, type SubjectKind } from '../../../shared/critic'
import type { Subject } from './postModel'

export interface CriticFields {
  subject?: Subject
  score?: { value: unknown; scale: unknown; label: string }
  spoilers: boolean
  featuredImage?: { path: string; alt?: string; caption?: string; credit?: string }
}

type Bag = Record<string, unknown>

function isBag(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown, max = 500): string {
  if (typeof value === 'string') return value.trim().slice(0, max)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return ''
}

function texts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : []
  return list.map((v) => text(v, 200)).filter((v) => v !== '').slice(0, 50)
}

function whole(value: unknown, min: number, max: number): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : undefined
}

/** Only identifiers of the documented shapes, so they can go into URLs. */
function ids(value: unknown): Subject['ids'] {
  if (!isBag(value)) return {}
  const out: Subject['ids'] = {}
  const imdb = text(value['imdb'])
  if (/^tt\d{5,10}$/.test(imdb)) out.imdb = imdb
  const tmdb = text(value['tmdb'])
  if (/^\d{1,10}$/.test(tmdb)) out.tmdb = tmdb
  const wikidata = text(value['wikidata'])
  if (/^Q\d{1,12}$/.test(wikidata)) out.wikidata = wikidata
  const isbn = text(value['isbn']).replace(/[\s-]/g, '')
  if (/^(?:\d{9}[\dX]|\d{13})$/.test(isbn)) out.isbn = isbn
  return out
}

export function readSubject(value: unknown): Subject | undefined {
  if (!isBag(value)) return undefined
  const kindText = text(value['kind'])
  const kind: SubjectKind = (SUBJECT_KINDS as readonly string[]).includes(kindText) ? (kindText as SubjectKind) : 'other'
  const subject: Subject = {
    kind,
    title: text(value['title']),
    creators: texts(value['creators']),
    cast: texts(value['cast']),
    ids: ids(value['ids']),
  }
  const year = whole(value['year'], 1000, 9999)
  if (year !== undefined) subject.year = year
  const runtime = whole(value['runtime'], 1, 100_000)
  if (runtime !== undefined) subject.runtime = runtime
  const platform = text(value['platform'])
  if (platform) subject.platform = platform
  const series = text(value['series'])
  if (series) subject.series = series
  const season = whole(value['season'], 0, 10_000)
  if (season !== undefined) subject.season = season
  const episode = whole(value['episode'], 0, 100_000)
  if (episode !== undefined) subject.episode = episode
  return subject
}

export function readCriticFields(meta: ReviewMeta): CriticFields {
  const extra: Bag = {
    ...(isBag(meta.extra) ? meta.extra : {}),
    ...Object.fromEntries((['subject', 'score', 'spoilers', 'featuredImage'] as const).filter((key) => meta[key] !== undefined).map((key) => [key, meta[key]])),
  }
  const fields: CriticFields = { spoilers: extra['spoilers'] === true || extra['spoilers'] === 'true' }
  const subject = readSubject(extra['subject'])
  if (subject) fields.subject = subject
  const score = extra['score']
  if (isBag(score) && score['value'] !== undefined && score['value'] !== null) {
    fields.score = { value: score['value'], scale: score['scale'], label: text(score['label']) || 'Overall Score' }
  }
  const featured = extra['featuredImage']
  if (typeof featured === 'string' && featured.trim()) fields.featuredImage = { path: featured.trim() }
  else if (isBag(featured)) {
    const path = text(featured['src'], 1024) || text(featured['path'], 1024)
    if (path) {
      fields.featuredImage = { path }
      for (const key of ['alt', 'caption', 'credit'] as const) {
        const v = text(featured[key])
        if (v) fields.featuredImage[key] = v
      }
    }
  }
  return fields
}
