/**
 * Letterboxd's CSV files, read and written with papaparse. Reads the export Letterboxd gives a member
 * (`reviews.csv`, `diary.csv`: Date, Name, Year, Letterboxd URI, Rating, Rewatch, Review, Tags,
 * Watched Date) and the import format Letterboxd takes (Title, Year, imdbID, tmdbID, Directors,
 * Rating, WatchedDate, Rewatch, Tags, Review), which is also what Verdict writes, so an export reads
 * back. Rows are checked one by one: a row that cannot be a film is left out, a value that cannot be
 * read is left out of its row, and each is said with its row number.
 */
import Papa from 'papaparse'
import { fail } from '../errors'
import { megabytes } from '../../../shared/text'

/** A Letterboxd file larger than this is refused before it is read (a member's 10,000 reviews are a few MB). */
export const MAX_CSV_BYTES = 32 * 1024 * 1024
/** Rows a file may hold: Letterboxd's own import takes far fewer at once. */
export const MAX_ROWS = 20_000
/** A review longer than this (characters) is not one a person wrote on Letterboxd: the row is left out. */
const MAX_REVIEW_CHARS = 200_000

/** One logged film, as read from a row. */
export interface LetterboxdEntry {
  /** The row's number in the file (the header is row 1), for messages. */
  row: number
  name: string
  year?: number
  /** Out of 5, in halves ("4.5"); none when the film was logged without a rating. */
  rating?: string
  rewatch: boolean
  review: string
  tags: string[]
  /** When it was logged (`YYYY-MM-DD`). */
  date?: string
  watched?: string
  uri?: string
  imdb?: string
  tmdb?: string
  directors: string[]
}

/** The columns, by what they hold: Letterboxd's export names first, then its import format's. */
const COLUMNS = {
  name: ['Name', 'Title'],
  year: ['Year'],
  rating: ['Rating'],
  rewatch: ['Rewatch'],
  review: ['Review'],
  tags: ['Tags'],
  date: ['Date'],
  watched: ['Watched Date', 'WatchedDate'],
  uri: ['Letterboxd URI', 'LetterboxdURI'],
  imdb: ['imdbID'],
  tmdb: ['tmdbID'],
  directors: ['Directors'],
} as const
type Field = keyof typeof COLUMNS

const DAY = /^\d{4}-\d{2}-\d{2}$/

export function readLetterboxdCsv(bytes: Uint8Array): { entries: LetterboxdEntry[]; notes: string[] } {
  if (bytes.byteLength > MAX_CSV_BYTES) fail('INVALID_ARGUMENT', `The file is ${megabytes(bytes.byteLength)}, more than the ${megabytes(MAX_CSV_BYTES)} a Letterboxd export can be.`)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    fail('INVALID_ARGUMENT', 'The file is not UTF-8 text, as Letterboxd’s CSV files are.')
  }
  // One row more than allowed is read, to tell a file that has too many.
  // Blank rows are read (and passed over below), so a row's number is its place in the file.
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, preview: MAX_ROWS + 1 })
  const header = parsed.meta.fields ?? []
  const column = Object.fromEntries(Object.entries(COLUMNS).map(([field, names]) => [field, names.find((name) => header.includes(name))])) as Record<Field, string | undefined>
  if (!column.name) fail('INVALID_ARGUMENT', 'This is not a Letterboxd file: it has no “Name” (or “Title”) column. Choose reviews.csv or diary.csv from your Letterboxd export.')
  if (parsed.data.length > MAX_ROWS) fail('INVALID_ARGUMENT', `The file has more than ${MAX_ROWS.toLocaleString('en')} rows; import it in parts.`)
  const notes: string[] = []
  if (parsed.errors.some((error) => error.type === 'Quotes')) {
    fail('INVALID_ARGUMENT', 'A quoted field opens and never closes, so the rows after it cannot be told apart; the file was not imported.')
  }
  const entries: LetterboxdEntry[] = []
  parsed.data.forEach((record, index) => {
    const row = index + 2
    const value = (field: Field): string => (column[field] ? (record[column[field]] ?? '').trim() : '')
    if (Object.values(record).every((field) => !field?.trim())) return
    const name = value('name')
    const said = (message: string) => notes.push(`Row ${row}${name ? ` (${name})` : ''}: ${message}`)
    if (!name) return said('no film name; left out.')
    if (name.length > 300) return said('the name is longer than a film’s; left out.')
    const review = (column.review ? (record[column.review] ?? '') : '').replace(/\r\n?/g, '\n').trim()
    if (review.length > MAX_REVIEW_CHARS) return said(`the review is longer than ${MAX_REVIEW_CHARS.toLocaleString('en')} characters; left out.`)
    const entry: LetterboxdEntry = { row, name, rewatch: /^(yes|true)$/i.test(value('rewatch')), review, tags: splitList(value('tags')), directors: splitList(value('directors')) }
    const year = value('year')
    if (/^\d{4}$/.test(year) && Number(year) >= 1870 && Number(year) <= 2200) entry.year = Number(year)
    else if (year) said(`the year “${year}” is not a year; imported without one.`)
    const rating = value('rating')
    if (rating) {
      const stars = Number(rating)
      if (Number.isFinite(stars) && stars >= 0.5 && stars <= 5 && Number.isInteger(stars * 2)) entry.rating = String(stars)
      else said(`the rating “${rating}” is not 0.5 to 5 stars in halves; imported without a rating.`)
    }
    for (const field of ['date', 'watched'] as const) {
      const day = value(field)
      if (DAY.test(day) && !Number.isNaN(Date.parse(day))) entry[field] = day
      else if (day) said(`the date “${day}” is not a day (YYYY-MM-DD); left out.`)
    }
    const uri = value('uri')
    if (/^https:\/\/(boxd\.it|letterboxd\.com)\/\S{1,200}$/.test(uri)) entry.uri = uri
    const imdb = value('imdb')
    if (/^tt\d{5,10}$/.test(imdb)) entry.imdb = imdb
    const tmdb = value('tmdb')
    if (/^\d{1,10}$/.test(tmdb)) entry.tmdb = tmdb
    entries.push(entry)
  })
  return { entries, notes }
}

/** One row of Letterboxd's import format. */
export interface LetterboxdRow {
  title: string
  year?: number
  imdb?: string
  tmdb?: string
  directors: string[]
  rating?: string
  watched?: string
  rewatch: boolean
  tags: string[]
  review: string
}

/**
 * The file Letterboxd imports (letterboxd.com/about/importing-data), one film per row. Cells are not
 * escaped against spreadsheet formulas as the archive's CSV is (`escapeFormulae`): this file is for
 * Letterboxd's importer, which takes each cell as text and documents no such escape, so it would keep
 * the leading `'` in a title like “-ism” or a review opening with “@” or “- ”; Verdict reads it back
 * the same way.
 */
export function writeLetterboxdCsv(rows: readonly LetterboxdRow[]): string {
  return Papa.unparse({
    fields: ['Title', 'Year', 'imdbID', 'tmdbID', 'Directors', 'Rating', 'WatchedDate', 'Rewatch', 'Tags', 'Review'],
    data: rows.map((row) => [
      row.title,
      row.year ?? '',
      row.imdb ?? '',
      row.tmdb ?? '',
      row.directors.join(', '),
      row.rating ?? '',
      row.watched ?? '',
      row.rewatch ? 'true' : 'false',
      row.tags.join(', '),
      row.review,
    ]),
  }, { newline: '\n' })
}

/** `horror, slasher` as its items (Letterboxd's tags and directors are one comma-separated field). */
const splitList = (text: string): string[] => [...new Set(text.split(',').map((item) => item.trim()).filter((item) => item !== '' && item.length <= 100))]

