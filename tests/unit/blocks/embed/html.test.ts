/** The embed's HTML (src/blocks/embed/html.ts, pipeline/embed.ts): privacy-enhanced players online, link cards offline. */
import { describe, expect, it } from 'vitest'
import { buildPost, parseEmbedUrl } from '../../../../src/main/services/pipeline'
import { reviewInput as review } from '../../pipeline/renderFixtures'

describe('embed', () => {
  it('embeds privacy-enhanced players online and link cards offline', () => {
    const body = '::embed[Trailer]{url="https://www.youtube.com/watch?v=0FSwsrFpkbw"}\n\n::embed{url="https://vimeo.com/76979871"}'
    const online = buildPost(review(body), { online: true }).html
    expect(online).toContain('<iframe src="https://www.youtube-nocookie.com/embed/0FSwsrFpkbw" title="Trailer" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"')
    expect(online).toContain('sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"')
    expect(online).toContain('<iframe src="https://player.vimeo.com/video/76979871?dnt=1"')
    const offline = buildPost(review(body), { online: false }).html
    expect(offline).not.toContain('<iframe')
    expect(offline).toContain('<a href="https://www.youtube.com/watch?v=0FSwsrFpkbw" class="embed-card" rel="noopener noreferrer">')
    expect(offline).toContain('Watch on Vimeo: https://vimeo.com/76979871')
  })

  it('sizes each offline card as its player when asked (the preview), caption included', () => {
    const body = '::embed[Trailer]{url="https://www.youtube.com/watch?v=0FSwsrFpkbw"}'
    const html = buildPost(review(body), { online: false, playerSizedCards: true }).html
    expect(html).not.toContain('<iframe')
    expect(html).toMatch(/^<figure class="embed embed-offline embed-youtube"><div class="embed-frame"><a href="https:\/\/www\.youtube\.com\/watch\?v=0FSwsrFpkbw" class="embed-card"[^>]*>.*<\/a><\/div><figcaption class="embed-caption">Trailer<\/figcaption><\/figure>$/)
  })

  it('makes a player written as raw HTML a link card offline, in its own player-sized box when asked', () => {
    const body = 'Before.\n\n<iframe src="https://www.youtube-nocookie.com/embed/0FSwsrFpkbw" title="Official trailer"></iframe>\n\nAfter.'
    const card = '<a href="https://www.youtube.com/watch?v=0FSwsrFpkbw" class="embed-card" rel="noopener noreferrer"><span class="embed-play" aria-hidden="true">▶</span><span class="embed-card-text"><strong class="embed-card-title">Official trailer</strong>'
    const offline = buildPost(review(body), { online: false }).html
    expect(offline).toContain(`<p>Before.</p>\n${card}`)
    expect(offline).not.toContain('<iframe')
    expect(buildPost(review(body), { online: false, playerSizedCards: true }).html).toContain(`<p>Before.</p>\n<div class="embed-frame">${card}`)
  })

  it('reads the video URLs people paste', () => {
    for (const url of ['https://youtu.be/0FSwsrFpkbw', 'https://m.youtube.com/watch?v=0FSwsrFpkbw&t=10', 'https://www.youtube.com/embed/0FSwsrFpkbw', 'https://youtube.com/shorts/0FSwsrFpkbw', 'https://www.youtube-nocookie.com/embed/0FSwsrFpkbw']) {
      expect(parseEmbedUrl(url)?.playerUrl, url).toBe('https://www.youtube-nocookie.com/embed/0FSwsrFpkbw')
    }
    expect(parseEmbedUrl('https://player.vimeo.com/video/76979871')?.playerUrl).toBe('https://player.vimeo.com/video/76979871?dnt=1')
    for (const url of ['https://evil.example/watch?v=0FSwsrFpkbw', 'https://youtube.com.evil.example/watch?v=0FSwsrFpkbw', 'javascript:alert(1)', 'https://www.youtube.com/watch?v=short', 'https://user:pw@youtube.com/watch?v=0FSwsrFpkbw', 'https://vimeo.com/abc']) {
      expect(parseEmbedUrl(url), url).toBeUndefined()
    }
  })
})
