/** The image's HTML (src/blocks/image/html.ts): a figure with its caption and credit. */
import { describe, expect, it } from 'vitest'
import { buildPost } from '../../../../src/main/services/pipeline'
import { assetUrl, reviewInput as review } from '../../pipeline/renderFixtures'

describe('figure', () => {
  it('renders a figure with caption and a separate credit', () => {
    const post = buildPost(review(':::figure{credit="Lionsgate" width="wide"}\n![A dancer](assets/a.png)\n\nThe *opening* sequence.\n:::'), { resolveAsset: assetUrl('r') })
    expect(post.html).toBe(
      '<figure class="figure figure-wide"><img src="verdict-asset://r/assets/a.png" alt="A dancer" loading="lazy" decoding="async"><figcaption><span class="figure-caption">The <em>opening</em> sequence.</span> <span class="figure-credit">Image: Lionsgate</span></figcaption></figure>',
    )
    expect(post.images).toEqual([{ path: 'assets/a.png', src: 'verdict-asset://r/assets/a.png', alt: 'A dancer', caption: 'The opening sequence.', credit: 'Lionsgate', width: 'wide' }])
    expect(buildPost(review(':::figure{credit="Photo: A24"}\n![x](assets/a.png)\n:::')).html).toContain('<span class="figure-credit">Photo: A24</span>')
    expect(buildPost(review(':::figure{width="huge"}\n![x](assets/a.png)\n:::')).html).toContain('figure-inline')
  })
})
