/**
 * The post in each blog's own markup (`PostForm.markup`): WordPress's blocks, each exactly as the
 * block's save() writes it (these shapes opened as valid blocks in WordPress 6.1's editor; the
 * publish suite has WordPress's own parser and registry read a published post), and Ghost's cards
 * in the shape its HTML import reads.
 */
import { describe, expect, it } from 'vitest'
import { buildPost } from '../../../src/main/services/pipeline'
import { BLOG_KIND_DESCRIPTORS, type BlogKind } from '../../../src/shared/blogKinds'
import { meta } from '../../support/documents'

const BODY = `Eve trains with the *Ruska Roma* :spoiler[and wins].

:::figure{credit="Lionsgate" width="wide"}
![Eve on the ice](assets/ice.png)

The duel on the ice.
:::

### The set pieces

- The nightclub
- The village
  - its church

1. first

   still the first
2. second

> A quote, **bold**.

---

| a | b |
| - | - |
| 1 | 2 |

:::pullquote
The best action film since *Chapter 4*.
:::

:::spoiler[Spoilers: the end & more]
A flamethrower duel.
:::

::embed[Official trailer]{url="https://www.youtube.com/watch?v=0FSwsrFpkbw"}

:::score[Overall Score]{value="9.5" scale="10" overall}
Verdict: Stylish.
:::
`

function html(kind: BlogKind, body = BODY): string {
  return buildPost(
    { id: 'ballerina', meta: meta({ extra: { spoilers: true } }), body },
    {
      online: true,
      form: BLOG_KIND_DESCRIPTORS[kind].post,
      resolveAsset: (path) => `https://blog.example/${path}`,
      imageDetails: () => ({ width: 1200, height: 675, mediaId: '42' }),
    },
  ).html
}

/** The names of the top-level blocks, in order, and whatever stands outside every block. */
function topLevelBlocks(markup: string): { names: string[]; outside: string } {
  const names: string[] = []
  let outside = ''
  let depth = 0
  let last = 0
  for (const match of markup.matchAll(/<!-- (\/)?wp:([a-z][a-z0-9-]*)(?: \{.*?\})? -->/g)) {
    if (depth === 0) outside += markup.slice(last, match.index)
    last = match.index + match[0].length
    if (match[1]) depth--
    else if (depth++ === 0) names.push(match[2]!)
  }
  expect(depth).toBe(0)
  return { names, outside: outside + markup.slice(last) }
}

describe('WordPress: block markup', () => {
  const markup = html('wordpress')

  it('is blocks from end to end, each opened and closed, nothing between them', () => {
    const { names, outside } = topLevelBlocks(markup)
    expect(names).toEqual(['html', 'paragraph', 'image', 'heading', 'list', 'list', 'quote', 'separator', 'html', 'pullquote', 'html', 'embed', 'group'])
    expect(outside.trim()).toBe('')
  })

  it('writes prose as paragraph, heading, list and quote blocks', () => {
    expect(markup).toContain('<!-- wp:heading {"level":3} -->\n<h3>The set pieces</h3>\n<!-- /wp:heading -->')
    expect(markup).toContain(
      '<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>The nightclub</li>\n<!-- /wp:list-item --><!-- wp:list-item -->\n<li>The village<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>its church</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list --></li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->',
    )
    // A loose item's paragraphs as one item's text, a line break apart.
    expect(markup).toContain('<!-- wp:list {"ordered":true} -->\n<ol><!-- wp:list-item -->\n<li>first\n<br>still the first</li>')
    expect(markup).toContain('<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>A quote, <strong>bold</strong>.</p>\n<!-- /wp:paragraph --></blockquote>\n<!-- /wp:quote -->')
    expect(markup).toContain('<!-- wp:separator -->\n<hr class="wp-block-separator has-alpha-channel-opacity">\n<!-- /wp:separator -->')
    // What no core block holds goes as written, in a Custom HTML block.
    expect(markup).toMatch(/<!-- wp:html -->\n<table>/)
  })

  it('keeps an inline spoiler covered inside its paragraph', () => {
    expect(markup).toMatch(/<!-- wp:paragraph -->\n<p>Eve trains with the <em>Ruska Roma<\/em> <span class="spoiler-inline" [^>]*style="background-color:#333;color:#333[^"]*">and wins<\/span>\.<\/p>/)
  })

  it('makes the image an Image block of its media item, caption and credit in its caption', () => {
    expect(markup).toContain(
      '<!-- wp:image {"align":"wide","id":42,"sizeSlug":"full","linkDestination":"none"} -->\n<figure class="wp-block-image alignwide size-full"><img src="https://blog.example/assets/ice.png" alt="Eve on the ice" class="wp-image-42"><figcaption class="wp-element-caption"><span class="figure-caption">The duel on the ice.</span> <span class="figure-credit" style="font-size:0.85em;font-style:italic">Image: Lionsgate</span></figcaption></figure>\n<!-- /wp:image -->',
    )
  })

  it('makes the pull quote a Pullquote block and the trailer an Embed block of the video’s page', () => {
    expect(markup).toContain('<!-- wp:pullquote -->\n<figure class="wp-block-pullquote"><blockquote><p>The best action film since <em>Chapter 4</em>.</p></blockquote></figure>\n<!-- /wp:pullquote -->')
    expect(markup).toContain(
      '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=0FSwsrFpkbw","type":"video","providerNameSlug":"youtube","responsive":true,"className":"wp-embed-aspect-16-9 wp-has-aspect-ratio"} -->\n<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=0FSwsrFpkbw\n</div><figcaption class="wp-element-caption">Official trailer</figcaption></figure>\n<!-- /wp:embed -->',
    )
  })

  it('draws the score’s box as a Group block’s own styles around the score, and keeps the spoiler a details element', () => {
    expect(markup).toContain(
      '<!-- wp:group {"style":{"border":{"color":"#8886","style":"solid","width":"2px","radius":"8px"},"spacing":{"padding":{"top":"1em","right":"1.25em","bottom":"1em","left":"1.25em"},"margin":{"top":"2em","bottom":"2em"}}}} -->\n<div class="wp-block-group has-border-color" style="border-color:#8886;border-style:solid;border-width:2px;border-radius:8px;padding-top:1em;padding-right:1.25em;padding-bottom:1em;padding-left:1.25em;margin-top:2em;margin-bottom:2em"><!-- wp:html -->\n<section class="score-box score-scale-10 score-overall" aria-label="Overall Score: 9.5 out of 10" style="overflow:hidden">',
    )
    // The number in a span: an Author's post loses every <data> element to WordPress's filter.
    expect(markup).toContain('<span class="score-number" style="font-size:1.6em;font-weight:bold">9.5</span>')
    expect(markup).not.toContain('<data')
    expect(markup).toMatch(/<!-- wp:html -->\n<details class="spoiler" style="[^"]+"><summary>Spoilers: the end &#x26; more<\/summary>/)
    expect(markup).toMatch(/^<!-- wp:html -->\n<aside class="spoiler-notice" style="[^"]+"><p>This review contains spoilers\.<\/p><\/aside>/)
  })

  it('writes attributes so that nothing in them ends the comment or starts a shortcode', () => {
    const odd = html('wordpress', '::embed[Trailer]{url="https://vimeo.com/76979871"}\n\n:::figure\n![x](assets/a.png)\n:::\n')
    expect(odd).toContain('<!-- wp:embed {"url":"https://vimeo.com/76979871","type":"video","providerNameSlug":"vimeo"')
    const attributes = [...odd.matchAll(/<!-- wp:[a-z-]+ (\{.*?\}) -->/g)].map((match) => match[1]!)
    for (const json of attributes) expect(json).not.toMatch(/--|[<>&[]/)
  })
})

describe('Ghost: its cards', () => {
  const markup = html('ghost')

  it('makes the image an image card, as wide as asked, caption and credit in its caption', () => {
    expect(markup).toContain(
      '<figure class="kg-card kg-image-card kg-width-wide"><img src="https://blog.example/assets/ice.png" alt="Eve on the ice" width="1200" height="675"><figcaption><span class="figure-caption">The duel on the ice.</span>',
    )
  })

  it('makes the spoiler a closed toggle card whose heading and content Ghost reads as their text (HTML once more)', () => {
    expect(markup).toContain(
      '<div class="kg-card kg-toggle-card" data-kg-toggle-state="close"><div class="kg-toggle-heading"><h4 class="kg-toggle-heading-text">Spoilers: the end &#x26;#x26; more</h4></div><div class="kg-toggle-content">&#x3C;p>A flamethrower duel.&#x3C;/p></div></div>',
    )
    expect(markup).toMatch(/^<div class="kg-card kg-callout-card kg-callout-card-red"><div class="kg-callout-text">This review contains spoilers\.<\/div><\/div>/)
  })

  it('keeps the score and the pull quote as HTML cards, the trailer an embed card of its player', () => {
    expect(markup).toMatch(/<!--kg-card-begin: html--><div><section class="score-box[^"]*" aria-label="Overall Score: 9.5 out of 10" style="border:2px solid #8886;/)
    expect(markup).toContain('<!--kg-card-begin: html--><blockquote class="kg-blockquote-alt">The best action film since <em>Chapter 4</em>.</blockquote><!--kg-card-end: html-->')
    expect(markup).toMatch(/<figure class="kg-card kg-embed-card"><iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/0FSwsrFpkbw"[^>]*><\/iframe><figcaption>Official trailer<\/figcaption><\/figure>/)
  })

  it('leaves prose as Ghost’s text, unless an inline style would be lost there (an inline spoiler’s cover)', () => {
    expect(markup).toContain('\n\n<h3>The set pieces</h3>\n\n')
    expect(markup).toMatch(/<!--kg-card-begin: html--><p>Eve trains with the <em>Ruska Roma<\/em> <span class="spoiler-inline"/)
  })
})

describe('plain HTML on a blog’s theme (Micropub)', () => {
  it('puts a box with side borders in a plain div, and writes no block or card', () => {
    const markup = html('micropub')
    expect(markup).toMatch(/<div><section class="score-box/)
    expect(markup).not.toMatch(/wp:|kg-card/)
  })
})
