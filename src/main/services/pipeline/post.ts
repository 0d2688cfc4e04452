/** `buildPost`: a review (front matter + Markdown body) → the post model every output shares. */
import { VERDICT_PAGE } from '../../../shared/blogKinds'
import { measureText, readingMinutes, readingTimeLabel } from '../../../shared/text'
import type { RenderContext } from './context'
import { readCriticFields } from './criticMeta'
import { paragraph, txt, type AnyNode } from './criticElements'
import { buildJsonLd } from './jsonld'
import { renderMarkdownBlocks } from './processor'
import { isAllowedResolvedUrl, safeRelativePath, safeSitePath, withoutBaseurl } from './paths'
import { parseScore, toPostScore } from './scores'
import type { BuildOptions, Post, PostImage, PostScore, ReviewInput } from './postModel'

export const DEFAULT_WORDS_PER_MINUTE = 265
export const EXCERPT_LENGTH = 200

export function buildPost(review: ReviewInput, opts: BuildOptions = {}): Post {
  const { meta } = review
  const fields = readCriticFields(meta)
  const warnings = new Set<string>()
  const assets = new Map<string, string>()
  const cache = new Map<string, { path: string; src: string } | null>()
  const resolveAsset = opts.resolveAsset ?? ((path: string) => path)

  const resolveImage = (raw: string): { path: string; src: string } | undefined => {
    const cached = cache.get(raw)
    if (cached !== undefined) return cached ?? undefined
    let result: { path: string; src: string } | null = null
    const path = safeRelativePath(raw) ?? (review.sitePaths ? safeSitePath(raw) : undefined)
    if (!path) {
      warnings.add(`The image “${shorten(raw)}” is not inside the review's ${review.sitePaths ? 'or the site’s ' : ''}folder and was left out.`)
    } else {
      const src = resolveAsset(path)
      if (src === undefined) warnings.add(`The image “${path}” is missing or is not an image, and was left out.`)
      else if (!isAllowedResolvedUrl(src)) warnings.add(`The image “${path}” resolved to a URL that is not allowed and was left out.`)
      else {
        result = { path, src }
        assets.set(path, src)
      }
    }
    cache.set(raw, result)
    return result ?? undefined
  }

  const form = opts.form ?? VERDICT_PAGE
  const featuredPath = fields.featuredImage ? resolveImage(fields.featuredImage.path)?.path : undefined
  const body = review.sitePaths ? withoutBaseurl(review.body) : review.body
  const ctx: RenderContext = {
    source: body,
    online: opts.online ?? false,
    playerSizedCards: opts.playerSizedCards ?? false,
    spoilersOpen: opts.spoilersOpen ?? false,
    creditPrefix: opts.creditPrefix ?? 'Image: ',
    form,
    ...(featuredPath ? { featuredPath } : {}),
    // Verdict's page says it in its header; a blog's page shows only what the body says.
    spoilerNotice: form.theme === 'blog' && fields.spoilers,
    opening: opts.byline?.inPost && meta.author.trim() ? [bylineLine(meta.author.trim())] : [],
    imageDetails: (path) => opts.imageDetails?.(path),
    resolveImage,
    warnings: [],
    images: [],
    scores: [],
    excerptParts: [],
    words: measureText(''),
  }
  const blocks = renderMarkdownBlocks(body, ctx)
  const html = blocks.join('')
  for (const warning of ctx.warnings) warnings.add(warning)

  const score = overallScore(ctx, fields.score, warnings)
  const featuredImage = featured(fields.featuredImage, ctx.images, resolveImage)
  const wpm = opts.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE
  const title = meta.title.trim() || review.id
  const excerpt = meta.excerpt.trim() || clip(ctx.excerptParts.join(' '), EXCERPT_LENGTH)
  const tags = meta.tags.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim())

  if (!meta.author.trim()) warnings.add('The review has no author: search engines need one to show it as a review.')

  const post: Post = {
    id: review.id,
    title,
    byline: { author: meta.author.trim(), date: meta.date, dateLabel: dateLabel(meta.date, opts.locale ?? 'en-US') },
    readingTime: { words: ctx.words.words, minutes: readingMinutes(ctx.words, wpm), label: readingTimeLabel(ctx.words, wpm) },
    excerpt,
    spoilers: fields.spoilers,
    images: ctx.images,
    tags,
    html,
    jsonLd: {},
    assets: [...assets].map(([path, src]) => ({ path, src })),
    warnings: [...warnings],
  }
  htmlBlocksOf.set(post, blocks)
  if (score) post.score = score
  if (fields.subject) post.subject = fields.subject
  if (featuredImage) post.featuredImage = featuredImage
  post.jsonLd = buildJsonLd({
    title,
    author: opts.byline?.inJsonLd === false ? null : post.byline.author,
    date: meta.date,
    updated: meta.updated,
    excerpt,
    tags,
    subject: fields.subject,
    score,
    image: featuredImage ?? ctx.images[0],
    site: opts.site,
    url: opts.url,
  })
  return post
}

/** The body's HTML of each post as built, cut at its top-level elements (renderMarkdownBlocks). */
const htmlBlocksOf = new WeakMap<Post, string[]>()

/**
 * `post.html` cut at its top-level elements, by which the preview patches its page. Kept beside the
 * post, not in it: a copy with other HTML (`{ ...post, html }`) is one block, never stale pieces.
 */
export function htmlBlocks(post: Post): string[] {
  return htmlBlocksOf.get(post) ?? [post.html]
}

/** "By Tian Hanutsaha" atop the body (a paragraph with a class: never taken for the excerpt). */
function bylineLine(author: string): AnyNode {
  return paragraph([txt(`By ${author}`)], 'byline')
}

/** The body's `overall` score block wins; the front matter's mirror is used when the body has none. */
function overallScore(ctx: RenderContext, fromMeta: ReturnType<typeof readCriticFields>['score'], warnings: Set<string>): PostScore | undefined {
  const overall = ctx.scores.find((s) => s.overall)
  if (overall) return overall.score
  if (!fromMeta) return undefined
  const parsed = parseScore(fromMeta.value, fromMeta.scale)
  if (!parsed.ok) {
    warnings.add(`The front matter's score was not understood: ${parsed.reason}.`)
    return undefined
  }
  return toPostScore(parsed, fromMeta.label)
}

function featured(
  field: ReturnType<typeof readCriticFields>['featuredImage'],
  images: PostImage[],
  resolve: (raw: string) => { path: string; src: string } | undefined,
): PostImage | undefined {
  if (!field) return undefined
  const resolved = resolve(field.path)
  if (!resolved) return undefined
  const inBody = images.find((image) => image.path === resolved.path)
  return {
    path: resolved.path,
    src: resolved.src,
    alt: field.alt ?? inBody?.alt ?? '',
    caption: field.caption ?? inBody?.caption ?? '',
    credit: field.credit ?? inBody?.credit ?? '',
    width: 'full',
  }
}

function dateLabel(date: string, locale: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date
  const parsed = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(parsed.getTime())) return date
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed)
  } catch {
    return date
  }
}

/** Cuts at a word boundary and adds an ellipsis. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?—–-]+$/, '')}…`
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text
}
