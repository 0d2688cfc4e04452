/** The spoiler's HTML (src/blocks/spoiler/html.ts): closed details, open for print, never in the excerpt. */
import { describe, expect, it } from 'vitest'
import { buildPost } from '../../../../src/main/services/pipeline'
import { reviewInput as review } from '../../pipeline/renderFixtures'

describe('spoiler', () => {
  it('renders spoilers as closed <details> (open for print) and keeps them out of the excerpt', () => {
    const body = 'Opening line.\n\n:::spoiler[Spoilers: the ending]\nHe dies.\n:::\n\nAnd a :spoiler[secret] aside.'
    const post = buildPost(review(body))
    expect(post.html).toContain('<details class="spoiler"><summary>Spoilers: the ending</summary><div class="spoiler-body"><p>He dies.</p></div></details>')
    expect(post.html).toContain('<span class="spoiler-inline" tabindex="0" title="Spoiler">secret</span>')
    expect(post.excerpt).toBe('Opening line. And a aside.')
    expect(post.excerpt).not.toMatch(/dies|secret/)
    expect(buildPost(review(body), { spoilersOpen: true }).html).toContain('<details class="spoiler" open>')
    expect(buildPost(review(':::spoiler\nx\n:::')).html).toContain('<summary>Spoilers</summary>')
  })
})
