/** The paths of a review's folder its text uses, for the clean-up of unused images. */
import { describe, expect, it } from 'vitest'
import { referencedAssets } from '../../../src/main/services/format'
import { doc, image, meta, paragraph, raw } from '../../support/documents'

describe('referencedAssets', () => {
  it('collects image paths, inside spoilers too, references in raw blocks, and the featured image', () => {
    const body = doc(
      image({ src: 'assets/one.png' }),
      { type: 'spoiler', label: 'x', children: [image({ src: 'assets/two.png' }), raw('![t](assets/three.png "Title")')] },
      raw('<img src="assets/four.png" srcset="assets/five.png 1x, ./assets/six.png 2x">'),
      raw('![ref][r]\n\n[r]: <assets/seven eight.png>'),
      raw('::unknown{src="assets/nine.png"}'),
      raw('![remote](https://example.com/assets/x.png)'),
      paragraph('The file assets/prose.png is only mentioned in text.'),
    )
    expect([...referencedAssets(body, meta({ featuredImage: 'assets/featured.png' }))].sort()).toEqual([
      './assets/six.png',
      'assets/featured.png',
      'assets/five.png',
      'assets/four.png',
      'assets/nine.png',
      'assets/one.png',
      'assets/seven',
      'assets/seven eight.png',
      'assets/three.png',
      'assets/two.png',
    ])
  })

  it('is empty for a review without images', () => {
    expect(referencedAssets(doc(paragraph('Words only')), meta())).toEqual(new Set())
  })
})
