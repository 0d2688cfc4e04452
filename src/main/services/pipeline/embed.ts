/**
 * Video embeds: only YouTube and Vimeo (recognised by the shared `parseEmbedUrl`), only through
 * their privacy-enhanced players.
 */
import { embedPlayerUrl, parseEmbedUrl as parseSharedEmbedUrl } from '../../../shared/critic'

export interface EmbedTarget {
  provider: 'youtube' | 'vimeo'
  id: string
  /** Privacy-enhanced player URL for the iframe. */
  playerUrl: string
  /** The public page, for the offline link card. */
  watchUrl: string
  providerName: string
}

/** Only these iframe URLs survive sanitising (anchored: no other host, path or parameter). */
export const EMBED_IFRAME_SRC = [/^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}$/, /^https:\/\/player\.vimeo\.com\/video\/\d{1,12}\?dnt=1$/]
export const EMBED_FRAME_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com']

export function parseEmbedUrl(raw: unknown): EmbedTarget | undefined {
  if (typeof raw !== 'string') return undefined
  try {
    const url = new URL(raw.trim())
    if (url.username || url.password || url.port) return undefined
  } catch {
    return undefined
  }
  const target = parseSharedEmbedUrl(raw)
  if (!target) return undefined
  const youtube = target.provider === 'youtube'
  return {
    provider: target.provider,
    id: target.id,
    playerUrl: embedPlayerUrl(target),
    watchUrl: youtube ? `https://www.youtube.com/watch?v=${target.id}` : `https://vimeo.com/${target.id}`,
    providerName: youtube ? 'YouTube' : 'Vimeo',
  }
}
