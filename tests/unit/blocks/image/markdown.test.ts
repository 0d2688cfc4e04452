/** The image's Markdown (src/blocks/image/markdown.ts, docs/format.md): plain image or figure, escapes, what stays raw, refused paths. */
import { describe, expect, it } from 'vitest'
import type { ImageJSON } from '../../../../src/blocks/image/model'
import { documentToMarkdown, markdownToDocument, normalizeDocument, readMarkdown } from '../../../../src/main/services/format'
import { doc, image, raw } from '../../../support/documents'
import { writes } from '../../../support/roundTrip'

describe('image', () => {
  it('is plain Markdown without caption, credit or width, and a figure otherwise', () => {
    writes(doc(image()), '![A dancer mid-leap](assets/3f2a9c0d1e2b4a5f.png)\n')
    writes(
      doc(image({ caption: 'The opening sequence in the Kirov theatre.', credit: 'Lionsgate', width: 'wide' })),
      ':::figure{credit="Lionsgate" width="wide"}\n![A dancer mid-leap](assets/3f2a9c0d1e2b4a5f.png)\n\nThe opening sequence in the Kirov theatre.\n:::\n',
    )
    writes(doc(image({ width: 'full' })), ':::figure{width="full"}\n![A dancer mid-leap](assets/3f2a9c0d1e2b4a5f.png)\n:::\n')
    writes(doc(image({ caption: 'Only a caption' })), ':::figure\n![A dancer mid-leap](assets/3f2a9c0d1e2b4a5f.png)\n\nOnly a caption\n:::\n')
  })

  it('escapes alt text, captions, credits and paths', () => {
    writes(
      doc(image({ src: 'assets/a b(1).png', alt: 'A ]bracket[ and *stars*', caption: '![not](an image)\n:::', credit: 'Photo: "Lionsgate" & co.\n{2025}' })),
      ':::figure{credit="Photo: &#x22;Lionsgate&#x22; & co.&#xA;{2025}"}\n![A \\]bracket\\[ and \\*stars\\*](<assets/a b(1).png>)\n\n!\\[not]\\(an image)\\\n::\\:\n:::\n',
    )
  })

  it('escapes a caption line of four colons or more, which would read as another tool\'s container', () => {
    writes(doc(image({ caption: 'x\n:::::score' })), ':::figure\n![A dancer mid-leap](assets/3f2a9c0d1e2b4a5f.png)\n\nx\\\n\\::::\\:score\n:::\n')
  })

  it('reads a figure holding the image as written back in plain form when nothing else is set', () => {
    expect(documentToMarkdown(markdownToDocument(':::figure\n![a](assets/a.png)\n:::\n'))).toBe('![a](assets/a.png)\n')
  })

  it.each([
    ['a title, which the image node has no place for', '![A still](assets/still.png "Still")'],
    ['a figure label', ':::figure[Label]\n![a](assets/a.png)\n:::'],
    ['an unknown width', ':::figure{width="huge"}\n![a](assets/a.png)\n:::'],
    ['a formatted caption', ':::figure\n![a](assets/a.png)\n\n*Ballerina*, 2025\n:::'],
    ['two captions', ':::figure\n![a](assets/a.png)\n\nOne\n\nTwo\n:::'],
    ['no image', ':::figure{credit="x"}\nJust a caption\n:::'],
  ])('keeps an image with %s raw', (_, markdown) => {
    expect(readMarkdown(markdown)).toEqual({ doc: doc(raw(markdown)), warnings: [] })
  })

  it.each([
    ['/img/still.png', '![A still](/img/still.png)'],
    ['{{ site.baseurl }}/assets/still.png', '![A still]({{ site.baseurl }}/assets/still.png)'],
    ['{{site.baseurl}}/assets/still.png', '![A still]({{site.baseurl}}/assets/still.png)'],
  ])('reads %s, a path from a site’s root, as an image written back as the site wrote it', (src, markdown) => {
    expect(readMarkdown(markdown)).toEqual({ doc: doc(image({ src, alt: 'A still' })), warnings: [] })
    expect(documentToMarkdown(doc(image({ src, alt: 'A still' })))).toBe(`${markdown}\n`)
  })

  it('leaves out of an alt beside Liquid what would need an escape there, and refuses what cannot be written after it', () => {
    expect(normalizeDocument(doc(image({ src: '{{ site.baseurl }}/a.png', alt: 'A *still* [1]' })))).toEqual(doc(image({ src: '{{ site.baseurl }}/a.png', alt: 'A still 1' })))
    expect(() => documentToMarkdown(doc(image({ src: '{{ site.baseurl }}/a b.png' })))).toThrow(/"image".*cannot be written after/)
    expect(readMarkdown('![x]({{ site.baseurl }}/../x.png)').doc).toEqual(doc(raw('![x]({{ site.baseurl }}/../x.png)')))
  })

  it.each(['../x.png', '/../etc/passwd', 'file:///etc/passwd', 'assets/%2e%2e/x.png', 'assets\\x.png', 'https://example.com/x.png', 'assets/../../x.png', './assets/x.png'])(
    'refuses the path %s: a raw block and a warning when read, an error when written',
    (src) => {
      const markdown = `![A still](<${src}>)`
      expect(readMarkdown(markdown)).toEqual({
        doc: doc(raw(markdown)),
        warnings: [`The image “${src}” was refused because its path leaves ${src.startsWith('/') ? 'the site’s folder' : 'the review folder'}; it is kept as written.`],
      })
      expect(() => documentToMarkdown(doc(image({ src })))).toThrow(/"image".*leaves the review folder/)
    },
  )

  it('refuses unknown widths from the renderer', () => {
    expect(() => documentToMarkdown(doc({ ...image(), width: 'huge' } as unknown as ImageJSON))).toThrow(/"image".*width "huge"/)
  })
})
