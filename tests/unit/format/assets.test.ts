/** The paths of a review's folder its text uses, for the clean-up of unused images. */
import { describe, expect, it } from 'vitest'
import type { BlockJSON, EditorDocument, ParagraphJSON, RawBlockJSON } from '../../../src/shared/document'
import type { ImageJSON } from '../../../src/blocks/image/model'
import type { ReviewMeta } from '../../../src/shared/model'
import { referencedAssets } from '../../../src/main/services/format'

const doc = (...children: BlockJSON[]): EditorDocument => ({ root: { type: 'root', children } })
const image = (fields: Partial<ImageJSON> = {}): ImageJSON => ({
  type: 'image',
  src: 'assets/3f2a9c0d1e2b4a5f.png',
  alt: '',
  caption: '',
  credit: '',
  width: 'inline',
  ...fields,
})
const text = (value: string, format = 0) => ({ type: 'text' as const, text: value, format })
const paragraph = (value: string): ParagraphJSON => ({ type: 'paragraph', children: [text(value)] })
const raw = (markdown: string): RawBlockJSON => ({ type: 'raw-block', markdown })
const meta = (fields: Partial<ReviewMeta> = {}): ReviewMeta => ({
  title: 'Ballerina',
  author: '',
  date: '',
  tags: [],
  excerpt: '',
  status: 'draft',
  created: '',
  updated: '',
  extra: {},
  ...fields,
})

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
