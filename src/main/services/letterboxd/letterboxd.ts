/**
 * A Letterboxd export imported as reviews, and the library's film reviews written as Letterboxd's
 * import file (csv.ts has both formats). An imported film is a new review like any other: the film
 * as what is reviewed, the rating as a score out of 5, the review text as paragraphs, the tags, and
 * the day it was watched (`watched:` in front matter, beside the day it was logged); a rewatch
 * relates to the latest earlier review of the same film (`relates:`), in the library or imported
 * before it. A viewing already in the library (the same Letterboxd entry, or the same film, year and
 * day watched) is skipped, so importing a file twice, or reviews.csv after diary.csv, adds nothing
 * twice. Nothing goes to Letterboxd: both are files the critic picked.
 */
import { mkdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { DEFAULT_SCORE_LABEL, type Subject } from '../../../shared/critic'
import type { LetterboxdExportResult, LetterboxdImportResult, ReviewTouched } from '../../../shared/contract'
import { documentText, type BlockJSON, type EditorDocument, type InlineJSON } from '../../../shared/document'
import type { ReviewMeta, ReviewSummary } from '../../../shared/model'
import { sameWork } from '../../../shared/sameWork'
import { percentOfScore, searchTerms } from '../../../shared/search'
import { slugify } from '../../../shared/slug'
import { describeIoError, fail } from '../errors'
import { freeName } from '../export/batch'
import { serializeReview } from '../format'
import { readFrontMatter } from '../format/frontMatter'
import { metaFromYaml } from '../format/meta'
import { claimFolder } from '../fs/claimFolder'
import { writeFileAtomic } from '../fs/atomicWrite'
import { ASSETS_DIR, REVIEW_FILE, type Library } from '../library/library'
import { MAX_CSV_BYTES, readLetterboxdCsv, writeLetterboxdCsv, type LetterboxdEntry, type LetterboxdRow } from './csv'
import { megabytes } from '../../../shared/text'

export interface LetterboxdOptions {
  libraries: { current(): Library }
  /** The critic's name, for the reviews an import makes. */
  author: () => string
  now?: () => Date
}

/** The blocks whose text is the review Letterboxd shows; critic blocks (the score is the Rating) stay out. */
const PROSE = new Set(['paragraph', 'heading', 'quote', 'list'])

export class Letterboxd {
  private readonly now: () => Date

  constructor(private readonly options: LetterboxdOptions) {
    this.now = options.now ?? (() => new Date())
  }

  async import(path: string): Promise<LetterboxdImportResult> {
    const { entries, notes } = readLetterboxdCsv(await readCsv(path))
    if (entries.length === 0) fail('INVALID_ARGUMENT', `No film in “${basename(path)}” could be imported.${notes.length ? ` ${notes.slice(0, 3).join(' ')}` : ''}`)
    const library = this.options.libraries.current()
    // Oldest first, so a rewatch finds the earlier viewing among those imported before it.
    const ordered = [...entries].sort((a, b) => dayOf(a).localeCompare(dayOf(b)) || a.row - b.row)
    const earlier: Array<Pick<ReviewSummary, 'id' | 'title' | 'date' | 'subject'>> = await library.list()
    const viewings = new Viewings(library)
    const imported: ReviewTouched[] = []
    const skipped: ReviewTouched[] = []
    const stamp = this.now().toISOString()
    for (const entry of ordered) {
      const meta = this.metaOf(entry, stamp)
      const already = await viewings.find(earlier, meta)
      if (already) {
        skipped.push({ id: already.id, title: already.title })
        continue
      }
      if (entry.rewatch) {
        const before = latestOfSameWork(earlier, meta.subject!, dayOf(entry))
        if (before) meta.relates = [before]
        else notes.push(`Row ${entry.row} (${entry.name}): a rewatch, but no earlier review of it is in the library; imported without a link to one.`)
      }
      const id = await claimFolder(library.root, slugify(meta.title), `import “${entry.name}”`)
      try {
        await mkdir(join(library.root, id, ASSETS_DIR))
        await writeFileAtomic(join(library.root, id, REVIEW_FILE), serializeReview(meta, entryDocument(entry)))
      } catch (error) {
        throw describeIoError(error, `import “${entry.name}” (${imported.length} of ${ordered.length} were imported)`)
      }
      earlier.push({ id, title: meta.title, date: meta.date, ...(meta.subject ? { subject: meta.subject } : {}) })
      viewings.made(id, meta)
      imported.push({ id, title: meta.title })
    }
    return { imported, skipped, notes }
  }

  private metaOf(entry: LetterboxdEntry, stamp: string): ReviewMeta {
    const subject: Subject = {
      kind: 'film',
      title: entry.name,
      ...(entry.year ? { year: entry.year } : {}),
      creators: entry.directors,
      cast: [],
      ids: { ...(entry.imdb ? { imdb: entry.imdb } : {}), ...(entry.tmdb ? { tmdb: entry.tmdb } : {}) },
    }
    const extra: Record<string, unknown> = {}
    if (entry.watched) extra['watched'] = entry.watched
    if (entry.uri) extra['letterboxd'] = entry.uri
    return {
      title: entry.name,
      author: this.options.author(),
      date: entry.date ?? entry.watched ?? stamp.slice(0, 10),
      status: 'ready',
      tags: entry.tags,
      excerpt: '',
      created: stamp,
      updated: stamp,
      subject,
      extra,
    }
  }

  /** Writes `letterboxd.csv` (or `letterboxd-2.csv`, …: never over a file) into `destDir`. */
  async export(destDir: string): Promise<LetterboxdExportResult> {
    const library = this.options.libraries.current()
    const rows: LetterboxdRow[] = []
    const failed: LetterboxdExportResult['failed'] = []
    let notFilms = 0
    for (const summary of await library.list()) {
      if (summary.subject?.kind !== 'film') {
        notFilms++
        continue
      }
      const opened = await library.open(summary.id).catch((error: unknown) => ({ kind: 'read-only' as const, reason: error instanceof Error ? error.message : String(error) }))
      if (opened.kind === 'read-only') {
        failed.push({ id: summary.id, title: summary.title, reason: opened.reason })
        continue
      }
      rows.push(letterboxdRow(opened.meta, opened.doc))
    }
    const path = await freeName(destDir, 'letterboxd', '.csv', new Set())
    try {
      await writeFileAtomic(path, writeLetterboxdCsv(rows))
    } catch (error) {
      throw describeIoError(error, `write “${basename(path)}”`)
    }
    return { path, exported: rows.length, notFilms, failed }
  }
}

async function readCsv(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path)
    if (!info.isFile()) fail('INVALID_ARGUMENT', `“${basename(path)}” is not a file.`)
    if (info.size > MAX_CSV_BYTES) fail('INVALID_ARGUMENT', `“${basename(path)}” is ${megabytes(info.size)}, more than a Letterboxd export can be.`)
    return await readFile(path)
  } catch (error) {
    if (error instanceof Error && error.name === 'VerdictError') throw error
    throw describeIoError(error, `read “${basename(path)}”`)
  }
}

const dayOf = (entry: LetterboxdEntry): string => entry.watched ?? entry.date ?? ''

/** The same film: sameWork, or the same title where neither has a year (a row may lack one). */
const sameFilm = (a: Subject, b: Subject): boolean =>
  sameWork(a, b) !== undefined || (a.year === undefined && b.year === undefined && searchTerms(a.title).join(' ') === searchTerms(b.title).join(' '))

/** What tells one viewing from another: its Letterboxd entry, and the day the film was watched. */
interface Viewing {
  uri?: string
  day: string
}

const viewingOf = (meta: Pick<ReviewMeta, 'date' | 'extra'>): Viewing => {
  const { letterboxd, watched } = meta.extra
  return { ...(typeof letterboxd === 'string' ? { uri: letterboxd } : {}), day: typeof watched === 'string' ? watched : meta.date }
}

/**
 * The viewings of the library's reviews, read from their front matter only for reviews of the same
 * film (a handful), so a library of thousands is not read whole.
 */
class Viewings {
  private readonly known = new Map<string, Viewing | undefined>()

  constructor(private readonly library: Library) {}

  made(id: string, meta: ReviewMeta): void {
    this.known.set(id, viewingOf(meta))
  }

  /**
   * The review of the same viewing: the same film (title and year, or id) with the same Letterboxd
   * entry, or watched the same day. The day alone also catches a viewing whose entry is written
   * differently in another of the export's files or came without one (the import format has no
   * URI column); two viewings of one film on one day are the rare case it takes for one.
   */
  async find<T extends Pick<ReviewSummary, 'id' | 'subject'>>(reviews: readonly T[], meta: ReviewMeta): Promise<T | undefined> {
    const wanted = viewingOf(meta)
    for (const review of reviews) {
      if (!review.subject || !sameFilm(meta.subject!, review.subject)) continue
      const seen = await this.of(review.id)
      if (!seen) continue
      if ((wanted.uri !== undefined && wanted.uri === seen.uri) || wanted.day === seen.day) return review
    }
    return undefined
  }

  private async of(id: string): Promise<Viewing | undefined> {
    if (!this.known.has(id)) {
      try {
        const { data } = readFrontMatter(await readFile(await this.library.reviewFile(id)))
        this.known.set(id, viewingOf(metaFromYaml(data, { title: id, created: '', updated: '' })))
      } catch {
        // A review that cannot be read is no viewing to skip for.
        this.known.set(id, undefined)
      }
    }
    return this.known.get(id)
  }
}

/** The id of the latest review of the same work dated on or before `day`. */
function latestOfSameWork(reviews: ReadonlyArray<Pick<ReviewSummary, 'id' | 'date' | 'subject'>>, subject: Subject, day: string): string | undefined {
  const same = reviews.filter((review) => review.subject && sameWork(subject, review.subject) && (!day || !review.date || review.date <= day))
  return same.sort((a, b) => a.date.localeCompare(b.date)).at(-1)?.id
}

/** The review text as paragraphs (a line break inside one stays one), then the rating as the overall score out of 5. */
function entryDocument(entry: LetterboxdEntry): EditorDocument {
  const paragraphs = entry.review
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph): BlockJSON => ({
      type: 'paragraph',
      children: paragraph.split('\n').flatMap((line, index): InlineJSON[] => [...(index ? [{ type: 'linebreak' as const }] : []), { type: 'text', text: line.trimEnd(), format: 0 }]),
    }))
  const score: BlockJSON[] = entry.rating
    ? [{ type: 'score', value: entry.rating, scale: '5', label: DEFAULT_SCORE_LABEL, overall: true, verdict: '', subScores: [], pros: [], cons: [] }]
    : []
  return { root: { type: 'root', children: [...paragraphs, ...score] } }
}

/** A film review as Letterboxd's import row: the rating out of 5 in halves, the review's prose as text. */
function letterboxdRow(meta: ReviewMeta, doc: EditorDocument): LetterboxdRow {
  const subject = meta.subject!
  const percent = meta.score ? percentOfScore(meta.score.value, meta.score.scale) : undefined
  const watched = typeof meta.extra['watched'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(meta.extra['watched']) ? meta.extra['watched'] : meta.date
  return {
    title: subject.title || meta.title,
    ...(subject.year ? { year: subject.year } : {}),
    ...(subject.ids.imdb ? { imdb: subject.ids.imdb } : {}),
    ...(subject.ids.tmdb ? { tmdb: subject.ids.tmdb } : {}),
    directors: subject.creators,
    // Letterboxd has no zero stars: the lowest score is half a star.
    ...(percent !== undefined ? { rating: String(Math.max(0.5, Math.round(percent / 10) / 2)) } : {}),
    ...(watched ? { watched } : {}),
    rewatch: (meta.relates?.length ?? 0) > 0,
    tags: meta.tags,
    review: doc.root.children
      .filter((block) => PROSE.has(block.type))
      .map((block) => documentText({ root: { type: 'root', children: [block] } }).trim())
      .filter(Boolean)
      .join('\n\n'),
  }
}
