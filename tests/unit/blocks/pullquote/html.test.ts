/** The pull quote's HTML (src/blocks/pullquote/html.ts). */
import { describe, expect, it } from 'vitest'
import { buildPost } from '../../../../src/main/services/pipeline'
import { reviewInput as review } from '../../pipeline/renderFixtures'

describe('pull quote', () => {
  it('renders pull quotes as asides', () => {
    expect(buildPost(review(':::pullquote\nThe best *action* film.\n:::')).html).toBe('<aside class="pullquote"><p>The best <em>action</em> film.</p></aside>')
  })
})
