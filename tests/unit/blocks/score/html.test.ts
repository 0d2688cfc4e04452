/** The score's HTML (src/blocks/score/html.ts): its box, stars and letters, and values checked against their scale. */
import { describe, expect, it } from 'vitest'
import { buildPost, parseScore } from '../../../../src/main/services/pipeline'
import { reviewInput as review } from '../../pipeline/renderFixtures'

describe('score', () => {
  it('renders a score container with verdict, sub-scores, pros and cons', () => {
    const post = buildPost(
      review(':::score[Overall Score]{value="9.5" scale="10" overall}\nVerdict: A *stylish* spin-off.\n\nSub-scores:\n- Story: 9\n- Action: 10\n\nPros:\n- Fights\n\nCons:\n- Cast\n\nA closing note.\n:::'),
    )
    const html = post.html
    expect(html).toContain('<section class="score-box score-scale-10 score-overall" aria-label="Overall Score: 9.5 out of 10">')
    expect(html).toContain('<data class="score-number" value="9.5">9.5</data><span class="score-best">/10</span>')
    expect(html).toContain('<strong class="score-verdict-label">Verdict</strong> A <em>stylish</em> spin-off.')
    expect(html).toMatch(/<dt>Story<\/dt><dd><data class="score-sub-value" value="9">9<\/data>/)
    expect(html).toMatch(/<div class="score-pros"><p class="score-list-title">Pros<\/p><ul>\s*<li>Fights<\/li>/)
    expect(html).toMatch(/<div class="score-cons"><p class="score-list-title">Cons<\/p><ul>\s*<li>Cast<\/li>/)
    expect(html).toContain('<div class="score-notes"><p>A closing note.</p></div>')
    expect(post.score).toMatchObject({ label: 'Overall Score', display: '9.5/10', verdict: 'A stylish spin-off.' })
  })

  it('shows stars on the 5 scale, letters on the letter scale, whole numbers on 100', () => {
    const stars = buildPost(review('::score[Stars]{value="3.5" scale="5"}')).html
    expect(stars).toContain('role="img" aria-label="3.5 out of 5 stars"')
    expect(stars.match(/star-full/g)).toHaveLength(3)
    expect(stars.match(/star-half/g)).toHaveLength(1)
    expect(stars.match(/star-empty/g)).toHaveLength(1)
    expect(buildPost(review('::score[Grade]{value="b+" scale="letter"}')).html).toContain('<data class="score-number" value="9">B+</data>')
    expect(buildPost(review('::score[Score]{value="87" scale="100"}')).html).toContain('87</data><span class="score-best">/100</span>')
  })

  it('validates values against their scale without changing them', () => {
    expect(parseScore('9.5', '10')).toMatchObject({ ok: true, display: '9.5/10' })
    expect(parseScore('7.3', '10')).toMatchObject({ ok: true, display: '7.3/10' })
    expect(parseScore(4, '5')).toMatchObject({ ok: true, display: '4/5' })
    expect(parseScore('4.3', '5').ok).toBe(false)
    expect(parseScore('10.5', '10').ok).toBe(false)
    expect(parseScore('87.5', '100').ok).toBe(false)
    expect(parseScore('0x10', '100').ok).toBe(false)
    expect(parseScore('-1', '10').ok).toBe(false)
    expect(parseScore(' a- ', 'letter')).toMatchObject({ ok: true, raw: 'A-', ratingValue: 10, display: 'A-' })
    expect(parseScore('E', 'letter').ok).toBe(false)
    expect(parseScore('9', 'stars').ok).toBe(false)
    const post = buildPost(review('::score[Overall]{value="12" scale="10" overall}'))
    expect(post.html).toContain('<span class="score-number score-invalid">12</span>')
    expect(post.score).toBeUndefined()
  })
})
