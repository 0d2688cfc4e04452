/** Text measures shared by the library (main) and the status bar (renderer) so both agree. */

/**
 * Words as a reader of the language counts them: Unicode word boundaries (UAX #29), with ICU's
 * dictionaries for scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese).
 * A fixed locale: ICU picks dictionaries by script, and main and the renderer must agree whatever
 * the system's language.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'word' })

/**
 * A line of Latin, Greek and Cyrillic letters, ASCII digits, common punctuation and ASCII symbols,
 * which UAX #29 splits exactly as `SIMPLE_WORD` does, is counted by the regular expression: V8's
 * segmenter costs about ten times as much per word, and as much again per symbol (a 2 MB line of
 * backticks took it 4 s). Marks, `_` and other scripts have rules of their own.
 */
const SIMPLE_LINE = /^[\p{L}0-9 \t.,:;!?'’"“”‘()[\]/\-–—…#$%&*+<=>@\\^`{|}~]*$/u
const OTHER_LETTER = /[^\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\P{L}]/u
/** Letters and digits run together; `.` or `:` join letters (`e.g`), `.` or `,` digits (`3.14`, `1,000`), apostrophes both. */
const SIMPLE_WORD = /[\p{L}0-9]+(?:(?:(?<=\p{L})[.:'’‘](?=\p{L})|(?<=[0-9])[.,;'’‘](?=[0-9]))[\p{L}0-9]+)*/gu
/** V8's segmenter slows down quadratically with the text's length: it is given pieces of about this size. */
const PIECE = 256
/**
 * Where a piece may end with every word kept whole: before a space, or after CJK punctuation before
 * a letter or digit (UAX #29 never joins across either).
 */
const CUT = /[ \t]|(?<=[。、！？，．「」『』（）])(?=[\p{Lo}\p{Lu}\p{Ll}\p{Nd}])/u

function pieceEnd(line: string, start: number): number {
  if (line.length - start <= 4 * PIECE) return line.length
  const cut = CUT.exec(line.slice(start + PIECE, start + 4 * PIECE))
  if (cut) return start + PIECE + cut.index
  // A line with nowhere to cut (an encoded blob, say) is cut anyway, between two UTF-16 units of
  // different characters: a word may split in two there, but the time stays linear.
  const end = start + 4 * PIECE
  return /[\uDC00-\uDFFF]/.test(line[end]!) ? end + 1 : end
}
/** Read character by character rather than word by word. */
const CHARACTER_READ = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u

export interface TextMeasure {
  words: number
  /** Of `words`, those in Chinese or Japanese script, timed by their characters instead. */
  characterWords: number
  /** The characters of `characterWords`. */
  characters: number
}

/** Chinese and Japanese readers read about this many characters a minute (the words-per-minute setting times the rest). */
export const CHARACTERS_PER_MINUTE = 500

export function measureText(text: string): TextMeasure {
  const measure: TextMeasure = { words: 0, characterWords: 0, characters: 0 }
  for (const line of text.split('\n')) {
    if (SIMPLE_LINE.test(line) && !OTHER_LETTER.test(line)) measure.words += line.match(SIMPLE_WORD)?.length ?? 0
    else for (let start = 0; start < line.length; ) {
      const end = pieceEnd(line, start)
      for (const { segment, isWordLike } of segmenter.segment(line.slice(start, end))) {
        if (!isWordLike) continue
        measure.words++
        if (CHARACTER_READ.test(segment)) {
          measure.characterWords++
          measure.characters += [...segment].length
        }
      }
      start = end
    }
  }
  return measure
}

export function countWords(text: string): number {
  return measureText(text).words
}

/** "2 min read": never below one minute for a non-empty text. */
export function readingMinutes(text: TextMeasure, wordsPerMinute: number): number {
  if (text.words === 0) return 0
  const minutes = (text.words - text.characterWords) / Math.max(1, wordsPerMinute) + text.characters / CHARACTERS_PER_MINUTE
  return Math.max(1, Math.round(minutes))
}

export function readingTimeLabel(text: TextMeasure, wordsPerMinute: number): string {
  return `${readingMinutes(text, wordsPerMinute)} min read`
}

/** A size for messages: `1.5 MB` (mebibytes, one decimal). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
