/**
 * schema.org JSON-LD for a review: a `Review` of the subject, typed by its kind.
 *
 * Types: film→Movie, series→TVSeries, season→TVSeason, episode→TVEpisode, book→Book,
 * game→VideoGame, album→MusicAlbum, show/other→CreativeWork. `TVEpisode` rather than `Episode`:
 * it is the more specific schema.org type (a subtype of `Episode`, which Google's review-snippet
 * list names, so it qualifies as one) and it matches `TVSeries`/`TVSeason` for `partOfSeries`.
 *
 * `reviewRating` always states `bestRating` and `worstRating` (Google assumes 1–5 otherwise):
 * 10 → 0–10, 5 → 0–5, 100 → 0–100, letter → 0–12 with the grades mapped as in `LETTER_GRADES`
 * (F=0 … A+=12).
 */
import { LETTER_GRADES } from './scores'
import type { PostImage, PostScore, Subject, SubjectKind } from './postModel'

export const ITEM_TYPES: Record<SubjectKind, string> = {
  film: 'Movie',
  series: 'TVSeries',
  season: 'TVSeason',
  episode: 'TVEpisode',
  book: 'Book',
  game: 'VideoGame',
  album: 'MusicAlbum',
  show: 'CreativeWork',
  other: 'CreativeWork',
}

/** Which property names the subject's `creators`. */
const CREATOR_PROPERTY: Record<SubjectKind, string> = {
  film: 'director',
  series: 'creator',
  season: 'creator',
  episode: 'director',
  book: 'author',
  game: 'creator',
  album: 'byArtist',
  show: 'creator',
  other: 'creator',
}

const HAS_ACTORS = new Set<SubjectKind>(['film', 'series', 'season', 'episode'])

export interface JsonLdInput {
  title: string
  /** `null`: no author at all (the page's own data names one), where `''` names the site. */
  author: string | null
  date: string
  updated?: string
  excerpt: string
  tags: string[]
  subject?: Subject
  score?: PostScore
  image?: PostImage
  site?: { name?: string; url?: string }
  url?: string
}

const person = (name: string) => ({ '@type': 'Person', name })

export function buildJsonLd(input: JsonLdInput): Record<string, unknown> {
  const subject = input.subject
  const kind: SubjectKind = subject?.kind ?? 'other'
  const item: Record<string, unknown> = { '@type': ITEM_TYPES[kind], name: subject?.title || input.title }
  if (subject) {
    if (subject.year !== undefined) item['datePublished'] = String(subject.year)
    if (subject.creators.length > 0) {
      const people = subject.creators.map(person)
      item[CREATOR_PROPERTY[kind]] = people.length === 1 ? people[0] : people
    }
    if (HAS_ACTORS.has(kind) && subject.cast.length > 0) item['actor'] = subject.cast.map(person)
    if (subject.runtime !== undefined && (kind === 'film' || kind === 'episode')) item['duration'] = `PT${subject.runtime}M`
    if (subject.platform && kind === 'game') item['gamePlatform'] = subject.platform
    if (subject.ids.isbn && kind === 'book') item['isbn'] = subject.ids.isbn
    if ((kind === 'season' || kind === 'episode') && subject.series) item['partOfSeries'] = { '@type': 'TVSeries', name: subject.series }
    if (kind === 'season' && subject.season !== undefined) item['seasonNumber'] = subject.season
    if (kind === 'episode') {
      if (subject.episode !== undefined) item['episodeNumber'] = subject.episode
      if (subject.season !== undefined) item['partOfSeason'] = { '@type': 'TVSeason', seasonNumber: subject.season }
    }
    const sameAs = sameAsLinks(subject)
    if (sameAs.length > 0) item['sameAs'] = sameAs
  }

  const review: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Review',
    name: input.title,
    itemReviewed: item,
  }
  if (input.author) review['author'] = person(input.author)
  else if (input.author !== null && input.site?.name) review['author'] = { '@type': 'Organization', name: input.site.name }
  if (/^\d{4}-\d{2}-\d{2}/.test(input.date)) review['datePublished'] = input.date
  if (input.updated && /^\d{4}-\d{2}-\d{2}/.test(input.updated)) review['dateModified'] = input.updated
  if (input.excerpt) review['description'] = input.excerpt
  if (input.tags.length > 0) review['keywords'] = input.tags.join(', ')
  if (input.score) {
    const rating: Record<string, unknown> = {
      '@type': 'Rating',
      ratingValue: input.score.ratingValue,
      bestRating: input.score.bestRating,
      worstRating: input.score.worstRating,
    }
    if (input.score.scale === 'letter') rating['alternateName'] = input.score.raw
    if (input.score.verdict) rating['ratingExplanation'] = input.score.verdict
    review['reviewRating'] = rating
  }
  if (input.image && /^https:\/\//.test(input.image.src)) {
    const image: Record<string, unknown> = { '@type': 'ImageObject', url: input.image.src, contentUrl: input.image.src }
    if (input.image.credit) image['creditText'] = input.image.credit
    if (input.image.caption) image['caption'] = input.image.caption
    review['image'] = image
  }
  if (input.site?.name) {
    review['publisher'] = { '@type': 'Organization', name: input.site.name, ...(input.site.url ? { url: input.site.url } : {}) }
  }
  if (input.url) review['url'] = input.url
  return review
}

function sameAsLinks(subject: Subject): string[] {
  const links: string[] = []
  const { imdb, tmdb, wikidata } = subject.ids
  if (imdb) links.push(`https://www.imdb.com/title/${imdb}/`)
  if (tmdb && (subject.kind === 'film' || subject.kind === 'series')) {
    links.push(`https://www.themoviedb.org/${subject.kind === 'film' ? 'movie' : 'tv'}/${tmdb}`)
  }
  if (wikidata) links.push(`https://www.wikidata.org/wiki/${wikidata}`)
  return links
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` are written as \u
 * escapes (still the same JSON), so no string — a title holding `</script>` — can end the block.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

export { LETTER_GRADES }
