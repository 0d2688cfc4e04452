/**
 * What makes a review a review: scores, what is reviewed, credited images, spoilers, pull quotes
 * and trailer embeds. Plain types and validators shared by the format service (main), the
 * rendering pipeline (main) and the editor nodes (renderer), so all three accept the same values.
 */

// ── Scores ─────────────────────────────────────────────────────────────────────────────────────

export const SCORE_SCALES = ['10', '5', '100', 'letter'] as const
export type ScoreScale = (typeof SCORE_SCALES)[number]

export const LETTER_GRADES = ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F'] as const
export type LetterGrade = (typeof LETTER_GRADES)[number]

export const DEFAULT_SCORE_LABEL = 'Overall Score'

export interface SubScore {
  label: string
  /** Written as in the file: "9", "9.5", "A-". */
  value: string
}

/** A score exactly as the file or the editor holds it; `value` stays a string so nonsense is kept and reported. */
export interface ScoreFields {
  value: string
  scale: ScoreScale
  label: string
  overall: boolean
  verdict: string
  subScores: SubScore[]
  pros: string[]
  cons: string[]
}

/** The overall score as mirrored in front matter (`score:`) for the library. */
export interface ScoreSummary {
  value: string
  scale: ScoreScale
  label: string
}

export type ScoreCheck = { ok: true; value: number } | { ok: false; message: string }

const SCALE_MAX: Record<Exclude<ScoreScale, 'letter'>, number> = { '10': 10, '5': 5, '100': 100 }

/**
 * Checks a score against its scale: out of 10 in steps of 0.1, out of 5 in halves, out of 100 in
 * whole numbers, letters A+ … F. The numeric value of a letter is its rank on a 0–12 ladder (F = 0,
 * D- = 1 … A+ = 12), the mapping structured data uses too.
 */
export function checkScore(value: string, scale: ScoreScale): ScoreCheck {
  const text = value.trim()
  if (scale === 'letter') {
    const rank = LETTER_GRADES.findIndex((grade) => grade === text.toUpperCase())
    return rank === -1
      ? { ok: false, message: `“${value}” is not a letter grade (A+ to F)` }
      : { ok: true, value: LETTER_GRADES.length - 1 - rank }
  }
  const max = SCALE_MAX[scale]
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, message: `“${value}” is not a number` }
  const number = Number(text)
  if (number > max) return { ok: false, message: `${text} is above ${max}, the top of this scale` }
  const step = scale === '5' ? 0.5 : scale === '100' ? 1 : 0.1
  if (Math.abs(Math.round(number / step) * step - number) > 1e-9) {
    const allowed = scale === '5' ? 'whole or half stars' : scale === '100' ? 'whole numbers' : 'at most one decimal place'
    return { ok: false, message: `${text} is not allowed out of ${max}: use ${allowed}` }
  }
  return { ok: true, value: number }
}

/** The best value of a scale, as structured data's `bestRating` wants it. */
export function scaleBest(scale: ScoreScale): number {
  return scale === 'letter' ? LETTER_GRADES.length - 1 : SCALE_MAX[scale]
}

/** "9.5/10", "4.5/5", "87/100", "A-". */
export function formatScore(value: string, scale: ScoreScale): string {
  return scale === 'letter' ? value.trim().toUpperCase() : `${value.trim()}/${SCALE_MAX[scale]}`
}

/** Brings a typed value to the nearest allowed one (the editor's input, never a file's value). */
export function clampScore(input: number, scale: Exclude<ScoreScale, 'letter'>): string {
  const max = SCALE_MAX[scale]
  const step = scale === '5' ? 0.5 : scale === '100' ? 1 : 0.1
  const clamped = Math.min(max, Math.max(0, Number.isFinite(input) ? input : 0))
  return String(Number((Math.round(clamped / step) * step).toFixed(1)))
}

// ── What is reviewed ───────────────────────────────────────────────────────────────────────────

export const SUBJECT_KINDS = ['film', 'series', 'season', 'episode', 'book', 'game', 'album', 'show', 'other'] as const
export type SubjectKind = (typeof SUBJECT_KINDS)[number]

export interface SubjectIds {
  imdb?: string
  tmdb?: string
  wikidata?: string
  isbn?: string
}

export interface Subject {
  kind: SubjectKind
  title: string
  year?: number
  /** Director, author, developer or artist, by kind. */
  creators: string[]
  cast: string[]
  /** Minutes. */
  runtime?: number
  platform?: string
  ids: SubjectIds
  /** For a season or an episode: the series it belongs to, and its numbers. */
  series?: string
  season?: number
  episode?: number
}

/** What the creators of each kind are called, for labels. */
export const CREATOR_ROLE: Record<SubjectKind, string> = {
  film: 'Director',
  series: 'Creator',
  season: 'Showrunner',
  episode: 'Director',
  book: 'Author',
  game: 'Developer',
  album: 'Artist',
  show: 'Creator',
  other: 'Creator',
}

// ── Images ─────────────────────────────────────────────────────────────────────────────────────

export const IMAGE_WIDTHS = ['inline', 'wide', 'full'] as const
export type ImageWidth = (typeof IMAGE_WIDTHS)[number]

/**
 * A reference from review.md to a file of its own folder: relative, forward slashes, no `..`,
 * no scheme, no percent-encoded escapes. Anything else is refused wherever it is used.
 */
export function isSafeAssetPath(path: string): boolean {
  if (!path || path.length > 500 || /[\\\0:%?#]/.test(path) || path.startsWith('/')) return false
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}

/** Jekyll's `{{ site.baseurl }}` (any spacing) before a path from the site's root: Liquid writes the site's base path there. */
export const SITE_BASEURL = /^\{\{ *site\.baseurl *\}\}(?=\/)/

/**
 * A path from the root of the critic's site, as Hugo (`/img/x.jpg`, served from `static/`) and
 * Jekyll (`/assets/x.jpg`, `{{ site.baseurl }}/assets/x.jpg`, from the site's folder) write an
 * image: the path below that folder (`img/x.jpg`), else undefined. Below the root the rules of a
 * review's own paths hold, and no part is hidden: such a path never leaves the site.
 */
export function siteImagePath(src: string): string | undefined {
  const path = src.replace(SITE_BASEURL, '')
  if (!path.startsWith('/')) return undefined
  const below = path.slice(1)
  return isSafeAssetPath(below) && !below.split('/').some((part) => part.startsWith('.')) ? below : undefined
}

/** Whether an image's `src` is the image at `path`, a site's named without Liquid as the publish checks name it. */
export function showsImage(src: string, path: string): boolean {
  return src === path || src.replace(SITE_BASEURL, '') === path
}

/** A site's path written as the reference `like` writes its own: after `{{ site.baseurl }}` only when `like` is (the site's base path depends on it). */
export function writtenLike(like: string, path: string): string {
  const bare = path.replace(SITE_BASEURL, '')
  return bare.startsWith('/') ? (SITE_BASEURL.exec(like)?.[0] ?? '') + bare : path
}

/** What an image block may show: a file of the review's own folder, or one of its site's. */
export function isImageSource(src: string): boolean {
  return isSafeAssetPath(src) || siteImagePath(src) !== undefined
}

/** The first segment of an asset URL for a site's file; no path of a review's folder can start so (`:` is refused there). */
export const SITE_SEGMENT = ':site'

/** The segments of an image's asset URL below its review: a site's file under SITE_SEGMENT. */
export function assetSegments(src: string): string[] {
  const site = siteImagePath(src)
  return site === undefined ? src.split('/') : [SITE_SEGMENT, ...site.split('/')]
}

// ── Embeds ─────────────────────────────────────────────────────────────────────────────────────

export interface EmbedTarget {
  provider: 'youtube' | 'vimeo'
  id: string
}

/** Recognises YouTube and Vimeo video URLs; anything else is not embeddable. */
export function parseEmbedUrl(raw: string): EmbedTarget | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  const host = url.hostname.replace(/^(www\.|m\.)/, '')
  const youtubeId = /^[\w-]{11}$/
  if (host === 'youtu.be') {
    const id = url.pathname.slice(1)
    return youtubeId.test(id) ? { provider: 'youtube', id } : null
  }
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const id = url.pathname === '/watch' ? url.searchParams.get('v') ?? '' : (/^\/(?:embed|shorts|live)\/([\w-]+)$/.exec(url.pathname)?.[1] ?? '')
    return youtubeId.test(id) ? { provider: 'youtube', id } : null
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = /^\/(?:video\/)?(\d{4,12})$/.exec(url.pathname)?.[1]
    return id ? { provider: 'vimeo', id } : null
  }
  return null
}

/** The privacy-enhanced player address, used only in preview and published pages. */
export function embedPlayerUrl(target: EmbedTarget): string {
  return target.provider === 'youtube'
    ? `https://www.youtube-nocookie.com/embed/${target.id}`
    : `https://player.vimeo.com/video/${target.id}?dnt=1`
}
