/** Video embeds: only YouTube and Vimeo, only through their privacy-enhanced players. */

export interface EmbedTarget {
  provider: 'youtube' | 'vimeo'
  id: string
  /** Privacy-enhanced player URL for the iframe. */
  playerUrl: string
  /** The public page, for the offline link card. */
  watchUrl: string
  providerName: string
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/
const VIMEO_ID = /^\d{1,12}$/

/** Only these iframe URLs survive sanitising (anchored, no other host, no other path). */
export const EMBED_IFRAME_SRC = [/^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}$/, /^https:\/\/player\.vimeo\.com\/video\/\d{1,12}\?dnt=1$/]
export const EMBED_FRAME_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com']

export function parseEmbedUrl(raw: unknown): EmbedTarget | undefined {
  if (typeof raw !== 'string') return undefined
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  if (url.username || url.password || url.port) return undefined
  const host = url.hostname.toLowerCase().replace(/^www\./, '').replace(/^m\./, '')
  const parts = url.pathname.split('/').filter(Boolean)
  let id: string | undefined
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    if (parts[0] === 'watch' || parts.length === 0) id = url.searchParams.get('v') ?? undefined
    else if ((parts[0] === 'embed' || parts[0] === 'shorts' || parts[0] === 'live' || parts[0] === 'v') && parts.length === 2) id = parts[1]
  } else if (host === 'youtu.be' && parts.length === 1) {
    id = parts[0]
  }
  if (id !== undefined) {
    if (!YOUTUBE_ID.test(id)) return undefined
    return {
      provider: 'youtube',
      id,
      playerUrl: `https://www.youtube-nocookie.com/embed/${id}`,
      watchUrl: `https://www.youtube.com/watch?v=${id}`,
      providerName: 'YouTube',
    }
  }
  if (host === 'vimeo.com' && parts.length === 1) id = parts[0]
  else if (host === 'player.vimeo.com' && parts[0] === 'video' && parts.length === 2) id = parts[1]
  if (id !== undefined && VIMEO_ID.test(id)) {
    return { provider: 'vimeo', id, playerUrl: `https://player.vimeo.com/video/${id}?dnt=1`, watchUrl: `https://vimeo.com/${id}`, providerName: 'Vimeo' }
  }
  return undefined
}
