import { mkdtemp, mkdir, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isSlug, slugify } from '../../../src/shared/slug'

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')

describe('slugify', () => {
  it('transliterates Russian, Greek and accented Latin titles', () => {
    expect(slugify('Сталкер (1979)')).toBe('stalker-1979')
    expect(slugify('Ирония судьбы, или С лёгким паром!')).toBe('ironiya-sudby-ili-s-lyogkim-parom')
    expect(slugify('Ελένη')).toBe('eleni')
    expect(slugify('Amélie')).toBe('amelie')
    expect(slugify('Ça ira, Øyvind')).toBe('ca-ira-oyvind')
    expect(slugify('Ağır Roman')).toBe('agir-roman')
  })

  it('keeps the letters of scripts without a sensible transliteration', () => {
    expect(slugify('千と千尋の神隠し')).toBe('千と千尋の神隠し')
    expect(slugify('기생충 (2019)')).toBe('기생충-2019')
    expect(slugify('ภาพยนตร์ไทย')).toBe('ภาพยนตร์ไทย')
    expect(slugify('الرسالة (1976)')).toBe('الرسالة-1976')
    expect(slugify('नमस्ते भारत')).toBe('नमस्ते-भारत')
  })

  it('joins a word around its apostrophes and invisible joiners', () => {
    expect(slugify("Schindler's List")).toBe('schindlers-list')
    expect(slugify('L’Atalante')).toBe('latalante')
    // The Persian zero-width non-joiner sits inside a word; it does not split it.
    expect(slugify('می\u200cخواهم')).toBe('میخواهم')
  })

  it('drops emoji and punctuation, and names an empty result', () => {
    expect(slugify('🍿 Popcorn Night 🎬!')).toBe('popcorn-night')
    expect(slugify('🍿🎬')).toBe('untitled')
    expect(slugify('  -- !! ')).toBe('untitled')
    expect(slugify('🍿', { fallback: 'review' })).toBe('review')
  })

  it('never ends on a name Windows reserves for a device', () => {
    expect(slugify('Con')).toBe('con-review')
    expect(slugify('NUL')).toBe('nul-review')
    expect(slugify('LPT1')).toBe('lpt1-review')
    expect(slugify('Con Air')).toBe('con-air')
  })

  it('cuts a long title at a word boundary, never inside a word', () => {
    const title = 'Das Boot: a slow submarine caper is a John Wick with torpedoes, and much more than fits here'
    const slug = slugify(title)
    expect(slug).toBe('das-boot-a-slow-submarine-caper-is-a-john-wick-with-torpedoes-and-much-more-than')
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slugify(title, { maxChars: 60 })).toBe('das-boot-a-slow-submarine-caper-is-a-john-wick-with')
  })

  it('cuts scripts written without spaces where a word ends, within the byte limit', () => {
    const japanese = slugify('千と千尋の神隠し'.repeat(10))
    expect(bytes(japanese)).toBeLessThanOrEqual(120)
    expect(japanese).toBe('千と千尋の神隠し'.repeat(5))
    const thai = slugify('ภาพยนตร์ไทย'.repeat(20))
    expect(bytes(thai)).toBeLessThanOrEqual(120)
    expect(thai).toMatch(/^(?:ภาพยนตร์ไทย)+$/u)
  })

  it('cuts a single word longer than the limit between characters', () => {
    expect(slugify('a'.repeat(200))).toBe('a'.repeat(80))
  })

  it('gives names every file system accepts, without anything to escape in a URL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verdict-slug-'))
    try {
      const titles = ['Сталкер (1979)', '千と千尋の神隠し', 'الرسالة', 'ภาพยนตร์ไทย', 'a/b\\c:d*e?f"g<h>i|j', 'Con', '..', '%2e%2e', 'Ça ira']
      for (const title of titles) {
        const slug = slugify(title)
        expect(slug).not.toMatch(/[%/\\:*?"<>|\s.]/)
        expect(encodeURIComponent(slug)).toBe(encodeURI(slug))
        await mkdir(join(dir, slug))
      }
      expect(await readdir(dir)).toHaveLength(titles.length)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('is its own fixed point within the limits, for any title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (title) => {
        const slug = slugify(title)
        expect(slugify(slug)).toBe(slug)
        expect(isSlug(slug)).toBe(true)
        expect([...slug].length).toBeLessThanOrEqual(80)
        expect(bytes(slug)).toBeLessThanOrEqual(120)
        expect(slug).toMatch(/^[\p{L}\p{N}\p{M}]+(?:-[\p{L}\p{N}\p{M}]+)*$/u)
      }),
      { numRuns: 2000 },
    )
  })

  it('knows a ready-made slug', () => {
    expect(isSlug('stalker-1979')).toBe(true)
    expect(isSlug('千と千尋の神隠し')).toBe(true)
    expect(isSlug('Stalker 1979')).toBe(false)
    expect(isSlug('')).toBe(false)
  })
})
