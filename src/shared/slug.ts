/**
 * The one slug of the app: review folders, export file names, folder-blog pages and post addresses.
 *
 * Alphabets whose readers write web addresses in Latin letters are transliterated (accents dropped,
 * “Сталкер” → `stalker`, “Ελένη” → `eleni`); other scripts (Japanese, Chinese, Korean, Thai, Arabic,
 * Hebrew, Devanagari…) keep their own letters, as their readers write them in addresses and file
 * names, instead of being dropped. Only letters, digits and marks survive, joined by dashes: nothing
 * to escape in a URL (no `%`), nothing a Windows, macOS or Linux file system refuses.
 */
import transliterate from '@sindresorhus/transliterate'

export interface SlugOptions {
  /** Most code points kept (cut at a word boundary). */
  maxChars?: number
  /** What an empty slug (a title of emoji or punctuation only) becomes. */
  fallback?: string
}

/** 80 characters and 120 UTF-8 bytes: with `-2` or a trash stamp appended, far below the 255 bytes file systems allow. */
const MAX_CHARS = 80
const MAX_BYTES = 120

const ROMANISED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]+/gu
/** Apostrophes inside a word (“Schindler's”, “l’Atalante”) join it rather than split it. */
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu
/** Invisible format characters (the Persian zero-width non-joiner, bidi marks) belong to the word they sit in. */
const FORMAT = /\p{Cf}/gu
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu
/** Device names Windows refuses as a file name, with or without an extension. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/

const words = new Intl.Segmenter(undefined, { granularity: 'word' })
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const utf8 = new TextEncoder()

export function slugify(title: string, { maxChars = MAX_CHARS, fallback = 'untitled' }: SlugOptions = {}): string {
  const slug = title
    .normalize('NFC')
    .replace(FORMAT, '')
    .replace(INNER_APOSTROPHE, '')
    // Lower case first: the table lacks some capitals (`ϴ`) whose small letter it has.
    .toLowerCase()
    .replace(ROMANISED, romanise)
    .normalize('NFC')
    .replace(NOT_WORD, '-')
    .replace(/^-+|-+$/g, '')
  const cut = cutAtWord(slug, maxChars)
  if (!cut) return fallback
  return WINDOWS_RESERVED.test(cut) ? `${cut}-review` : cut
}

/** True for a text `slugify` gives back unchanged: a ready-made slug (e.g. one a blog already uses). */
export function isSlug(text: string): boolean {
  return text !== '' && slugify(text, { fallback: '' }) === text
}

/** Twice: a letter the table lacks with its accent (polytonic `ἀ`) is in the table without it (`α`). */
function romanise(run: string): string {
  return transliterate(transliterate(run))
}

function fits(text: string, maxChars: number): boolean {
  return [...text].length <= maxChars && utf8.encode(text).byteLength <= MAX_BYTES
}

/**
 * The longest start of `slug` within the limits that ends at a word boundary: between dashes, or
 * where the segmenter's dictionary ends a word in scripts written without spaces (Japanese, Thai).
 * Only a single word longer than the limit is cut inside, between two characters as the eye sees them.
 */
function cutAtWord(slug: string, maxChars: number): string {
  if (fits(slug, maxChars)) return slug
  let kept = ''
  for (const { segment, index } of words.segment(slug)) {
    const end = index + segment.length
    if (!fits(slug.slice(0, end), maxChars)) break
    kept = slug.slice(0, end)
  }
  kept = kept.replace(/-+$/, '')
  if (kept) return kept
  for (const { segment } of graphemes.segment(slug)) {
    if (!fits(kept + segment, maxChars)) break
    kept += segment
  }
  return kept
}
