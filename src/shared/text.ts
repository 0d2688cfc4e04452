/** Text measures shared by the library (main) and the status bar (renderer) so both agree. */

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0
}

/** "2 min read": never below one minute for a non-empty text. */
export function readingMinutes(words: number, wordsPerMinute: number): number {
  if (words === 0) return 0
  return Math.max(1, Math.round(words / Math.max(1, wordsPerMinute)))
}

export function readingTimeLabel(words: number, wordsPerMinute: number): string {
  return `${readingMinutes(words, wordsPerMinute)} min read`
}
