/** Word counts and reading times as readers of each language count them. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CHARACTERS_PER_MINUTE, countWords, measureText, readingMinutes, readingTimeLabel } from '../../../src/shared/text'
import { fcOptions } from '../format/arbitraries'

const segmenter = new Intl.Segmenter('en', { granularity: 'word' })
const words = (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment)

describe('countWords', () => {
  it('counts Russian words', () => {
    expect(countWords('Это был лучший фильм года — без сомнений.')).toBe(7)
  })

  it('splits Japanese into words, not sentences', () => {
    expect(countWords('千と千尋の神隠しは傑作だ。')).toBe(8) // 千・と・千尋・の・神隠し・は・傑作・だ
  })

  it('splits Thai into dictionary words', () => {
    expect(words('ภาพยนตร์เรื่องนี้ดีมาก')).toEqual(['ภาพยนตร์', 'เรื่อง', 'นี้', 'ดี', 'มาก'])
    expect(countWords('ภาพยนตร์เรื่องนี้ดีมาก')).toBe(5)
  })

  it('counts Arabic words, vowel marks included', () => {
    expect(countWords('كان هذا أفضل فيلم هذا العام.')).toBe(6)
    expect(countWords('فِيلْمٌ جَمِيلٌ')).toBe(2)
  })

  it('counts mixed English and Japanese', () => {
    expect(countWords('Spirited Away (千と千尋の神隠し) is a masterpiece.')).toBe(5 + 5)
  })

  it('keeps contractions, initialisms and numbers whole; splits hyphenated words as UAX #29 does', () => {
    expect(countWords("Don't miss it: e.g. 3.14 hours, 1,000 frames, snake_case well-known")).toBe(11)
  })

  it('counts as the segmenter does however the text is made, long lines included', () => {
    // Lines of the regular expression's characters only, and lines of anything.
    const simple = [..."aZéßжΩ09 .,:;!?'’‘\"“”()-—…\t#$%&*+<=>@\\^`{|}~"]
    const other = [...simple, '_', 'ا', '\u064e', '千', 'と', 'カ', '한', 'ภ', 'า', '\u0301', '。', '、', '٣', 'ʼ']
    const line = (chars: string[], maxLength: number) => fc.array(fc.constantFrom(...chars), { maxLength }).map((c) => c.join(''))
    const text = fc.array(fc.oneof(line(simple, 12), line(other, 12), line(other, 1200)), { maxLength: 8 }).map((lines) => lines.join('\n'))
    fc.assert(
      fc.property(text, (t) => {
        expect(countWords(t)).toBe(t.split('\n').flatMap(words).length)
      }),
      fcOptions(300),
    )
  })
})

it('counts a long paragraph without spaces as a whole, in time that grows with its length', () => {
  const paragraph = '千と千尋の神隠しは傑作だ、宮崎駿の演出は見事だ。'.repeat(150) // 3,600 characters, one line
  expect(countWords(paragraph)).toBe(words(paragraph).length)
  const long = paragraph.repeat(50)
  const started = performance.now()
  expect(countWords(long)).toBe(countWords(paragraph) * 50)
  // Whole, V8's segmenter takes minutes over 180,000 characters; in pieces, well under a second.
  expect(performance.now() - started).toBeLessThan(20_000)
})

describe('reading time', () => {
  it('times words by the words-per-minute setting', () => {
    const text = measureText('word '.repeat(530))
    expect(readingMinutes(text, 265)).toBe(2)
    expect(readingTimeLabel(text, 265)).toBe('2 min read')
    expect(readingMinutes(measureText(''), 265)).toBe(0)
    expect(readingMinutes(measureText('one'), 265)).toBe(1)
  })

  it('times Chinese and Japanese by their characters', () => {
    const sentence = '千と千尋の神隠しは傑作だ。' // 12 characters read, 8 words
    const text = measureText(sentence.repeat(250))
    expect(text).toEqual({ words: 2000, characterWords: 2000, characters: 3000 })
    // 3,000 characters at 500 a minute, whatever the words-per-minute setting says.
    expect(CHARACTERS_PER_MINUTE).toBe(500)
    expect(readingMinutes(text, 265)).toBe(6)
    expect(readingMinutes(text, 1000)).toBe(6)
  })

  it('times Russian, Thai and Arabic by their words', () => {
    expect(readingMinutes(measureText('Это был лучший фильм. '.repeat(265)), 265)).toBe(4)
    expect(readingMinutes(measureText('ภาพยนตร์เรื่องนี้ดีมาก '.repeat(265)), 265)).toBe(5)
    expect(readingMinutes(measureText('كان هذا أفضل فيلم '.repeat(265)), 265)).toBe(4)
  })

  it('adds the English and the Japanese of a mixed text', () => {
    const text = measureText(`${'word '.repeat(1325)}${'千と千尋の神隠しは傑作だ。'.repeat(250)}`)
    expect(text.words).toBe(1325 + 2000)
    expect(readingMinutes(text, 265)).toBe(5 + 6)
  })
})
