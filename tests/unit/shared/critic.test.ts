import { describe, expect, it } from 'vitest'
import { checkScore, clampScore, embedPlayerUrl, formatScore, isSafeAssetPath, parseEmbedUrl } from '../../../src/shared/critic'

describe('checkScore', () => {
  it.each([
    ['9.5', '10', 9.5],
    ['10', '10', 10],
    ['0', '10', 0],
    ['7.3', '10', 7.3],
    ['4.5', '5', 4.5],
    ['87', '100', 87],
    ['A-', 'letter', 10],
    ['f', 'letter', 0],
    ['A+', 'letter', 12],
  ] as const)('accepts %s on the %s scale as %d', (value, scale, expected) => {
    expect(checkScore(value, scale)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['11', '10', /above 10/],
    ['9.55', '10', /one decimal/],
    ['4.3', '5', /half stars/],
    ['87.5', '100', /whole numbers/],
    ['-1', '10', /not a number/],
    ['nine', '10', /not a number/],
    ['E', 'letter', /letter grade/],
    ['', '5', /not a number/],
  ] as const)('reports %s on the %s scale', (value, scale, message) => {
    const result = checkScore(value, scale)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })

  it('formats and clamps', () => {
    expect(formatScore('9.5', '10')).toBe('9.5/10')
    expect(formatScore('b+', 'letter')).toBe('B+')
    expect(clampScore(12, '10')).toBe('10')
    expect(clampScore(4.26, '5')).toBe('4.5')
    expect(clampScore(-3, '100')).toBe('0')
    expect(clampScore(Number.NaN, '10')).toBe('0')
  })
})

describe('isSafeAssetPath', () => {
  it.each(['assets/3f2a.png', 'assets/a b.jpg'])('accepts %s', (path) => expect(isSafeAssetPath(path)).toBe(true))
  it.each(['../x.png', 'assets/../../x.png', '/etc/passwd', 'file:///etc/passwd', 'assets\\..\\x.png', 'assets/%2e%2e/x.png', 'C:/x.png', '', 'assets//x.png'])(
    'refuses %s',
    (path) => expect(isSafeAssetPath(path)).toBe(false),
  )
})

describe('parseEmbedUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=0FSwsrFpkbw', { provider: 'youtube', id: '0FSwsrFpkbw' }],
    ['https://youtu.be/0FSwsrFpkbw', { provider: 'youtube', id: '0FSwsrFpkbw' }],
    ['https://www.youtube.com/embed/0FSwsrFpkbw', { provider: 'youtube', id: '0FSwsrFpkbw' }],
    ['https://vimeo.com/76979871', { provider: 'vimeo', id: '76979871' }],
  ])('recognises %s', (url, target) => expect(parseEmbedUrl(url)).toEqual(target))

  it.each(['javascript:alert(1)', 'https://evil.example/watch?v=0FSwsrFpkbw', 'https://youtube.com/watch?v=short', 'not a url'])(
    'refuses %s',
    (url) => expect(parseEmbedUrl(url)).toBeNull(),
  )

  it('plays through the privacy-enhanced hosts', () => {
    expect(embedPlayerUrl({ provider: 'youtube', id: '0FSwsrFpkbw' })).toBe('https://www.youtube-nocookie.com/embed/0FSwsrFpkbw')
    expect(embedPlayerUrl({ provider: 'vimeo', id: '76979871' })).toBe('https://player.vimeo.com/video/76979871?dnt=1')
  })
})
