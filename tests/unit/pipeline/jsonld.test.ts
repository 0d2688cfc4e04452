/**
 * JSON-LD: for every subject kind and every scale, the fields Google's review-snippet guidelines
 * require — itemReviewed (typed, with a name), reviewRating.ratingValue within bestRating and
 * worstRating (stated explicitly, since the scales are not 1–5), author with a name — plus the
 * recommended datePublished, and a block that survives any title.
 */
import { describe, expect, it } from 'vitest'
import { buildPost, ITEM_TYPES, LETTER_GRADES, renderPage, SCORE_SCALES, serializeJsonLd, SUBJECT_KINDS, type ScoreScale } from '../../../src/main/services/pipeline'
import { STUB_THEME } from './renderFixtures'
import { meta } from '../../support/documents'

const SAMPLE_VALUE: Record<ScoreScale, string> = { '10': '8.5', '5': '3.5', '100': '87', letter: 'B+' }
const EXPECTED: Record<ScoreScale, { ratingValue: number; bestRating: number; worstRating: number }> = {
  '10': { ratingValue: 8.5, bestRating: 10, worstRating: 0 },
  '5': { ratingValue: 3.5, bestRating: 5, worstRating: 0 },
  '100': { ratingValue: 87, bestRating: 100, worstRating: 0 },
  letter: { ratingValue: 9, bestRating: 12, worstRating: 0 },
}

function ldOf(page: string): Record<string, unknown> {
  const blocks = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
  expect(blocks).toHaveLength(1)
  return JSON.parse(blocks[0]![1]!) as Record<string, unknown>
}

describe('schema.org Review', () => {
  for (const kind of SUBJECT_KINDS) {
    for (const scale of SCORE_SCALES) {
      it(`is complete for a ${kind} on the ${scale} scale`, () => {
        const body = `Text.\n\n::score[Overall]{value="${SAMPLE_VALUE[scale]}" scale="${scale}" overall}\n`
        const post = buildPost({
          id: 'r',
          meta: meta({ title: `A ${kind}`, extra: { subject: { kind, title: `The ${kind}`, year: 2024, creators: ['Alex Maker'], cast: ['Sam Star'] } } }),
          body,
        })
        const ld = ldOf(renderPage(post, { theme: STUB_THEME, colorScheme: 'light', online: false }))
        expect(ld['@context']).toBe('https://schema.org')
        expect(ld['@type']).toBe('Review')
        expect(ld['name']).toBe(`A ${kind}`)
        const item = ld['itemReviewed'] as Record<string, unknown>
        expect(item['@type']).toBe(ITEM_TYPES[kind])
        expect(item['name']).toBe(`The ${kind}`)
        expect(item['datePublished']).toBe('2024')
        const rating = ld['reviewRating'] as Record<string, unknown>
        expect(rating['@type']).toBe('Rating')
        expect(rating).toMatchObject(EXPECTED[scale])
        expect(typeof rating['ratingValue']).toBe('number')
        expect(rating['ratingValue'] as number).toBeGreaterThanOrEqual(rating['worstRating'] as number)
        expect(rating['ratingValue'] as number).toBeLessThanOrEqual(rating['bestRating'] as number)
        expect(ld['author']).toEqual({ '@type': 'Person', name: 'Ana Critic' })
        expect(ld['datePublished']).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        // The creator is a Person under the property that fits the type.
        const creators = Object.values(item).filter((v) => typeof v === 'object' && v !== null && (v as { '@type'?: string })['@type'] === 'Person')
        expect(creators).toContainEqual({ '@type': 'Person', name: 'Alex Maker' })
      })
    }
  }

  it('maps letter grades F=0 … A+=12', () => {
    const ladder = ['F', 'D-', 'D', 'D+', 'C-', 'C', 'C+', 'B-', 'B', 'B+', 'A-', 'A', 'A+']
    expect([...LETTER_GRADES].reverse()).toEqual(ladder)
    for (const [index, grade] of ladder.entries()) {
      const post = buildPost({ id: 'g', meta: meta(), body: `::score[G]{value="${grade.toLowerCase()}" scale="letter" overall}` })
      expect(post.jsonLd['reviewRating']).toMatchObject({ ratingValue: index, bestRating: 12, worstRating: 0, alternateName: grade })
    }
  })

  it('uses the front matter score when the body has no overall score', () => {
    const post = buildPost({ id: 'f', meta: meta({ extra: { score: { value: 4, scale: '5', label: 'Stars' } } }), body: 'Text.' })
    expect(post.jsonLd['reviewRating']).toMatchObject({ ratingValue: 4, bestRating: 5, worstRating: 0 })
    expect(post.score?.display).toBe('4/5')
  })

  it('leaves out a rating that is not valid on its scale, and says why', () => {
    const post = buildPost({ id: 'f', meta: meta(), body: '::score[S]{value="11" scale="10" overall}' })
    expect(post.jsonLd['reviewRating']).toBeUndefined()
    expect(post.warnings).toEqual(['The score “S” was not understood: 11 is above 10, the top of this scale.'])
  })

  it('shows a score with no value yet by its label only, and leaves an empty pull quote out', () => {
    const post = buildPost({ id: 'f', meta: meta(), body: 'Text.\n\n::score[Overall Score]{scale="10" overall}\n\n:::pullquote\n:::\n' })
    expect(post.jsonLd['reviewRating']).toBeUndefined()
    expect(post.warnings).toEqual(['The score “Overall Score” has no value yet: the post shows it without a rating.'])
    expect(post.html).toContain('Overall Score')
    expect(post.html).not.toMatch(/\/10|–|score-value/)
    expect(post.html).not.toContain('<aside')
  })

  it('describes series, episodes and books with their own properties', () => {
    const episode = buildPost({
      id: 'e',
      meta: meta({ extra: { subject: { kind: 'episode', title: 'Pilot', series: 'Severance', season: 1, episode: 1, creators: ['Ben Stiller'], runtime: 57 } } }),
      body: '',
    }).jsonLd['itemReviewed']
    expect(episode).toMatchObject({
      '@type': 'TVEpisode',
      name: 'Pilot',
      episodeNumber: 1,
      partOfSeries: { '@type': 'TVSeries', name: 'Severance' },
      partOfSeason: { '@type': 'TVSeason', seasonNumber: 1 },
      director: { '@type': 'Person', name: 'Ben Stiller' },
      duration: 'PT57M',
    })
    const book = buildPost({ id: 'b', meta: meta({ extra: { subject: { kind: 'book', title: 'Piranesi', creators: ['Susanna Clarke'], ids: { isbn: '978-1-63557-563-6' } } } }), body: '' })
    expect(book.jsonLd['itemReviewed']).toMatchObject({ '@type': 'Book', author: { '@type': 'Person', name: 'Susanna Clarke' }, isbn: '9781635575636' })
    const game = buildPost({ id: 'g', meta: meta({ extra: { subject: { kind: 'game', title: 'Hades', platform: 'Switch' } } }), body: '' })
    expect(game.jsonLd['itemReviewed']).toMatchObject({ '@type': 'VideoGame', gamePlatform: 'Switch' })
  })

  it('names the reviewed item after the review when the subject has no title', () => {
    const post = buildPost({ id: 'n', meta: meta({ title: 'Dune: Part Two' }), body: '' })
    expect(post.jsonLd['itemReviewed']).toEqual({ '@type': 'CreativeWork', name: 'Dune: Part Two' })
  })

  it('credits the image (https URLs only: JSON-LD needs absolute URLs)', () => {
    const body = ':::figure{credit="Lionsgate"}\n![Eve](assets/a.png)\n\nThe lake.\n:::'
    const post = buildPost({ id: 'i', meta: meta({ extra: { featuredImage: 'assets/a.png' } }), body }, { resolveAsset: (p) => `https://cdn.example.com/${p}` })
    expect(post.jsonLd['image']).toEqual({ '@type': 'ImageObject', url: 'https://cdn.example.com/assets/a.png', contentUrl: 'https://cdn.example.com/assets/a.png', creditText: 'Lionsgate', caption: 'The lake.' })
    const local = buildPost({ id: 'i', meta: meta({ extra: { featuredImage: 'assets/a.png' } }), body }, { resolveAsset: (p) => `verdict-asset://i/${p}` })
    expect(local.jsonLd['image']).toBeUndefined()
  })

  it('cannot be closed early by a title, and stays the same JSON', () => {
    const title = '</script><script>alert(1)</script><!-- & \u2028 end'
    const post = buildPost({ id: 't', meta: meta({ title }), body: '' })
    const text = serializeJsonLd(post.jsonLd)
    expect(text).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(text)).toEqual(post.jsonLd)
    expect((ldOf(renderPage(post, { theme: STUB_THEME, colorScheme: 'dark', online: false })) as { name: string }).name).toBe(title)
  })
})
