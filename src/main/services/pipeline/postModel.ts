/**
 * The post model: everything a theme, an export or a publisher needs to show one review, as plain
 * data (it crosses the bridge to the preview). Built by `buildPost`, turned into a page by
 * `renderPage`.
 */
import type { ImageWidth, ScoreScale, Subject as SharedSubject } from '../../../shared/critic'
import type { ReviewMeta } from '../../../shared/model'
import type { PostForm } from '../../../shared/blogKinds'

export { SCORE_SCALES, SUBJECT_KINDS } from '../../../shared/critic'
export type { ScoreScale, SubjectKind } from '../../../shared/critic'

/** What is reviewed (front matter `subject`), plus the series, season and episode numbers of TV. */
export interface Subject extends SharedSubject {
  series?: string
  season?: number
  episode?: number
}

/** A score as shown and as published in JSON-LD. */
export interface PostScore {
  label: string
  scale: ScoreScale
  /** As written: `9.5`, `A-`. */
  raw: string
  /** `9.5/10`, `4.5/5`, `87/100`, `A-`. */
  display: string
  /** Numeric value on the scale's number line (letters mapped, see `LETTER_GRADES`). */
  ratingValue: number
  bestRating: number
  worstRating: number
  /** The score block's verdict line, as plain text, when it has one. */
  verdict?: string
}

export interface PostImage {
  /** Relative to the review folder (`assets/x.png`). */
  path: string
  /** URL as returned by `resolveAsset`. */
  src: string
  alt: string
  caption: string
  credit: string
  width: ImageWidth
}

/**
 * Every string of the post is plain text (escape it where it goes into HTML) except `html`, which
 * is sanitised HTML.
 */
export interface Post {
  id: string
  title: string
  byline: { author: string; /** `YYYY-MM-DD` */ date: string; /** "November 25, 2026" */ dateLabel: string }
  readingTime: { words: number; minutes: number; label: string }
  /** Front matter excerpt, else the opening paragraphs; never text from a spoiler block. */
  excerpt: string
  /** The body's `overall` score, else the front matter's. Absent when none is valid. */
  score?: PostScore
  subject?: Subject
  /** The front matter says the review contains spoilers. */
  spoilers: boolean
  featuredImage?: PostImage
  /** Markdown images of the body in document order (standalone and in figures). */
  images: PostImage[]
  tags: string[]
  /** Sanitised HTML of the body (a fragment). */
  html: string
  /** schema.org `Review`. Serialize with `serializeJsonLd`. */
  jsonLd: Record<string, unknown>
  /** Every review-relative file the HTML refers to, with the URL it got (exports copy or inline them). */
  assets: Array<{ path: string; src: string }>
  /** What was refused or could not be shown, for the author (never shown to readers). */
  warnings: string[]
}

/** The review as the pipeline reads it: front matter plus the Markdown body. */
export interface ReviewInput {
  id: string
  /** Front matter. `subject`, `score`, `spoilers` and `featuredImage` are read from `meta.extra`. */
  meta: ReviewMeta
  body: string
  /** A post of a site's own folder: paths from the site's root (`/img/x.jpg`) are its images too. */
  sitePaths?: boolean
}

/**
 * Maps a review-relative path (already checked to stay inside the review folder, e.g.
 * `assets/3f2a.png`), or a site's post's path from the site's root (`/img/x.png`), to the URL the output uses; `undefined` leaves the image out. Its result must be
 * a `data:image/…;base64` URI, an `https:` URL, a `verdict-asset:` URL or a safe relative path.
 */
export type AssetResolver = (relativePath: string) => string | undefined

/** What is known of an image besides its URL: its pixel size, and the blog's id for it once uploaded. */
export interface ImageDetails {
  width: number
  height: number
  mediaId?: string
}

export interface BuildOptions {
  resolveAsset?: AssetResolver
  /** Embeds become privacy-enhanced iframes when true, poster cards with a link otherwise. */
  online?: boolean
  /**
   * Offline only: each video card fills a box the size of its player, so the layout is the blog's
   * while nothing is fetched from the video site (the preview, drafted offline or not).
   */
  playerSizedCards?: boolean
  wordsPerMinute?: number
  /** BCP 47 locale for the date label. */
  locale?: string
  /** Render spoiler blocks expanded (PDF: a reader cannot click). */
  spoilersOpen?: boolean
  /** Prefix of figure credits when the credit does not carry one. */
  creditPrefix?: string
  /** Optional site data for JSON-LD. */
  site?: { name?: string; url?: string }
  /** Canonical URL of the post, when known (publish). */
  url?: string
  /** The form of the page the post goes into (its blog kind's); Verdict's own page when absent. */
  form?: PostForm
  /**
   * Who the post names as its author, where the blog's own byline names someone else (the
   * account it posts from): `inPost` opens the body with a "By …" line; `inJsonLd: false` leaves the
   * author out of the JSON-LD, when the blog's page data already names its account.
   */
  byline?: { inPost: boolean; inJsonLd: boolean }
  /** Sizes (and media ids) of the review's images by path, so each `<img>` reserves its box before it loads. */
  imageDetails?: (relativePath: string) => ImageDetails | undefined
}

export interface Theme {
  name: string
  /** The complete stylesheet (shared base + theme). */
  css: string
}

export interface PageOptions {
  theme: Theme
  colorScheme: 'light' | 'dark'
  /** Per-library CSS, appended last. */
  userCss?: string
  online: boolean
  /** `<html lang>`. */
  lang?: string
}
